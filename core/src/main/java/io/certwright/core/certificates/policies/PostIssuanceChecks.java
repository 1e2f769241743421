package io.certwright.core.certificates.policies;

import static io.certwright.core.certificates.policies.SecretChecks.violation;

import io.certwright.api.Annotations;
import io.certwright.api.Conditions;
import io.certwright.api.SecretKeys;
import io.certwright.api.model.Certificate;
import io.certwright.api.model.CertificateAdditionalOutputFormat;
import io.certwright.api.model.CertificateKeystores;
import io.certwright.api.model.CertificateSecretTemplate;
import io.certwright.core.certificates.secrets.AdditionalOutputFormats;
import io.certwright.core.certificates.secrets.CertificateAnnotations;
import io.certwright.core.certificates.secrets.SecretData;
import io.certwright.core.certificates.secrets.SecretOwnerReferences;
import io.certwright.core.cluster.ManagedFields;
import io.certwright.pki.Pem;
import io.certwright.pki.PkiException;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Secret;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks of an issued Secret's metadata and derived data against the spec, run while no issuance is
 * in progress. Each violation makes the issuing controller re-apply the Secret from its own key and
 * certificate, so none of them requests a new certificate. Which labels, annotations and data keys
 * cert-manager set earlier is read from the Secret's managed fields, so that keys it set and no
 * longer wants are found, while keys that users or other tools set are left alone.
 */
final class PostIssuanceChecks {

    private static final String OWNER_REFERENCES_PATH = "metadata.ownerReferences";
    private static final String LABELS_PREFIX = "metadata.labels.";
    private static final String ANNOTATIONS_PREFIX = "metadata.annotations.";
    private static final String DATA_PREFIX = "data.";

    /** Annotations the post-issuance reconciliation cannot set itself; other checks compare their values. */
    private static final Set<String> IDENTITY_ANNOTATIONS = Set.of(
            Annotations.CERTIFICATE_NAME, Annotations.ISSUER_NAME, Annotations.ISSUER_KIND, Annotations.ISSUER_GROUP);

    private PostIssuanceChecks() {}

    /** Reports a {@code controller.cert-manager.io/fao} label whose value is not {@code true}; its absence is reported by the managed-fields check. */
    static Optional<Violation> secretBaseLabelsMismatch(PolicyInput input) {
        Map<String, String> labels = labels(input.secret());
        String value = labels.get(Annotations.FAO_LABEL);
        if (value == null || value.equals(Annotations.LABEL_TRUE)) {
            return Optional.empty();
        }
        return violation(Policies.SECRET_MANAGED_METADATA_MISMATCH, "wrong base label " + Annotations.FAO_LABEL
                + " value " + Messages.quote(value) + ", expected \"true\"");
    }

    /** Reports a certificate detail annotation whose value differs from the certificate; missing ones are reported by the managed-fields check. */
    static Optional<Violation> secretCertificateDetailsAnnotationsMismatch(PolicyInput input) {
        Map<String, String> expected;
        try {
            expected = certificateDetailAnnotations(input.secret());
        } catch (PkiException e) {
            return invalidCertificate(e);
        }
        Map<String, String> actual = SecretChecks.annotations(input.secret());
        Optional<String> key = firstDifferingKey(expected, actual);
        if (key.isPresent()) {
            return violation(Policies.SECRET_TEMPLATE_MISMATCH, "Secret metadata " + actual.get(key.get())
                    + " does not match certificate metadata " + expected.get(key.get()));
        }
        return Optional.empty();
    }

    /**
     * Compares the cert-manager labels and annotations the field manager owns with the ones it should
     * own: the {@code fao} label and the certificate detail annotations. The certificate-name and
     * issuer annotations are left out because this reconciliation cannot set them.
     */
    static Check secretManagedLabelsAndAnnotationsManagedFieldsMismatch(String fieldManager) {
        return ownedPathsCheck(fieldManager, (input, owned) -> {
            Set<String> ownedLabels = keysWithPrefix(owned, LABELS_PREFIX, true);
            Set<String> ownedAnnotations = keysWithPrefix(owned, ANNOTATIONS_PREFIX, true);
            ownedAnnotations.removeAll(IDENTITY_ANNOTATIONS);

            Map<String, String> detailAnnotations;
            try {
                detailAnnotations = certificateDetailAnnotations(input.secret());
            } catch (PkiException e) {
                return invalidCertificate(e);
            }
            Set<String> expectedLabels = new TreeSet<>(Set.of(Annotations.FAO_LABEL));
            Set<String> expectedAnnotations = new TreeSet<>(detailAnnotations.keySet());

            return compareLabelsThenAnnotations(Policies.SECRET_MANAGED_METADATA_MISMATCH, "Managed",
                    expectedLabels, ownedLabels, expectedAnnotations, ownedAnnotations);
        });
    }

