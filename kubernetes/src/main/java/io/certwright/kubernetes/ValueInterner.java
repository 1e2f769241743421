package io.certwright.kubernetes;

import io.certwright.api.model.CertManagerResource;
import io.certwright.api.model.CertificateRequest;
import io.fabric8.kubernetes.api.model.FieldsV1;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Secret;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.Set;

/**
 * Replaces equal values in the objects an informer store keeps with one shared instance. Thousands of cached
 * objects repeat the same namespaces, owner references, condition messages, annotation values and CA
 * certificates. In a heap dump of {@code bench/scale --runtime kubernetes --count 1000} (2-core VM, JDK 17)
 * these copies came to about 6.6 KB per Certificate.
 *
 * <p>Strings are shared with {@link String#intern()}, whose table the JVM clears of strings no longer
 * referenced. The walks intern only strings of up to {@link #MAX_INTERNED_LENGTH} characters. Byte arrays
 * and field sets are shared through a bounded table of recently stored values. Shared values must never be
 * changed, so stores hand out copies.
 */
final class ValueInterner {
    /** Maximum length of the strings the tree and metadata walks intern; longer strings rarely repeat. */
    static final int MAX_INTERNED_LENGTH = 256;

    /** Distinct byte arrays or field sets kept for sharing; beyond this the least recently stored is forgotten. */
    static final int SHARED_VALUES = 1024;

