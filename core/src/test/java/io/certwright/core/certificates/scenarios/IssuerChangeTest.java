package io.certwright.core.certificates.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.certwright.api.Annotations;
import io.certwright.core.testing.Harness;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A change of {@code issuerRef} re-issues, detected through the issuer annotations on the Secret; an edit
 * of the issuer's own configuration does not.
 */
class IssuerChangeTest {
    private static final String CLUSTER_ISSUERS = """
            apiVersion: cert-manager.io/v1
            kind: Issuer
            metadata: {name: selfsigned, namespace: cert-manager}
            spec: {selfSigned: {}}
            ---
            apiVersion: cert-manager.io/v1
            kind: Certificate
            metadata: {name: old-root, namespace: cert-manager}
            spec: {secretName: old-root, isCA: true, commonName: Old Root, privateKey: {algorithm: ECDSA},
                   issuerRef: {name: selfsigned}}
            ---
            apiVersion: cert-manager.io/v1
            kind: Certificate
            metadata: {name: new-root, namespace: cert-manager}
            spec: {secretName: new-root, isCA: true, commonName: New Root, privateKey: {algorithm: ECDSA},
                   issuerRef: {name: selfsigned}}
            ---
            apiVersion: cert-manager.io/v1
            kind: Certificate
            metadata: {name: third-root, namespace: cert-manager}
            spec: {secretName: third-root, isCA: true, commonName: Third Root, privateKey: {algorithm: ECDSA},
                   issuerRef: {name: selfsigned}}
            ---
            apiVersion: cert-manager.io/v1
            kind: ClusterIssuer
            metadata: {name: ca-old}
            spec: {ca: {secretName: old-root}}
            ---
            apiVersion: cert-manager.io/v1
            kind: ClusterIssuer
            metadata: {name: ca-new}
            spec: {ca: {secretName: new-root}}
            """;

    private static final String CERTIFICATE = """
            apiVersion: cert-manager.io/v1
            kind: Certificate
            metadata: {name: app, namespace: demo}
            spec:
              secretName: app-tls
              dnsNames: [app.example.com]
              issuerRef: {name: ca-old, kind: ClusterIssuer}
            """;

    @Test
    void issuerRefNameChangeReissuesFromNewIssuer() {
        Scenario scenario = Scenario.create().apply(CLUSTER_ISSUERS).apply(CERTIFICATE);
        assertThat(scenario.isReady("app")).isTrue();

        scenario.apply(CERTIFICATE.replace("ca-old", "ca-new"));

        assertThat(scenario.issuingStarts("app")).last().isEqualTo(
                "IncorrectIssuer: Issuing certificate as Secret was previously issued by \"ClusterIssuer.cert-manager.io/ca-old\"");
        assertThat(scenario.createdRequests("app")).containsExactly("app-1", "app-2");
        assertThat(scenario.request("app-2").orElseThrow().getSpec().getIssuerRef().getName()).isEqualTo("ca-new");
        assertThat(Scenario.annotations(scenario.secret("app-tls")))
                .containsEntry(Annotations.ISSUER_NAME, "ca-new")
                .containsEntry(Annotations.ISSUER_KIND, "ClusterIssuer");
        assertThat(Scenario.leaf(scenario.secret("app-tls")).getIssuerX500Principal().getName()).contains("New Root");
        assertThat(scenario.isReady("app")).isTrue();

        scenario.advance(Duration.ofMinutes(10));
        assertThat(scenario.createdRequests("app")).containsExactly("app-1", "app-2");
    }

    @Test
    void issuerConfigurationEditDoesNotReissue() {
        Scenario scenario = Scenario.create().apply(CLUSTER_ISSUERS).apply(CERTIFICATE.replace("ca-old", "ca-new"));
        Scenario.KeyPairBytes issued = scenario.keyPair("app-tls");

        scenario.harness.apply("""
                apiVersion: cert-manager.io/v1
                kind: ClusterIssuer
                metadata: {name: ca-new}
                spec: {ca: {secretName: third-root}}
                """);
        scenario.advance(Duration.ofMinutes(10));

        assertThat(scenario.createdRequests("app")).containsExactly("app-1");
        assertThat(scenario.keyPair("app-tls")).isEqualTo(issued);
        assertThat(scenario.isReady("app")).isTrue();
        assertThat(Harness.CLUSTER_RESOURCE_NAMESPACE).isEqualTo("cert-manager");
    }

    @Test
    void issuerRefDefaultsFromOmittedDoNotReissue() {
        String omitted = """
                apiVersion: cert-manager.io/v1
                kind: Certificate
                metadata: {name: app, namespace: demo}
                spec:
                  secretName: app-tls
                  dnsNames: [app.example.com]
                  issuerRef: {name: int-ca}
                """;
        Scenario scenario = Scenario.create().apply(Scenario.CA_ISSUER + "---\n" + omitted);
        assertThat(scenario.isReady("app")).isTrue();
        Scenario.KeyPairBytes issued = scenario.keyPair("app-tls");

        scenario.apply(omitted.replace("{name: int-ca}", "{name: int-ca, kind: Issuer, group: cert-manager.io}"));
        scenario.advance(Duration.ofMinutes(10));
        assertThat(scenario.createdRequests("app")).containsExactly("app-1");

        scenario.apply(omitted);
        scenario.advance(Duration.ofMinutes(10));

        assertThat(scenario.createdRequests("app")).containsExactly("app-1");
        assertThat(scenario.issuingStarts("app")).hasSize(1);
        assertThat(scenario.keyPair("app-tls")).isEqualTo(issued);
        assertThat(scenario.isReady("app")).isTrue();
    }
}
