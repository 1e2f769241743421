package io.certwright.kubernetes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Map;

/**
 * The object a {@link ModelItemStore} hands to fabric8's informer in place of the generic resource it
 * stored: a generic resource with only the apiVersion, kind and metadata of the stored model, plus the
 * model itself. Its {@code additionalProperties} (spec and status) are empty and cannot be changed, so code that
 * reads a stored object must take {@link #model()}.
 *
 * <p>The model and its metadata are shared with the store and must not be changed; take a copy with
 * {@link io.certwright.api.Json#copy} before handing them to a caller.
 *
 * @param <T> the model type
 */
final class ModelResource<T extends HasMetadata> extends GenericKubernetesResource {
    private final transient T model;

    ModelResource(String apiVersion, String kind, T model) {
        this.model = model;
        setApiVersion(apiVersion);
        setKind(kind);
        setMetadata(model.getMetadata());
        // Drop the empty map every generic resource starts with; thousands of these stay in the cache.
        setAdditionalProperties(Map.of());
    }

    /** Returns the stored model, shared and not to be changed. */
    T model() {
        return model;
    }

    // GenericKubernetesResource's equals and hashCode compare contents; two wrappers of one model are equal.
    @Override
    public boolean equals(Object other) {
        return other instanceof ModelResource<?> resource && resource.model == model;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(model);
    }
}
