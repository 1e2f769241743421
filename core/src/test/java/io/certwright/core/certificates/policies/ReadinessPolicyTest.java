package io.certwright.core.certificates.policies;

import static io.certwright.core.certificates.policies.CertificateFixtures.CLOCK;
import static io.certwright.core.certificates.policies.CertificateFixtures.NOW;
import static io.certwright.core.certificates.policies.CertificateFixtures.certificate;
import static io.certwright.core.certificates.policies.CertificateFixtures.key;
import static io.certwright.core.certificates.policies.CertificateFixtures.putData;
import static io.certwright.core.certificates.policies.CertificateFixtures.rsaKey;
import static io.certwright.core.certificates.policies.CertificateFixtures.secret;
import static io.certwright.core.certificates.policies.CertificateFixtures.signed;
import static org.assertj.core.api.Assertions.assertThat;

import io.certwright.api.SecretKeys;
import io.certwright.api.model.Certificate;
import io.certwright.pki.KeyAlgorithm;
import io.certwright.pki.PkiException;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReadinessPolicyTest {

    private final PolicyChain readiness = Policies.readiness(CLOCK);

    private static PolicyInput issuedAt(Instant notBefore, Duration lifetime) throws PkiException {
        Certificate certificate = certificate();
        KeyPair key = rsaKey();
        X509Certificate leaf = signed(certificate.getSpec(), key, notBefore, lifetime);
        return new PolicyInput(certificate, secret(certificate, key, leaf), null, null);
    }

    @Test
    void chainEndsWithExpiryInPlaceOfRenewal() {
        assertThat(readiness.names()).containsExactly(
                "SecretDoesNotExist", "SecretIsMissingData", "SecretPublicKeysDiffer",
                "SecretIssuerAnnotationsMismatch", "SecretCertificateNameAnnotationsMismatch",
                "SecretPrivateKeyMismatchesSpec", "SecretPublicKeyDiffersFromCurrentCertificateRequest",
                "CurrentCertificateRequestMismatchesSpec", "CurrentCertificateHasExpired");
    }

    @Test
    void expiredCertificateIsExpiredWithRfc1123Time() throws PkiException {
        PolicyInput input = issuedAt(NOW.minus(Duration.ofHours(3)), Duration.ofHours(2));
        assertThat(readiness.evaluate(input))
                .contains(new Violation("Expired", "Certificate expired on Fri, 02 Jan 2026 14:04:05 UTC"));
    }

    @Test
    void certificateExpiringNowIsNotYetExpired() throws PkiException {
        PolicyInput input = issuedAt(NOW.minus(Duration.ofHours(2)), Duration.ofHours(2));
        assertThat(readiness.evaluate(input)).isEmpty();
    }

    @Test
    void certificatePastRenewalTimeIsStillReady() throws PkiException {
        PolicyInput input = issuedAt(NOW.minus(Duration.ofHours(80)), Duration.ofHours(90));
        assertThat(readiness.evaluate(input)).isEmpty();
    }

    @Test
    void certificateNotYetValidIsReady() throws PkiException {
        PolicyInput input = issuedAt(NOW.plus(Duration.ofMinutes(10)), Duration.ofHours(24));
        assertThat(readiness.evaluate(input)).isEmpty();
    }

    @Test
    void missingSecretIsDoesNotExist() {
        assertThat(readiness.evaluate(new PolicyInput(certificate(), null, null, null)).map(Violation::reason))
                .contains("DoesNotExist");
    }

    @Test
    void largerKeySizeIsSecretMismatch() throws PkiException {
        PolicyInput input = issuedAt(NOW.minus(Duration.ofHours(1)), Duration.ofHours(90));
        input.certificate().getSpec().withPrivateKey(TriggerPolicyTest.privateKey("RSA", 4096));
        assertThat(readiness.evaluate(input)).contains(new Violation("SecretMismatch",
                "Existing private key is not up to date for spec: [spec.privateKey.size]"));
    }

    @Test
    void temporaryCertificateChainHasThreeChecks() {
        assertThat(Policies.temporaryCertificate().names())
                .containsExactly("SecretDoesNotExist", "SecretIsMissingData", "SecretPublicKeysDiffer");
    }

    @Test
    void temporaryCertificateChainIgnoresIssuer() throws PkiException {
        PolicyInput input = issuedAt(NOW.minus(Duration.ofHours(1)), Duration.ofHours(90));
        input.secret().getMetadata().getAnnotations().clear();
        input.certificate().getSpec().getIssuerRef().setKind("ClusterIssuer");
        assertThat(Policies.temporaryCertificate().evaluate(input)).isEmpty();
    }

    @Test
    void temporaryCertificateChainReportsKeyMismatch() throws PkiException {
        PolicyInput input = issuedAt(NOW.minus(Duration.ofHours(1)), Duration.ofHours(90));
        putData(input.secret(), SecretKeys.TLS_KEY, CertificateFixtures.keyPem(key(KeyAlgorithm.RSA, 1)));
        assertThat(Policies.temporaryCertificate().evaluate(input).map(Violation::reason)).contains("InvalidKeyPair");
    }
}
