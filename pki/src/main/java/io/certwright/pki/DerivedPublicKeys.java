package io.certwright.pki;

import java.nio.ByteBuffer;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers the public keys derived from private keys. The controllers compare a Secret's key
 * with certificates and requests many times per issuance, and each EC derivation is a point
 * multiplication: about a sixth of the controllers' CPU samples in a JFR profile of
 * {@code bench/scale --count 400} before this cache. Entries are found by the SHA-256 digest of
 * the private key's encoding, so the cache contains no private key material. Thread-safe.
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

    /** Returns the remembered public key of a private key encoding, or null. Clears {@code privateKeyEncoding}. */
    static PublicKey get(byte[] privateKeyEncoding) {
        ByteBuffer digest = digestOf(privateKeyEncoding);
        synchronized (DERIVED) {
            return DERIVED.get(digest);
        }
    }

    /** Remembers a derived public key. Clears {@code privateKeyEncoding}. */
    static void put(byte[] privateKeyEncoding, PublicKey publicKey) {
        ByteBuffer digest = digestOf(privateKeyEncoding);
        synchronized (DERIVED) {
            DERIVED.put(digest, publicKey);
        }
    }

    private static ByteBuffer digestOf(byte[] encoding) {
        try {
            return Digests.sha256(encoding);
        } finally {
            // Callers pass a copy made for this call, so clearing it leaves no stray copy of the key.
            Arrays.fill(encoding, (byte) 0);
        }
    }
}
