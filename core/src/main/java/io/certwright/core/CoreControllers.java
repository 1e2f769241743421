package io.certwright.core;

import io.certwright.core.certificates.CertificateControllers;
import io.certwright.core.certificates.ari.RenewalInfoSource;
import io.certwright.core.cluster.Cluster;
import io.certwright.core.controller.ControllerManager;
import io.certwright.core.issuers.IssuerBackends;
import io.certwright.core.issuers.IssuerControllers;
import io.certwright.core.requests.RequestControllers;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Registers every controller of the core module: the Certificate lifecycle controllers, the
 * CertificateRequest approver and issuer controllers, and the Issuer and ClusterIssuer controllers.
 * Both runtimes call this once before starting the manager.
 */
public final class CoreControllers {
    private CoreControllers() {
    }

    /** Registers the core controllers with the default issuer backends: SelfSigned, CA, and stand-ins for the rest. */
    public static void registerAll(ControllerManager manager, Cluster cluster, ControllerOptions options, Clock clock) {
        registerAll(manager, cluster, options, clock, IssuerBackends.defaults(cluster, clock), List.of());
    }

    /**
     * Registers the core controllers with {@code backends}, then each of {@code extras} in order, for
     * issuer types whose backend and controllers live in another module.
     */
    public static void registerAll(ControllerManager manager, Cluster cluster, ControllerOptions options, Clock clock,
            IssuerBackends backends, List<ControllerSet> extras) {
        CertificateControllers.register(manager, cluster, options, clock, renewalInfoSource(extras));
        RequestControllers.register(manager, cluster, options, clock, backends);
        IssuerControllers.register(manager, cluster, options, clock, backends);
        for (ControllerSet extra : extras) {
            extra.register(manager, options, backends);
        }
    }

    /** Returns the first ACME renewal information source that {@code extras} offer, or the no-op source. */
    private static RenewalInfoSource renewalInfoSource(List<ControllerSet> extras) {
        for (ControllerSet extra : extras) {
            Optional<RenewalInfoSource> source = extra.renewalInfoSource();
            if (source.isPresent()) {
                return source.get();
            }
        }
        return RenewalInfoSource.NONE;
    }
}
