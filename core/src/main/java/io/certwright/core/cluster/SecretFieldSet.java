package io.certwright.core.cluster;

import io.fabric8.kubernetes.api.model.FieldsV1;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The fields of a Secret that one field manager owns, at the granularity server-side apply tracks
 * them for Secrets: single label, annotation and data keys, the type, and single owner references.
 * Converts to and from the {@code fieldsV1} JSON shape of {@code metadata.managedFields}. Not thread-safe.
 */
final class SecretFieldSet {
    private static final String METADATA = "f:metadata";
    private static final String LABELS = "f:labels";
    private static final String ANNOTATIONS = "f:annotations";
    private static final String OWNER_REFERENCES = "f:ownerReferences";
    private static final String DATA = "f:data";
    private static final String TYPE = "f:type";
    private static final String FIELD_PREFIX = "f:";

    final Set<String> labels = new TreeSet<>();
    final Set<String> annotations = new TreeSet<>();
    final Set<String> data = new TreeSet<>();
    /** Owner references by their {@code k:} list-map key, e.g. {@code k:{"uid":"..."}}. */
    final Set<String> ownerReferences = new TreeSet<>();
    boolean type;

    /** Returns the fields present in a Secret. */
    static SecretFieldSet of(Secret secret) {
        SecretFieldSet fields = new SecretFieldSet();
        if (secret == null) {
            return fields;
        }
        if (secret.getMetadata() != null) {
            keys(secret.getMetadata().getLabels(), fields.labels);
            keys(secret.getMetadata().getAnnotations(), fields.annotations);
            if (secret.getMetadata().getOwnerReferences() != null) {
                for (OwnerReference reference : secret.getMetadata().getOwnerReferences()) {
                    fields.ownerReferences.add(ownerReferenceKey(reference));
                }
            }
        }
        keys(secret.getData(), fields.data);
        fields.type = secret.getType() != null && !secret.getType().isEmpty();
        return fields;
    }

    /** Returns the fields whose value differs between two versions of a Secret, including removed ones. */
    static SecretFieldSet changed(Secret before, Secret after) {
        SecretFieldSet fields = new SecretFieldSet();
        diff(labels(before), labels(after), fields.labels);
        diff(annotations(before), annotations(after), fields.annotations);
        diff(before == null ? null : before.getData(), after == null ? null : after.getData(), fields.data);
        diff(ownerReferences(before), ownerReferences(after), fields.ownerReferences);
        fields.type = !Objects.equals(before == null ? null : before.getType(), after == null ? null : after.getType());
        return fields;
    }

    /** Parses a {@code fieldsV1} value; entries this class does not track are ignored. */
    @SuppressWarnings("unchecked")
    static SecretFieldSet parse(FieldsV1 fieldsV1) {
        SecretFieldSet fields = new SecretFieldSet();
        if (fieldsV1 == null || fieldsV1.getAdditionalProperties() == null) {
            return fields;
        }
        Map<String, Object> root = fieldsV1.getAdditionalProperties();
        if (root.get(METADATA) instanceof Map<?, ?> metadata) {
            Map<String, Object> meta = (Map<String, Object>) metadata;
            fieldNames(meta.get(LABELS), fields.labels);
            fieldNames(meta.get(ANNOTATIONS), fields.annotations);
            if (meta.get(OWNER_REFERENCES) instanceof Map<?, ?> references) {
                for (Object key : references.keySet()) {
                    if (key instanceof String name && name.startsWith("k:")) {
                        fields.ownerReferences.add(name);
                    }
                }
            }
        }
        fieldNames(root.get(DATA), fields.data);
        fields.type = root.containsKey(TYPE);
        return fields;
    }

    /** Renders the set as Kubernetes renders it in {@code fieldsV1}. */
    FieldsV1 toFieldsV1() {
        Map<String, Object> metadata = new LinkedHashMap<>();
        if (!labels.isEmpty()) {
            metadata.put(LABELS, fieldMap(labels, FIELD_PREFIX));
        }
        if (!annotations.isEmpty()) {
            metadata.put(ANNOTATIONS, fieldMap(annotations, FIELD_PREFIX));
        }
        if (!ownerReferences.isEmpty()) {
            metadata.put(OWNER_REFERENCES, fieldMap(ownerReferences, ""));
        }
        Map<String, Object> root = new LinkedHashMap<>();
        if (!metadata.isEmpty()) {
            root.put(METADATA, metadata);
        }
        if (!data.isEmpty()) {
            root.put(DATA, fieldMap(data, FIELD_PREFIX));
        }
        if (type) {
            root.put(TYPE, new LinkedHashMap<>());
        }
        FieldsV1 fieldsV1 = new FieldsV1();
        fieldsV1.setAdditionalProperties(root);
        return fieldsV1;
    }

