package io.certwright.kubernetes;

import io.certwright.core.cluster.ResourceKind;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads of one kind served from the store of its informer. Results are converted, so callers own
 * them; the informer's objects are never handed out.
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
    private final Function<S, T> convert;

    KindCache(ResourceKind<T> kind, SharedIndexInformer<S> informer, Function<S, T> convert) {
        this.kind = kind;
        this.informer = informer;
        this.convert = convert;
    }

    ResourceKind<T> kind() {
        return kind;
    }

    SharedIndexInformer<S> informer() {
        return informer;
    }

    Optional<T> get(String namespace, String name) {
        String key = kind.namespaced() ? Cache.namespaceKeyFunc(namespace, name) : name;
        return Optional.ofNullable(informer.getIndexer().getByKey(key)).map(convert);
    }

    /** Lists cached objects in one namespace, or all when {@code namespace} is null, by namespace and name. */
    List<T> list(String namespace) {
        List<S> found = namespace == null || !kind.namespaced()
                ? informer.getIndexer().list()
                : informer.getIndexer().byIndex(Cache.NAMESPACE_INDEX, namespace);
        List<T> converted = new ArrayList<>(found.size());
        for (S object : found) {
            converted.add(convert.apply(object));
        }
        converted.sort(BY_NAMESPACE_AND_NAME);
        return converted;
    }
}
