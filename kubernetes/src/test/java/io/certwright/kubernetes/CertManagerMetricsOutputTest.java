package io.certwright.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.certwright.acme.client.AcmeRequestMetrics;
import io.certwright.api.model.Certificate;
import io.certwright.api.model.CertificateCondition;
import io.certwright.api.model.CertificateSpec;
import io.certwright.api.model.CertificateStatus;
import io.certwright.api.model.Challenge;
import io.certwright.api.model.ChallengeSpec;
import io.certwright.api.model.ChallengeStatus;
import io.certwright.api.model.ClusterIssuer;
import io.certwright.api.model.Issuer;
import io.certwright.api.model.IssuerCondition;
import io.certwright.api.model.IssuerReference;
import io.certwright.api.model.IssuerSpec;
import io.certwright.api.model.IssuerStatus;
import io.certwright.api.model.SelfSignedIssuer;
import io.certwright.core.cluster.InMemoryCluster;
import io.certwright.core.cluster.ResourceKind;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pins the exact bytes of a whole scrape, so that a change to how the metrics are rendered cannot change
 * family order, HELP and TYPE lines, sample order, label order, escaping, number format or encoding. The
 * Certificates are created out of order and cover each shape the certificate families handle.
 */
class CertManagerMetricsOutputTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final String PINNED = "metrics/scrape-pinned.txt";

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final InMemoryCluster cluster = new InMemoryCluster(clock);

    @Test
    void scrapeMatchesPinnedBytes() throws IOException {
        HttpEndpoints.Response response = metrics().scrape();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo("text/plain; version=0.0.4; charset=utf-8");
        assertThat(response.body().toString()).isEqualTo(pinnedText());
        assertThat(response.body().toByteArray()).isEqualTo(pinnedBytes());
        assertThat(response.body().length()).isEqualTo(pinnedBytes().length);
    }

    /** Chunks of 13 bytes end inside lines and label blocks, so appends that cross a chunk's end are checked too. */
    @Test
    void smallChunksMatchPinnedBytes() throws IOException {
        ResponseBody body = new ResponseBody(13);

        metrics().writeTo(body);

        assertThat(body.toString()).isEqualTo(pinnedText());
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        body.writeTo(written);
        assertThat(written.toByteArray()).isEqualTo(pinnedBytes());
    }

    private CertManagerMetrics metrics() {
        addCertificates();
        addIssuers();
        addChallenges();
        AcmeRequestRecorder acmeRequests = new AcmeRequestRecorder(clock);
        acmeRequests.record(new AcmeRequestMetrics.Request("https", "acme.example.com", "get_order", "POST", 200,
                Duration.ofMillis(250)));
        acmeRequests.record(new AcmeRequestMetrics.Request("https", "acme.example.com", "get_order", "POST", 200,
                Duration.ofNanos(123_456_789)));
        acmeRequests.record(new AcmeRequestMetrics.Request("http", "pebble:14000", "new_nonce", "HEAD", 429,
                Duration.ofNanos(15_000)));
        return new CertManagerMetrics(cluster, clock, () -> List.of("certificates-issuing", "issuers"),
                name -> Map.of("certificates-issuing", 12L, "issuers", 0L).get(name), name -> 3L, acmeRequests);
    }

    private void addCertificates() {
        // Sorted by namespace, then by name in String order, where "Zulu" comes before "api".
        addCertificate(certificate("team-b", "web", issuer("ca-issuer", "ClusterIssuer", "cert-manager.io")),
                status(ready("True"), Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2027-01-30T00:00:00Z"),
                        Instant.parse("2026-12-31T00:00:00Z")));
        addCertificate(certificate("team-a", "zeta", issuer("ca-issuer", null, null)), null);
        addCertificate(certificate("team-a", "api", issuer("ca-issuer", "Issuer", null)),
                status(List.of(condition("Issuing", "True"), condition("Ready", "False")), null,
                        Instant.parse("2027-03-04T05:06:07Z"), null));
        addCertificate(certificate("team-a", "Zulu", null), status(List.of(), null, null, null));
        addCertificate(certificate("team-a", "escaped",
                issuer("quote\"back\\slash\nline", "Ünïcødé Issuer 🔐", "example.com/v1")),
                status(List.of(condition("Ready", null)), Instant.parse("1969-12-31T23:59:59Z"),
                        Instant.parse("2027-03-04T05:06:07.999Z"), Instant.parse("2027-02-01T00:00:00.5Z")));
        addCertificate(certificate("team-a", "unexpected-status", issuer("ca-issuer", "ClusterIssuer", "")),
                status(ready("Maybe"), null, null, null));
        addCertificate(certificate("cert-manager", "root", issuer("bootstrap", "ClusterIssuer", "cert-manager.io")),
                status(ready("True"), Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2036-01-01T00:00:00Z"),
                        Instant.parse("2032-09-01T00:00:00Z")));
    }

    private void addIssuers() {
        Issuer issuer = new Issuer();
        issuer.getMetadata().setNamespace("team-a");
        issuer.getMetadata().setName("ca-issuer");
        issuer.setSpec(new IssuerSpec().withSelfSigned(new SelfSignedIssuer()));
        Issuer createdIssuer = cluster.create(ResourceKind.ISSUER, issuer);
        createdIssuer.setStatus(new IssuerStatus().withConditions(List.of(new IssuerCondition().withType("Ready")
                .withStatus("True").withReason("KeyPairVerified").withMessage("Signing CA verified"))));
        cluster.updateStatus(ResourceKind.ISSUER, createdIssuer);
        Issuer pending = new Issuer();
        pending.getMetadata().setNamespace("team-a");
        pending.getMetadata().setName("acme");
        pending.setSpec(new IssuerSpec().withSelfSigned(new SelfSignedIssuer()));
        cluster.create(ResourceKind.ISSUER, pending);

        ClusterIssuer clusterIssuer = new ClusterIssuer();
        clusterIssuer.getMetadata().setName("ca-issuer");
        clusterIssuer.setSpec(new IssuerSpec().withSelfSigned(new SelfSignedIssuer()));
        ClusterIssuer created = cluster.create(ResourceKind.CLUSTER_ISSUER, clusterIssuer);
        created.setStatus(new IssuerStatus().withConditions(List.of(new IssuerCondition().withType("Ready")
                .withStatus("False").withReason("ErrGetKeyPair").withMessage("Secret not found"))));
        cluster.updateStatus(ResourceKind.CLUSTER_ISSUER, created);
    }

    private void addChallenges() {
        Challenge challenge = cluster.create(ResourceKind.CHALLENGE, challenge("team-a", "web-1-2-3",
                new ChallengeSpec().withDnsName("web.example.com").withType("HTTP-01")));
        challenge.setStatus(new ChallengeStatus().withState("pending").withProcessing(true)
                .withReason("Waiting for \"HTTP-01\" challenge propagation"));
        cluster.updateStatus(ResourceKind.CHALLENGE, challenge);
        cluster.create(ResourceKind.CHALLENGE, challenge("team-a", "new-1-2-3",
                new ChallengeSpec().withDnsName("*.example.com").withType("DNS-01")));
    }

    private void addCertificate(Certificate certificate, CertificateStatus status) {
        Certificate created = cluster.create(ResourceKind.CERTIFICATE, certificate);
        if (status != null) {
            created.setStatus(status);
            cluster.updateStatus(ResourceKind.CERTIFICATE, created);
        }
    }

    private static Certificate certificate(String namespace, String name, IssuerReference issuer) {
        Certificate certificate = new Certificate();
        ObjectMeta metadata = new ObjectMeta();
        metadata.setNamespace(namespace);
        metadata.setName(name);
        certificate.setMetadata(metadata);
        certificate.setSpec(new CertificateSpec().withSecretName(name + "-tls").withIssuerRef(issuer));
        return certificate;
    }

    private static IssuerReference issuer(String name, String kind, String group) {
        return new IssuerReference().withName(name).withKind(kind).withGroup(group);
    }

    private static List<CertificateCondition> ready(String status) {
        return List.of(condition("Ready", status));
    }

    private static CertificateCondition condition(String type, String status) {
        return new CertificateCondition().withType(type).withStatus(status).withReason("Reason")
                .withMessage("message").withLastTransitionTime(NOW);
    }

    private static CertificateStatus status(List<CertificateCondition> conditions, Instant notBefore,
            Instant notAfter, Instant renewalTime) {
        return new CertificateStatus().withConditions(conditions).withNotBefore(notBefore).withNotAfter(notAfter)
                .withRenewalTime(renewalTime);
    }

    private static Challenge challenge(String namespace, String name, ChallengeSpec spec) {
        Challenge challenge = new Challenge();
        challenge.getMetadata().setNamespace(namespace);
        challenge.getMetadata().setName(name);
        challenge.setSpec(spec);
        return challenge;
    }

    private static String pinnedText() throws IOException {
        return new String(pinnedBytes(), StandardCharsets.UTF_8);
    }

    private static byte[] pinnedBytes() throws IOException {
        try (InputStream in = CertManagerMetricsOutputTest.class.getClassLoader().getResourceAsStream(PINNED)) {
            assertThat(in).as("test resource " + PINNED).isNotNull();
            return in.readAllBytes();
        }
    }
}
