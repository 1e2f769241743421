package io.certwright.core.requests;

import io.certwright.api.model.CertManagerResource;
import io.certwright.api.model.CertificateRequest;
import io.certwright.api.model.IssuerSpec;
import io.certwright.api.model.IssuerStatus;
import io.certwright.core.ControllerOptions;
import io.certwright.core.cluster.Cluster;
import io.certwright.core.cluster.ClusterIndex;
import io.certwright.core.cluster.ObjectKey;
import io.certwright.core.cluster.ResourceKind;
import io.certwright.core.controller.ControllerDefinition;
import io.certwright.core.controller.ControllerManager;
import io.certwright.core.controller.KeyMapper;
import io.certwright.core.controller.KeyMappers;
import io.certwright.core.controller.RateLimit;
import io.certwright.core.issuers.IssuerBackends;
import io.certwright.core.issuers.IssuerType;
import io.certwright.core.issuers.SelfSignedBackend;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Registers the CertificateRequest controllers: the internal approver and one issuer controller per
 * issuer type Certwright signs with (SelfSigned and CA). Every one of them re-syncs a request when it
 * changes; the issuer controllers also when the referenced Issuer or ClusterIssuer changes, and the
 * SelfSigned one when the private key Secret named by a request's annotation changes.
 */
public final class RequestControllers {
    public static final String APPROVER = "certificaterequests-approver";
    public static final String ISSUER_SELF_SIGNED = "certificaterequests-issuer-selfsigned";
    public static final String ISSUER_CA = "certificaterequests-issuer-ca";

    private RequestControllers() {
    }

    /** Registers the approver and the SelfSigned and CA issuer controllers with the default backends. */
    public static void register(ControllerManager manager, Cluster cluster, ControllerOptions options, Clock clock) {
        register(manager, cluster, options, clock, IssuerBackends.defaults(cluster, clock));
    }

    /** Registers the approver and the SelfSigned and CA issuer controllers with the given backends. */
    public static void register(ControllerManager manager, Cluster cluster, ControllerOptions options, Clock clock,
            IssuerBackends backends) {
        manager.register(new ControllerDefinition(APPROVER,
                new RequestApprover(cluster, clock, cluster.events(fieldManager(APPROVER))),
                RateLimit.DEFAULT,
                KeyMappers.self(ResourceKind.CERTIFICATE_REQUEST))
                .withResourceKind(ResourceKind.CERTIFICATE_REQUEST.kind()));

        registerIssuerController(manager, cluster, options, clock, backends, IssuerType.SELF_SIGNED,
                privateKeySecretReferences(cluster));
        registerIssuerController(manager, cluster, options, clock, backends, IssuerType.CA,
                (kind, object) -> List.of());
    }

    /** Registers the issuer controller of one type, named {@code certificaterequests-issuer-<type>}. */
    public static void registerIssuerController(ControllerManager manager, Cluster cluster, ControllerOptions options,
            Clock clock, IssuerBackends backends, IssuerType type, KeyMapper extraWatches) {
        String name = "certificaterequests-issuer-" + type.id();
        manager.register(new ControllerDefinition(name,
                new RequestIssuerSync(type, backends.get(type), cluster, options, clock,
                        cluster.events(fieldManager(name))),
                RateLimit.DEFAULT,
                KeyMappers.all(
                        KeyMappers.self(ResourceKind.CERTIFICATE_REQUEST),
                        KeyMappers.requestsReferencingIssuer(cluster),
                        extraWatches))
                .withResourceKind(ResourceKind.CERTIFICATE_REQUEST.kind()));
    }

    /** The field manager and event source of a controller: {@code cert-manager-<controller-name>}. */
    public static String fieldManager(String controllerName) {
        return "cert-manager-" + controllerName;
    }

    /**
     * Maps a Secret to the requests in its namespace whose {@code cert-manager.io/private-key-secret-name}
     * annotation names it and whose issuer is a SelfSigned one, so that a request waiting for its key
     * proceeds once the key arrives.
     */
    static KeyMapper privateKeySecretReferences(Cluster cluster) {
        return (kind, object) -> {
            if (kind != ResourceKind.SECRET) {
                return List.of();
            }
            String namespace = object.getMetadata().getNamespace();
            String secretName = object.getMetadata().getName();
            List<ObjectKey> keys = new ArrayList<>();
            for (CertificateRequest request : cluster.listIndexed(ClusterIndex.REQUESTS_BY_PRIVATE_KEY_SECRET,
                    namespace, secretName)) {
                if (!namesPrivateKeySecret(request, secretName)) {
                    continue;
                }
                IssuerLookup.Outcome outcome = IssuerLookup.resolve(cluster, request.getSpec().getIssuerRef(), namespace);
                if (outcome instanceof IssuerLookup.Outcome.Found found && isSelfSigned(found.issuer())) {
                    keys.add(ObjectKey.of(request));
                }
            }
            return keys;
        };
    }

    /** Returns true when the request's private key Secret annotation names {@code secretName} and its issuer is a cert-manager.io one. */
    private static boolean namesPrivateKeySecret(CertificateRequest request, String secretName) {
        Map<String, String> annotations = request.getMetadata().getAnnotations();
        return annotations != null
                && secretName.equals(annotations.get(SelfSignedBackend.PRIVATE_KEY_SECRET_ANNOTATION))
                && request.getSpec() != null
                && IssuerLookup.isCertManagerGroup(request.getSpec().getIssuerRef());
    }

    private static boolean isSelfSigned(CertManagerResource<IssuerSpec, IssuerStatus> issuer) {
        return IssuerType.of(issuer.getSpec()).filter(t -> t == IssuerType.SELF_SIGNED).isPresent();
    }
}
