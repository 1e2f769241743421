package io.certwright.core.certificates.policies;

import static io.certwright.core.certificates.policies.CertificateFixtures.CLOCK;
import static io.certwright.core.certificates.policies.CertificateFixtures.NOW;
import static io.certwright.core.certificates.policies.CertificateFixtures.certificate;
import static io.certwright.core.certificates.policies.CertificateFixtures.issuerRef;
import static io.certwright.core.certificates.policies.CertificateFixtures.key;
import static io.certwright.core.certificates.policies.CertificateFixtures.putData;
import static io.certwright.core.certificates.policies.CertificateFixtures.request;
import static io.certwright.core.certificates.policies.CertificateFixtures.rsaKey;
import static io.certwright.core.certificates.policies.CertificateFixtures.secret;
import static io.certwright.core.certificates.policies.CertificateFixtures.signed;
import static org.assertj.core.api.Assertions.assertThat;

import io.certwright.api.Annotations;
import io.certwright.api.SecretKeys;
import io.certwright.api.model.ARISuggestedWindow;
import io.certwright.api.model.Certificate;
import io.certwright.api.model.CertificatePrivateKey;
import io.certwright.api.model.CertificateRenewal;
import io.certwright.api.model.CertificateRenewalWindow;
import io.certwright.api.model.CertificateRequest;
import io.certwright.api.model.CertificateSpec;
import io.certwright.pki.KeyAlgorithm;
import io.certwright.pki.PkiException;
import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class TriggerPolicyTest {

    private final PolicyChain trigger = Policies.trigger(CLOCK);

    /** Returns a Certificate with a matching Secret and current CertificateRequest, issued one day ago for 90 days. */
    private static PolicyInput issued(Consumer<CertificateSpec> customiser) throws PkiException {
        Certificate certificate = certificate(customiser);
        KeyPair key = rsaKey();
        X509Certificate leaf = signed(certificate.getSpec(), key);
        certificate.getStatus().setRevision(1);
        return new PolicyInput(certificate, secret(certificate, key, leaf), request(certificate, key, 1), null);
    }

    private static PolicyInput issued() throws PkiException {
        return issued(spec -> { });
    }

    private Optional<Violation> evaluate(PolicyInput input) {
        return trigger.evaluate(input);
    }

    @Test
    void chainListsTheNineChecksInOrder() {
        assertThat(trigger.names()).containsExactly(
                "SecretDoesNotExist", "SecretIsMissingData", "SecretPublicKeysDiffer",
                "SecretIssuerAnnotationsMismatch", "SecretCertificateNameAnnotationsMismatch",
                "SecretPrivateKeyMismatchesSpec", "SecretPublicKeyDiffersFromCurrentCertificateRequest",
                "CurrentCertificateRequestMismatchesSpec", "CurrentCertificateNearingExpiry");
    }

    @Test
    void upToDateCertificatePassesEveryCheck() throws PkiException {
        assertThat(evaluate(issued())).isEmpty();
    }

    @Test
    void missingSecretIsDoesNotExist() {
        assertThat(evaluate(new PolicyInput(certificate(), null, null, null)))
                .contains(new Violation("DoesNotExist", "Issuing certificate as Secret does not exist"));
    }

    @Test
    void secretWithoutDataIsMissingData() throws PkiException {
        PolicyInput input = issued();
        input.secret().setData(null);
        assertThat(evaluate(input)).contains(new Violation("MissingData", "Issuing certificate as Secret does not contain any data"));
    }

    @Test
    void secretWithoutPrivateKeyIsMissingData() throws PkiException {
        PolicyInput input = issued();
        input.secret().getData().remove(SecretKeys.TLS_KEY);
        assertThat(evaluate(input)).contains(new Violation("MissingData", "Issuing certificate as Secret does not contain a private key"));
    }

    @Test
    void secretWithoutCertificateIsMissingData() throws PkiException {
        PolicyInput input = issued();
        input.secret().getData().remove(SecretKeys.TLS_CERT);
        assertThat(evaluate(input)).contains(new Violation("MissingData", "Issuing certificate as Secret does not contain a certificate"));
    }

    @Test
    void undecodablePrivateKeyIsInvalidKeyPair() throws PkiException {
        PolicyInput input = issued();
        putData(input.secret(), SecretKeys.TLS_KEY, "not a key".getBytes(StandardCharsets.US_ASCII));
        Violation violation = evaluate(input).orElseThrow();
        assertThat(violation.reason()).isEqualTo("InvalidKeyPair");
        assertThat(violation.message()).startsWith("Issuing certificate as Secret contains invalid private key data: ");
    }

    @Test
    void undecodableCertificateIsInvalidCertificate() throws PkiException {
        PolicyInput input = issued();
        putData(input.secret(), SecretKeys.TLS_CERT, "garbage".getBytes(StandardCharsets.US_ASCII));
        Violation violation = evaluate(input).orElseThrow();
        assertThat(violation.reason()).isEqualTo("InvalidCertificate");
        assertThat(violation.message()).startsWith("Issuing certificate as Secret contains an invalid certificate: ");
    }

    @Test
    void keyOfAnotherCertificateIsInvalidKeyPair() throws PkiException {
        PolicyInput input = issued();
        putData(input.secret(), SecretKeys.TLS_KEY, CertificateFixtures.keyPem(key(KeyAlgorithm.RSA, 1)));
        assertThat(evaluate(input)).contains(new Violation("InvalidKeyPair",
                "Issuing certificate as Secret contains a private key that does not match the certificate"));
    }

    @Test
    void changedIssuerNameIsIncorrectIssuer() throws PkiException {
        PolicyInput input = issued(spec -> spec.withIssuerRef(issuerRef("ca-old", "ClusterIssuer", null)));
        input.certificate().getSpec().withIssuerRef(issuerRef("ca-new", "ClusterIssuer", null));
        assertThat(evaluate(input)).contains(new Violation("IncorrectIssuer",
                "Issuing certificate as Secret was previously issued by \"ClusterIssuer.cert-manager.io/ca-old\""));
    }

    @Test
    void spelledOutDefaultIssuerMatches() throws PkiException {
        PolicyInput input = issued(spec -> spec.withIssuerRef(issuerRef("local-ca", null, null)));
        input.certificate().getSpec().withIssuerRef(issuerRef("local-ca", "Issuer", "cert-manager.io"));
        input.currentRevisionRequest().getSpec().setIssuerRef(issuerRef("local-ca", null, null));
        assertThat(evaluate(input)).isEmpty();
    }

    @Test
    void secretWithoutIssuerAnnotationsPassesForDefaultKind() throws PkiException {
        PolicyInput input = issued();
        removeIssuerAnnotations(input.secret());
        assertThat(evaluate(input)).isEmpty();
    }

    @Test
    void secretWithoutIssuerAnnotationsFailsForClusterIssuer() throws PkiException {
        PolicyInput input = issued(spec -> spec.withIssuerRef(issuerRef("ca", "ClusterIssuer", null)));
        removeIssuerAnnotations(input.secret());
        assertThat(evaluate(input)).contains(new Violation("IncorrectIssuer",
                "Issuing certificate as Secret was previously issued by \"Issuer.cert-manager.io/\""));
    }

    @Test
    void secretIssuedForAnotherCertificateIsIncorrectCertificate() throws PkiException {
        PolicyInput input = issued();
        input.secret().getMetadata().getAnnotations().put(Annotations.CERTIFICATE_NAME, "other");
        assertThat(evaluate(input)).contains(new Violation("IncorrectCertificate",
                "Secret was issued for \"other\". If this message is not transient, you might have two conflicting"
                        + " Certificates pointing to the same secret."));
    }

    @Test
    void largerRequestedKeySizeIsSecretMismatch() throws PkiException {
        PolicyInput input = issued();
        input.certificate().getSpec().withPrivateKey(privateKey("RSA", 4096));
        assertThat(evaluate(input)).contains(new Violation("SecretMismatch",
                "Existing private key is not up to date for spec: [spec.privateKey.size]"));
    }

    @Test
    void otherRequestedAlgorithmIsSecretMismatch() throws PkiException {
        PolicyInput input = issued();
        input.certificate().getSpec().withPrivateKey(privateKey("ECDSA", null));
        assertThat(evaluate(input)).contains(new Violation("SecretMismatch",
                "Existing private key is not up to date for spec: [spec.privateKey.algorithm]"));
    }

    @Test
    void currentRequestFromOtherKeyMismatches() throws PkiException {
        PolicyInput input = issued();
        CertificateRequest other = request(input.certificate(), key(KeyAlgorithm.RSA, 1), 1);
        assertThat(evaluate(new PolicyInput(input.certificate(), input.secret(), other, null))).contains(new Violation(
                "SecretMismatch", "Secret contains a private key that does not match the current CertificateRequest"));
    }

    @Test
    void undecodableCurrentRequestIsInvalidCertificateRequest() throws PkiException {
        PolicyInput input = issued();
        input.currentRevisionRequest().getSpec().setRequest("garbage".getBytes(StandardCharsets.US_ASCII));
        Violation violation = evaluate(input).orElseThrow();
        assertThat(violation.reason()).isEqualTo("InvalidCertificateRequest");
        assertThat(violation.message()).startsWith("Failed to decode current CertificateRequest: ");
    }

    @Test
    void changedDnsNamesAreRequestChanged() throws PkiException {
        PolicyInput input = issued();
        input.certificate().getSpec().withDnsNames(List.of("app.example.com", "www.example.com"));
        assertThat(evaluate(input)).contains(new Violation("RequestChanged",
                "Fields on existing CertificateRequest resource not up to date: [spec.dnsNames]"));
    }

    @Test
    void changedDurationIsRequestChanged() throws PkiException {
        PolicyInput input = issued(spec -> spec.withDuration("2160h"));
        input.certificate().getSpec().withDuration("720h");
        assertThat(evaluate(input)).contains(new Violation("RequestChanged",
                "Fields on existing CertificateRequest resource not up to date: [spec.duration]"));
    }

    @Test
    void durationAddedLaterIsIgnored() throws PkiException {
        PolicyInput input = issued();
        input.certificate().getSpec().withDuration("768h");
        assertThat(evaluate(input)).isEmpty();
    }

    @Test
    void changedSansWithoutCurrentRequestAreSecretMismatch() throws PkiException {
        PolicyInput input = issued();
        input.certificate().getSpec().withDnsNames(List.of("other.example.com"));
        PolicyInput withoutRequest = new PolicyInput(input.certificate(), input.secret(), null, null);
        assertThat(evaluate(withoutRequest)).contains(new Violation("SecretMismatch",
                "Issuing certificate as Existing issued Secret is not up to date for spec: [spec.dnsNames]"));
    }

    @Test
    void changedDurationWithoutCurrentRequestIsNoChange() throws PkiException {
        PolicyInput input = issued(spec -> spec.withDuration("2160h"));
        input.certificate().getSpec().withDuration("20h").withRenewBefore("5h");
        PolicyInput withoutRequest = new PolicyInput(input.certificate(), input.secret(), null, null);
        assertThat(evaluate(withoutRequest)).isEmpty();
    }

    @Test
    void dueRenewalTimeIsRenewing() throws PkiException {
        Certificate certificate = certificate();
        KeyPair key = rsaKey();
        X509Certificate leaf = signed(certificate.getSpec(), key, NOW.minus(Duration.ofHours(61)), Duration.ofHours(90));
        certificate.getStatus().setRenewalTime(Instant.parse("2026-01-02T15:04:05Z"));
        PolicyInput input = new PolicyInput(certificate, secret(certificate, key, leaf), null, null);
        assertThat(evaluate(input)).contains(new Violation("Renewing",
                "Renewing certificate as renewal was scheduled at 2026-01-02 15:04:05 +0000 UTC"));
    }

    @Test
    void renewalTimeOneSecondAwayIsNotDue() throws PkiException {
        Certificate certificate = certificate();
        KeyPair key = rsaKey();
        // Renewal at notAfter - 30h = NOW + 1s.
        X509Certificate leaf = signed(certificate.getSpec(), key, NOW.minus(Duration.ofHours(60)).plusSeconds(1), Duration.ofHours(90));
        assertThat(evaluate(new PolicyInput(certificate, secret(certificate, key, leaf), null, null))).isEmpty();
    }

    @Test
    void disabledRenewalNeverRenews() throws PkiException {
        Certificate certificate = certificate(spec -> spec.withRenewal(renewal("Disabled")));
        KeyPair key = rsaKey();
        X509Certificate leaf = signed(certificate.getSpec(), key, NOW.minus(Duration.ofHours(89)), Duration.ofHours(90));
        assertThat(evaluate(new PolicyInput(certificate, secret(certificate, key, leaf), null, null))).isEmpty();
    }

    @Test
    void unsatisfiableWindowsAreWindowErrorOnceFallbackTimeHasPassed() throws PkiException {
        // February 30th never comes, so no window start exists.
        CertificateRenewal renewal = renewal("RenewBefore", window("0 0 30 2 *", "1h", null));
        Certificate certificate = certificate(spec -> spec.withRenewal(renewal));
        KeyPair key = rsaKey();
        X509Certificate leaf = signed(certificate.getSpec(), key, NOW.minus(Duration.ofHours(80)), Duration.ofHours(90));
        Violation violation = evaluate(new PolicyInput(certificate, secret(certificate, key, leaf), null, null)).orElseThrow();
        assertThat(violation.reason()).isEqualTo("WindowError");
        assertThat(violation.message()).startsWith("cannot find a time with the given windows between ");
    }

    @Test
    void unsatisfiableWindowsWaitForFallbackTime() throws PkiException {
        CertificateRenewal renewal = renewal("RenewBefore", window("0 0 30 2 *", "1h", null));
        Certificate certificate = certificate(spec -> spec.withRenewal(renewal));
        KeyPair key = rsaKey();
        X509Certificate leaf = signed(certificate.getSpec(), key, NOW.minus(Duration.ofHours(1)), Duration.ofHours(90));
        assertThat(evaluate(new PolicyInput(certificate, secret(certificate, key, leaf), null, null))).isEmpty();
    }

    @Test
    void openAriWindowIsRenewing() throws PkiException {
        PolicyInput input = issued();
        ARISuggestedWindow window = new ARISuggestedWindow();
        window.setStart(NOW.minusSeconds(60));
        window.setEnd(NOW.plus(Duration.ofDays(1)));
        PolicyInput withAri = new PolicyInput(input.certificate(), input.secret(), input.currentRevisionRequest(), null, window);
        assertThat(evaluate(withAri).map(Violation::reason)).contains("Renewing");
    }

    @Test
    void futureAriWindowIsNotDue() throws PkiException {
        PolicyInput input = issued();
        ARISuggestedWindow window = new ARISuggestedWindow();
        window.setStart(NOW.plusSeconds(60));
        window.setEnd(NOW.plus(Duration.ofDays(1)));
        PolicyInput withAri = new PolicyInput(input.certificate(), input.secret(), input.currentRevisionRequest(), null, window);
        assertThat(evaluate(withAri)).isEmpty();
    }

    static CertificatePrivateKey privateKey(String algorithm, Integer size) {
        CertificatePrivateKey key = new CertificatePrivateKey();
        key.setAlgorithm(algorithm);
        key.setSize(size);
        return key;
    }

    static CertificateRenewal renewal(String policy, CertificateRenewalWindow... windows) {
        CertificateRenewal renewal = new CertificateRenewal();
        renewal.setPolicy(policy);
        renewal.setWindows(windows.length == 0 ? null : List.of(windows));
        return renewal;
    }

    static CertificateRenewalWindow window(String cron, String duration, String timezone) {
        CertificateRenewalWindow window = new CertificateRenewalWindow();
        window.setCron(cron);
        window.setWindowDuration(duration);
        window.setTimezone(timezone);
        return window;
    }

    private static void removeIssuerAnnotations(Secret secret) {
        Map<String, String> annotations = secret.getMetadata().getAnnotations();
        annotations.remove(Annotations.ISSUER_NAME);
        annotations.remove(Annotations.ISSUER_KIND);
        annotations.remove(Annotations.ISSUER_GROUP);
    }
}
