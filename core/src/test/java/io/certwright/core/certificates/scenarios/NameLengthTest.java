package io.certwright.core.certificates.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.certwright.api.Annotations;
import io.certwright.pki.CertificateFacts;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;

/**
 * The 64-byte limit applies only to the subject common name. A common name of exactly 64 bytes is issued
 * as it is, and a DNS name longer than 64 characters goes into the SAN of a certificate without a common
 * name. Admission rejects longer common names before a controller sees them.
 */
class NameLengthTest {
    private static final String COMMON_NAME_64 = "234567890b234567890c234567890d234567890e234567890f2345.example.c";
    private static final String DNS_NAME_75 = "very-long-service-name-0.very-long-service-name-peer.demo.svc.cluster.local";

    @Test
    void commonNameOf64BytesIsIssued() {
        Scenario scenario = Scenario.create().apply(Scenario.CA_ISSUER + "---\n" + """
                apiVersion: cert-manager.io/v1
                kind: Certificate
                metadata: {name: app, namespace: demo}
                spec:
                  secretName: app-tls
                  commonName: %s
                  privateKey: {algorithm: ECDSA}
                  issuerRef: {name: int-ca, kind: Issuer}
                """.formatted(COMMON_NAME_64));

        assertThat(COMMON_NAME_64.getBytes(StandardCharsets.UTF_8)).hasSize(64);
        assertThat(scenario.isReady("app")).isTrue();
        X509Certificate leaf = Scenario.leaf(scenario.secret("app-tls"));
        assertThat(CertificateFacts.commonName(leaf)).isEqualTo(COMMON_NAME_64);
        assertThat(Scenario.annotations(scenario.secret("app-tls"))).containsEntry(Annotations.COMMON_NAME, COMMON_NAME_64);
    }

    @Test
    void longDnsNameIssuedWithoutCommonName() {
        Scenario scenario = Scenario.create().apply(Scenario.CA_ISSUER + "---\n" + """
                apiVersion: cert-manager.io/v1
                kind: Certificate
                metadata: {name: app, namespace: demo}
                spec:
                  secretName: app-tls
                  dnsNames: [%s]
                  privateKey: {algorithm: ECDSA}
                  issuerRef: {name: int-ca, kind: Issuer}
                """.formatted(DNS_NAME_75));

        assertThat(DNS_NAME_75).hasSize(75);
        assertThat(scenario.isReady("app")).isTrue();
        assertThat(scenario.createdRequests()).containsExactly("root-1", "app-1");
        X509Certificate leaf = Scenario.leaf(scenario.secret("app-tls"));
        assertThat(CertificateFacts.commonName(leaf)).isEmpty();
        assertThat(leaf.getSubjectX500Principal().getName()).doesNotContain("CN=");
        assertThat(CertificateFacts.dnsNames(leaf)).containsExactly(DNS_NAME_75);
    }
}
