package io.certwright.api;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.nio.file.Path;
import java.util.List;

/**
 * Result of loading a directory of manifests: the objects that loaded and passed validation, in
 * file and document order, every problem found, and the admission warnings of accepted objects.
 */
public record ManifestSet(List<Manifest> objects, List<ManifestError> errors, List<String> warnings) {

    /** One loaded object with the file and 1-based document number it came from. */
    public record Manifest(Path source, int document, HasMetadata object) {
    }

    public ManifestSet {
        objects = List.copyOf(objects);
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    /** Returns the loaded objects of one type (Certificate, Issuer, Secret, ...), in load order. */
    public <T extends HasMetadata> List<T> objectsOfType(Class<T> type) {
        return objects.stream().map(Manifest::object).filter(type::isInstance).map(type::cast).toList();
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }
}
