package io.certwright.kubernetes;

import io.certwright.core.cluster.ChangeListener;
import io.certwright.core.cluster.ObjectKey;
import io.certwright.core.cluster.ResourceKind;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds an informer's add, update and delete notifications to the {@link ChangeListener}s of the
 * Cluster port as the cache's shared model objects, which listeners must not change or keep.
 *
 * <p>Updates whose resourceVersion did not change are dropped: the informer emits them on every
 * resync, and nothing changed. A listener that throws is logged and does not stop the others.
 *
 * @param <S> the type the informer stores
 */
final class ListenerBridge<S extends HasMetadata> implements ResourceEventHandler<S> {
    private static final Logger log = LoggerFactory.getLogger(ListenerBridge.class);

    private final ResourceKind<?> kind;
    private final Function<S, ? extends HasMetadata> convert;
    private final List<ChangeListener> listeners;

    ListenerBridge(ResourceKind<?> kind, Function<S, ? extends HasMetadata> convert, List<ChangeListener> listeners) {
        this.kind = kind;
        this.convert = convert;
        this.listeners = listeners;
    }

    @Override
    public void onAdd(S object) {
        deliver(null, convert.apply(object));
    }

    @Override
    public void onUpdate(S oldObject, S newObject) {
        if (sameResourceVersion(oldObject, newObject)) {
            return;
        }
        deliver(convert.apply(oldObject), convert.apply(newObject));
    }

    @Override
    public void onDelete(S object, boolean finalStateUnknown) {
        deliver(convert.apply(object), null);
    }

    static boolean sameResourceVersion(HasMetadata oldObject, HasMetadata newObject) {
        String oldVersion = oldObject.getMetadata().getResourceVersion();
        return oldVersion != null && Objects.equals(oldVersion, newObject.getMetadata().getResourceVersion());
    }

    private void deliver(HasMetadata oldObject, HasMetadata newObject) {
        for (ChangeListener listener : listeners) {
            try {
                listener.onChange(kind, oldObject, newObject);
            } catch (RuntimeException e) {
                log.warn("change listener failed on {} {}: {}", kind.kind(),
                        ObjectKey.of(newObject != null ? newObject : oldObject), e.getMessage(), e);
            }
        }
    }
}
