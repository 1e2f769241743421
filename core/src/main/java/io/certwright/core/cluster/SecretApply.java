package io.certwright.core.cluster;

import io.certwright.api.Json;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Server-side apply of a Secret with force, for one field manager: computes the Secret that results from
 * applying a desired configuration to the stored one, including the new {@code metadata.managedFields}.
 *
 * <ul>
 *   <li>Every label, annotation, data key, the type and every owner reference in the desired Secret is set and
 *       becomes owned by the manager alone; force takes it from other managers.</li>
 *   <li>A field the manager owned by an earlier apply and no longer sends is removed, unless another manager
 *       also owns it. The type is never removed, because a Secret always has one.</li>
 *   <li>Fields owned only by other managers stay as they are.</li>
 * </ul>
 * The manager's Apply entry keeps its old time; the caller sets the time when the result differs.
 */
final class SecretApply {
    private final Secret desired;
    private final String manager;
    private final SecretFieldSet desiredFields;

    SecretApply(Secret desired, String manager) {
        this.desired = desired;
        this.manager = manager;
        this.desiredFields = SecretFieldSet.of(desired);
    }

    /** Returns the applied Secret; {@code stored} may be null when the Secret does not exist yet. */
    Secret applyTo(Secret stored) {
        Secret result = stored == null ? newSecret() : Json.copy(stored);
        List<ManagedFieldsEntry> entries = result.getMetadata().getManagedFields() == null
                ? List.of() : result.getMetadata().getManagedFields();

        SecretFieldSet previouslyApplied = new SecretFieldSet();
        ManagedFieldsEntry previousEntry = null;
        SecretFieldSet ownedByOthers = new SecretFieldSet();
        List<ManagedFieldsEntry> kept = new ArrayList<>();
        for (ManagedFieldsEntry entry : entries) {
            SecretFieldSet fields = SecretFieldSet.parse(entry.getFieldsV1());
            if (isOwnApply(entry)) {
                previouslyApplied = fields;
                previousEntry = entry;
                continue;
            }
            fields.removeAll(desiredFields);
            if (!fields.isEmpty()) {
                entry.setFieldsV1(fields.toFieldsV1());
                kept.add(entry);
                ownedByOthers.addAll(fields);
            }
        }

        SecretFieldSet dropped = previouslyApplied.copy();
        dropped.removeAll(desiredFields);
        dropped.removeAll(ownedByOthers);
        remove(result, dropped);
        set(result);

        List<ManagedFieldsEntry> managedFields = new ArrayList<>(kept);
        if (!desiredFields.isEmpty()) {
            String time = previousEntry != null && previouslyApplied.equals(desiredFields) ? previousEntry.getTime() : null;
            managedFields.add(InMemoryCluster.applyEntry(manager, desiredFields, time));
        }
        result.getMetadata().setManagedFields(managedFields.isEmpty() ? null : managedFields);
        return result;
    }

    private boolean isOwnApply(ManagedFieldsEntry entry) {
        return manager.equals(entry.getManager()) && ManagedFields.OPERATION_APPLY.equals(entry.getOperation());
    }

    private Secret newSecret() {
        Secret secret = new Secret();
        ObjectMeta metadata = new ObjectMeta();
        metadata.setName(desired.getMetadata().getName());
        metadata.setNamespace(desired.getMetadata().getNamespace());
        secret.setMetadata(metadata);
        return secret;
    }

    private static void remove(Secret result, SecretFieldSet dropped) {
        ObjectMeta metadata = result.getMetadata();
        metadata.setLabels(without(metadata.getLabels(), dropped.labels));
        metadata.setAnnotations(without(metadata.getAnnotations(), dropped.annotations));
        result.setData(without(result.getData(), dropped.data));
        if (metadata.getOwnerReferences() != null && !dropped.ownerReferences.isEmpty()) {
            List<OwnerReference> references = new ArrayList<>();
            for (OwnerReference reference : metadata.getOwnerReferences()) {
                if (!dropped.ownerReferences.contains(SecretFieldSet.ownerReferenceKey(reference))) {
                    references.add(reference);
                }
            }
            metadata.setOwnerReferences(references);
        }
    }

    private void set(Secret result) {
        ObjectMeta metadata = result.getMetadata();
        ObjectMeta wanted = desired.getMetadata();
        metadata.setLabels(with(metadata.getLabels(), wanted.getLabels()));
        metadata.setAnnotations(with(metadata.getAnnotations(), wanted.getAnnotations()));
        result.setData(with(result.getData(), desired.getData()));
        if (desired.getType() != null && !desired.getType().isEmpty()) {
            result.setType(desired.getType());
        }
        if (wanted.getOwnerReferences() != null && !wanted.getOwnerReferences().isEmpty()) {
            List<OwnerReference> references = metadata.getOwnerReferences() == null
                    ? new ArrayList<>() : new ArrayList<>(metadata.getOwnerReferences());
            for (OwnerReference reference : wanted.getOwnerReferences()) {
                String key = SecretFieldSet.ownerReferenceKey(reference);
                references.removeIf(existing -> SecretFieldSet.ownerReferenceKey(existing).equals(key));
                references.add(reference);
            }
            metadata.setOwnerReferences(references);
        }
    }

    private static Map<String, String> without(Map<String, String> map, Set<String> keys) {
        if (map == null || keys.isEmpty()) {
            return map;
        }
        Map<String, String> copy = new LinkedHashMap<>(map);
        copy.keySet().removeAll(keys);
        return copy;
    }

    private static Map<String, String> with(Map<String, String> map, Map<String, String> values) {
        if (values == null || values.isEmpty()) {
            return map;
        }
        Map<String, String> copy = map == null ? new LinkedHashMap<>() : new LinkedHashMap<>(map);
        copy.putAll(values);
        return copy;
    }
}
