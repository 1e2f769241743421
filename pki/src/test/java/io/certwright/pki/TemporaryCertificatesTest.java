package io.certwright.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TemporaryCertificatesTest {

    @Test
    void temporaryCertificateIsSignedByLocalP521Ca() {
        KeyPair nextKey = TestPki.ecKey(0);
        CsrSpec spec = CsrSpec.builder().commonName("web").dnsNames("web.example.com").ipAddresses("10.0.0.1").build();

        X509Certificate certificate = TemporaryCertificates.issue(spec, nextKey, Duration.ofHours(24), TestPki.NOW);

        assertThat(certificate.getIssuerX500Principal().getName()).isEqualTo("CN=cert-manager.local");
        assertThat(certificate.getSigAlgOID()).as("ecdsa-with-SHA512").isEqualTo("1.2.840.10045.4.3.4");
        assertThat(CertificateFacts.serialNumberAttribute(certificate)).isEqualTo("1234567890");
        assertThat(CertificateFacts.commonName(certificate)).isEqualTo("web");
        assertThat(CertificateFacts.dnsNames(certificate)).containsExactly("web.example.com");
        assertThat(CertificateFacts.ipAddresses(certificate)).containsExactly("10.0.0.1");
        assertThat(PrivateKeys.publicKeysEqual(certificate.getPublicKey(), nextKey.getPublic())).isTrue();
        assertThat(certificate.getNotBefore().toInstant()).isEqualTo(TestPki.NOW);
        assertThat(certificate.getNotAfter().toInstant()).isEqualTo(TestPki.NOW.plus(Duration.ofHours(24)));
    }

    @Test
    void missingDurationDefaultsToNinetyDays() {
        X509Certificate certificate = TemporaryCertificates.issue(
                CsrSpec.builder().dnsNames("web.example.com").build(), TestPki.ecKey(0), null, TestPki.NOW);

        assertThat(certificate.getNotAfter().toInstant()).isEqualTo(TestPki.NOW.plus(Duration.ofDays(90)));
    }
}
