package io.certwright.kubernetes;

import io.certwright.core.cluster.ClusterIndex;
import io.certwright.core.cluster.ResourceKind;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Reads of one kind served from the store of its informer. Results are copies, so callers own them;
 * the informer's objects are never handed out.
 *
 * <p>{@link #listMatching} runs its filter on the stored models and copies only the accepted ones: the
 * controllers filter whole namespaces on every reconcile, and converting every object of the namespace each
 * time was most of the Kubernetes runtime's CPU in a 1,000-Certificate benchmark. The informers store models
 * (Secrets as they are, the cert-manager kinds in a {@link ModelItemStore}), so filtering converts nothing.
 *
 * @param <S> the type the informer stores (fabric8's generic resource, or Secret)
 * @param <T> the model type callers see
 */
final class KindCache<S extends HasMetadata, T extends HasMetadata> {
    private static final Comparator<HasMetadata> BY_NAMESPACE_AND_NAME = Comparator
            .comparing((HasMetadata object) -> object.getMetadata().getNamespace(),
                    Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(object -> object.getMetadata().getName());

    private final ResourceKind<T> kind;
    private final SharedIndexInformer<S> informer;
    private final Function<S, T> sharedModel;
    private final Function<S, T> copy;
    private final StoreIndexes indexes;

    /**
     * @param sharedModel returns the model of a stored object without copying it, for filters only
     * @param copy makes a caller-owned model from a stored object
     * @param indexes the secondary indexes that the informer's item store keeps
     */
    KindCache(ResourceKind<T> kind, SharedIndexInformer<S> informer, Function<S, T> sharedModel,
            Function<S, T> copy, StoreIndexes indexes) {
        this.kind = kind;
        this.informer = informer;
        this.sharedModel = sharedModel;
        this.copy = copy;
        this.indexes = indexes;
    }

    ResourceKind<T> kind() {
        return kind;
    }

    /** Adds a secondary index to the informer's item store; call it before the informer starts. */
    void addIndex(ClusterIndex<T> index) {
        indexes.add(index);
    }

    /**
     * Lists as {@link io.certwright.core.cluster.Cluster#listIndexed} does, from an index added with
     * {@link #addIndex}. An object that changed after the index lookup is checked against the value again.
     */
    List<T> listIndexed(ClusterIndex<T> index, String namespace, String value) {
        List<T> found = new ArrayList<>();
        for (String key : indexes.keys(index, value)) {
            S object = informer.getIndexer().getByKey(key);
            boolean inNamespace = object != null
                    && (namespace == null || !kind.namespaced() || namespace.equals(object.getMetadata().getNamespace()));
            if (inNamespace && index.valuesOf(sharedModel.apply(object)).contains(value)) {
                found.add(copy.apply(object));
            }
        }
        found.sort(BY_NAMESPACE_AND_NAME);
        return found;
    }

    SharedIndexInformer<S> informer() {
        return informer;
    }

    Optional<T> get(String namespace, String name) {
        S stored = informer.getIndexer().getByKey(key(namespace, name));
        return stored == null ? Optional.empty() : Optional.of(copy.apply(stored));
    }

    /** Lists cached objects in one namespace, or all when {@code namespace} is null, by namespace and name. */
    List<T> list(String namespace) {
        return listMatching(namespace, object -> true);
    }

    /**
     * Lists the cached objects that {@code filter} accepts, as {@link #list} does. The filter receives shared
     * models and must not change them.
     */
    List<T> listMatching(String namespace, Predicate<? super T> filter) {
        List<T> accepted = new ArrayList<>();
        for (S object : stored(namespace)) {
            if (filter.test(sharedModel.apply(object))) {
                accepted.add(copy.apply(object));
            }
        }
        accepted.sort(BY_NAMESPACE_AND_NAME);
        return accepted;
    }

    private List<S> stored(String namespace) {
        return namespace == null || !kind.namespaced()
                ? informer.getIndexer().list()
                : informer.getIndexer().byIndex(Cache.NAMESPACE_INDEX, namespace);
    }

    private String key(String namespace, String name) {
        return kind.namespaced() ? Cache.namespaceKeyFunc(namespace, name) : name;
    }
}
