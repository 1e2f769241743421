package io.certwright.core.issuers;

import io.certwright.core.ControllerOptions;
import io.certwright.core.cluster.Cluster;
import io.certwright.core.cluster.ResourceKind;
import io.certwright.core.controller.ControllerDefinition;
import io.certwright.core.controller.ControllerManager;
import io.certwright.core.controller.KeyMapper;
import io.certwright.core.controller.KeyMappers;
import io.certwright.core.controller.RateLimit;
import java.time.Clock;

/**
 * Registers the {@code issuers} and {@code clusterissuers} controllers. Their queue keys are
 * {@code namespace/name} and {@code name}; each re-syncs when the issuer changes or when a Secret it
 * references changes (ClusterIssuer Secrets live in the cluster resource namespace).
 */
public final class IssuerControllers {
    public static final String ISSUERS = "issuers";
    public static final String CLUSTER_ISSUERS = "clusterissuers";

    private IssuerControllers() {
    }

    /** Registers both controllers with the default backends: SelfSigned, CA, and stand-ins for the rest. */
    public static void register(ControllerManager manager, Cluster cluster, ControllerOptions options, Clock clock) {
        register(manager, cluster, options, clock, IssuerBackends.defaults(cluster, clock));
    }

    /** Registers both controllers with the given backends. */
    public static void register(ControllerManager manager, Cluster cluster, ControllerOptions options, Clock clock,
            IssuerBackends backends) {
        manager.register(new ControllerDefinition(ISSUERS,
                new IssuerSync<>(ResourceKind.ISSUER, backends, cluster, options, clock,
                        cluster.events(fieldManager(ISSUERS))),
                RateLimit.DEFAULT,
                KeyMappers.all(KeyMappers.self(ResourceKind.ISSUER),
                        onlyKind(KeyMappers.issuersReferencingSecret(cluster, options), ResourceKind.ISSUER)))
                .withResourceKind(ResourceKind.ISSUER.kind()));
        manager.register(new ControllerDefinition(CLUSTER_ISSUERS,
                new IssuerSync<>(ResourceKind.CLUSTER_ISSUER, backends, cluster, options, clock,
                        cluster.events(fieldManager(CLUSTER_ISSUERS))),
                RateLimit.DEFAULT,
                KeyMappers.all(KeyMappers.self(ResourceKind.CLUSTER_ISSUER),
                        onlyKind(KeyMappers.issuersReferencingSecret(cluster, options), ResourceKind.CLUSTER_ISSUER)))
                .withResourceKind(ResourceKind.CLUSTER_ISSUER.kind()));
    }

    /** The field manager and event source of a controller: {@code cert-manager-<controller-name>}. */
    public static String fieldManager(String controllerName) {
        return "cert-manager-" + controllerName;
    }

    /** Keeps the keys of one issuer kind: namespaced keys are Issuers, bare names ClusterIssuers. */
    private static KeyMapper onlyKind(KeyMapper mapper, ResourceKind<?> issuerKind) {
        return (kind, object) -> mapper.keysFor(kind, object).stream()
                .filter(key -> (key.namespace() != null) == issuerKind.namespaced())
                .toList();
    }
}
