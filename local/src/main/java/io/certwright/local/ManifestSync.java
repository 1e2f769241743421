package io.certwright.local;

import io.certwright.api.Json;
import io.certwright.api.model.CertManagerResource;
import io.certwright.core.cluster.Cluster;
import io.certwright.core.cluster.ClusterException;
import io.certwright.core.cluster.ResourceKind;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the store match the manifest directory: creates objects that appeared, updates the
 * metadata and spec of objects whose document changed (their status stays), and deletes
 * objects whose document was removed. Secrets written by the controllers are never touched;
 * Secrets from manifests are replaced whole.
 *
 * <p>An object that fails validation stays out of the store; when an earlier version of it
 * is stored, that version is kept, so a typo made while editing does not delete a working
 * certificate. Objects of a file that cannot be parsed are kept for the same reason. Not
 * thread-safe: the runtime calls it from one thread at a time.
 */
final class ManifestSync {
    private static final Logger LOG = LoggerFactory.getLogger(ManifestSync.class);

    /** Kinds that only manifests create in the local runtime, so a stored one without a manifest was removed. */
    private static final List<ResourceKind<?>> MANIFEST_ONLY_KINDS =
            List.of(ResourceKind.CERTIFICATE, ResourceKind.ISSUER, ResourceKind.CLUSTER_ISSUER);

    private final Cluster cluster;
    private final StateLayout layout;
    private final ManifestChecks checks;
    private ManifestIndex index;

    ManifestSync(Cluster cluster, StateLayout layout, ManifestChecks checks) {
        this.cluster = cluster;
        this.layout = layout;
        this.checks = checks;
    }

    /**
     * Applies one reading of the manifest directory.
     *
     * @param objects every object read, in file order
     * @param unreadableFiles files, relative to the manifest directory, that could not be parsed
     * @param rejected objects that failed validation; a stored earlier version of each is kept
     * @return the problems found while applying, in file order
     */
    List<InputProblem> apply(List<ManifestObject> objects, Set<String> unreadableFiles,
            Set<ManifestIndex.Key> rejected) {
        if (index == null) {
            index = ManifestIndex.read(layout);
        }
        List<InputProblem> problems = new ArrayList<>();
        Map<ManifestIndex.Key, ManifestObject> desired = new LinkedHashMap<>();
        Set<ManifestIndex.Key> keptAsStored = new LinkedHashSet<>(rejected);

        for (ManifestObject object : objects) {
            ManifestIndex.Key key = ManifestIndex.Key.of(object);
            ManifestObject earlier = desired.get(key);
            if (earlier != null) {
                problems.add(new InputProblem(object.file(), object.document(), object.describeObject(),
                        "metadata.name", "is already defined in " + earlier.file() + " (document "
                        + earlier.document() + ")", "remove one of the two documents or give them different names"));
                continue;
            }
            problems.addAll(checks.inspect(object));
            desired.put(key, object);
        }

        for (ResourceKind<?> kind : ResourceKind.ALL) {
            for (ManifestObject object : desired.values()) {
                if (object.kind() == kind) {
                    createOrUpdate(object, problems);
                }
            }
        }
        deleteRemoved(desired.keySet(), keptAsStored, unreadableFiles);
        writeIndex(desired, keptAsStored);
        return problems;
    }

    private void deleteRemoved(Set<ManifestIndex.Key> desired, Set<ManifestIndex.Key> keptAsStored,
            Set<String> unreadableFiles) {
        Set<ManifestIndex.Key> previous = new LinkedHashSet<>(index.entries().keySet());
        for (ResourceKind<?> kind : MANIFEST_ONLY_KINDS) {
            for (HasMetadata stored : cluster.list(kind, null)) {
                previous.add(new ManifestIndex.Key(kind.kind(), stored.getMetadata().getNamespace(),
                        stored.getMetadata().getName()));
            }
        }
        for (ManifestIndex.Key key : previous) {
            String file = index.fileOf(key);
            boolean fileUnreadable = file != null && unreadableFiles.contains(file);
            boolean keep = desired.contains(key) || keptAsStored.contains(key) || fileUnreadable;
            if (!keep && key.resourceKind() != null) {
                LOG.info("deleting object whose manifest was removed: kind={}, namespace={}, name={}", key.kind(),
                        key.namespace(), key.name());
                cluster.delete(key.resourceKind(), key.namespace(), key.name());
            }
        }
    }

