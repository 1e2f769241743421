package io.certwright.core;

import io.certwright.core.controller.ControllerManager;
import io.certwright.core.issuers.IssuerBackends;

/**
 * Controllers from another module, such as the ACME issuer's, that {@link CoreControllers#registerAll}
 * registers after the core ones.
 */
@FunctionalInterface
public interface ControllerSet {
    /**
     * Registers this set's controllers and periodic tasks.
     *
     * @param backends the backends the core issuer controllers were registered with
     */
    void register(ControllerManager manager, ControllerOptions options, IssuerBackends backends);
}
