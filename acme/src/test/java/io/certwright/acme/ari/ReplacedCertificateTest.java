package io.certwright.acme.ari;

import static org.assertj.core.api.Assertions.assertThat;

import io.certwright.acme.requests.OrderRequestFlow;
import io.certwright.acme.testing.AcmeFixtures;
import io.certwright.acme.testing.KindStore;
import io.certwright.api.Annotations;
import io.certwright.api.Json;
import io.certwright.api.model.Certificate;
import io.certwright.api.model.CertificateRequest;
import io.certwright.api.model.ClusterIssuer;
import io.certwright.api.model.Order;
import io.certwright.core.cluster.InMemoryCluster;
import io.certwright.core.cluster.ResourceKind;
import io.certwright.core.issuers.IssuerContext;
import io.certwright.pki.Pem;
import io.fabric8.kubernetes.api.model.Secret;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Order's {@code replaces}, taken from the certificate in the Secret of the request's Certificate. */
class ReplacedCertificateTest {
    private static final KeyPair KEY = AcmeFixtures.rsaKey();

    private final InMemoryCluster cluster = new InMemoryCluster(Clock.fixed(AcmeFixtures.NOW, ZoneOffset.UTC));
    private final KindStore<Order> orders = new KindStore<>(cluster, ResourceKind.ORDER);
    private final ClusterIssuer issuer = AcmeFixtures.clusterIssuer("acme-test", "[{http01: {ingress: {}}}]");
    private X509Certificate current;

    @BeforeEach
    void storeCertificateAndSecret() throws Exception {
        cluster.create(ResourceKind.CERTIFICATE, Json.yaml().readValue("""
                apiVersion: cert-manager.io/v1
                kind: Certificate
                metadata: {name: web, namespace: demo}
                spec:
                  secretName: web-tls
                  dnsNames: [www.example.com]
                  issuerRef: {name: acme-test, kind: ClusterIssuer}
                """, Certificate.class));
        current = leaf(new BigInteger("87654321", 16));
        cluster.create(ResourceKind.SECRET, secret("acme-test"));
    }

    @Test
    void gateOnSetsReplacesToCurrentCertId() throws Exception {
        new OrderRequestFlow(cluster, () -> true).sign(request(), new IssuerContext(issuer, "cert-manager"));

        assertThat(orders.list("demo")).singleElement()
                .satisfies(order -> assertThat(order.getSpec().getReplaces()).isEqualTo(AriCertId.of(current)));
    }

    @Test
    void gateOffLeavesReplacesEmpty() throws Exception {
        new OrderRequestFlow(cluster, () -> false).sign(request(), new IssuerContext(issuer, "cert-manager"));

        assertThat(orders.list("demo")).singleElement()
                .satisfies(order -> assertThat(order.getSpec().getReplaces()).isNull());
    }

    @Test
    void secretFromOtherIssuerGivesNoReplaces() throws Exception {
        cluster.delete(ResourceKind.SECRET, "demo", "web-tls");
        cluster.create(ResourceKind.SECRET, secret("other-issuer"));

        assertThat(ReplacedCertificate.certId(cluster, request())).isEmpty();
    }

    @Test
    void requestWithoutCertificateNameGivesNoReplaces() throws Exception {
        CertificateRequest request = request();
        request.getMetadata().getAnnotations().remove(Annotations.CERTIFICATE_NAME);

        assertThat(ReplacedCertificate.certId(cluster, request)).isEmpty();
    }

    @Test
    void replacesChangesTheOrderName() throws Exception {
        CertificateRequest request = request();
        String withReplaces = expectedName(request, true);
        String without = expectedName(request, false);

        assertThat(withReplaces).isNotEqualTo(without);
    }

    private String expectedName(CertificateRequest request, boolean acmeUseAri) {
        InMemoryCluster scratch = new InMemoryCluster(Clock.fixed(AcmeFixtures.NOW, ZoneOffset.UTC));
        scratch.create(ResourceKind.CERTIFICATE, cluster.get(ResourceKind.CERTIFICATE, "demo", "web").orElseThrow());
        scratch.create(ResourceKind.SECRET, cluster.get(ResourceKind.SECRET, "demo", "web-tls").orElseThrow());
        new OrderRequestFlow(scratch, () -> acmeUseAri).sign(request, new IssuerContext(issuer, "cert-manager"));
        return scratch.list(ResourceKind.ORDER, "demo").get(0).getMetadata().getName();
    }

    private static CertificateRequest request() throws Exception {
        CertificateRequest request = AcmeFixtures.request("web-2", "acme-test", KEY, null, "www.example.com");
        Map<String, String> annotations = new HashMap<>();
        annotations.put(Annotations.CERTIFICATE_NAME, "web");
        request.getMetadata().setAnnotations(annotations);
        return request;
    }

    private Secret secret(String issuerName) {
        return Json.yaml().readValue("""
                apiVersion: v1
                kind: Secret
                metadata:
                  name: web-tls
                  namespace: demo
                  annotations:
                    cert-manager.io/issuer-name: %s
                    cert-manager.io/issuer-kind: ClusterIssuer
                    cert-manager.io/issuer-group: cert-manager.io
                type: kubernetes.io/tls
                data:
                  tls.crt: %s
                """.formatted(issuerName, Base64.getEncoder().encodeToString(
                        Pem.encodeCertificates(java.util.List.of(current)).getBytes(StandardCharsets.US_ASCII))),
                Secret.class);
    }

    private static X509Certificate leaf(BigInteger serial) throws Exception {
        X500Name name = new X500Name("CN=www.example.com");
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name("CN=Test CA"), serial,
                Date.from(AcmeFixtures.NOW), Date.from(AcmeFixtures.NOW.plus(Duration.ofDays(90))), name,
                KEY.getPublic());
        builder.addExtension(Extension.authorityKeyIdentifier, false, new AuthorityKeyIdentifier(new byte[] {9, 8, 7}));
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(KEY.getPrivate())));
    }
}
