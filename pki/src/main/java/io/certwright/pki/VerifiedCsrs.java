package io.certwright.pki;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers which exact CSR encodings already passed signature verification. The controllers
 * parse the same CertificateRequest many times while it moves through its states, and verifying
 * the signature again each time was more than half of the CPU of a bulk issuance. The same DER
 * bytes always verify the same way, so a hit skips only repeated work. Entries are the SHA-256
 * digests of the encodings: a heap dump of a 1,000-Certificate benchmark showed the full encodings
 * kept as keys costing about 2 MB. Thread-safe.
 */
final class VerifiedCsrs {
    /** Enough for every request in flight during a large bulk issuance; 4,096 digests take about 0.5 MB. */
    private static final int CAPACITY = 4096;

    private static final Map<ByteBuffer, Boolean> VERIFIED = new LinkedHashMap<>(CAPACITY, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ByteBuffer, Boolean> eldest) {
            return size() > CAPACITY;
        }
    };

    private VerifiedCsrs() {
    }

    static boolean contains(byte[] der) {
        synchronized (VERIFIED) {
            return VERIFIED.get(Digests.sha256(der)) != null;
        }
    }

    static void add(byte[] der) {
        synchronized (VERIFIED) {
            VERIFIED.put(Digests.sha256(der), Boolean.TRUE);
        }
    }
}