    /** Reports a template label or annotation whose value on the Secret differs; missing keys are reported by the managed-fields check. */
    static Optional<Violation> secretSecretTemplateMismatch(PolicyInput input) {
        CertificateSecretTemplate template = input.certificate().getSpec().getSecretTemplate();
        if (template == null) {
            return Optional.empty();
        }
        if (firstDifferingKey(orEmpty(template.getAnnotations()), SecretChecks.annotations(input.secret())).isPresent()) {
            return violation(Policies.SECRET_TEMPLATE_MISMATCH,
                    "Certificate's SecretTemplate Annotations missing or incorrect value on Secret");
        }
        if (firstDifferingKey(orEmpty(template.getLabels()), labels(input.secret())).isPresent()) {
            return violation(Policies.SECRET_TEMPLATE_MISMATCH, "Certificate's SecretTemplate Labels missing or incorrect value on Secret");
        }
        return Optional.empty();
    }

    /** Compares the non-cert-manager labels and annotations the field manager owns with the template's keys. */
    static Check secretSecretTemplateManagedFieldsMismatch(String fieldManager) {
        return ownedPathsCheck(fieldManager, (input, owned) -> {
            Set<String> ownedLabels = keysWithPrefix(owned, LABELS_PREFIX, false);
            Set<String> ownedAnnotations = keysWithPrefix(owned, ANNOTATIONS_PREFIX, false);

            CertificateSecretTemplate template = input.certificate().getSpec().getSecretTemplate();
            Set<String> expectedLabels = new TreeSet<>(template == null ? Set.of() : orEmpty(template.getLabels()).keySet());
            Set<String> expectedAnnotations = new TreeSet<>(template == null ? Set.of() : orEmpty(template.getAnnotations()).keySet());

            return compareLabelsThenAnnotations(Policies.SECRET_TEMPLATE_MISMATCH, "Template",
                    expectedLabels, ownedLabels, expectedAnnotations, ownedAnnotations);
        });
    }

    /** Reports a requested output format whose data key is missing or does not equal the value derived from {@code tls.key} and {@code tls.crt}. */
    static Optional<Violation> secretAdditionalOutputFormatsMismatch(PolicyInput input) {
        Secret secret = input.secret();
        byte[] key = SecretData.get(secret, SecretKeys.TLS_KEY);
        for (CertificateAdditionalOutputFormat format : formats(input.certificate())) {
            boolean matches = true;
            if (AdditionalOutputFormats.COMBINED_PEM.equals(format.getType())) {
                matches = SecretData.contains(secret, SecretKeys.TLS_COMBINED_PEM) && Arrays.equals(
                        SecretData.get(secret, SecretKeys.TLS_COMBINED_PEM),
                        AdditionalOutputFormats.combinedPem(key, SecretData.get(secret, SecretKeys.TLS_CERT)));
            } else if (AdditionalOutputFormats.DER.equals(format.getType())) {
                matches = SecretData.contains(secret, SecretKeys.KEY_DER) && derMatches(SecretData.get(secret, SecretKeys.KEY_DER), key);
            }
            if (!matches) {
                return violation(Policies.ADDITIONAL_OUTPUT_FORMATS_MISMATCH, "Certificate's AdditionalOutputFormats doesn't match Secret Data");
            }
        }
        return Optional.empty();
    }

    /** Checks that the field manager owns {@code key.der} and {@code tls-combined.pem} exactly when the spec requests them. */
    static Check secretAdditionalOutputFormatsManagedFieldsMismatch(String fieldManager) {
        return ownedPathsCheck(fieldManager, (input, owned) -> {
            boolean wantsCombinedPem = false;
            boolean wantsDer = false;
            for (CertificateAdditionalOutputFormat format : formats(input.certificate())) {
                wantsCombinedPem |= AdditionalOutputFormats.COMBINED_PEM.equals(format.getType());
                wantsDer |= AdditionalOutputFormats.DER.equals(format.getType());
            }
            boolean ownsCombinedPem = owned.contains(DATA_PREFIX + SecretKeys.TLS_COMBINED_PEM);
            boolean ownsDer = owned.contains(DATA_PREFIX + SecretKeys.KEY_DER);
            if (wantsCombinedPem != ownsCombinedPem || wantsDer != ownsDer) {
                return violation(Policies.ADDITIONAL_OUTPUT_FORMATS_MISMATCH,
                        "Certificate's AdditionalOutputFormats doesn't match Secret ManagedFields");
            }
            return Optional.empty();
        });
    }

