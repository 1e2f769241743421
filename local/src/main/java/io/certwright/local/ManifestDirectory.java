package io.certwright.local;

import io.certwright.api.Json;
import io.certwright.api.ManifestError;
import io.certwright.api.ManifestSet;
import io.certwright.api.Manifests;
import io.certwright.core.cluster.ResourceKind;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;

/**
 * Reads every YAML file under a manifest directory through {@link Manifests}: {@code *.yaml}
 * and {@code *.yml}, in subdirectories too, multi-document, skipping the state directory.
 * Namespaced objects without a namespace are placed in {@code default}. Every problem becomes
 * an {@link InputProblem} naming the file, the object when it can be identified, the field
 * and the fix; one bad document or file never stops the others from loading.
 */
public final class ManifestDirectory {
    /** Namespace given to namespaced objects whose manifest names none, as kubectl does. */
    public static final String DEFAULT_NAMESPACE = "default";

    private final Path root;
    private final Path excluded;

    /**
     * @param root the manifest directory
     * @param excluded a subtree to skip, normally the state directory
     */
    public ManifestDirectory(Path root, Path excluded) {
        this.root = root.toAbsolutePath().normalize();
        this.excluded = excluded.toAbsolutePath().normalize();
    }

    /**
     * Result of one reading.
     *
     * @param objects objects that loaded and passed validation
     * @param problems every problem, in file order
     * @param unreadableFiles files, relative to the manifest directory, with a document that could not be parsed
     * @param rejected objects identified in the files but rejected, such as Certificates failing validation
     */
    public record Reading(List<ManifestObject> objects, List<InputProblem> problems, Set<String> unreadableFiles,
            Set<ManifestIndex.Key> rejected) {
    }

    public Reading read() {
        ManifestSet set;
        try {
            set = Files.isDirectory(root) ? Manifests.readDirectory(root) : new ManifestSet(List.of(), List.of(), List.of());
        } catch (IOException e) {
            throw new UncheckedIOException("listing manifests under " + root + ": " + e.getMessage(), e);
        }
        List<ManifestObject> objects = new ArrayList<>();
        for (ManifestSet.Manifest manifest : set.objects()) {
            if (isExcluded(manifest.source())) {
                continue;
            }
            HasMetadata object = manifest.object();
            ResourceKind<?> kind = kindOf(object);
            defaultNamespace(kind, object);
            objects.add(new ManifestObject(relative(manifest.source()), manifest.document(), kind, object));
        }
        List<InputProblem> problems = new ArrayList<>();
        Set<String> unreadable = new LinkedHashSet<>();
        Set<ManifestIndex.Key> rejected = new LinkedHashSet<>();
        Map<Path, List<Identity>> identities = new HashMap<>();
        for (ManifestError error : set.errors()) {
            if (isExcluded(error.source())) {
                continue;
            }
            Path file = relative(error.source());
            Identity identity = identify(identities.computeIfAbsent(error.source(), ManifestDirectory::identities),
                    error.document());
            if (identity == null || error.message().startsWith("invalid YAML") || error.document() == 0) {
                unreadable.add(file.toString());
            } else if (identity.kind() != null) {
                rejected.add(identity.key());
            }
            problems.add(toProblem(error, file, identity));
        }
        return new Reading(objects, problems, unreadable, rejected);
    }

    private static InputProblem toProblem(ManifestError error, Path file, Identity identity) {
        String object = identity == null ? "" : identity.describe();
        String location = error.line() > 0 ? "at line " + error.line()
                + (error.column() > 0 ? ", column " + error.column() : "") + ": " : "";
        if (error.fieldError() != null) {
            // A generic fix such as "change X to a valid value" repeats the message, so only the
            // loader's rule-specific fix is shown.
            return new InputProblem(file, error.document(), object, error.fieldError().field(),
                    location + error.fieldError().body(), error.fix());
        }
        return new InputProblem(file, error.document(), object, fieldOf(error.message()), location + error.message(),
                fixOf(error));
    }

