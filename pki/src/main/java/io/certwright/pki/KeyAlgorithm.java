package io.certwright.pki;

/** Private key algorithms that a Certificate's {@code spec.privateKey.algorithm} can request. */
public enum KeyAlgorithm {
    RSA,
    ECDSA,
    ED25519
}
