package io.certwright.core.controller;

import io.certwright.core.cluster.ObjectKey;
import io.certwright.core.cluster.ResourceKind;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Collection;

/**
 * Maps a changed object to the work queue keys of one controller. The manager calls it with the
 * old and with the new object of every change, so a changed reference maps to both the old and
 * the new target. Implementations must be fast, may read the cluster, and must not write to it.
 */
@FunctionalInterface
public interface KeyMapper {
    /**
     * Returns the keys to enqueue for a change of {@code object}; empty when the controller does not
     * care about it.
     */
    Collection<ObjectKey> keysFor(ResourceKind<?> kind, HasMetadata object);
}
