package io.certwright.acme.requests;

import io.certwright.acme.ari.ReplacedCertificate;
import io.certwright.acme.naming.ObjectNames;
import io.certwright.api.Json;
import io.certwright.api.model.ACMEIssuer;
import io.certwright.api.model.CertificateRequest;
import io.certwright.api.model.Order;
import io.certwright.api.model.OrderSpec;
import io.certwright.api.model.States;
import io.certwright.core.certificates.ari.AriIssuers;
import io.certwright.core.cluster.Cluster;
import io.certwright.core.cluster.ClusterException;
import io.certwright.core.cluster.ResourceKind;
import io.certwright.core.issuers.IssuerContext;
import io.certwright.core.issuers.SignResult;
import io.certwright.pki.Csrs;
import io.certwright.pki.ParsedCsr;
import io.certwright.pki.Pem;
import io.certwright.pki.PkiException;
import io.certwright.pki.PrivateKeys;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs a CertificateRequest with an ACME issuer by way of an Order: builds the Order the request
 * needs, creates it when missing, and returns the Order's certificate once it is valid. The Orders
 * controller does the talking to the ACME server. Stateless and thread-safe.
 *
 * <p>The certificate is returned as the ACME server sent it, with no CA: ACME requests leave
 * {@code status.ca} empty, so issued Secrets have no {@code ca.crt}.
 *
 * <p>With the feature gate {@code ACMEUseARI} and an issuer that uses ARI, the Order's {@code replaces} is the
 * ARI CertID of the certificate in the Certificate's Secret (see {@link ReplacedCertificate}).
 */
public final class OrderRequestFlow {
    public static final String REASON_REQUEST_PARSING_ERROR = "RequestParsingError";
    public static final String REASON_INVALID_ORDER = "InvalidOrder";
    public static final String REASON_ORDER_FAILED = "OrderFailed";
    public static final String REASON_ORDER_CREATED = "OrderCreated";
    public static final String REASON_ORDER_CREATING_ERROR = "OrderCreatingError";
    public static final String REASON_ORDER_GET_ERROR = "OrderGetError";
    public static final String REASON_ORDER_PENDING = "OrderPending";

    private static final Logger log = LoggerFactory.getLogger(OrderRequestFlow.class);

    private final Cluster cluster;
    private final BooleanSupplier acmeUseAri;

    /** Creates the flow with the feature gate {@code ACMEUseARI} off. */
    public OrderRequestFlow(Cluster cluster) {
        this(cluster, () -> false);
    }

    /**
     * Creates the flow.
     *
     * @param acmeUseAri reads the feature gate {@code ACMEUseARI}. It is a supplier because the gate is known
     *     only once the controllers are registered
     */
    public OrderRequestFlow(Cluster cluster, BooleanSupplier acmeUseAri) {
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        this.acmeUseAri = Objects.requireNonNull(acmeUseAri, "acmeUseAri");
    }

