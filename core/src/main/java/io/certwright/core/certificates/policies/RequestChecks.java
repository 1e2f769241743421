package io.certwright.core.certificates.policies;

import static io.certwright.core.certificates.policies.SecretChecks.violation;

import io.certwright.api.Conditions;
import io.certwright.api.model.CertificateRequest;
import io.certwright.pki.Csrs;
import io.certwright.pki.ParsedCsr;
import io.certwright.pki.PkiException;
import io.certwright.pki.PrivateKeys;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/** Checks that compare the issued Secret and the Certificate spec with the current CertificateRequest (checks 7 and 8). */
final class RequestChecks {

    private RequestChecks() {}

    /**
     * Checks that the current CertificateRequest was signed with the key in the Secret. A mismatch
     * usually means someone replaced the Secret's key outside of cert-manager.
     */
    static Optional<Violation> secretPublicKeyDiffersFromCurrentRequest(PolicyInput input) {
        CertificateRequest request = input.currentRevisionRequest();
        if (request == null) {
            return Optional.empty();
        }
        PrivateKey key;
        try {
            key = SecretChecks.privateKey(input.secret());
        } catch (PkiException e) {
            return SecretChecks.invalidPrivateKey(e);
        }
        ParsedCsr csr;
        try {
            byte[] pem = request.getSpec() == null ? null : request.getSpec().getRequest();
            csr = Csrs.parseUnverified(pem == null ? new byte[0] : pem);
        } catch (PkiException e) {
            return violation(Conditions.REASON_INVALID_CERTIFICATE_REQUEST,
                    "Failed to decode current CertificateRequest: " + e.getMessage());
        }
        try {
            if (!PrivateKeys.publicKeysEqual(csr.publicKey(), PrivateKeys.publicKeyOf(key))) {
                return violation(Conditions.REASON_SECRET_MISMATCH,
                        "Secret contains a private key that does not match the current CertificateRequest");
            }
        } catch (IllegalArgumentException e) {
            return violation(Conditions.REASON_INVALID_CERTIFICATE_REQUEST,
                    "CertificateRequest's public key is invalid: " + e.getMessage());
        }
        return Optional.empty();
    }

    /**
     * Compares the spec with the current CertificateRequest, or, when there is none, loosely with the
     * certificate in the Secret. A request that cannot be decoded is not a reason to re-issue, since
     * the certificate in the Secret may still be up to date.
     */
    static Optional<Violation> currentRequestMismatchesSpec(PolicyInput input) {
        CertificateRequest request = input.currentRevisionRequest();
        if (request == null) {
            return currentSecretMismatchesSpec(input);
        }
        List<String> violations;
        try {
            violations = RequestMatcher.requestMatchesSpec(request, input.certificate().getSpec());
        } catch (PkiException e) {
            return Optional.empty();
        }
        if (!violations.isEmpty()) {
            return violation(Conditions.REASON_REQUEST_CHANGED,
                    "Fields on existing CertificateRequest resource not up to date: " + Messages.list(violations));
        }
        return Optional.empty();
    }

    private static Optional<Violation> currentSecretMismatchesSpec(PolicyInput input) {
        X509Certificate certificate;
        try {
            certificate = SecretChecks.certificate(input.secret());
        } catch (PkiException e) {
            return SecretChecks.invalidCertificate(e);
        }
        List<String> violations = SecretCertificateMatcher.violations(certificate, input.certificate().getSpec());
        if (!violations.isEmpty()) {
            return violation(Conditions.REASON_SECRET_MISMATCH,
                    "Issuing certificate as Existing issued Secret is not up to date for spec: " + Messages.list(violations));
        }
        return Optional.empty();
    }
}
