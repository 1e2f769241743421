package io.certwright.kubernetes;

import io.certwright.core.cluster.ClusterIndex;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link ClusterIndex} kept by an informer store: the store keys of the objects found under each index
 * value. One key is stored as the key string itself and several as an array. fabric8 8.0's indexers keep a
 * ConcurrentHashMap per value instead, and with a value per Certificate (its uid, its Secret name) those maps
 * came to about 1 KB per Certificate in a heap dump of {@code bench/scale --runtime kubernetes --count 2000}.
 *
 * <p>The store calls {@link #update} from the informer's single writer thread. Readers call {@link #keys}
 * concurrently and may see a key whose object changed or went away since, so they recheck what they read.
 */
final class StoreIndex {
    private final ClusterIndex<?> index;
    /** Keys by index value: one key as a String, several as a String[] without duplicates. */
    private final ConcurrentHashMap<String, Object> keysByValue = new ConcurrentHashMap<>();

    StoreIndex(ClusterIndex<?> index) {
        this.index = index;
    }

    ClusterIndex<?> index() {
        return index;
    }

    /** Moves {@code key} from the values of {@code oldObject} to those of {@code newObject}; either may be null. */
    void update(String key, HasMetadata oldObject, HasMetadata newObject) {
        List<String> oldValues = oldObject == null ? List.of() : index.valuesOf(oldObject);
        List<String> newValues = newObject == null ? List.of() : index.valuesOf(newObject);
        for (String value : oldValues) {
            if (!newValues.contains(value)) {
                keysByValue.computeIfPresent(value, (unused, keys) -> without(keys, key));
            }
        }
        for (String value : newValues) {
            keysByValue.merge(value, key, (keys, unused) -> with(keys, key));
        }
    }

    /** Returns the keys stored under {@code value}, in no particular order. */
    List<String> keys(String value) {
        Object keys = keysByValue.get(value);
        if (keys == null) {
            return List.of();
        }
        return keys instanceof String single ? List.of(single) : List.of((String[]) keys);
    }

    private static Object with(Object keys, String key) {
        if (keys instanceof String single) {
            return single.equals(key) ? single : new String[] {single, key};
        }
        String[] several = (String[]) keys;
        if (Arrays.asList(several).contains(key)) {
            return several;
        }
        String[] grown = Arrays.copyOf(several, several.length + 1);
        grown[several.length] = key;
        return grown;
    }

    /** Returns the keys without {@code key}, or null (which removes the entry) when none remain. */
    private static Object without(Object keys, String key) {
        if (keys instanceof String single) {
            return single.equals(key) ? null : single;
        }
        List<String> remaining = new ArrayList<>(Arrays.asList((String[]) keys));
        remaining.remove(key);
        if (remaining.isEmpty()) {
            return null;
        }
        return remaining.size() == 1 ? remaining.get(0) : remaining.toArray(String[]::new);
    }
}