    boolean isEmpty() {
        return labels.isEmpty() && annotations.isEmpty() && data.isEmpty() && ownerReferences.isEmpty() && !type;
    }

    void addAll(SecretFieldSet other) {
        labels.addAll(other.labels);
        annotations.addAll(other.annotations);
        data.addAll(other.data);
        ownerReferences.addAll(other.ownerReferences);
        type |= other.type;
    }

    void removeAll(SecretFieldSet other) {
        labels.removeAll(other.labels);
        annotations.removeAll(other.annotations);
        data.removeAll(other.data);
        ownerReferences.removeAll(other.ownerReferences);
        type &= !other.type;
    }

    SecretFieldSet copy() {
        SecretFieldSet copy = new SecretFieldSet();
        copy.addAll(this);
        return copy;
    }

    /** Returns the fields as paths in the form {@link ManagedFields#ownedPaths} documents. */
    Set<String> paths() {
        Set<String> paths = new LinkedHashSet<>();
        labels.forEach(key -> paths.add(ManagedFields.LABELS_PREFIX + key));
        annotations.forEach(key -> paths.add(ManagedFields.ANNOTATIONS_PREFIX + key));
        if (!ownerReferences.isEmpty()) {
            paths.add(ManagedFields.OWNER_REFERENCES);
        }
        data.forEach(key -> paths.add(ManagedFields.DATA_PREFIX + key));
        if (type) {
            paths.add(ManagedFields.TYPE);
        }
        return paths;
    }

    /**
     * Returns the list-map key Kubernetes gives an owner reference in {@code fieldsV1}. References without a
     * uid, which the API server would reject, are keyed by kind and name so that they stay distinct.
     */
    static String ownerReferenceKey(OwnerReference reference) {
        if (reference.getUid() != null && !reference.getUid().isEmpty()) {
            return "k:{\"uid\":\"" + reference.getUid() + "\"}";
        }
        return "k:{\"kind\":\"" + reference.getKind() + "\",\"name\":\"" + reference.getName() + "\"}";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SecretFieldSet that && labels.equals(that.labels)
                && annotations.equals(that.annotations) && data.equals(that.data)
                && ownerReferences.equals(that.ownerReferences) && type == that.type;
    }

    @Override
    public int hashCode() {
        return Objects.hash(labels, annotations, data, ownerReferences, type);
    }

    private static Map<String, String> labels(Secret secret) {
        return secret == null || secret.getMetadata() == null ? null : secret.getMetadata().getLabels();
    }

    private static Map<String, String> annotations(Secret secret) {
        return secret == null || secret.getMetadata() == null ? null : secret.getMetadata().getAnnotations();
    }

    private static Map<String, OwnerReference> ownerReferences(Secret secret) {
        Map<String, OwnerReference> references = new LinkedHashMap<>();
        if (secret != null && secret.getMetadata() != null && secret.getMetadata().getOwnerReferences() != null) {
            for (OwnerReference reference : secret.getMetadata().getOwnerReferences()) {
                references.put(ownerReferenceKey(reference), reference);
            }
        }
        return references;
    }

    private static <V> void diff(Map<String, V> before, Map<String, V> after, Set<String> changed) {
        Map<String, V> old = before == null ? Map.of() : before;
        Map<String, V> now = after == null ? Map.of() : after;
        for (Map.Entry<String, V> entry : now.entrySet()) {
            if (!Objects.equals(old.get(entry.getKey()), entry.getValue())) {
                changed.add(entry.getKey());
            }
        }
        for (String key : old.keySet()) {
            if (!now.containsKey(key)) {
                changed.add(key);
            }
        }
    }

    private static void keys(Map<String, ?> map, Set<String> into) {
        if (map != null) {
            into.addAll(map.keySet());
        }
    }

    private static void fieldNames(Object node, Set<String> into) {
        if (node instanceof Map<?, ?> map) {
            for (Object key : map.keySet()) {
                if (key instanceof String name && name.startsWith(FIELD_PREFIX)) {
                    into.add(name.substring(FIELD_PREFIX.length()));
                }
            }
        }
    }

    private static Map<String, Object> fieldMap(Set<String> names, String prefix) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (String name : names) {
            map.put(prefix + name, new LinkedHashMap<>());
        }
        return map;
    }
}
