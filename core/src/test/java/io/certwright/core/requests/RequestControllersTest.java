package io.certwright.core.requests;

import static io.certwright.core.issuers.CaFixtures.keyPem;
import static io.certwright.core.issuers.CaFixtures.pem;
import static io.certwright.core.issuers.CaFixtures.secret;
import static org.assertj.core.api.Assertions.assertThat;

import io.certwright.api.model.CertificateRequest;
import io.certwright.api.model.CertificateRequestCondition;
import io.certwright.api.model.CertificateRequestStatus;
import io.certwright.api.model.Issuer;
import io.certwright.api.model.SelfSignedIssuer;
import io.certwright.core.cluster.Event;
import io.certwright.core.cluster.ResourceKind;
import io.certwright.core.issuers.CaFixtures;
import io.certwright.core.issuers.IssuerControllers;
import io.certwright.core.issuers.SelfSignedBackend;
import io.certwright.core.testing.Fixtures;
import io.certwright.core.testing.Harness;
import io.certwright.pki.CsrSpec;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestControllersTest {
    private static final String NS = "demo";

    private final Harness harness = Harness.create(IssuerControllers::register, RequestControllers::register);
    private final KeyPair key = CaFixtures.newKey();

    private void selfSignedIssuer(List<String> crlDistributionPoints) {
        Issuer issuer = Fixtures.issuer("selfsigned", Fixtures.inNamespace(NS));
        issuer.getSpec().setSelfSigned(new SelfSignedIssuer().withCrlDistributionPoints(crlDistributionPoints));
        harness.apply(issuer);
        harness.apply(secret(NS, "next-key", null, keyPem(key), null));
    }

    private CertificateRequest selfSignedRequest(byte[] csr) {
        CertificateRequest request = CaFixtures.request(NS, "web-1", "selfsigned", "Issuer", csr);
        request.getMetadata().setAnnotations(new java.util.HashMap<>(
                java.util.Map.of(SelfSignedBackend.PRIVATE_KEY_SECRET_ANNOTATION, "next-key")));
        return request;
    }

    private CertificateRequest stored(String name) {
        return harness.cluster().get(ResourceKind.CERTIFICATE_REQUEST, NS, name).orElseThrow();
    }

    private CertificateRequestCondition condition(String name, String type) {
        return RequestConditions.find(stored(name), type)
                .orElseThrow(() -> new AssertionError("no " + type + " condition on " + name));
    }

    private List<Event> events(String name) {
        return harness.events(ResourceKind.CERTIFICATE_REQUEST, NS, name);
    }

    private List<String> eventReasons(String name) {
        return events(name).stream().map(Event::reason).toList();
    }

    @Test
    void approverApprovesNewRequest() {
        harness.apply(CaFixtures.request(NS, "web-1", "missing", "Issuer", CaFixtures.leafCsr("a.example.com", key)));
        harness.settle();

        CertificateRequestCondition approved = condition("web-1", "Approved");
        assertThat(approved.getStatus()).isEqualTo("True");
        assertThat(approved.getReason()).isEqualTo("cert-manager.io");
        assertThat(approved.getMessage()).isEqualTo("Certificate request has been approved by cert-manager.io");
        Event event = events("web-1").get(0);
        assertThat(event.type()).isEqualTo("Normal");
        assertThat(event.reason()).isEqualTo("cert-manager.io");
        assertThat(event.source()).isEqualTo("cert-manager-certificaterequests-approver");
    }

    @Test
    void selfSignedRequestIsIssued() {
        selfSignedIssuer(List.of("http://crl.example.com/ca.crl"));
        harness.apply(selfSignedRequest(CaFixtures.leafCsr("a.example.com", key)));
        harness.settle();

        CertificateRequestStatus status = stored("web-1").getStatus();
        CertificateRequestCondition ready = condition("web-1", "Ready");
        assertThat(ready.getStatus()).isEqualTo("True");
        assertThat(ready.getReason()).isEqualTo("Issued");
        assertThat(ready.getMessage()).isEqualTo("Certificate fetched from issuer successfully");
        assertThat(status.getCa()).isEqualTo(status.getCertificate());
        X509Certificate certificate = CaFixtures.parse(status.getCertificate()).get(0);
        assertThat(certificate.getPublicKey()).isEqualTo(key.getPublic());
        assertThat(certificate.getNotBefore().toInstant()).isEqualTo(Harness.START);
        assertThat(certificate.getNotAfter().toInstant()).isEqualTo(Harness.START.plus(Duration.ofDays(90)));
        assertThat(certificate.getBasicConstraints()).isEqualTo(-1);
        assertThat(certificate.getExtensionValue("2.5.29.31")).as("CRL distribution points").isNotNull();
        assertThat(eventReasons("web-1")).contains("CertificateIssued");
        Event issued = events("web-1").stream().filter(e -> e.reason().equals("CertificateIssued")).findFirst()
                .orElseThrow();
        assertThat(issued.source()).isEqualTo("cert-manager-certificaterequests-issuer-selfsigned");
    }

    @Test
    void selfSignedHonoursDurationAndIsCA() {
        selfSignedIssuer(null);
        CertificateRequest request = selfSignedRequest(CaFixtures.csr(
                CsrSpec.builder().commonName("My CA").isCA(true).build(), key));
        request.getSpec().setDuration("1h30m");
        request.getSpec().setIsCA(true);
        harness.apply(request);
        harness.settle();

        X509Certificate certificate = CaFixtures.parse(stored("web-1").getStatus().getCertificate()).get(0);
        assertThat(certificate.getNotAfter().toInstant()).isEqualTo(Harness.START.plus(Duration.ofMinutes(90)));
        assertThat(certificate.getBasicConstraints()).isNotNegative();
        assertThat(certificate.getKeyUsage()[5]).as("cert sign").isTrue();
    }

    @Test
    void selfSignedWithoutAnnotationFails() {
        selfSignedIssuer(null);
        harness.apply(CaFixtures.request(NS, "web-1", "selfsigned", "Issuer", CaFixtures.leafCsr("a.example.com", key)));
        harness.settle();

        CertificateRequestCondition ready = condition("web-1", "Ready");
        assertThat(ready.getReason()).isEqualTo("Failed");
        assertThat(ready.getMessage()).isEqualTo("Annotation \"cert-manager.io/private-key-secret-name\" missing or"
                + " reference empty: secret name missing");
        assertThat(stored("web-1").getStatus().getFailureTime()).isEqualTo(Harness.START);
        Event failed = events("web-1").stream().filter(e -> e.reason().equals("MissingAnnotation")).findFirst()
                .orElseThrow();
        assertThat(failed.type()).isEqualTo("Warning");
    }

    @Test
    void selfSignedWaitsForKeySecret() {
        harness.apply(Fixtures.issuer("selfsigned", Fixtures.inNamespace(NS), Fixtures.withSelfSigned()));
        harness.apply(selfSignedRequest(CaFixtures.leafCsr("a.example.com", key)));
        harness.settle();

        CertificateRequestCondition pending = condition("web-1", "Ready");
        assertThat(pending.getReason()).isEqualTo("Pending");
        assertThat(pending.getMessage()).startsWith("Referenced secret demo/next-key not found");
        assertThat(eventReasons("web-1")).containsOnlyOnce("MissingSecret");

        harness.apply(secret(NS, "next-key", null, keyPem(key), null));
        harness.settle();

        assertThat(condition("web-1", "Ready").getReason()).isEqualTo("Issued");
    }

    @Test
    void selfSignedWithUnparsableKeyIsPending() {
        harness.apply(Fixtures.issuer("selfsigned", Fixtures.inNamespace(NS), Fixtures.withSelfSigned()));
        harness.apply(secret(NS, "next-key", null, "not a key", null));
        harness.apply(selfSignedRequest(CaFixtures.leafCsr("a.example.com", key)));
        harness.settle();

        CertificateRequestCondition pending = condition("web-1", "Ready");
        assertThat(pending.getReason()).isEqualTo("Pending");
        assertThat(pending.getMessage()).startsWith("Failed to get key \"next-key\" referenced in annotation"
                + " \"cert-manager.io/private-key-secret-name\": ");
        assertThat(eventReasons("web-1")).contains("ErrorParsingKey");
    }

    @Test
    void selfSignedWithOtherKeyFails() {
        selfSignedIssuer(null);
        harness.apply(selfSignedRequest(CaFixtures.leafCsr("a.example.com", CaFixtures.newKey())));
        harness.settle();

        CertificateRequestCondition ready = condition("web-1", "Ready");
        assertThat(ready.getReason()).isEqualTo("Failed");
        assertThat(ready.getMessage()).startsWith("Error generating certificate template: CSR not signed by referenced"
                + " private key");
        assertThat(eventReasons("web-1")).contains("ErrorKeyMatch");
    }

    @Test
    void selfSignedEmptySubjectWarnsBadConfig() {
        selfSignedIssuer(null);
        harness.apply(selfSignedRequest(CaFixtures.csr(CsrSpec.builder().dnsNames("a.example.com").build(), key)));
        harness.settle();

        Event badConfig = events("web-1").stream().filter(e -> e.reason().equals("BadConfig")).findFirst()
                .orElseThrow();
        assertThat(badConfig.type()).isEqualTo("Warning");
        assertThat(badConfig.message()).isEqualTo("Certificate will be issued with an empty Issuer DN, which"
                + " contravenes RFC 5280 and could break some strict clients");
        assertThat(condition("web-1", "Ready").getReason()).isEqualTo("Issued");
    }

    @Test
    void usagesDifferingFromCsrFail() {
        selfSignedIssuer(null);
        CertificateRequest request = selfSignedRequest(CaFixtures.leafCsr("a.example.com", key));
        request.getSpec().setUsages(List.of("digital signature", "key encipherment", "server auth"));
        harness.apply(request);
        harness.settle();

        CertificateRequestCondition ready = condition("web-1", "Ready");
        assertThat(ready.getReason()).isEqualTo("Failed");
        assertThat(ready.getMessage()).startsWith("Error generating certificate template: encoded CSR error:")
                .contains("server auth");
        assertThat(eventReasons("web-1")).contains("ErrorGenerating");
    }

    @Test
    void csrWithBadSignatureFails() {
        selfSignedIssuer(null);
        CertificateRequest request = selfSignedRequest(tamperedCsr());
        harness.apply(request);
        harness.settle();

        CertificateRequestCondition ready = condition("web-1", "Ready");
        assertThat(ready.getReason()).isEqualTo("Failed");
        assertThat(ready.getMessage()).contains("spec.request is not a valid CSR");
    }

    /** Builds a CSR whose signature no longer verifies, by flipping one bit of the signature. */
    private byte[] tamperedCsr() {
        byte[] pem = CaFixtures.leafCsr("a.example.com", key);
        String text = new String(pem, java.nio.charset.StandardCharsets.US_ASCII);
        String body = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        byte[] der = java.util.Base64.getDecoder().decode(body);
        der[der.length - 5] ^= 0x01;
        String encoded = java.util.Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
        return ("-----BEGIN CERTIFICATE REQUEST-----\n" + encoded + "\n-----END CERTIFICATE REQUEST-----\n")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    @Test
    void missingIssuerIsPendingWithOneEvent() {
        harness.apply(CaFixtures.request(NS, "web-1", "nowhere", "Issuer", CaFixtures.leafCsr("a.example.com", key)));
        harness.settle();

        CertificateRequestCondition ready = condition("web-1", "Ready");
        assertThat(ready.getStatus()).isEqualTo("False");
        assertThat(ready.getReason()).isEqualTo("Pending");
        assertThat(ready.getMessage()).startsWith("Referenced \"Issuer\" not found");
        assertThat(eventReasons("web-1").stream().filter("IssuerNotFound"::equals).count()).isEqualTo(1);
        Event event = events("web-1").stream().filter(e -> e.reason().equals("IssuerNotFound")).findFirst()
                .orElseThrow();
        assertThat(event.count()).isEqualTo(1);
    }

    @Test
    void missingClusterIssuerNamesKind() {
        harness.apply(CaFixtures.request(NS, "web-1", "nowhere", "ClusterIssuer",
                CaFixtures.leafCsr("a.example.com", key)));
        harness.settle();

        assertThat(condition("web-1", "Ready").getMessage()).startsWith("Referenced \"ClusterIssuer\" not found");
    }

    @Test
    void issuerWithoutTypeIsPending() {
        harness.apply(Fixtures.issuer("empty", Fixtures.inNamespace(NS)));
        harness.apply(CaFixtures.request(NS, "web-1", "empty", "Issuer", CaFixtures.leafCsr("a.example.com", key)));
        harness.settle();

        assertThat(condition("web-1", "Ready").getReason()).isEqualTo("Pending");
        assertThat(condition("web-1", "Ready").getMessage()).startsWith("Missing issuer type");
        assertThat(eventReasons("web-1")).contains("IssuerTypeMissing");
    }

    @Test
    void unreadyIssuerIsPendingUntilReady() {
        CaFixtures.KeyedCertificate root = CaFixtures.root("Root CA", Harness.START);
        harness.apply(Fixtures.issuer("ca", Fixtures.inNamespace(NS), Fixtures.withCa("ca-key-pair")));
        harness.apply(CaFixtures.request(NS, "web-1", "ca", "Issuer", CaFixtures.leafCsr("a.example.com", key)));
        harness.settle();

        CertificateRequestCondition pending = condition("web-1", "Ready");
        assertThat(pending.getReason()).isEqualTo("Pending");
        assertThat(pending.getMessage()).isEqualTo("Referenced issuer does not have a Ready status condition");
        assertThat(eventReasons("web-1")).contains("IssuerNotReady");

        harness.apply(secret(NS, "ca-key-pair", pem(root.certificate()), keyPem(root.keyPair()), null));
        harness.settle();

        assertThat(condition("web-1", "Ready").getReason()).isEqualTo("Issued");
    }

    @Test
    void deniedRequestIsMarkedDenied() {
        selfSignedIssuer(null);
        CertificateRequest request = selfSignedRequest(CaFixtures.leafCsr("a.example.com", key));
        request.setStatus(new CertificateRequestStatus().withConditions(List.of(new CertificateRequestCondition()
                .withType("Denied").withStatus("True").withReason("Policy").withMessage("not allowed")
                .withLastTransitionTime(Harness.START))));
        harness.apply(request);
        harness.settle();

        CertificateRequestCondition ready = condition("web-1", "Ready");
        assertThat(ready.getStatus()).isEqualTo("False");
        assertThat(ready.getReason()).isEqualTo("Denied");
        assertThat(ready.getMessage()).isEqualTo("The CertificateRequest was denied by an approval controller");
        assertThat(stored("web-1").getStatus().getFailureTime()).isEqualTo(Harness.START);
        assertThat(stored("web-1").getStatus().getCertificate()).isNull();
        assertThat(RequestConditions.find(stored("web-1"), "Approved")).isEmpty();
    }

    @Test
    void invalidRequestIsLeftAlone() {
        selfSignedIssuer(null);
        CertificateRequest request = selfSignedRequest(CaFixtures.leafCsr("a.example.com", key));
        request.setStatus(new CertificateRequestStatus().withConditions(List.of(
                new CertificateRequestCondition().withType("Approved").withStatus("True").withReason("test")
                        .withMessage("approved").withLastTransitionTime(Harness.START),
                new CertificateRequestCondition().withType("InvalidRequest").withStatus("True")
                        .withReason("SignerError").withMessage("bad").withLastTransitionTime(Harness.START))));
        harness.apply(request);
        harness.settle();

        assertThat(RequestConditions.find(stored("web-1"), "Ready")).isEmpty();
        assertThat(stored("web-1").getStatus().getCertificate()).isNull();
    }

    @Test
    void unapprovedRequestWaitsForApproval() {
        Harness withoutApprover = Harness.create((manager, cluster, options, clock) -> {
            IssuerControllers.register(manager, cluster, options, clock);
            RequestControllers.registerIssuerController(manager, cluster, options, clock,
                    io.certwright.core.issuers.IssuerBackends.defaults(cluster, clock),
                    io.certwright.core.issuers.IssuerType.SELF_SIGNED, (kind, object) -> List.of());
        });
        withoutApprover.apply(Fixtures.issuer("selfsigned", Fixtures.inNamespace(NS), Fixtures.withSelfSigned()));
        withoutApprover.apply(selfSignedRequest(CaFixtures.leafCsr("a.example.com", key)));
        withoutApprover.settle();

        List<Event> events = withoutApprover.events(ResourceKind.CERTIFICATE_REQUEST, NS, "web-1");
        assertThat(events).extracting(Event::reason).containsExactly("WaitingForApproval");
        assertThat(events.get(0).message()).isEqualTo("Not signing CertificateRequest until it is Approved");
        CertificateRequest request = withoutApprover.cluster()
                .get(ResourceKind.CERTIFICATE_REQUEST, NS, "web-1").orElseThrow();
        assertThat(request.getStatus()).isNull();
    }

    @Test
    void externalIssuerGroupIsIgnored() {
        CertificateRequest request = CaFixtures.request(NS, "web-1", "vault", "VaultIssuer",
                CaFixtures.leafCsr("a.example.com", key));
        request.getSpec().getIssuerRef().setGroup("example.com");
        harness.apply(request);
        harness.settle();

        assertThat(RequestConditions.find(stored("web-1"), "Ready")).isEmpty();
        assertThat(condition("web-1", "Approved").getStatus()).isEqualTo("True");
    }

    @Test
    void failureTimeIsSetOnce() {
        selfSignedIssuer(null);
        harness.apply(CaFixtures.request(NS, "web-1", "selfsigned", "Issuer", CaFixtures.leafCsr("a.example.com", key)));
        harness.settle();
        Instant first = stored("web-1").getStatus().getFailureTime();

        harness.clock().advance(Duration.ofHours(1));
        harness.manager().enqueue(RequestControllers.ISSUER_SELF_SIGNED,
                new io.certwright.core.cluster.ObjectKey(NS, "web-1"));
        harness.settle();

        assertThat(stored("web-1").getStatus().getFailureTime()).isEqualTo(first);
    }

    @Test
    void issuedRequestIsNotSignedAgain() {
        selfSignedIssuer(null);
        harness.apply(selfSignedRequest(CaFixtures.leafCsr("a.example.com", key)));
        harness.settle();
        byte[] certificate = stored("web-1").getStatus().getCertificate();

        harness.clock().advance(Duration.ofHours(1));
        harness.apply(Fixtures.issuer("selfsigned", Fixtures.inNamespace(NS), Fixtures.withSelfSigned(),
                Fixtures.withLabel("changed", "yes")));
        harness.settle();

        assertThat(Arrays.equals(stored("web-1").getStatus().getCertificate(), certificate)).isTrue();
    }
}
