package io.certwright.core.certificates;

import io.certwright.core.ControllerOptions;
import io.certwright.core.certificates.ari.RenewalInfoSource;
import io.certwright.core.certificates.issuing.IssuingController;
import io.certwright.core.certificates.keymanager.KeyManagerController;
import io.certwright.core.certificates.readiness.ReadinessController;
import io.certwright.core.certificates.requestmanager.RequestManagerController;
import io.certwright.core.certificates.revisionmanager.RevisionManagerController;
import io.certwright.core.certificates.trigger.TriggerController;
import io.certwright.core.cluster.Cluster;
import io.certwright.core.cluster.ResourceKind;
import io.certwright.core.controller.ControllerDefinition;
import io.certwright.core.controller.ControllerManager;
import io.certwright.core.controller.KeyMapper;
import io.certwright.core.controller.KeyMappers;
import io.certwright.core.controller.RateLimit;
import io.certwright.core.controller.Reconciler;
import java.time.Clock;
import java.util.random.RandomGenerator;

/**
 * Registers the six Certificate lifecycle controllers. They never call each other: each reads the
 * Certificate, its CertificateRequests and Secrets, and hands off through status fields.
 *
 * <pre>
 *   trigger ──Issuing=True──▶ key-manager ──nextPrivateKeySecretName──▶ request-manager ──CR──▶ (issuer)
 *      ▲                                                                                        │
 *      │ renewalTime                                                          CR Ready=Issued   ▼
 *   readiness ◀──Secret, status.revision── issuing ◀───────────────────────────────────────────┘
 *   revision-manager: prunes old CRs once Ready=True
 * </pre>
 */
public final class CertificateControllers {
    private CertificateControllers() {
    }

    /** Registers the controllers without a source of ACME renewal information. */
    public static void register(ControllerManager manager, Cluster cluster, ControllerOptions options, Clock clock) {
        register(manager, cluster, options, clock, RenewalInfoSource.NONE);
    }

    /**
     * Registers the controllers.
     *
     * @param renewalInfo where the readiness controller fetches ACME renewal information when
     *     {@link ControllerOptions#acmeUseAri()} is on
     */
    public static void register(ControllerManager manager, Cluster cluster, ControllerOptions options, Clock clock,
            RenewalInfoSource renewalInfo) {
        KeyMapper certificate = KeyMappers.self(ResourceKind.CERTIFICATE);
        KeyMapper ownedRequests = KeyMappers.controllerOwner(ResourceKind.CERTIFICATE_REQUEST, "Certificate");
        KeyMapper ownedSecrets = KeyMappers.controllerOwner(ResourceKind.SECRET, "Certificate");
        KeyMapper issuedSecret = KeyMappers.certificatesReferencingSecret(cluster);

        register(manager, TriggerController.NAME, new TriggerController(cluster, options, clock),
                KeyMappers.all(certificate, ownedRequests, issuedSecret));
        register(manager, KeyManagerController.NAME, new KeyManagerController(cluster),
                KeyMappers.all(certificate, ownedSecrets, issuedSecret));
        register(manager, RequestManagerController.NAME, new RequestManagerController(cluster, options),
                KeyMappers.all(certificate, ownedRequests, ownedSecrets));
        register(manager, IssuingController.NAME, new IssuingController(cluster, options, clock),
                KeyMappers.all(certificate, ownedRequests, ownedSecrets, issuedSecret));
        register(manager, ReadinessController.NAME, new ReadinessController(cluster, clock, renewalInfo,
                        options.acmeUseAri(), RandomGenerator.getDefault()),
                KeyMappers.all(certificate, ownedRequests, issuedSecret));
        register(manager, RevisionManagerController.NAME, new RevisionManagerController(cluster),
                KeyMappers.all(certificate, ownedRequests));
    }

    private static void register(ControllerManager manager, String name, Reconciler reconciler, KeyMapper keys) {
        manager.register(new ControllerDefinition(name, reconciler, RateLimit.CERTIFICATES, keys)
                .withResourceKind(ResourceKind.CERTIFICATE.kind()));
    }
}
