package io.certwright.pki;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;

/**
 * Temporary certificates that let a workload start before the real certificate is issued.
 *
 * <p>Each call generates a throw-away ECDSA P-521 CA named {@code cert-manager.local} and uses it to
 * sign a certificate for the spec and the next private key, with the subject serialNumber
 * {@value #SUBJECT_SERIAL_NUMBER} so that the certificate is recognisable as temporary. The CA key is discarded.
 * A spec with a literal subject keeps that subject unchanged, so its certificate gets no serialNumber.
 */
public final class TemporaryCertificates {

    /** Subject serialNumber attribute that marks a temporary certificate. */
    public static final String SUBJECT_SERIAL_NUMBER = "1234567890";
    /** Common name of the throw-away CA. */
    public static final String CA_COMMON_NAME = "cert-manager.local";
    /** Validity used when {@code duration} is null or zero. */
    public static final Duration DEFAULT_DURATION = Duration.ofDays(90);

    private TemporaryCertificates() {}

    /**
     * Issues a temporary certificate valid from {@code now} for {@code duration}.
     *
     * @throws IllegalArgumentException if the spec cannot be turned into a certificate, for example
     *     because it has neither a common name nor a subject alternative name
     */
    public static X509Certificate issue(CsrSpec spec, KeyPair nextKey, Duration duration, Instant now) {
        Duration validity = duration == null || duration.isZero() ? DEFAULT_DURATION : duration;
        try {
            KeyPair caKey = PrivateKeys.generate(KeyAlgorithm.ECDSA, 521);
            SigningOptions caOptions = SigningOptions.builder().notBefore(now).duration(validity).isCA(true).build();
            ParsedCsr caCsr = Csrs.parse(Csrs.buildPem(CsrSpec.builder().commonName(CA_COMMON_NAME).isCA(true).build(), caKey)
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            X509Certificate ca = CertificateSigner.sign(caCsr, caOptions, null, caKey.getPrivate());

            CsrSpec temporary = spec.literalSubject() == null
                    ? spec.toBuilder().serialNumber(SUBJECT_SERIAL_NUMBER).build()
                    : spec;
            ParsedCsr csr = Csrs.parse(Csrs.buildPem(temporary, nextKey).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            SigningOptions options = SigningOptions.builder()
                    .notBefore(now)
                    .duration(validity)
                    .isCA(spec.isCA())
                    .usages(spec.usages())
                    .build();
            return CertificateSigner.sign(csr, options, ca, caKey.getPrivate());
        } catch (PkiException e) {
            throw new IllegalArgumentException("issuing a temporary certificate failed: " + e.getMessage(), e);
        }
    }
}
