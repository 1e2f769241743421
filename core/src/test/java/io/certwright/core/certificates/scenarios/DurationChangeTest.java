package io.certwright.core.certificates.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.certwright.api.model.CertificateRequest;
import io.certwright.core.cluster.ResourceKind;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A change of {@code spec.duration} is compared only with the duration of the current
 * CertificateRequest: it re-issues when both are set, and not when the request carries none or no
 * request exists.
 */
class DurationChangeTest {
    private static final String CERTIFICATE = """
            apiVersion: cert-manager.io/v1
            kind: Certificate
            metadata: {name: b, namespace: demo}
            spec:
              secretName: b-tls
              dnsNames: [b.example.com]
              privateKey: {algorithm: ECDSA}
              issuerRef: {name: selfsigned, kind: Issuer}
            """;

    @Test
    void addedDurationDoesNotReissue() {
        Scenario scenario = Scenario.create().apply(Scenario.SELF_SIGNED_ISSUER + "---\n" + CERTIFICATE);

        scenario.apply(CERTIFICATE + "  duration: 768h\n");
        scenario.advance(Duration.ofMinutes(10));

        assertThat(scenario.createdRequests()).containsExactly("b-1");
        assertThat(scenario.issuingStarts("b")).hasSize(1);
        assertThat(scenario.isReady("b")).isTrue();
    }

    @Test
    void explicitDurationChangeReissuesWithNewLifetime() {
        Scenario scenario = Scenario.create().apply(Scenario.SELF_SIGNED_ISSUER + "---\n" + CERTIFICATE
                + "  duration: 2160h\n");

        scenario.apply(CERTIFICATE + "  duration: 720h\n");

        assertThat(scenario.issuingStarts("b")).last().isEqualTo(
                "RequestChanged: Fields on existing CertificateRequest resource not up to date: [spec.duration]");
        CertificateRequest request = scenario.request("b-2").orElseThrow();
        assertThat(request.getSpec().getDuration()).isEqualTo("720h");
        X509Certificate leaf = Scenario.leaf(scenario.secret("b-tls"));
        assertThat(Duration.between(leaf.getNotBefore().toInstant(), leaf.getNotAfter().toInstant()))
                .isEqualTo(Duration.ofHours(720));
    }

    @Test
    void restoredSecretWithoutRequestsIsAdopted() {
        Scenario scenario = Scenario.create().apply(Scenario.SELF_SIGNED_ISSUER + "---\n" + CERTIFICATE
                + "  duration: 2160h\n");
        Instant notAfter = Scenario.leaf(scenario.secret("b-tls")).getNotAfter().toInstant();
        Scenario.KeyPairBytes restored = scenario.keyPair("b-tls");
        scenario.harness.cluster().delete(ResourceKind.CERTIFICATE, "demo", "b");
        for (CertificateRequest request : scenario.harness.requests("demo")) {
            scenario.harness.cluster().delete(ResourceKind.CERTIFICATE_REQUEST, "demo", request.getMetadata().getName());
        }
        scenario.harness.settle();

        scenario.apply(CERTIFICATE + "  duration: 20h\n  renewBefore: 5h\n");

        assertThat(scenario.createdRequests()).containsExactly("b-1");
        assertThat(scenario.isReady("b")).isTrue();
        assertThat(scenario.keyPair("b-tls")).isEqualTo(restored);
        assertThat(scenario.certificate("b").getStatus().getNotAfter()).isEqualTo(notAfter);
        assertThat(scenario.certificate("b").getStatus().getRenewalTime()).isEqualTo(notAfter.minus(Duration.ofHours(5)));
    }
}
