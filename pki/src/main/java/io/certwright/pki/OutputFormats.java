package io.certwright.pki;

import java.nio.charset.StandardCharsets;

/** The additional Secret output formats {@code key.der} and {@code tls-combined.pem}. */
public final class OutputFormats {

    private OutputFormats() {}

    /**
     * Returns the DER body of the first PEM block in {@code keyPem}: PKCS#1, SEC 1 or PKCS#8 depending on
     * how {@code tls.key} was encoded.
     *
     * @throws IllegalArgumentException if {@code keyPem} contains no valid PEM block
     */
    public static byte[] derKey(String keyPem) {
        try {
            var blocks = PemBlocks.decode(keyPem.getBytes(StandardCharsets.US_ASCII), "PEM block");
            if (blocks.isEmpty()) {
                throw new IllegalArgumentException("the private key contains no PEM block");
            }
            return blocks.get(0).der();
        } catch (PkiException e) {
            throw new IllegalArgumentException("the private key PEM is invalid: " + e.getMessage(), e);
        }
    }

    /** Returns {@code keyPem + "\n" + certPem}: the key first, then the chain. */
    public static String combinedPem(String keyPem, String certPem) {
        return keyPem + "\n" + certPem;
    }
}
