package io.certwright.core.testing;

import io.certwright.core.ControllerOptions;
import io.certwright.core.cluster.Cluster;
import io.certwright.core.controller.ControllerManager;
import java.time.Clock;

/** Registers a group of controllers with a manager; the {@link Harness} calls it once while it is built. */
@FunctionalInterface
public interface ControllerSet {
    void register(ControllerManager manager, Cluster cluster, ControllerOptions options, Clock clock);
}