    /** When owner references are enabled, checks that the Secret carries the controller reference to its Certificate. */
    static Check secretOwnerReferenceMismatch(boolean ownerReferenceEnabled) {
        return input -> {
            if (!ownerReferenceEnabled) {
                return Optional.empty();
            }
            Certificate certificate = input.certificate();
            OwnerReference expected = SecretOwnerReferences.controllerReference(certificate);
            List<OwnerReference> references = input.secret().getMetadata() == null ? null
                    : input.secret().getMetadata().getOwnerReferences();
            boolean found = references != null && references.stream()
                    .filter(reference -> Objects.equals(reference.getUid(), certificate.getMetadata().getUid()))
                    .anyMatch(reference -> sameReference(reference, expected));
            if (!found) {
                return violation(Policies.SECRET_OWNER_REF_MISMATCH,
                        "unexpected Secret Owner Reference value on Secret --enable-certificate-owner-ref=true");
            }
            return Optional.empty();
        };
    }

    /**
     * Checks that the field manager owns an owner reference exactly when owner references are
     * enabled, so turning the option off removes the reference it wrote.
     */
    static Check secretOwnerReferenceManagedFieldMismatch(boolean ownerReferenceEnabled, String fieldManager) {
        return ownedPathsCheck(fieldManager, (input, owned) -> {
            // NOTE: ManagedFields reports owner references as one path, so any owned reference counts,
            // where upstream looks for the one with the Certificate's uid.
            if (owned.contains(OWNER_REFERENCES_PATH) != ownerReferenceEnabled) {
                return violation(Policies.SECRET_OWNER_REF_MISMATCH,
                        "unexpected managed Secret Owner Reference field on Secret --enable-certificate-owner-ref=" + ownerReferenceEnabled);
            }
            return Optional.empty();
        });
    }

    /**
     * Checks that keystore keys are present exactly for the keystores with {@code create: true}. A
     * truststore is required only when {@code ca.crt} exists, because it contains the CA certificates.
     */
    static Optional<Violation> secretKeystoreFormatMismatch(PolicyInput input) {
        Secret secret = input.secret();
        boolean issuerProvidesCa = SecretData.contains(secret, SecretKeys.CA_CERT);
        CertificateKeystores keystores = input.certificate().getSpec().getKeystores();

        if (keystores == null) {
            if (present(secret, SecretKeys.KEYSTORE_PKCS12) || present(secret, SecretKeys.TRUSTSTORE_PKCS12)
                    || present(secret, SecretKeys.KEYSTORE_JKS) || present(secret, SecretKeys.TRUSTSTORE_JKS)) {
                return violation(Conditions.REASON_SECRET_MISMATCH, "Keystore is not defined");
            }
            return Optional.empty();
        }

        Optional<Violation> jks = keystoreMismatch(secret, "JKS", keystores.getJks() != null,
                keystores.getJks() != null && Boolean.TRUE.equals(keystores.getJks().getCreate()),
                SecretKeys.KEYSTORE_JKS, SecretKeys.TRUSTSTORE_JKS, issuerProvidesCa);
        if (jks.isPresent()) {
            return jks;
        }
        return keystoreMismatch(secret, "PKCS12", keystores.getPkcs12() != null,
                keystores.getPkcs12() != null && Boolean.TRUE.equals(keystores.getPkcs12().getCreate()),
                SecretKeys.KEYSTORE_PKCS12, SecretKeys.TRUSTSTORE_PKCS12, issuerProvidesCa);
    }

    private static Optional<Violation> keystoreMismatch(Secret secret, String store, boolean defined, boolean create,
                                                        String keystoreKey, String truststoreKey, boolean issuerProvidesCa) {
        boolean anyPresent = present(secret, keystoreKey) || present(secret, truststoreKey);
        if (!defined) {
            return anyPresent ? violation(Conditions.REASON_SECRET_MISMATCH, store + " Keystore not defined") : Optional.empty();
        }
        if (!create) {
            return anyPresent ? violation(Conditions.REASON_SECRET_MISMATCH, store + " Keystore create disabled") : Optional.empty();
        }
        if (!present(secret, keystoreKey) || (!present(secret, truststoreKey) && issuerProvidesCa)) {
            return violation(Conditions.REASON_SECRET_MISMATCH, store + " Keystore key does not contain data");
        }
        return Optional.empty();
    }

    private static boolean present(Secret secret, String key) {
        return SecretData.get(secret, key).length > 0;
    }

