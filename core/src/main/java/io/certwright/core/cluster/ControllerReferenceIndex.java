package io.certwright.core.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keys of stored objects by the owner that their controller owner reference names, so that garbage
 * collection after a delete finds the dependents without scanning every stored object. A reference with a
 * uid is indexed by that uid, and one without a uid by the owner's kind and name, which is how
 * {@link InMemoryCluster} matches references. Lookups return candidates. The caller still checks each one
 * (namespace, controller flag) against the deleted owner. Not thread-safe: the store guards it with its lock.
 */
final class ControllerReferenceIndex {
    /** A stored object's kind and key. */
    record Entry(ResourceKind<?> kind, ObjectKey key) {
    }

    private final Map<String, Set<Entry>> byOwner = new HashMap<>();

    /** Moves an object's entries as its stored version changes from {@code previous} to {@code current}; either may be null. */
    void update(ResourceKind<?> kind, HasMetadata previous, HasMetadata current) {
        List<String> previousOwners = previous == null ? List.of() : ownerKeys(previous);
        List<String> currentOwners = current == null ? List.of() : ownerKeys(current);
        if (previousOwners.equals(currentOwners)) {
            return;
        }
        for (String owner : previousOwners) {
            Set<Entry> entries = byOwner.get(owner);
            if (entries != null && entries.remove(new Entry(kind, ObjectKey.of(previous))) && entries.isEmpty()) {
                byOwner.remove(owner);
            }
        }
        for (String owner : currentOwners) {
            byOwner.computeIfAbsent(owner, ignored -> new LinkedHashSet<>()).add(new Entry(kind, ObjectKey.of(current)));
        }
    }

    /** Returns the objects whose controller reference may name {@code owner}, a stored object of {@code kind}. */
    Set<Entry> candidates(ResourceKind<?> kind, HasMetadata owner) {
        Set<Entry> found = new LinkedHashSet<>();
        String uid = owner.getMetadata().getUid();
        if (uid != null && !uid.isEmpty()) {
            found.addAll(byOwner.getOrDefault(uidKey(uid), Set.of()));
        }
        found.addAll(byOwner.getOrDefault(nameKey(kind.kind(), owner.getMetadata().getName()), Set.of()));
        return found;
    }

    /**
     * Returns the index keys of the controller references of {@code object}. The API server allows one
     * controller reference per object, but this store does not check that, so every one is indexed.
     */
    private static List<String> ownerKeys(HasMetadata object) {
        List<OwnerReference> references = object.getMetadata().getOwnerReferences();
        if (references == null || references.isEmpty()) {
            return List.of();
        }
        List<String> keys = new ArrayList<>(1);
        for (OwnerReference reference : references) {
            if (Boolean.TRUE.equals(reference.getController())) {
                String uid = reference.getUid();
                keys.add(uid != null && !uid.isEmpty() ? uidKey(uid) : nameKey(reference.getKind(), reference.getName()));
            }
        }
        return keys;
    }

    private static String uidKey(String uid) {
        return "uid:" + uid;
    }

    private static String nameKey(String kind, String name) {
        return "name:" + kind + "/" + name;
    }
}
