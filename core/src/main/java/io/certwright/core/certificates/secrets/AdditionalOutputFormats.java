package io.certwright.core.certificates.secrets;

import io.certwright.pki.OutputFormats;
import java.nio.charset.StandardCharsets;

/** The {@code spec.additionalOutputFormats} types and the Secret values they produce. */
public final class AdditionalOutputFormats {

    /** Type that writes {@code key.der}: the DER body of the {@code tls.key} PEM block. */
    public static final String DER = "DER";

    /** Type that writes {@code tls-combined.pem}: {@code tls.key}, a newline, then {@code tls.crt}. */
    public static final String COMBINED_PEM = "CombinedPEM";

    private AdditionalOutputFormats() {}

    /**
     * Returns the DER body of the first PEM block of {@code privateKeyPem}: PKCS#1, SEC 1 or PKCS#8,
     * as {@code tls.key} is encoded.
     *
     * @throws IllegalArgumentException when {@code privateKeyPem} contains no valid PEM block
     */
    public static byte[] der(byte[] privateKeyPem) {
        return OutputFormats.derKey(new String(privateKeyPem, StandardCharsets.US_ASCII));
    }

    /** Returns {@code privateKeyPem + "\n" + certificatePem}, byte for byte. */
    public static byte[] combinedPem(byte[] privateKeyPem, byte[] certificatePem) {
        byte[] combined = new byte[privateKeyPem.length + 1 + certificatePem.length];
        System.arraycopy(privateKeyPem, 0, combined, 0, privateKeyPem.length);
        combined[privateKeyPem.length] = '\n';
        System.arraycopy(certificatePem, 0, combined, privateKeyPem.length + 1, certificatePem.length);
        return combined;
    }
}
