package io.certwright.local;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.certwright.api.Json;
import io.certwright.core.cluster.ResourceKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Map from stored objects to the manifest file each came from. The runtime needs it to tell a Secret a
 * user wrote (updated and deleted with its manifest) from a Secret the controllers wrote (never
 * touched by reloads), and to delete objects whose manifest was removed while it was stopped.
 */
final class ManifestIndex {
    private final Map<Key, String> files = new LinkedHashMap<>();

    /** Identity of an object across reloads. */
    record Key(String kind, String namespace, String name) {
        static Key of(ManifestObject object) {
            return new Key(object.kind().kind(), object.object().getMetadata().getNamespace(),
                    object.object().getMetadata().getName());
        }

        ResourceKind<?> resourceKind() {
            return ResourceKind.byKind(kind);
        }

        @Override
        public String toString() {
            return kind + " " + (namespace == null ? "" : namespace + "/") + name;
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Entry(String kind, String namespace, String name, String file) {
    }

    void put(Key key, String file) {
        files.put(key, file);
    }

    String fileOf(Key key) {
        return files.get(key);
    }

    Map<Key, String> entries() {
        return files;
    }

    static ManifestIndex read(StateLayout layout) {
        ManifestIndex index = new ManifestIndex();
        try {
            Entry[] entries = Json.yaml().readValue(Files.readAllBytes(layout.manifestIndex()), Entry[].class);
            for (Entry entry : entries) {
                index.put(new Key(entry.kind(), entry.namespace(), entry.name()), entry.file());
            }
        } catch (NoSuchFileException e) {
            // First start: nothing was loaded from manifests yet.
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + layout.manifestIndex() + ": " + e.getMessage(), e);
        }
        return index;
    }

    void write(StateLayout layout) {
        List<Entry> entries = new ArrayList<>();
        files.forEach((key, file) -> entries.add(new Entry(key.kind(), key.namespace(), key.name(), file)));
        AtomicFiles.write(layout.manifestIndex(), Json.yaml().writeValueAsBytes(entries.toArray(new Entry[0])),
                AtomicFiles.PUBLIC_FILE);
    }

    @Override
    public String toString() {
        return Arrays.toString(files.entrySet().toArray());
    }
}
