package io.certwright.local;

import io.certwright.api.Json;
import io.certwright.api.model.CertManagerResource;
import io.certwright.api.model.Certificate;
import io.certwright.core.cluster.Cluster;
import io.certwright.core.cluster.ClusterException;
import io.certwright.core.cluster.ResourceKind;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
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
 * objects whose document was removed. Secrets from manifests are server-side applied by the
 * field manager {@value #FIELD_MANAGER}, as {@code kubectl apply --server-side} would, so keys
 * that a controller writes into the same Secret (a Certificate whose secretName names a
 * manifest's Secret) stay; removing the manifest removes only the fields it set.
 *
 * <p>An object that fails validation stays out of the store; when an earlier version of it
 * is stored, that version is kept, so a typo made while editing does not delete a working
 * certificate. Objects of a file that cannot be parsed are kept for the same reason. Not
 * thread-safe: the runtime calls it from one thread at a time.
 */
final class ManifestSync {
    /** Field manager that owns the fields manifests set in Secrets. */
    static final String FIELD_MANAGER = "certwright-manifests";

    private static final Logger LOG = LoggerFactory.getLogger(ManifestSync.class);

    /** Kinds that only manifests create in the local runtime, so a stored one without a manifest was removed. */
    private static final List<ResourceKind<?>> MANIFEST_ONLY_KINDS =
            List.of(ResourceKind.CERTIFICATE, ResourceKind.ISSUER, ResourceKind.CLUSTER_ISSUER);

    /**
     * Kinds that manifests may create, in load order. Orders and Challenges are left out because only the ACME
     * controllers create them.
     */
    private static final List<ResourceKind<?>> MANIFEST_KINDS = List.of(ResourceKind.SECRET,
            ResourceKind.CLUSTER_ISSUER, ResourceKind.ISSUER, ResourceKind.CERTIFICATE, ResourceKind.CERTIFICATE_REQUEST);

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
            Optional<InputProblem> unsafePath = pathProblem(object);
            if (unsafePath.isPresent()) {
                problems.add(unsafePath.get());
                continue;
            }
            problems.addAll(checks.inspect(object));
            desired.put(key, object);
        }

        for (ResourceKind<?> kind : MANIFEST_KINDS) {
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
            if (keep || key.resourceKind() == null) {
                continue;
            }
            if (key.resourceKind() == ResourceKind.SECRET) {
                removeManifestFields(key);
            } else {
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

    /**
     * Removes what a removed Secret manifest set. A Secret that no other field manager writes
     * is deleted; otherwise an empty apply drops the fields the manifest owned and keeps the
     * rest, such as the keys a Certificate issued into it.
     */
    private void removeManifestFields(ManifestIndex.Key key) {
        Optional<Secret> stored = cluster.get(ResourceKind.SECRET, key.namespace(), key.name());
        if (stored.isEmpty()) {
            return;
        }
        List<ManagedFieldsEntry> entries = stored.get().getMetadata().getManagedFields();
        boolean writtenByOthers = entries != null && entries.stream()
                .anyMatch(entry -> !FIELD_MANAGER.equals(entry.getManager()));
        if (!writtenByOthers) {
            LOG.info("deleting Secret whose manifest was removed: namespace={}, name={}", key.namespace(), key.name());
            cluster.delete(ResourceKind.SECRET, key.namespace(), key.name());
            return;
        }
        Secret empty = new Secret();
        empty.setMetadata(new ObjectMeta());
        empty.getMetadata().setNamespace(key.namespace());
        empty.getMetadata().setName(key.name());
        cluster.applySecret(empty, FIELD_MANAGER);
        LOG.info("removed the fields of a removed manifest from a Secret that controllers also write:"
                + " namespace={}, name={}", key.namespace(), key.name());
    }

    /** Returns a problem when the object's namespace, name or spec.secretName would be stored outside the state directory. */
    private Optional<InputProblem> pathProblem(ManifestObject manifest) {
        HasMetadata object = manifest.object();
        String namespace = object.getMetadata().getNamespace();
        String name = object.getMetadata().getName();
        String field = "metadata.name";
        try {
            if (manifest.kind() == ResourceKind.SECRET) {
                layout.secret(namespace, name);
            } else {
                layout.object(manifest.kind(), namespace, name);
            }
            layout.events(manifest.kind().kind(), namespace, name);
            if (object instanceof Certificate certificate && certificate.getSpec() != null
                    && certificate.getSpec().getSecretName() != null) {
                field = "spec.secretName";
                layout.secret(namespace, certificate.getSpec().getSecretName());
            }
            return Optional.empty();
        } catch (StateLayout.PathOutsideStateException e) {
            return Optional.of(new InputProblem(manifest.file(), manifest.document(), manifest.describeObject(), field,
                    e.getMessage(), "use a name without '/' and other than '..'"));
        }
    }

    private <T extends HasMetadata> void createOrUpdate(ManifestObject manifest, List<InputProblem> problems) {
        if (manifest.kind() == ResourceKind.SECRET) {
            applySecret(manifest, problems);
            return;
        }
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

    /**
     * Applies a Secret manifest by {@value #FIELD_MANAGER}: its labels, annotations, owner
     * references, data and type. The type is sent only when the manifest sets one, or when the
     * Secret is new (then {@code Opaque}, as the API server defaults it), because a Secret's
     * type cannot change and a controller may have created the Secret first.
     */
    private void applySecret(ManifestObject manifest, List<InputProblem> problems) {
        Secret desired = (Secret) normalize(manifest.object());
        String namespace = desired.getMetadata().getNamespace();
        String name = desired.getMetadata().getName();
        String declaredType = ((Secret) manifest.object()).getType();
        try {
            Optional<Secret> stored = cluster.get(ResourceKind.SECRET, namespace, name);
            if (stored.isPresent() && (declaredType == null || declaredType.isEmpty())) {
                desired.setType(null);
            }
            Secret applied = cluster.applySecret(desired, FIELD_MANAGER);
            String before = stored.map(secret -> secret.getMetadata().getResourceVersion()).orElse(null);
            if (stored.isEmpty()) {
                LOG.debug("created Secret from manifest: namespace={}, name={}, file={}", namespace, name,
                        manifest.file());
            } else if (!Objects.equals(before, applied.getMetadata().getResourceVersion())) {
                LOG.info("applied changed Secret manifest: namespace={}, name={}, file={}", namespace, name,
                        manifest.file());
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

    /** Compares the fields a manifest sets: labels, annotations, owner references and spec. */
    private static boolean sameUserFields(HasMetadata stored, HasMetadata desired) {
        ObjectMeta a = stored.getMetadata();
        ObjectMeta b = desired.getMetadata();
        if (!Objects.equals(emptyToNull(a.getLabels()), emptyToNull(b.getLabels()))
                || !Objects.equals(emptyToNull(a.getAnnotations()), emptyToNull(b.getAnnotations()))
                || !Objects.equals(emptyToNull(a.getOwnerReferences()), emptyToNull(b.getOwnerReferences()))) {
            return false;
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
