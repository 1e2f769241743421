package io.certwright.kubernetes;

import io.certwright.core.ControllerOptions;
import io.certwright.core.ControllerSet;
import io.certwright.core.cluster.Cluster;
import io.certwright.core.controller.ControllerManager;
import io.certwright.core.issuers.IssuerBackend;
import io.certwright.core.issuers.IssuerBackends;
import io.certwright.core.issuers.IssuerType;
import io.certwright.core.requests.RequestControllers;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The issuer backends that {@link KubernetesRuntimeSettings#withIssuerBackend} installs in place of the runtime's
 * own. Registered last among the controller sets, it adds the CertificateRequest issuer controller of each
 * replaced type that has none yet (Vault and Venafi), because without that controller nothing would hand the
 * type's requests to the backend.
 */
final class ReplacedIssuerBackends implements ControllerSet {
    private final Map<IssuerType, IssuerBackend> replacements;
    private final Cluster cluster;
    private final Clock clock;

    ReplacedIssuerBackends(Map<IssuerType, IssuerBackend> replacements, Cluster cluster, Clock clock) {
        this.replacements = Map.copyOf(replacements);
        this.cluster = cluster;
        this.clock = clock;
    }

    /** Returns {@code backends} with each replaced type served by its replacement. */
    IssuerBackends applyTo(IssuerBackends backends) {
        IssuerBackends result = backends;
        for (Map.Entry<IssuerType, IssuerBackend> replacement : replacements.entrySet()) {
            result = result.with(replacement.getKey(), replacement.getValue());
        }
        return result;
    }

    @Override
    public void register(ControllerManager manager, ControllerOptions options, IssuerBackends backends) {
        for (IssuerType type : replacements.keySet()) {
            // The name RequestControllers.registerIssuerController gives the controller of this type.
            String name = "certificaterequests-issuer-" + type.id();
            if (!manager.controllerNames().contains(name)) {
                RequestControllers.registerIssuerController(manager, cluster, options, clock, backends, type,
                        (kind, object) -> List.of());
            }
        }
    }
}
