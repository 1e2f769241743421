package io.certwright.core.certificates.policies;

import io.certwright.core.ControllerOptions;
import java.time.Clock;

/**
 * The policy chains of the certificate controllers. The trigger chain decides whether to issue,
 * the readiness chain whether the certificate is Ready, the temporary-certificate chain whether a
 * temporary certificate must be written, and the post-issuance chain whether the issued Secret must
 * be re-applied. Order matters: the first violation is the one reported, and later checks assume
 * the earlier ones passed.
 */
public final class Policies {

    /** Reason for cert-manager labels or annotations that are missing, extra or wrong on the Secret. */
    public static final String SECRET_MANAGED_METADATA_MISMATCH = "SecretManagedMetadataMismatch";
    /** Reason for Secret metadata that does not follow the secretTemplate or the certificate details. */
    public static final String SECRET_TEMPLATE_MISMATCH = "SecretTemplateMismatch";
    /** Reason for {@code key.der} or {@code tls-combined.pem} that does not follow {@code spec.additionalOutputFormats}. */
    public static final String ADDITIONAL_OUTPUT_FORMATS_MISMATCH = "AdditionalOutputFormatsMismatch";
    /** Reason for unreadable {@code metadata.managedFields}; the issuing controller logs it and does not retry. */
    public static final String MANAGED_FIELDS_PARSE_ERROR = "ManagedFieldsParseError";
    /** Reason for an owner reference that does not follow {@code --enable-certificate-owner-ref}. */
    public static final String SECRET_OWNER_REF_MISMATCH = "SecretOwnerRefMismatch";

    private Policies() {}

    /** Returns the checks that decide whether a Certificate needs a new certificate. */
    public static PolicyChain trigger(Clock clock) {
        return secretAndRequestChecks()
                .add("CurrentCertificateNearingExpiry", ExpiryChecks.currentCertificateNearingExpiry(clock))
                .build();
    }

    /** Returns the checks that decide whether a Certificate is Ready; the same as the trigger's, with expiry in place of renewal. */
    public static PolicyChain readiness(Clock clock) {
        return secretAndRequestChecks()
                .add("CurrentCertificateHasExpired", ExpiryChecks.currentCertificateHasExpired(clock))
                .build();
    }

    /** Returns the checks that decide whether the Secret needs a temporary certificate while issuing. */
    public static PolicyChain temporaryCertificate() {
        return PolicyChain.builder()
                .add("SecretDoesNotExist", SecretChecks::secretDoesNotExist)
                .add("SecretIsMissingData", SecretChecks::secretIsMissingData)
                .add("SecretPublicKeysDiffer", SecretChecks::secretPublicKeysDiffer)
                .build();
    }

    /**
     * Returns the checks that decide whether an issued Secret must be re-applied because its metadata,
     * keystores or output formats no longer follow the spec. The input needs only the Certificate and
     * a Secret that has {@code tls.crt} and {@code tls.key}.
     *
     * @param fieldManager the server-side apply manager whose ownership is checked
     */
    public static PolicyChain postIssuance(ControllerOptions options, String fieldManager) {
        boolean ownerReference = options.enableCertificateOwnerRef();
        return PolicyChain.builder()
                // The fao label has the value "true".
                .add("SecretBaseLabelsMismatch", PostIssuanceChecks::secretBaseLabelsMismatch)
                // The certificate detail annotations describe the certificate in tls.crt.
                .add("SecretCertificateDetailsAnnotationsMismatch", PostIssuanceChecks::secretCertificateDetailsAnnotationsMismatch)
                // cert-manager owns exactly the cert-manager labels and annotations it should.
                .add("SecretManagedLabelsAndAnnotationsManagedFieldsMismatch",
                        PostIssuanceChecks.secretManagedLabelsAndAnnotationsManagedFieldsMismatch(fieldManager))
                // The template's label and annotation values are on the Secret.
                .add("SecretSecretTemplateMismatch", PostIssuanceChecks::secretSecretTemplateMismatch)
                // cert-manager owns exactly the template's other labels and annotations.
                .add("SecretSecretTemplateManagedFieldsMismatch",
                        PostIssuanceChecks.secretSecretTemplateManagedFieldsMismatch(fieldManager))
                // key.der and tls-combined.pem hold the values derived from tls.key and tls.crt.
                .add("SecretAdditionalOutputFormatsMismatch", PostIssuanceChecks::secretAdditionalOutputFormatsMismatch)
                // cert-manager owns exactly the output format keys the spec requests.
                .add("SecretAdditionalOutputFormatsManagedFieldsMismatch",
                        PostIssuanceChecks.secretAdditionalOutputFormatsManagedFieldsMismatch(fieldManager))
                // With owner references on, the Secret is controlled by its Certificate.
                .add("SecretOwnerReferenceMismatch", PostIssuanceChecks.secretOwnerReferenceMismatch(ownerReference))
                // cert-manager owns an owner reference exactly when they are on.
                .add("SecretOwnerReferenceManagedFieldMismatch",
                        PostIssuanceChecks.secretOwnerReferenceManagedFieldMismatch(ownerReference, fieldManager))
                // Keystore keys exist exactly for the keystores with create: true.
                .add("SecretKeystoreFormatMismatch", PostIssuanceChecks::secretKeystoreFormatMismatch)
                .build();
    }

    private static PolicyChain.Builder secretAndRequestChecks() {
        return PolicyChain.builder()
                // The Secret exists.
                .add("SecretDoesNotExist", SecretChecks::secretDoesNotExist)
                // It has data, a private key and a certificate.
                .add("SecretIsMissingData", SecretChecks::secretIsMissingData)
                // Both decode, and the key belongs to the certificate.
                .add("SecretPublicKeysDiffer", SecretChecks::secretPublicKeysDiffer)
                // The issuer annotations name spec.issuerRef.
                .add("SecretIssuerAnnotationsMismatch", SecretChecks::secretIssuerAnnotationsMismatch)
                // The certificate-name annotation, if any, names this Certificate.
                .add("SecretCertificateNameAnnotationsMismatch", SecretChecks::secretCertificateNameAnnotationMismatch)
                // The key has the algorithm and size of spec.privateKey.
                .add("SecretPrivateKeyMismatchesSpec", SecretChecks::secretPrivateKeyMismatchesSpec)
                // The current CertificateRequest was signed with the Secret's key.
                .add("SecretPublicKeyDiffersFromCurrentCertificateRequest", RequestChecks::secretPublicKeyDiffersFromCurrentRequest)
                // The current CertificateRequest, or else the certificate, matches the spec.
                .add("CurrentCertificateRequestMismatchesSpec", RequestChecks::currentRequestMismatchesSpec);
    }
}
