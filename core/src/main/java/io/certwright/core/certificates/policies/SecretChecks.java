package io.certwright.core.certificates.policies;

import io.certwright.api.Annotations;
import io.certwright.api.Conditions;
import io.certwright.api.SecretKeys;
import io.certwright.api.model.IssuerReference;
import io.certwright.core.certificates.secrets.SecretData;
import io.certwright.pki.Pem;
import io.certwright.pki.PkiException;
import io.certwright.pki.PrivateKeys;
import io.fabric8.kubernetes.api.model.Secret;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks of the issued Secret alone (trigger and readiness checks 1 to 6). Each assumes the checks
 * before it passed: from {@link #secretIsMissingData} on, the Secret exists and has a non-empty
 * {@code tls.crt} and {@code tls.key}.
 */
final class SecretChecks {

    private SecretChecks() {}

    static Optional<Violation> secretDoesNotExist(PolicyInput input) {
        if (input.secret() == null) {
            return violation(Conditions.REASON_DOES_NOT_EXIST, "Issuing certificate as Secret does not exist");
        }
        return Optional.empty();
    }

    static Optional<Violation> secretIsMissingData(PolicyInput input) {
        Secret secret = input.secret();
        if (SecretData.isEmpty(secret)) {
            return violation(Conditions.REASON_MISSING_DATA, "Issuing certificate as Secret does not contain any data");
        }
        if (SecretData.get(secret, SecretKeys.TLS_KEY).length == 0) {
            return violation(Conditions.REASON_MISSING_DATA, "Issuing certificate as Secret does not contain a private key");
        }
        if (SecretData.get(secret, SecretKeys.TLS_CERT).length == 0) {
            return violation(Conditions.REASON_MISSING_DATA, "Issuing certificate as Secret does not contain a certificate");
        }
        return Optional.empty();
    }

    static Optional<Violation> secretPublicKeysDiffer(PolicyInput input) {
        PrivateKey key;
        try {
            key = privateKey(input.secret());
        } catch (PkiException e) {
            return invalidPrivateKey(e);
        }
        X509Certificate certificate;
        try {
            certificate = certificate(input.secret());
        } catch (PkiException e) {
            return invalidCertificate(e);
        }
        try {
            if (!PrivateKeys.publicKeysEqual(certificate.getPublicKey(), PrivateKeys.publicKeyOf(key))) {
                return violation(Conditions.REASON_INVALID_KEY_PAIR,
                        "Issuing certificate as Secret contains a private key that does not match the certificate");
            }
        } catch (IllegalArgumentException e) {
            return violation(Conditions.REASON_INVALID_KEY_PAIR, "Secret contains an invalid key-pair: " + e.getMessage());
        }
        return Optional.empty();
    }

    /**
     * Compares the issuer annotations with {@code spec.issuerRef}. When any of the three annotations
     * is present, the name must be equal. Kind and group are always compared with their defaults, so
     * a Secret without issuer annotations (created by hand, or holding a temporary certificate)
     * passes only for an issuerRef of the default kind and group.
     */
    static Optional<Violation> secretIssuerAnnotationsMismatch(PolicyInput input) {
        Map<String, String> annotations = annotations(input.secret());
        String name = annotations.get(Annotations.ISSUER_NAME);
        String kind = annotations.get(Annotations.ISSUER_KIND);
        String group = annotations.get(Annotations.ISSUER_GROUP);
        IssuerReference ref = input.certificate().getSpec().getIssuerRef();
        String refName = ref == null || ref.getName() == null ? "" : ref.getName();

        boolean anyPresent = annotations.containsKey(Annotations.ISSUER_NAME)
                || annotations.containsKey(Annotations.ISSUER_KIND)
                || annotations.containsKey(Annotations.ISSUER_GROUP);
        boolean nameMatches = !anyPresent || refName.equals(name == null ? "" : name);
        boolean matches = nameMatches
                && IssuerRefs.kindsEqual(kind, ref == null ? null : ref.getKind())
                && IssuerRefs.groupsEqual(group, ref == null ? null : ref.getGroup());
        if (!matches) {
            return violation(Conditions.REASON_INCORRECT_ISSUER, "Issuing certificate as Secret was previously issued by "
                    + Messages.quote(IssuerRefs.format(name, kind, group)));
        }
        return Optional.empty();
    }

    static Optional<Violation> secretCertificateNameAnnotationMismatch(PolicyInput input) {
        Map<String, String> annotations = annotations(input.secret());
        if (!annotations.containsKey(Annotations.CERTIFICATE_NAME)) {
            return Optional.empty();
        }
        String name = annotations.get(Annotations.CERTIFICATE_NAME);
        if (!input.certificate().getMetadata().getName().equals(name)) {
            return violation(Conditions.REASON_INCORRECT_CERTIFICATE, "Secret was issued for " + Messages.quote(name)
                    + ". If this message is not transient, you might have two conflicting Certificates pointing to the same secret.");
        }
        return Optional.empty();
    }

    static Optional<Violation> secretPrivateKeyMismatchesSpec(PolicyInput input) {
        PrivateKey key;
        try {
            key = privateKey(input.secret());
        } catch (PkiException e) {
            return invalidPrivateKey(e);
        }
        List<String> violations = PrivateKeyMatcher.violations(key, input.certificate().getSpec());
        if (!violations.isEmpty()) {
            return violation(Conditions.REASON_SECRET_MISMATCH,
                    "Existing private key is not up to date for spec: " + Messages.list(violations));
        }
        return Optional.empty();
    }

    static PrivateKey privateKey(Secret secret) throws PkiException {
        return PrivateKeys.parsePem(SecretData.get(secret, SecretKeys.TLS_KEY));
    }

    /** Returns the first certificate of {@code tls.crt}: the leaf. */
    static X509Certificate certificate(Secret secret) throws PkiException {
        return Pem.parseCertificates(SecretData.get(secret, SecretKeys.TLS_CERT)).get(0);
    }

    static Optional<Violation> invalidPrivateKey(PkiException e) {
        return violation(Conditions.REASON_INVALID_KEY_PAIR,
                "Issuing certificate as Secret contains invalid private key data: " + e.getMessage());
    }

    static Optional<Violation> invalidCertificate(PkiException e) {
        return violation(Conditions.REASON_INVALID_CERTIFICATE,
                "Issuing certificate as Secret contains an invalid certificate: " + e.getMessage());
    }

    static Map<String, String> annotations(Secret secret) {
        Map<String, String> annotations = secret.getMetadata() == null ? null : secret.getMetadata().getAnnotations();
        return annotations == null ? Map.of() : annotations;
    }

    static Optional<Violation> violation(String reason, String message) {
        return Optional.of(new Violation(reason, message));
    }
}
