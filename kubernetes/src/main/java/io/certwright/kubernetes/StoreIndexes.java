package io.certwright.kubernetes;

import io.certwright.core.cluster.ClusterIndex;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The {@link StoreIndex}es of one informer store, updated by the store on every put and remove. */
final class StoreIndexes {
    private final Map<ClusterIndex<?>, StoreIndex> indexes = new ConcurrentHashMap<>();

    /** Adds an index; call it before the informer starts, so that the index covers every object. */
    void add(ClusterIndex<?> index) {
        indexes.putIfAbsent(index, new StoreIndex(index));
    }

    /** Moves {@code key} from the index values of {@code oldObject} to those of {@code newObject}; either may be null. */
    void update(String key, HasMetadata oldObject, HasMetadata newObject) {
        for (StoreIndex index : indexes.values()) {
            index.update(key, oldObject, newObject);
        }
    }

    /**
     * Returns the keys stored under {@code value} in {@code index}.
     *
     * @throws IllegalStateException when the index was never added to this store
     */
    List<String> keys(ClusterIndex<?> index, String value) {
        StoreIndex storeIndex = indexes.get(index);
        if (storeIndex == null) {
            throw new IllegalStateException("index " + index + " was not added to this informer store");
        }
        return storeIndex.keys(value);
    }
}