    private static boolean derMatches(byte[] actual, byte[] privateKeyPem) {
        try {
            return Arrays.equals(actual, AdditionalOutputFormats.der(privateKeyPem));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Map<String, String> certificateDetailAnnotations(Secret secret) throws PkiException {
        byte[] pem = SecretData.get(secret, SecretKeys.TLS_CERT);
        X509Certificate certificate = pem.length == 0 ? null : Pem.parseCertificates(pem).get(0);
        return CertificateAnnotations.forCertificate(certificate);
    }

    /** Returns the first key, in sorted order, present in both maps with different values. */
    private static Optional<String> firstDifferingKey(Map<String, String> expected, Map<String, String> actual) {
        for (String key : new TreeSet<>(expected.keySet())) {
            if (actual.containsKey(key) && !Objects.equals(actual.get(key), expected.get(key))) {
                return Optional.of(key);
            }
        }
        return Optional.empty();
    }

    /** A check of the Secret paths that one field manager owns. */
    @FunctionalInterface
    private interface OwnedPathsCheck {
        Optional<Violation> evaluate(PolicyInput input, Set<String> owned);
    }

    /** Returns a check that reads the paths {@code fieldManager} owns and reports managed fields it cannot parse. */
    private static Check ownedPathsCheck(String fieldManager, OwnedPathsCheck check) {
        return input -> {
            Set<String> owned;
            try {
                owned = ManagedFields.ownedPaths(input.secret(), fieldManager);
            } catch (RuntimeException e) {
                return managedFieldsParseError(e);
            }
            return check.evaluate(input, owned);
        };
    }

    /**
     * Compares the owned label keys, then the owned annotation keys, with the expected ones.
     *
     * @param setName the word that names the expected keys in messages, {@code Managed} or {@code Template}
     */
    private static Optional<Violation> compareLabelsThenAnnotations(String reason, String setName,
            Set<String> expectedLabels, Set<String> ownedLabels,
            Set<String> expectedAnnotations, Set<String> ownedAnnotations) {
        return compareKeySets(expectedLabels, ownedLabels, reason,
                "Secret is missing these " + setName + " Labels: ", "Secret has these extra Labels: ")
                .or(() -> compareKeySets(expectedAnnotations, ownedAnnotations, reason,
                        "Secret is missing these " + setName + " Annotations: ", "Secret has these extra Annotations: "));
    }

    private static Optional<Violation> compareKeySets(Set<String> expected, Set<String> owned, String reason,
                                                      String missingPrefix, String extraPrefix) {
        if (expected.equals(owned)) {
            return Optional.empty();
        }
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(owned);
        if (!missing.isEmpty()) {
            return violation(reason, missingPrefix + Messages.list(missing));
        }
        Set<String> extra = new TreeSet<>(owned);
        extra.removeAll(expected);
        return violation(reason, extraPrefix + Messages.list(extra));
    }

    /**
     * Returns the keys under {@code prefix} in {@code paths}: those in the cert-manager namespaces
     * ({@code cert-manager.io/} and {@code controller.cert-manager.io/}) when {@code certManagerKeys},
     * the others otherwise.
     */
    private static Set<String> keysWithPrefix(Set<String> paths, String prefix, boolean certManagerKeys) {
        Set<String> keys = new TreeSet<>();
        for (String path : paths) {
            if (!path.startsWith(prefix)) {
                continue;
            }
            String key = path.substring(prefix.length());
            if (isCertManagerKey(key) == certManagerKeys) {
                keys.add(key);
            }
        }
        return keys;
    }

    private static boolean isCertManagerKey(String key) {
        return key.startsWith(Annotations.PREFIX) || key.startsWith("controller.cert-manager.io/");
    }

    private static boolean sameReference(OwnerReference actual, OwnerReference expected) {
        return Objects.equals(actual.getApiVersion(), expected.getApiVersion())
                && Objects.equals(actual.getKind(), expected.getKind())
                && Objects.equals(actual.getName(), expected.getName())
                && Objects.equals(actual.getUid(), expected.getUid())
                && Objects.equals(actual.getController(), expected.getController())
                && Objects.equals(actual.getBlockOwnerDeletion(), expected.getBlockOwnerDeletion());
    }

    private static List<CertificateAdditionalOutputFormat> formats(Certificate certificate) {
        List<CertificateAdditionalOutputFormat> formats = certificate.getSpec().getAdditionalOutputFormats();
        return formats == null ? List.of() : formats;
    }

    private static Map<String, String> labels(Secret secret) {
        Map<String, String> labels = secret.getMetadata() == null ? null : secret.getMetadata().getLabels();
        return labels == null ? Map.of() : labels;
    }

    private static Map<String, String> orEmpty(Map<String, String> map) {
        return map == null ? Map.of() : map;
    }

    private static Optional<Violation> invalidCertificate(PkiException e) {
        return violation(Conditions.REASON_INVALID_CERTIFICATE, "Failed getting secret annotations: " + e.getMessage());
    }

    private static Optional<Violation> managedFieldsParseError(RuntimeException e) {
        return violation(Policies.MANAGED_FIELDS_PARSE_ERROR, "failed to decode managed fields on Secret: " + e.getMessage());
    }
}
