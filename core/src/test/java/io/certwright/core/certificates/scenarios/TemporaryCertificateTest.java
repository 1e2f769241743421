package io.certwright.core.certificates.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.certwright.api.Annotations;
import io.certwright.api.SecretKeys;
import io.certwright.api.model.CertificateRequest;
import io.certwright.api.model.CertificateRequestCondition;
import io.certwright.api.model.CertificateRequestStatus;
import io.certwright.core.certificates.CertificateControllers;
import io.certwright.core.cluster.Event;
import io.certwright.core.cluster.ResourceKind;
import io.certwright.core.issuers.IssuerControllers;
import io.certwright.pki.CertificateFacts;
import io.certwright.pki.PrivateKeys;
import io.fabric8.kubernetes.api.model.Secret;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * With {@code cert-manager.io/issue-temporary-certificate: "true"}, the Secret gets a certificate from a
 * throw-away CA while the real one is pending, and the real one replaces it.
 */
class TemporaryCertificateTest {
    private static final String CERTIFICATE = """
            apiVersion: cert-manager.io/v1
            kind: Certificate
            metadata:
              name: app
              namespace: demo
              annotations: {cert-manager.io/issue-temporary-certificate: "true"}
            spec:
              secretName: app-tls
              dnsNames: [app.example.com]
              privateKey: {algorithm: ECDSA}
              issuerRef: {name: selfsigned, kind: Issuer}
            """;

    @Test
    void pendingRequestGetsTemporaryCertificate() {
        // No CertificateRequest controller runs here, so requests are never signed. The test writes a
        // Pending Ready condition by hand, as an issuer that is still working would.
        Scenario scenario = pendingScenario();

        Secret secret = scenario.secret("app-tls");
        X509Certificate temporary = Scenario.leaf(secret);
        assertThat(temporary.getIssuerX500Principal().getName()).contains("cert-manager.local");
        assertThat(CertificateFacts.serialNumberAttribute(temporary)).isEqualTo("1234567890");
        assertThat(PrivateKeys.publicKeysEqual(temporary.getPublicKey(),
                PrivateKeys.publicKeyOf(Scenario.privateKey(secret)))).isTrue();
        assertThat(Scenario.annotations(secret)).containsEntry(Annotations.CERTIFICATE_NAME, "app");
        assertThat(Scenario.annotations(secret)).doesNotContainKeys(Annotations.ISSUER_NAME, Annotations.ISSUER_KIND);
        assertThat(secret.getData()).containsKeys(SecretKeys.TLS_CERT, SecretKeys.TLS_KEY);
        assertThat(scenario.events("app")).extracting(Event::message).contains("Issued temporary certificate");
    }

    @Test
    void realCertificateReplacesTemporaryOne() {
        Scenario scenario = Scenario.create().apply(Scenario.SELF_SIGNED_ISSUER + "---\n" + CERTIFICATE);

        X509Certificate leaf = Scenario.leaf(scenario.secret("app-tls"));
        assertThat(leaf.getIssuerX500Principal().getName()).doesNotContain("cert-manager.local");
        assertThat(Scenario.annotations(scenario.secret("app-tls"))).containsEntry(Annotations.ISSUER_NAME, "selfsigned");
        assertThat(scenario.isReady("app")).isTrue();
    }

    private static Scenario pendingScenario() {
        Scenario scenario = Scenario.create((manager, cluster, options, clock) -> {
            CertificateControllers.register(manager, cluster, options, clock);
            IssuerControllers.register(manager, cluster, options, clock);
        }).apply(Scenario.SELF_SIGNED_ISSUER + "---\n" + CERTIFICATE);

        CertificateRequest request = scenario.request("app-1").orElseThrow();
        request.setStatus(new CertificateRequestStatus().withConditions(List.of(new CertificateRequestCondition()
                .withType("Ready").withStatus("False").withReason("Pending").withMessage("waiting for the issuer"))));
        scenario.harness.cluster().updateStatus(ResourceKind.CERTIFICATE_REQUEST, request);
        scenario.harness.settle();
        return scenario;
    }
}
