package io.certwright.pki;

import java.nio.ByteBuffer;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECParameterSpec;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers the public keys derived from private keys. The controllers compare a Secret's key
 * with certificates and requests many times per issuance, and each EC derivation is a point
 * multiplication: about a sixth of the controllers' CPU samples in a JFR profile of
 * {@code bench/scale --count 400} before this cache. Entries are found by a SHA-256 digest of the
 * private key (see {@link #digestOf}), so the cache contains no private key material. Thread-safe.
 */
final class DerivedPublicKeys {
    /** Enough for the keys of every request in flight during a large bulk issuance; about 1 MB. */
    private static final int CAPACITY = 4096;

    private static final Map<ByteBuffer, PublicKey> DERIVED = new LinkedHashMap<>(CAPACITY, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ByteBuffer, PublicKey> eldest) {
            return size() > CAPACITY;
        }
    };

    private DerivedPublicKeys() {
    }

    /** Returns the remembered public key of {@code key}, or null. */
    static PublicKey get(PrivateKey key) {
        ByteBuffer digest = digestOf(key);
        synchronized (DERIVED) {
            return DERIVED.get(digest);
        }
    }

    /** Remembers the public key of {@code key}. */
    static void put(PrivateKey key, PublicKey publicKey) {
        ByteBuffer digest = digestOf(key);
        synchronized (DERIVED) {
            DERIVED.put(digest, publicKey);
        }
    }

    /**
     * Returns the digest that identifies a private key. An EC key is identified by its scalar and curve. Its
     * encoding differs between the generated key (PKCS#8 without parameters or public key) and the same key
     * parsed back from SEC 1 (with both), so the cache would miss once for each form. Other keys are identified
     * by their encoding.
     */
    private static ByteBuffer digestOf(PrivateKey key) {
        byte[] secret = key instanceof ECPrivateKey ec ? ec.getS().toByteArray() : key.getEncoded();
        try {
            if (key instanceof ECPrivateKey ec) {
                ECParameterSpec curve = ec.getParams();
                return Digests.sha256(curve.getOrder().toByteArray(),
                        curve.getGenerator().getAffineX().toByteArray(), secret);
            }
            return Digests.sha256(secret);
        } finally {
            // Made for this call, so clearing it leaves no stray copy of the key.
            Arrays.fill(secret, (byte) 0);
        }
    }
}
