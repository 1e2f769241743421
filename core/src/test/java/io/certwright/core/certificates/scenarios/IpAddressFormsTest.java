package io.certwright.core.certificates.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.certwright.pki.CertificateFacts;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * IP addresses are compared as parsed values, so an IPv6 address in expanded or upper-case form neither
 * loops between deleting and recreating requests nor re-issues when rewritten in canonical form.
 */
class IpAddressFormsTest {
    private static final String CERTIFICATE = """
            apiVersion: cert-manager.io/v1
            kind: Certificate
            metadata: {name: v6, namespace: demo}
            spec:
              secretName: v6-tls
              ipAddresses: ["2001:0DB8:0000:0000:0000:0000:0000:0001"]
              privateKey: {algorithm: ECDSA}
              issuerRef: {name: selfsigned, kind: Issuer}
            """;

    private final Scenario scenario = Scenario.create().apply(Scenario.SELF_SIGNED_ISSUER + "---\n" + CERTIFICATE);

    @Test
    void expandedUpperCaseAddressSettlesWithOneRequest() {
        scenario.advance(Duration.ofMinutes(10));

        assertThat(scenario.isReady("v6")).isTrue();
        assertThat(scenario.requestChanges).containsExactly("+v6-1");
        assertThat(CertificateFacts.ipAddresses(Scenario.leaf(scenario.secret("v6-tls")))).containsExactly("2001:db8::1");
    }

    @Test
    void canonicalRewriteDoesNotReissue() {
        scenario.apply(CERTIFICATE.replace("2001:0DB8:0000:0000:0000:0000:0000:0001", "2001:db8::1"));
        scenario.advance(Duration.ofMinutes(10));

        assertThat(scenario.createdRequests()).containsExactly("v6-1");
        assertThat(scenario.isReady("v6")).isTrue();
    }

    @Test
    void differentAddressReissues() {
        scenario.apply(CERTIFICATE.replace("2001:0DB8:0000:0000:0000:0000:0000:0001", "2001:db8::2"));
        scenario.advance(Duration.ofMinutes(10));

        assertThat(scenario.issuingStarts("v6")).last().isEqualTo(
                "RequestChanged: Fields on existing CertificateRequest resource not up to date: [spec.ipAddresses]");
        assertThat(scenario.createdRequests()).containsExactly("v6-1", "v6-2");
        assertThat(CertificateFacts.ipAddresses(Scenario.leaf(scenario.secret("v6-tls")))).containsExactly("2001:db8::2");
    }
}
