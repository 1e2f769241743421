package io.certwright.core.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * Receives every change a {@link Cluster} observes, in the order the store applied them.
 * Implementations must return quickly and must not write to the cluster from the callback:
 * they enqueue keys and let workers do the rest.
 *
 * <p>The objects are the cluster's own stored instances, not copies, because every change reaches
 * every controller's listener and a copy is a JSON round trip. A listener must not change them and
 * must copy ({@link io.certwright.api.Json#copy}) whatever it keeps after the call.
 */
@FunctionalInterface
public interface ChangeListener {
    /**
     * Called after a create, update, status update or delete.
     *
     * @param kind the kind of the changed object
     * @param oldObject the object before the change, or null on create
     * @param newObject the object after the change, or null on delete
     */
    void onChange(ResourceKind<?> kind, HasMetadata oldObject, HasMetadata newObject);
}
