package io.certwright.pki;

/**
 * PEM encodings for a private key, as set by {@code spec.privateKey.encoding}.
 *
 * <p>{@link #PKCS1} writes RSA keys as PKCS#1 ({@code RSA PRIVATE KEY}) and EC keys as SEC 1
 * ({@code EC PRIVATE KEY}). Ed25519 has no PKCS#1 form, so it is always written as PKCS#8.
 */
public enum KeyEncoding {
    PKCS1,
    PKCS8
}
