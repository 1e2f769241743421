package io.certwright.pki;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers which exact CSR encodings already passed signature verification. The controllers
 * parse the same CertificateRequest many times while it moves through its states, and verifying
 * the signature again each time was more than half of the CPU of a bulk issuance. The same DER
 * bytes always verify the same way, so a hit skips only repeated work. Thread-safe.
 */
final class VerifiedCsrs {
    /** Enough for every request in flight during a large bulk issuance; about 2 MB of DER at most. */
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
            return VERIFIED.get(ByteBuffer.wrap(der)) != null;
        }
    }

    static void add(byte[] der) {
        synchronized (VERIFIED) {
            VERIFIED.put(ByteBuffer.wrap(der.clone()), Boolean.TRUE);
        }
    }
}
