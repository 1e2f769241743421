package io.certwright.kubernetes;

import io.certwright.core.cluster.ResourceKind;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The informer store of a cert-manager kind that keeps each object as a Certwright model, converted once
 * when it arrives, instead of as fabric8's generic resource. A generic resource stores every field as nested
 * maps and strings, and keeping both it and a converted model was more than half of the retained heap per
 * Certificate in {@code bench/scale --runtime kubernetes}.
 *
 * <p>{@code metadata.managedFields} is dropped on arrival: the controllers never read it on these kinds, and
 * its nested field sets were the largest part of each cached object. Equal strings and CA certificates are
 * shared among the stored models through a {@link ValueInterner}. Every read returns a
 * {@link ModelResource} wrapping the stored model, so the informer's update notifications carry the old
 * object at no cost. The informer calls {@link #put} and {@link #remove} under its own lock, and readers
 * call {@link #get} and {@link #values} concurrently, so the map is concurrent.
 *
 * @param <T> the model type
 */
final class ModelItemStore<T extends HasMetadata> implements ItemStore<GenericKubernetesResource> {
    private final ResourceKind<T> kind;
    private final String apiVersion;
    private final ConcurrentHashMap<String, ModelResource<T>> objects = new ConcurrentHashMap<>();
    private final ValueInterner interner = new ValueInterner();
    private final StoreIndexes indexes = new StoreIndexes();

    ModelItemStore(ResourceKind<T> kind) {
        this.kind = kind;
        this.apiVersion = ApiResources.apiVersion(kind);
    }

    @Override
    public String getKey(GenericKubernetesResource object) {
        return Cache.metaNamespaceKeyFunc(object);
    }

    @Override
    public GenericKubernetesResource put(String key, GenericKubernetesResource object) {
        ModelResource<T> stored = wrap(object);
        ModelResource<T> previous = objects.put(key, stored);
        indexes.update(key, previous == null ? null : previous.model(), stored.model());
        return previous;
    }

    @Override
    public GenericKubernetesResource remove(String key) {
        ModelResource<T> previous = objects.remove(key);
        if (previous != null) {
            indexes.update(key, previous.model(), null);
        }
        return previous;
    }

    /** Returns the secondary indexes this store keeps over its models. */
    StoreIndexes indexes() {
        return indexes;
    }

    @Override
    public Stream<String> keySet() {
        return objects.keySet().stream();
    }

    @Override
    public Stream<GenericKubernetesResource> values() {
        return objects.values().stream().map(GenericKubernetesResource.class::cast);
    }

    @Override
    public int size() {
        return objects.size();
    }

    @Override
    public GenericKubernetesResource get(String key) {
        return objects.get(key);
    }

    /**
     * Returns the model of an object the informer delivered, shared and not to be changed: its own model when
     * this store returned it, or else the model stored under its key when that has the same resourceVersion.
     * fabric8 notifies listeners of additions and updates with the object it received, not with what this
     * store made of it, so listeners take the stored model this way instead of converting the object again.
     * An object the store has already replaced is converted.
     */
    T sharedModel(GenericKubernetesResource object) {
        if (object instanceof ModelResource<?>) {
            return ModelItemStore.modelOf(object);
        }
        ModelResource<T> stored = objects.get(getKey(object));
        if (stored != null && Objects.equals(stored.getMetadata().getResourceVersion(),
                object.getMetadata().getResourceVersion())) {
            return stored.model();
        }
        return ResourceCodec.fromGeneric(kind, object);
    }

    /** Returns the stored model of an object this store returned, shared and not to be changed. */
    @SuppressWarnings("unchecked")
    static <T extends HasMetadata> T modelOf(GenericKubernetesResource stored) {
        if (stored instanceof ModelResource<?> resource) {
            return (T) resource.model();
        }
        throw new IllegalArgumentException("not an object of a ModelItemStore: " + stored.getClass().getName());
    }

    private ModelResource<T> wrap(GenericKubernetesResource object) {
        if (object instanceof ModelResource<?> resource) {
            // An object this store returned is already a model; fabric8 does not put one back today.
            return castModel(resource);
        }
        // The generic object is fabric8's own parse of the event, which nothing else keeps. Interning the strings
        // of its spec and status before the conversion gives the model the shared instances, because the
        // conversion keeps strings as they are.
        interner.internTree(object.getAdditionalProperties());
        T model = ResourceCodec.fromGeneric(kind, object);
        model.getMetadata().setManagedFields(null);
        interner.internMetadata(model.getMetadata());
        interner.shareKnownValues(model);
        return new ModelResource<>(apiVersion, kind.kind(), model);
    }

    @SuppressWarnings("unchecked")
    private ModelResource<T> castModel(ModelResource<?> resource) {
        kind.type().cast(resource.model());
        return (ModelResource<T>) resource;
    }
}
