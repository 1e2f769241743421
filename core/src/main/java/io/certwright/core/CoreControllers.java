package io.certwright.core;

import io.certwright.core.certificates.CertificateControllers;
import io.certwright.core.cluster.Cluster;
import io.certwright.core.controller.ControllerManager;
import io.certwright.core.issuers.IssuerControllers;
import io.certwright.core.requests.RequestControllers;
import java.time.Clock;

/**
 * Registers every controller of the core module: the Certificate lifecycle controllers, the
 * CertificateRequest approver and issuer controllers, and the Issuer and ClusterIssuer controllers.
 * Both runtimes call this once before starting the manager.
 */
public final class CoreControllers {
    private CoreControllers() {
    }

    public static void registerAll(ControllerManager manager, Cluster cluster, ControllerOptions options, Clock clock) {
        CertificateControllers.register(manager, cluster, options, clock);
        RequestControllers.register(manager, cluster, options, clock);
        IssuerControllers.register(manager, cluster, options, clock);
    }
}