    /**
     * Returns the loader's fix for a problem that is not a field error. The loader gives whole-file
     * errors their own fix (an unreadable file, one too large, one that is not UTF-8) and leaves it
     * empty when its message already states what to change.
     */
    private static String fixOf(ManifestError error) {
        if (!error.fix().isEmpty()) {
            return error.fix();
        }
        if (error.message().startsWith("invalid YAML")) {
            return "correct the YAML syntax there; the other documents and files still load";
        }
        return "";
    }

    /** Returns the field a structural message is about, such as {@code kind} or {@code metadata.name}. */
    private static String fieldOf(String message) {
        if (message.contains("metadata.name")) {
            return "metadata.name";
        }
        if (message.startsWith("kind ") || message.contains(" kind ")) {
            return "kind";
        }
        if (message.startsWith("apiVersion") || message.contains("apiVersion is missing")) {
            return "apiVersion";
        }
        if (message.startsWith("Secret \"") && message.contains(": data[")) {
            int start = message.indexOf("data[");
            return message.substring(start, message.indexOf(']', start) + 1);
        }
        return "";
    }

    private boolean isExcluded(Path source) {
        return source.toAbsolutePath().normalize().startsWith(excluded);
    }

    private Path relative(Path source) {
        Path absolute = source.toAbsolutePath().normalize();
        return absolute.startsWith(root) ? root.relativize(absolute) : absolute;
    }

    private static void defaultNamespace(ResourceKind<?> kind, HasMetadata object) {
        if (kind.namespaced()) {
            String namespace = object.getMetadata().getNamespace();
            if (namespace == null || namespace.isEmpty()) {
                object.getMetadata().setNamespace(DEFAULT_NAMESPACE);
            }
        } else {
            object.getMetadata().setNamespace(null);
        }
    }

    private static ResourceKind<?> kindOf(HasMetadata object) {
        ResourceKind<?> kind = ResourceKind.of(object);
        if (kind == null) {
            throw new IllegalArgumentException("unexpected manifest object type " + object.getClass().getName());
        }
        return kind;
    }

    /** Kind, namespace and name of one document, as far as they can be read. */
    private record Identity(ResourceKind<?> kind, String kindName, String namespace, String name) {
        String describe() {
            if (kindName.isEmpty() && name.isEmpty()) {
                return "";
            }
            String label = kindName.isEmpty() ? "object" : kindName;
            if (name.isEmpty()) {
                return label;
            }
            return label + " " + (namespace == null ? "" : namespace + "/") + name;
        }

        ManifestIndex.Key key() {
            return new ManifestIndex.Key(kind.kind(), namespace, name);
        }
    }

    private static Identity identify(List<Identity> identities, int document) {
        return document >= 1 && document <= identities.size() ? identities.get(document - 1) : null;
    }

    /**
     * Reads kind, namespace and name of each document of a file, so that a problem can name its
     * object. Documents after a syntax error stay unidentified.
     */
    private static List<Identity> identities(Path file) {
        List<Identity> identities = new ArrayList<>();
        try (MappingIterator<JsonNode> documents = Json.yaml().readerFor(JsonNode.class)
                .readValues(Files.readAllBytes(file))) {
            while (documents.hasNextValue()) {
                identities.add(identity(documents.nextValue()));
            }
        } catch (IOException | JacksonException e) {
            // Identities end at the first document that cannot be parsed.
        }
        return identities;
    }

    private static Identity identity(JsonNode node) {
        if (node == null || !node.isObject()) {
            return new Identity(null, "", null, "");
        }
        String kindName = node.path("kind").asString("");
        String name = node.path("metadata").path("name").asString("");
        String namespace = node.path("metadata").path("namespace").asString("");
        ResourceKind<?> kind = ResourceKind.byKind(kindName);
        if (kind == null || name.isEmpty()) {
            return new Identity(null, kindName, null, name);
        }
        if (!kind.namespaced()) {
            namespace = null;
        } else if (namespace.isEmpty()) {
            namespace = DEFAULT_NAMESPACE;
        }
        return new Identity(kind, kindName, namespace, name);
    }
}
