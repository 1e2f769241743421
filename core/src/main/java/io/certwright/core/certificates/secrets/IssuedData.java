package io.certwright.core.certificates.secrets;

import io.certwright.api.model.IssuerReference;
import java.util.Objects;

/**
 * The material to write into an issued Secret.
 *
 * @param privateKeyPem the private key, already PEM-encoded in {@code spec.privateKey.encoding}
 * @param certificatePem the chain, leaf first, from the CertificateRequest's {@code status.certificate}
 * @param caPem the CertificateRequest's {@code status.ca}, or null or empty when the issuer returned none
 * @param issuerRef the issuerRef of the CertificateRequest that issued the certificate, copied verbatim
 *     into the issuer annotations. It is null for a temporary certificate, which gets no issuer annotations
 */
public record IssuedData(byte[] privateKeyPem, byte[] certificatePem, byte[] caPem, IssuerReference issuerRef) {

    public IssuedData {
        Objects.requireNonNull(privateKeyPem, "privateKeyPem");
        Objects.requireNonNull(certificatePem, "certificatePem");
    }

    /** Returns true when a CA certificate is present and {@code ca.crt} is written. */
    public boolean hasCa() {
        return caPem != null && caPem.length > 0;
    }
}
