package io.certwright.kubernetes;

import io.certwright.api.Json;
import io.certwright.core.cluster.ResourceKind;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Reads of one kind served from the store of its informer. Results are copies, so callers own them;
 * the informer's objects are never handed out.
 *
 * <p>{@link #listMatching} runs its filter on models and copies only the accepted ones: the controllers
 * filter whole namespaces on every reconcile, and converting every object of the namespace each time was
 * most of the Kubernetes runtime's CPU in a 1,000-Certificate benchmark. When the informer stores the model
 * type itself (Secrets), the stored objects are the models. Otherwise each stored object is converted once
 * per resourceVersion and kept with its JSON encoding, which costs memory but no second Secret copy.
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
    /** Whether the informer stores objects of the model type, so that they can be filtered without converting. */
    private final boolean storedAsModel;
    /** The converted model of every stored object, by informer key; an entry is replaced when its resourceVersion changes. */
    private final ConcurrentHashMap<String, Converted<T>> models = new ConcurrentHashMap<>();

    /**
     * @param convert makes a caller-owned model object from a stored one
     * @param storedAsModel true when the informer stores the model type, as for Secrets
     */
    KindCache(ResourceKind<T> kind, SharedIndexInformer<S> informer, Function<S, T> convert, boolean storedAsModel) {
        this.kind = kind;
        this.informer = informer;
        this.convert = convert;
        this.storedAsModel = storedAsModel;
        informer.addEventHandler(new ResourceEventHandler<>() {
            @Override
            public void onAdd(S object) {
            }

            @Override
            public void onUpdate(S oldObject, S newObject) {
            }

            @Override
            public void onDelete(S object, boolean deletedFinalStateUnknown) {
                models.remove(key(object.getMetadata().getNamespace(), object.getMetadata().getName()));
            }
        });
    }

    ResourceKind<T> kind() {
        return kind;
    }

    SharedIndexInformer<S> informer() {
        return informer;
    }

    Optional<T> get(String namespace, String name) {
        S stored = informer.getIndexer().getByKey(key(namespace, name));
        if (stored == null) {
            return Optional.empty();
        }
        return Optional.of(storedAsModel ? convert.apply(stored) : model(stored).copy());
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
            if (storedAsModel) {
                if (filter.test(kind.type().cast(object))) {
                    accepted.add(convert.apply(object));
                }
                continue;
            }
            Converted<T> converted = model(object);
            if (filter.test(converted.model())) {
                accepted.add(converted.copy());
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

    private Converted<T> model(S stored) {
        String key = key(stored.getMetadata().getNamespace(), stored.getMetadata().getName());
        String resourceVersion = stored.getMetadata().getResourceVersion();
        Converted<T> converted = models.get(key);
        if (converted == null || !Objects.equals(converted.resourceVersion(), resourceVersion)) {
            // Two threads may convert the same version at once; the results are equal, so either may win.
            converted = new Converted<>(kind, resourceVersion, convert.apply(stored));
            // Keep it only while the object is stored, so that a read racing with a delete leaves no entry.
            // NOTE: a delete between this check and the put still leaves one stale entry, until the name is reused.
            if (informer.getIndexer().getByKey(key) != null) {
                models.put(key, converted);
            }
        }
        return converted;
    }

    private String key(String namespace, String name) {
        return kind.namespaced() ? Cache.namespaceKeyFunc(namespace, name) : name;
    }

    /**
     * A converted model and its JSON encoding, made on the first copy. Decoding the encoding makes a copy
     * equal to a fresh conversion that shares nothing with the model, which is never handed out.
     */
    private static final class Converted<T extends HasMetadata> {
        private final ResourceKind<T> kind;
        private final String resourceVersion;
        private final T model;
        private volatile byte[] json;

        Converted(ResourceKind<T> kind, String resourceVersion, T model) {
            this.kind = kind;
            this.resourceVersion = resourceVersion;
            this.model = model;
        }

        String resourceVersion() {
            return resourceVersion;
        }

        T model() {
            return model;
        }

        T copy() {
            byte[] encoded = json;
            if (encoded == null) {
                encoded = Json.json().writeValueAsBytes(model);
                json = encoded;
            }
            return kind.type().cast(Json.json().readValue(encoded, model.getClass()));
        }
    }
}
