package io.certwright.api;

import io.certwright.api.model.CertificatePrivateKey;
import io.certwright.api.model.CertificateSpec;
import io.certwright.api.model.IssuerReference;
import io.certwright.api.model.JKSKeystore;
import io.certwright.api.model.PKCS12Keystore;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Runtime defaults of the Certificate API, applied in memory when a value is read. Stored objects
 * keep the fields as the user wrote them: cert-manager never writes these defaults back, and
 * comparisons (for example of issuerRef kind and group) must go through these methods so that an
 * empty value and its default compare equal.
 */
public final class Defaults {
    public static final String GROUP = "cert-manager.io";
    public static final String ISSUER_KIND = "Issuer";
    public static final String CLUSTER_ISSUER_KIND = "ClusterIssuer";

    /** Lifetime requested when {@code spec.duration} is unset: 90 days. */
    public static final Duration DURATION = Duration.ofHours(2160);
    /** Shortest effective duration the webhook accepts. */
    public static final Duration MINIMUM_CERTIFICATE_DURATION = Duration.ofHours(1);
    /** Shortest renewBefore the webhook accepts. */
    public static final Duration MINIMUM_RENEW_BEFORE = Duration.ofMinutes(5);

    public static final String ROTATION_POLICY_ALWAYS = "Always";
    public static final String ROTATION_POLICY_NEVER = "Never";
    public static final String ENCODING_PKCS1 = "PKCS1";
    public static final String ENCODING_PKCS8 = "PKCS8";
    public static final String ALGORITHM_RSA = "RSA";
    public static final String ALGORITHM_ECDSA = "ECDSA";
    public static final String ALGORITHM_ED25519 = "Ed25519";
    public static final int RSA_KEY_SIZE = 2048;
    public static final int ECDSA_KEY_SIZE = 256;

    /** Usages when {@code spec.usages} is empty. {@code isCA: true} adds {@code cert sign} on top. */
    public static final List<String> USAGES = List.of(KeyUsages.DIGITAL_SIGNATURE, KeyUsages.KEY_ENCIPHERMENT);
    public static final int REVISION_HISTORY_LIMIT = 1;
    public static final String JKS_ALIAS = "certificate";

    public static final String PKCS12_PROFILE_LEGACY_RC2 = "LegacyRC2";
    public static final String PKCS12_PROFILE_LEGACY_DES = "LegacyDES";
    public static final String PKCS12_PROFILE_MODERN_2023 = "Modern2023";
    public static final String PKCS12_PROFILE_MODERN_2026 = "Modern2026";
    public static final List<String> PKCS12_PROFILES = List.of(
            PKCS12_PROFILE_LEGACY_RC2, PKCS12_PROFILE_LEGACY_DES, PKCS12_PROFILE_MODERN_2023, PKCS12_PROFILE_MODERN_2026);

    private Defaults() {
    }

    /** Returns the issuerRef kind, with an empty or missing kind read as {@code Issuer}. */
    public static String issuerKind(IssuerReference ref) {
        return ref == null || isEmpty(ref.getKind()) ? ISSUER_KIND : ref.getKind();
    }

    /** Returns the issuerRef group, with an empty or missing group read as {@code cert-manager.io}. */
    public static String issuerGroup(IssuerReference ref) {
        return ref == null || isEmpty(ref.getGroup()) ? GROUP : ref.getGroup();
    }

    /** Compares two issuer references by name, defaulted kind and defaulted group. */
    public static boolean sameIssuer(IssuerReference a, IssuerReference b) {
        return Objects.equals(a == null ? null : a.getName(), b == null ? null : b.getName())
                && issuerKind(a).equals(issuerKind(b))
                && issuerGroup(a).equals(issuerGroup(b));
    }

    /**
     * Returns the effective requested lifetime: {@code spec.duration}, or 2160h when unset.
     *
     * @throws IllegalArgumentException when the duration is not Go duration syntax
     */
    public static Duration duration(CertificateSpec spec) {
        String text = spec == null ? null : spec.getDuration();
        return isEmpty(text) ? DURATION : GoDuration.parse(text);
    }

    /** Returns the rotation policy; unset means {@code Always}. */
    public static String rotationPolicy(CertificatePrivateKey key) {
        return key == null || isEmpty(key.getRotationPolicy()) ? ROTATION_POLICY_ALWAYS : key.getRotationPolicy();
    }

    /** Returns the private key encoding; unset means {@code PKCS1}. */
    public static String encoding(CertificatePrivateKey key) {
        return key == null || isEmpty(key.getEncoding()) ? ENCODING_PKCS1 : key.getEncoding();
    }

    /** Returns the private key algorithm; unset means {@code RSA}. */
    public static String algorithm(CertificatePrivateKey key) {
        return key == null || isEmpty(key.getAlgorithm()) ? ALGORITHM_RSA : key.getAlgorithm();
    }

    /**
     * Returns the private key size: the spec value when above zero, otherwise 2048 for RSA, 256 for
     * ECDSA and 0 for Ed25519 (whose size is fixed and ignored).
     */
    public static int size(CertificatePrivateKey key) {
        String algorithm = algorithm(key);
        if (ALGORITHM_ED25519.equals(algorithm)) {
            return 0;
        }
        if (key != null && key.getSize() != null && key.getSize() > 0) {
            return key.getSize();
        }
        return ALGORITHM_ECDSA.equals(algorithm) ? ECDSA_KEY_SIZE : RSA_KEY_SIZE;
    }

    /** Returns the usages as written, or {@code digital signature, key encipherment} when empty. */
    public static List<String> usages(List<String> usages) {
        return usages == null || usages.isEmpty() ? USAGES : usages;
    }

    /** Returns the number of CertificateRequests the revision manager keeps; unset means 1. */
    public static int revisionHistoryLimit(CertificateSpec spec) {
        return spec == null || spec.getRevisionHistoryLimit() == null ? REVISION_HISTORY_LIMIT
                : spec.getRevisionHistoryLimit();
    }

    /** Returns whether KeyUsage and ExtKeyUsage go into the CSR; unset means true. */
    public static boolean encodeUsagesInRequest(CertificateSpec spec) {
        return spec == null || spec.getEncodeUsagesInRequest() == null || spec.getEncodeUsagesInRequest();
    }

    /** Returns the JKS key alias; unset means {@code certificate}. */
    public static String jksAlias(JKSKeystore jks) {
        return jks == null || jks.getAlias() == null ? JKS_ALIAS : jks.getAlias();
    }

    /** Returns the PKCS#12 profile; an empty or unknown profile means {@code LegacyRC2}, as in the encoder. */
    public static String pkcs12Profile(PKCS12Keystore pkcs12) {
        String profile = pkcs12 == null ? null : pkcs12.getProfile();
        return profile != null && PKCS12_PROFILES.contains(profile) ? profile : PKCS12_PROFILE_LEGACY_RC2;
    }

    private static boolean isEmpty(String value) {
        return value == null || value.isEmpty();
    }
}