    private void writeIndex(Map<ManifestIndex.Key, ManifestObject> desired, Set<ManifestIndex.Key> keptAsStored) {
        ManifestIndex next = new ManifestIndex();
        desired.forEach((key, object) -> next.put(key, object.file().toString()));
        for (ManifestIndex.Key key : keptAsStored) {
            String file = index.fileOf(key);
            if (file != null) {
                next.put(key, file);
            }
        }
        for (Map.Entry<ManifestIndex.Key, String> entry : index.entries().entrySet()) {
            ManifestIndex.Key key = entry.getKey();
            if (next.fileOf(key) == null && key.resourceKind() != null
                    && cluster.get(key.resourceKind(), key.namespace(), key.name()).isPresent()) {
                // Kept because its file could not be parsed this time.
                next.put(key, entry.getValue());
            }
        }
        index = next;
        index.write(layout);
    }

    private <T extends HasMetadata> void createOrUpdate(ManifestObject manifest, List<InputProblem> problems) {
        @SuppressWarnings("unchecked")
        ResourceKind<T> kind = (ResourceKind<T>) manifest.kind();
        T desired = kind.type().cast(normalize(manifest.object()));
        String namespace = desired.getMetadata().getNamespace();
        String name = desired.getMetadata().getName();
        try {
            Optional<T> stored = cluster.get(kind, namespace, name);
            if (stored.isEmpty()) {
                cluster.create(kind, desired);
                LOG.debug("created object from manifest: kind={}, namespace={}, name={}, file={}", kind.kind(),
                        namespace, name, manifest.file());
                if (desired instanceof CertManagerResource<?, ?> resource && resource.getStatus() != null) {
                    // A status written in a manifest is applied like any other status write.
                    cluster.updateStatus(kind, desired);
                }
            } else if (!sameUserFields(stored.get(), desired)) {
                cluster.update(kind, desired);
                LOG.info("updated object from its changed manifest: kind={}, namespace={}, name={}, file={}",
                        kind.kind(), namespace, name, manifest.file());
            }
        } catch (ClusterException e) {
            problems.add(new InputProblem(manifest.file(), manifest.document(), manifest.describeObject(), "",
                    e.getMessage(), "correct the document and save the file again"));
        }
    }

    /** Returns a copy without the fields the store assigns, with stringData folded into data. */
    private static HasMetadata normalize(HasMetadata object) {
        HasMetadata copy = Json.copy(object);
        ObjectMeta metadata = copy.getMetadata();
        metadata.setResourceVersion(null);
        metadata.setUid(null);
        metadata.setCreationTimestamp(null);
        metadata.setGeneration(null);
        metadata.setManagedFields(null);
        if (copy instanceof Secret secret) {
            Map<String, String> data = new LinkedHashMap<>();
            if (secret.getData() != null) {
                data.putAll(secret.getData());
            }
            if (secret.getStringData() != null) {
                secret.getStringData().forEach((key, value) -> data.put(key,
                        Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))));
            }
            secret.setData(data);
            secret.setStringData(null);
            if (secret.getType() == null || secret.getType().isEmpty()) {
                secret.setType("Opaque");
            }
        }
        return copy;
    }

    /** Compares the fields a manifest sets: labels, annotations and spec, or for Secrets type and data. */
    private static boolean sameUserFields(HasMetadata stored, HasMetadata desired) {
        ObjectMeta a = stored.getMetadata();
        ObjectMeta b = desired.getMetadata();
        if (!Objects.equals(emptyToNull(a.getLabels()), emptyToNull(b.getLabels()))
                || !Objects.equals(emptyToNull(a.getAnnotations()), emptyToNull(b.getAnnotations()))
                || !Objects.equals(emptyToNull(a.getOwnerReferences()), emptyToNull(b.getOwnerReferences()))) {
            return false;
        }
        if (stored instanceof Secret storedSecret && desired instanceof Secret desiredSecret) {
            return Objects.equals(storedSecret.getType(), desiredSecret.getType())
                    && Objects.equals(emptyToNull(storedSecret.getData()), emptyToNull(desiredSecret.getData()));
        }
        if (stored instanceof CertManagerResource<?, ?> storedResource
                && desired instanceof CertManagerResource<?, ?> desiredResource) {
            return Json.json().valueToTree(storedResource.getSpec())
                    .equals(Json.json().valueToTree(desiredResource.getSpec()));
        }
        return false;
    }

    private static Object emptyToNull(Map<?, ?> map) {
        return map == null || map.isEmpty() ? null : map;
    }

    private static Object emptyToNull(List<?> list) {
        return list == null || list.isEmpty() ? null : list;
    }
}
