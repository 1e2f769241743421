package io.certwright.core;

import io.certwright.core.certificates.ari.RenewalInfoSource;
import io.certwright.core.controller.ControllerManager;
import io.certwright.core.issuers.IssuerBackends;
import java.util.Optional;

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

    /**
     * Returns this set's source of ACME renewal information for the readiness controller, or empty when it
     * has none. {@link CoreControllers#registerAll} calls it before any set registers.
     */
    default Optional<RenewalInfoSource> renewalInfoSource() {
        return Optional.empty();
    }
}
