package io.certwright.pki;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers which exact encodings already passed a signature check, by the SHA-256 digest of the encoding
 * and of the key that verified it. The controllers parse the same CertificateRequest and split the same
 * chains many times while a request moves through its states. Verifying CSR signatures again each time was
 * more than half of the CPU of a bulk issuance. Re-verifying a CA's self-signature, and the leaf against it,
 * was about 4 % of the local runtime's CPU samples in a JFR profile of {@code bench/scale --runtime local
 * --count 1000}. The same bytes always verify the same way, so a hit skips only repeated work. Only
 * successes are kept. Thread-safe.
 */
final class VerifiedSignatures {
    /** Enough for every request in flight during a large bulk issuance; 4,096 digests take about 0.5 MB. */
    private static final int CAPACITY = 4096;

    /** Verified CSRs, by their DER encoding (a CSR carries the key that verifies it). */
    static final VerifiedSignatures CSRS = new VerifiedSignatures();

    /** Verified certificates, by their DER encoding and the encoding of the issuer's public key. */
    static final VerifiedSignatures CERTIFICATES = new VerifiedSignatures();

    private final Map<ByteBuffer, Boolean> verified = new LinkedHashMap<>(CAPACITY, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ByteBuffer, Boolean> eldest) {
            return size() > CAPACITY;
        }
    };

    private VerifiedSignatures() {
    }

    /** Returns whether the concatenation of {@code parts} was added before and is still remembered. */
    boolean contains(byte[]... parts) {
        ByteBuffer digest = Digests.sha256(parts);
        synchronized (verified) {
            return verified.get(digest) != null;
        }
    }

    /** Remembers that the concatenation of {@code parts} verified. */
    void add(byte[]... parts) {
        ByteBuffer digest = Digests.sha256(parts);
        synchronized (verified) {
            verified.put(digest, Boolean.TRUE);
        }
    }
}
