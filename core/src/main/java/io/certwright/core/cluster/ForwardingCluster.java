package io.certwright.core.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A {@link Cluster} that passes every call unchanged to another one. A subclass overrides only the calls
 * it adds behaviour to, such as logging events or injecting a failure in a test, and inherits the
 * forwarding of the rest, including {@link #listMatching}.
 */
public abstract class ForwardingCluster implements Cluster {
    private final Cluster delegate;

    protected ForwardingCluster(Cluster delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** Returns the cluster that receives the calls. */
    protected final Cluster delegate() {
        return delegate;
    }

    @Override
    public <T extends HasMetadata> Optional<T> get(ResourceKind<T> kind, String namespace, String name) {
        return delegate.get(kind, namespace, name);
    }

    @Override
    public <T extends HasMetadata> List<T> list(ResourceKind<T> kind, String namespace) {
        return delegate.list(kind, namespace);
    }

    @Override
    public <T extends HasMetadata> List<T> listMatching(ResourceKind<T> kind, String namespace,
            Predicate<? super T> filter) {
        return delegate.listMatching(kind, namespace, filter);
    }

    @Override
    public <T extends HasMetadata> List<T> listIndexed(ClusterIndex<T> index, String namespace, String value) {
        return delegate.listIndexed(index, namespace, value);
    }

    @Override
    public <T extends HasMetadata> void forEachShared(ResourceKind<T> kind, String namespace,
            Consumer<? super T> reader) {
        delegate.forEachShared(kind, namespace, reader);
    }

    @Override
    public <T extends HasMetadata> T create(ResourceKind<T> kind, T object) {
        return delegate.create(kind, object);
    }

    @Override
    public <T extends HasMetadata> T update(ResourceKind<T> kind, T object) {
        return delegate.update(kind, object);
    }

    @Override
    public <T extends HasMetadata> T updateStatus(ResourceKind<T> kind, T object) {
        return delegate.updateStatus(kind, object);
    }

    @Override
    public <T extends HasMetadata> void delete(ResourceKind<T> kind, String namespace, String name) {
        delegate.delete(kind, namespace, name);
    }

    @Override
    public Secret applySecret(Secret desired, String fieldManager) {
        return delegate.applySecret(desired, fieldManager);
    }

    @Override
    public void addListener(ChangeListener listener) {
        delegate.addListener(listener);
    }

    @Override
    public EventRecorder events(String source) {
        return delegate.events(source);
    }

    @Override
    public List<Event> eventsFor(ResourceKind<?> kind, String namespace, String name) {
        return delegate.eventsFor(kind, namespace, name);
    }
}
