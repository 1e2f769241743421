package io.certwright.core.issuers;

import io.certwright.api.GoDuration;
import io.certwright.api.model.CertificateRequest;
import io.certwright.api.model.CertificateRequestSpec;
import io.certwright.pki.Csrs;
import io.certwright.pki.ParsedCsr;
import io.certwright.pki.PkiException;
import io.certwright.pki.SigningOptions;
import io.certwright.pki.Usages;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;

/**
 * What a CertificateRequest asks to be signed: its verified CSR plus validity, CA flag and usages
 * from the request spec.
 *
 * <p>Building one validates the request the way cert-manager does before signing: the CSR must
 * parse and its signature verify; a BasicConstraints extension in the CSR must carry the same CA
 * flag as {@code spec.isCA}; and when the CSR embeds KeyUsage or ExtendedKeyUsage, both must equal
 * the defaulted {@code spec.usages} (digital signature and key encipherment when empty, plus cert
 * sign for a CA). A signer that silently changed them would hand out a certificate other than the
 * one requested.
 *
 * @param csr the parsed, signature-checked CSR
 * @param notBefore start of validity: the clock's now
 * @param duration {@code spec.duration}, or 90 days when unset or zero
 * @param isCA {@code spec.isCA}
 * @param usages the effective usages the certificate gets
 */
public record CertificateTemplate(ParsedCsr csr, Instant notBefore, Duration duration, boolean isCA,
        List<String> usages) {

    /** Raised when a CertificateRequest cannot be turned into a certificate template. */
    public static final class InvalidRequestException extends Exception {
        public InvalidRequestException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Builds the template of {@code request}.
     *
     * @throws InvalidRequestException when the CSR is missing, does not parse, has a bad signature,
     *     or disagrees with the request's isCA or usages, or the duration is not a valid Go duration
     */
    public static CertificateTemplate from(CertificateRequest request, Clock clock) throws InvalidRequestException {
        CertificateRequestSpec spec = request.getSpec();
        if (spec == null || spec.getRequest() == null || spec.getRequest().length == 0) {
            throw new InvalidRequestException("spec.request is empty: it must hold a PEM CERTIFICATE REQUEST", null);
        }
        ParsedCsr csr;
        try {
            csr = Csrs.parse(spec.getRequest());
        } catch (PkiException e) {
            throw new InvalidRequestException("spec.request is not a valid CSR: " + e.getMessage(), e);
        }

        Duration duration = duration(spec.getDuration());
        boolean isCA = Boolean.TRUE.equals(spec.getIsCA());
        checkBasicConstraints(csr, isCA);
        List<String> usages = Usages.effective(spec.getUsages(), isCA);
        checkUsages(csr, usages);
        return new CertificateTemplate(csr, clock.instant(), duration, isCA, usages);
    }

    /** Returns signing options carrying validity, CA flag and usages; issuers add their URLs. */
    public SigningOptions.Builder signingOptions() {
        return SigningOptions.builder()
                .notBefore(notBefore)
                .duration(duration)
                .isCA(isCA)
                .usages(usages);
    }

    /** Returns true when the CSR subject has no attributes, so a self-signed issuer DN would be empty. */
    public boolean hasEmptySubject() {
        return csr.subject().getRDNs().length == 0;
    }

    private static Duration duration(String text) throws InvalidRequestException {
        if (text == null || text.isEmpty()) {
            return SigningOptions.DEFAULT_DURATION;
        }
        Duration duration;
        try {
            duration = GoDuration.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("spec.duration \"" + text + "\" is not a valid duration such as"
                    + " \"2160h\": " + e.getMessage(), e);
        }
        if (duration.isNegative()) {
            throw new InvalidRequestException("spec.duration \"" + text + "\" is negative; set a positive duration", null);
        }
        return duration.isZero() ? SigningOptions.DEFAULT_DURATION : duration;
    }

    private static void checkBasicConstraints(ParsedCsr csr, boolean isCA) throws InvalidRequestException {
        Optional<Boolean> csrCa = csr.basicConstraintsCa();
        if (csrCa.isPresent() && csrCa.get() != isCA) {
            throw new InvalidRequestException("encoded CSR error: the CSR's BasicConstraints has CA " + csrCa.get()
                    + " but spec.isCA is " + isCA + "; make them equal", null);
        }
    }

    private static void checkUsages(ParsedCsr csr, List<String> usages) throws InvalidRequestException {
        Optional<KeyUsage> csrKeyUsage = csr.keyUsage();
        Optional<ExtendedKeyUsage> csrExtendedKeyUsage = csr.extendedKeyUsage();
        if (csrKeyUsage.isEmpty() && csrExtendedKeyUsage.isEmpty()) {
            return;
        }
        Usages.Encoded requested;
        try {
            requested = Usages.encode(usages);
        } catch (PkiException e) {
            throw new InvalidRequestException("spec.usages is invalid: " + e.getMessage(), e);
        }
        int csrBits = csrKeyUsage.map(CertificateTemplate::bits).orElse(0);
        Set<ASN1ObjectIdentifier> csrExtended = csrExtendedKeyUsage.map(CertificateTemplate::oids).orElse(Set.of());
        if (csrBits != requested.keyUsageBits() || !csrExtended.equals(requested.extendedKeyUsages())) {
            throw new InvalidRequestException("encoded CSR error: the CSR's usages " + csr.usages().orElse(List.of())
                    + " do not match the expected usages " + usages
                    + " (spec.usages, defaulted, with cert sign added for a CA); request the same usages in both", null);
        }
    }

    /** KeyUsage bits as the int BouncyCastle's KeyUsage constants use (digitalSignature = 1 << 7). */
    private static int bits(KeyUsage keyUsage) {
        byte[] bytes = keyUsage.getBytes();
        int value = 0;
        for (int i = 0; i < bytes.length && i < 4; i++) {
            value |= (bytes[i] & 0xff) << (8 * i);
        }
        return value;
    }

    private static Set<ASN1ObjectIdentifier> oids(ExtendedKeyUsage extendedKeyUsage) {
        Set<ASN1ObjectIdentifier> result = new LinkedHashSet<>();
        for (KeyPurposeId purpose : extendedKeyUsage.getUsages()) {
            result.add(purpose.toOID());
        }
        return result;
    }
}
