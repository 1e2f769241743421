package io.certwright.kubernetes;

import io.fabric8.kubernetes.api.model.FieldsV1;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.informers.cache.BasicItemStore;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The informer store of the managed Secrets, which keeps of {@code metadata.managedFields} only the entries
 * of the field managers the controllers read. Every other manager's entry (kubectl, other controllers, the
 * Secret's creator) only costs memory, because the post-issuance checks look only at what the issuing
 * controller's own apply owns.
 *
 * <p>The kept entries' field sets are shared: Secrets issued from similar Certificates have equal sets (the
 * same data keys, labels and annotations), and each set is a tree of about fifty maps. Readers copy what they
 * read, so no caller can change a shared set.
 */
final class SecretItemStore extends BasicItemStore<Secret> {
    /** Distinct field sets kept for sharing; beyond this the least recently stored set is forgotten. */
    static final int SHARED_FIELD_SETS = 1024;

    private final Set<String> keptManagers;
    private final Map<FieldsV1, FieldsV1> sharedFieldSets = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<FieldsV1, FieldsV1> eldest) {
            return size() > SHARED_FIELD_SETS;
        }
    };

    /** @param keptManagers field managers whose managedFields entries stay on cached Secrets */
    SecretItemStore(Set<String> keptManagers) {
        super(Cache::metaNamespaceKeyFunc);
        this.keptManagers = Set.copyOf(keptManagers);
    }

    /** Stores the Secret after removing the other managers' entries; the informer then hands out the same object. */
    @Override
    public Secret put(String key, Secret secret) {
        trim(secret);
        return super.put(key, secret);
    }

    private void trim(Secret secret) {
        List<ManagedFieldsEntry> entries = secret.getMetadata() == null ? null : secret.getMetadata().getManagedFields();
        if (entries == null || entries.isEmpty()) {
            return;
        }
        List<ManagedFieldsEntry> retainedEntries = entries.stream()
                .filter(entry -> keptManagers.contains(entry.getManager()))
                .toList();
        for (ManagedFieldsEntry entry : retainedEntries) {
            if (entry.getFieldsV1() != null) {
                entry.setFieldsV1(shared(entry.getFieldsV1()));
            }
        }
        if (retainedEntries.size() != entries.size()) {
            secret.getMetadata().setManagedFields(retainedEntries.isEmpty() ? null : retainedEntries);
        }
    }

    private FieldsV1 shared(FieldsV1 fields) {
        synchronized (sharedFieldSets) {
            FieldsV1 existing = sharedFieldSets.putIfAbsent(fields, fields);
            return existing == null ? fields : existing;
        }
    }
}