    /** Runs the flow for {@code request}; see the class documentation. */
    public SignResult sign(CertificateRequest request, IssuerContext context) {
        ParsedCsr csr;
        try {
            csr = Csrs.parse(request.getSpec().getRequest());
        } catch (PkiException e) {
            return new SignResult.Failed(REASON_REQUEST_PARSING_ERROR,
                    "Failed to decode CSR in spec.request: " + e.getMessage());
        }
        String commonName = csr.commonName();
        if (commonName != null && !commonName.isEmpty()
                && !csr.dnsNames().contains(commonName) && !csr.ipAddresses().contains(commonName)) {
            return new SignResult.Failed(REASON_INVALID_ORDER, "The CSR PEM requests a commonName that is not present"
                    + " in the list of dnsNames or ipAddresses. If a commonName is set, ACME requires that the value is"
                    + " also present in the list of dnsNames or ipAddresses: \"" + commonName + "\" does not exist in "
                    + csr.dnsNames() + " or " + csr.ipAddresses());
        }

        String replaces = AriIssuers.enabled(acmeUseAri.getAsBoolean(), context.spec())
                ? ReplacedCertificate.certId(cluster, request).orElse(null) : null;
        Order expected = expectedOrder(request, context.spec().getAcme(), csr, replaces);
        String namespace = request.getMetadata().getNamespace();
        String orderName = expected.getMetadata().getName();

        Optional<Order> existing = cluster.get(ResourceKind.ORDER, namespace, orderName);
        if (existing.isEmpty()) {
            try {
                cluster.create(ResourceKind.ORDER, expected);
            } catch (ClusterException.AlreadyExists e) {
                return new SignResult.Pending(REASON_ORDER_CREATING_ERROR,
                        "Failed to create Order resource " + namespace + "/" + orderName + ": " + e.getMessage(), true);
            }
            log.atDebug().addKeyValue("order", orderName).log("created Order");
            return new SignResult.Pending(REASON_ORDER_CREATED,
                    "Created Order resource " + namespace + "/" + orderName, false);
        }
        Order order = existing.get();
        if (!isControlledBy(order, request)) {
            return new SignResult.Pending(REASON_ORDER_GET_ERROR, "Order resource " + namespace + "/" + orderName
                    + " exists but is not owned by CertificateRequest " + request.getMetadata().getName()
                    + "; delete the Order so that it can be re-created", true);
        }

        String state = order.getStatus() == null ? null : order.getStatus().getState();
        if (States.isFailure(state)) {
            String reason = order.getStatus().getReason() == null ? "" : order.getStatus().getReason();
            return new SignResult.Failed(REASON_ORDER_FAILED, "Failed to wait for order resource \"" + orderName
                    + "\" to become ready: order is in \"" + state + "\" state: " + reason);
        }
        byte[] certificate = order.getStatus() == null ? null : order.getStatus().getCertificate();
        if (!States.VALID.equals(state) || certificate == null || certificate.length == 0) {
            return new SignResult.Pending(REASON_ORDER_PENDING, "Waiting on certificate issuance from order "
                    + namespace + "/" + orderName + ": \"" + (state == null ? "" : state) + "\"", false);
        }

        try {
            List<X509Certificate> chain = Pem.parseCertificates(certificate);
            if (chain.isEmpty() || !PrivateKeys.publicKeysEqual(chain.get(0).getPublicKey(), csr.publicKey())) {
                throw new PkiException("the leaf certificate's public key does not match the CSR's");
            }
        } catch (PkiException e) {
            log.atWarn().addKeyValue("order", orderName)
                    .log("deleting Order with an unusable certificate so that it is re-created: {}", e.getMessage());
            cluster.delete(ResourceKind.ORDER, namespace, orderName);
            return new SignResult.Pending(REASON_ORDER_PENDING, "Deleted Order resource " + namespace + "/" + orderName
                    + " because its certificate is unusable (" + e.getMessage() + "); it will be re-created", true);
        }
        return new SignResult.Signed(certificate, null, List.of());
    }

    /** Builds the Order a request needs without {@code replaces}. */
    static Order expectedOrder(CertificateRequest request, ACMEIssuer acme, ParsedCsr csr) {
        return expectedOrder(request, acme, csr, null);
    }

    /**
     * Builds the Order a request needs, named from its spec so that the same request finds the same Order.
     *
     * @param replaces ARI CertID of the certificate the Order replaces, or null. It is part of the hashed name
     */
    static Order expectedOrder(CertificateRequest request, ACMEIssuer acme, ParsedCsr csr, String replaces) {
        OrderSpec spec = new OrderSpec()
                .withIssuerRef(Json.copy(request.getSpec().getIssuerRef()))
                .withCommonName(emptyToNull(csr.commonName()))
                .withDnsNames(csr.dnsNames().isEmpty() ? null : List.copyOf(csr.dnsNames()))
                .withIpAddresses(csr.ipAddresses().isEmpty() ? null : List.copyOf(csr.ipAddresses()))
                .withProfile(emptyToNull(acme.getProfile()))
                .withReplaces(emptyToNull(replaces));
        if (Boolean.TRUE.equals(acme.getEnableDurationFeature())) {
            spec.setDuration(emptyToNull(request.getSpec().getDuration()));
        }
        String name = ObjectNames.orderName(request.getMetadata().getName(), spec);
        spec.setRequest(request.getSpec().getRequest());

        Order order = new Order();
        ObjectMeta metadata = new ObjectMeta();
        metadata.setName(name);
        metadata.setNamespace(request.getMetadata().getNamespace());
        if (request.getMetadata().getLabels() != null) {
            metadata.setLabels(new HashMap<>(request.getMetadata().getLabels()));
        }
        if (request.getMetadata().getAnnotations() != null) {
            metadata.setAnnotations(new HashMap<>(request.getMetadata().getAnnotations()));
        }
        OwnerReference owner = new OwnerReference();
        owner.setApiVersion(request.getApiVersion());
        owner.setKind(CertificateRequest.KIND);
        owner.setName(request.getMetadata().getName());
        owner.setUid(request.getMetadata().getUid());
        owner.setController(true);
        owner.setBlockOwnerDeletion(true);
        metadata.setOwnerReferences(List.of(owner));
        order.setMetadata(metadata);
        order.setSpec(spec);
        return order;
    }

    private static boolean isControlledBy(Order order, CertificateRequest request) {
        if (order.getMetadata().getOwnerReferences() == null) {
            return false;
        }
        return order.getMetadata().getOwnerReferences().stream()
                .anyMatch(owner -> Boolean.TRUE.equals(owner.getController())
                        && Objects.equals(owner.getUid(), request.getMetadata().getUid()));
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
