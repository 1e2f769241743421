package io.certwright.kubernetes;

import io.certwright.api.SecretKeys;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.informers.cache.BasicItemStore;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import java.util.List;
import java.util.Set;

/**
 * The informer store of the managed Secrets, which keeps of {@code metadata.managedFields} only the entries
 * of the field managers the controllers read. Every other manager's entry (kubectl, other controllers, the
 * Secret's creator) only costs memory, because the post-issuance checks look only at what the issuing
 * controller's own apply owns.
 *
 * <p>Equal values are shared through a {@link ValueInterner}: metadata strings, the Secret type, the CA
 * certificate that Secrets issued by one issuer all carry in {@code ca.crt}, and the kept entries' field sets
 * (Secrets issued from similar Certificates have equal sets, each a tree of about fifty maps). Readers copy
 * what they read, so no caller can change a shared value.
 */
final class SecretItemStore extends BasicItemStore<Secret> {
    private final Set<String> keptManagers;
    private final ValueInterner interner = new ValueInterner();
    private final StoreIndexes indexes = new StoreIndexes();

    /** @param keptManagers field managers whose managedFields entries stay on cached Secrets */
    SecretItemStore(Set<String> keptManagers) {
        super(Cache::metaNamespaceKeyFunc);
        this.keptManagers = Set.copyOf(keptManagers);
    }

    /** Stores the Secret after removing the other managers' entries; the informer then hands out the same object. */
    @Override
    public Secret put(String key, Secret secret) {
        trim(secret);
        interner.internMetadata(secret.getMetadata());
        interner.shareKnownValues(secret);
        secret.setType(ValueInterner.intern(secret.getType()));
        // Secrets issued by one CA all carry its certificate, which is longer than the walks intern.
        secret.setData(ValueInterner.compact(secret.getData(), Set.of(SecretKeys.CA_CERT)));
        secret.setStringData(ValueInterner.sharedIfEmpty(secret.getStringData()));
        secret.setAdditionalProperties(ValueInterner.sharedIfEmpty(secret.getAdditionalProperties()));
        Secret previous = super.put(key, secret);
        indexes.update(key, previous, secret);
        return previous;
    }

    @Override
    public Secret remove(String key) {
        Secret previous = super.remove(key);
        if (previous != null) {
            indexes.update(key, previous, null);
        }
        return previous;
    }

    /** Returns the secondary indexes this store keeps over its Secrets. */
    StoreIndexes indexes() {
        return indexes;
    }

    private void trim(Secret secret) {
        List<ManagedFieldsEntry> entries = secret.getMetadata() == null ? null : secret.getMetadata().getManagedFields();
        if (entries == null || entries.isEmpty()) {
            return;
        }
        List<ManagedFieldsEntry> retainedEntries = entries.stream()
                .filter(entry -> keptManagers.contains(entry.getManager()))
                .toList();
        if (retainedEntries.size() != entries.size()) {
            secret.getMetadata().setManagedFields(retainedEntries.isEmpty() ? null : retainedEntries);
        }
    }
}
