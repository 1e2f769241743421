package io.certwright.core.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * Receives each change of an {@link InMemoryCluster} before reads can see it, for example to write it to
 * disk. Called outside the store lock, once per change, with the changes of one object in write order and
 * those of different objects possibly at the same time from different threads. The objects passed are the
 * stored ones and must not be modified.
 */
@FunctionalInterface
public interface ChangeSink {
    /**
     * Accepts one change.
     *
     * @param kind the kind of the changed object
     * @param oldObject the object before the change, or null on create
     * @param newObject the object after the change, or null on delete
     * @return true to notify the listeners of the change, false to become visible to reads without a notification
     */
    boolean accept(ResourceKind<?> kind, HasMetadata oldObject, HasMetadata newObject);
}
