package io.certwright.local;

import io.certwright.core.cluster.ResourceKind;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.nio.file.Path;

/**
 * An object read from a manifest file, with where it came from.
 *
 * @param file the file, relative to the manifest directory
 * @param document 1-based position of the YAML document in the file
 * @param kind the object's kind
 * @param object the object, namespace defaulted
 */
public record ManifestObject(Path file, int document, ResourceKind<?> kind, HasMetadata object) {
    /** Returns {@code Kind namespace/name}, or {@code Kind name} for cluster-scoped kinds. */
    public String describeObject() {
        String namespace = object.getMetadata().getNamespace();
        return kind.kind() + " " + (namespace == null ? "" : namespace + "/") + object.getMetadata().getName();
    }
}
