package io.certwright.core.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * The namespace and name of an object; the namespace is null for cluster-scoped objects.
 * Its string form is the work queue key, {@code namespace/name} or {@code name}.
 */
public record ObjectKey(String namespace, String name) {
    public static ObjectKey of(HasMetadata object) {
        return new ObjectKey(object.getMetadata().getNamespace(), object.getMetadata().getName());
    }

    /** Parses {@code namespace/name} or a bare cluster-scoped {@code name}. */
    public static ObjectKey parse(String key) {
        int slash = key.indexOf('/');
        return slash < 0 ? new ObjectKey(null, key) : new ObjectKey(key.substring(0, slash), key.substring(slash + 1));
    }

    @Override
    public String toString() {
        return namespace == null ? name : namespace + "/" + name;
    }
}