    private final Map<Object, Object> shared = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
            return size() > SHARED_VALUES;
        }
    };

    /** Returns the interned form of a string of any length, or null for null. */
    static String intern(String value) {
        return value == null ? null : value.intern();
    }

    private static String internShort(String value) {
        return value == null || value.length() > MAX_INTERNED_LENGTH ? value : value.intern();
    }

    /**
     * Interns, in place, the short strings of a tree of JSON values: the values of maps and the elements of
     * lists, at any depth. Map keys are left alone because the JSON parser already shares them.
     */
    void internTree(Map<String, Object> tree) {
        for (Map.Entry<String, Object> entry : tree.entrySet()) {
            Object value = entry.getValue();
            Object interned = internNode(value);
            if (interned != value) {
                entry.setValue(interned);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private Object internNode(Object node) {
        if (node instanceof String string) {
            return internShort(string);
        }
        if (node instanceof Map<?, ?> map) {
            internTree((Map<String, Object>) map);
        } else if (node instanceof List<?> list) {
            ListIterator<Object> elements = ((List<Object>) list).listIterator();
            while (elements.hasNext()) {
                Object element = elements.next();
                Object interned = internNode(element);
                if (interned != element) {
                    elements.set(interned);
                }
            }
        }
        return node;
    }

    /**
     * Interns, in place, the short strings of object metadata: name, namespace, uid, timestamps, label and
     * annotation values, owner references and managedFields entries, whose field sets are shared.
     * {@code resourceVersion} is left alone because it changes on every write. Empty lists and maps become the
     * shared immutable empty ones, because fabric8's ObjectMeta allocates six of them per object.
     */
    void internMetadata(ObjectMeta metadata) {
        if (metadata == null) {
            return;
        }

        metadata.setFinalizers(sharedIfEmpty(metadata.getFinalizers()));
        metadata.setOwnerReferences(sharedIfEmpty(metadata.getOwnerReferences()));
        metadata.setManagedFields(sharedIfEmpty(metadata.getManagedFields()));
        metadata.setAdditionalProperties(sharedIfEmpty(metadata.getAdditionalProperties()));

        metadata.setName(internShort(metadata.getName()));
        metadata.setNamespace(internShort(metadata.getNamespace()));
        metadata.setUid(internShort(metadata.getUid()));
        metadata.setCreationTimestamp(internShort(metadata.getCreationTimestamp()));
        metadata.setLabels(compact(metadata.getLabels()));
        metadata.setAnnotations(compact(metadata.getAnnotations()));

        internOwnerReferences(metadata.getOwnerReferences());
        internManagedFields(metadata.getManagedFields());
    }

    private static void internOwnerReferences(List<OwnerReference> references) {
        if (references == null) {
            return;
        }
        for (OwnerReference reference : references) {
            reference.setApiVersion(internShort(reference.getApiVersion()));
            reference.setKind(internShort(reference.getKind()));
            reference.setName(internShort(reference.getName()));
            reference.setUid(internShort(reference.getUid()));
            reference.setAdditionalProperties(sharedIfEmpty(reference.getAdditionalProperties()));
        }
    }

    private void internManagedFields(List<ManagedFieldsEntry> entries) {
        if (entries == null) {
            return;
        }
        for (ManagedFieldsEntry entry : entries) {
            entry.setApiVersion(internShort(entry.getApiVersion()));
            entry.setManager(internShort(entry.getManager()));
            entry.setOperation(internShort(entry.getOperation()));
            entry.setTime(internShort(entry.getTime()));
            entry.setFieldsType(internShort(entry.getFieldsType()));
            entry.setSubresource(internShort(entry.getSubresource()));
            entry.setAdditionalProperties(sharedIfEmpty(entry.getAdditionalProperties()));
            if (entry.getFieldsV1() != null) {
                entry.setFieldsV1(share(entry.getFieldsV1()));
            }
        }
    }

    /**
     * Returns an immutable copy of a string map with its short values interned. The copy has no entry objects,
     * so it is about a third of the size of the LinkedHashMap the JSON parser builds, but its iteration order
     * is not the insertion order. A map with a null key or value is returned unchanged, because the immutable
     * maps reject nulls.
     */
    static Map<String, String> compact(Map<String, String> map) {
        return compact(map, Set.of());
    }

    /** Returns {@link #compact(Map)} of the map, with the values of {@code internedAtAnyLength} interned however long. */
    static Map<String, String> compact(Map<String, String> map, Set<String> internedAtAnyLength) {
        if (map == null || map.isEmpty()) {
            return sharedIfEmpty(map);
        }
        Map<String, String> interned = new LinkedHashMap<>(map.size() * 2);
        for (Map.Entry<String, String> entry : map.entrySet()) {
            String key = entry.getKey();
            String value = entry.getValue();
            if (key == null || value == null) {
                return map;
            }
            interned.put(key, internedAtAnyLength.contains(key) ? intern(value) : internShort(value));
        }
        return Map.copyOf(interned);
    }

    private static <E> List<E> sharedIfEmpty(List<E> list) {
        return list != null && list.isEmpty() ? List.of() : list;
    }

    static <K, V> Map<K, V> sharedIfEmpty(Map<K, V> map) {
        return map != null && map.isEmpty() ? Map.of() : map;
    }

    /**
     * Shares, in place, the values of a stored object that repeat across objects and that the tree walk
     * cannot reach: apiVersion, kind (of the cert-manager kinds and Secrets), and {@code status.ca} of a
     * CertificateRequest, which every request signed by one CA carries.
     */
    void shareKnownValues(HasMetadata model) {
        model.setApiVersion(intern(model.getApiVersion()));
        if (model instanceof CertManagerResource<?, ?> resource) {
            resource.setKind(intern(resource.getKind()));
        } else if (model instanceof Secret secret) {
            secret.setKind(intern(secret.getKind()));
        }
        if (model instanceof CertificateRequest request && request.getStatus() != null) {
            request.getStatus().setCa(share(request.getStatus().getCa()));
        }
    }

    /** Returns a byte array equal to {@code bytes} that other callers may also have received, or null for null. */
    byte[] share(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        Object stored = shareValue(ByteBuffer.wrap(bytes));
        return ((ByteBuffer) stored).array();
    }

    /** Returns a field set equal to {@code fields} that other callers may also have received. */
    FieldsV1 share(FieldsV1 fields) {
        return (FieldsV1) shareValue(fields);
    }

    private Object shareValue(Object value) {
        synchronized (shared) {
            Object existing = shared.putIfAbsent(value, value);
            return existing == null ? value : existing;
        }
    }
}
