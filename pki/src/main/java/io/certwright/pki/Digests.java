package io.certwright.pki;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Digests used as compact cache keys in place of the encodings they stand for. */
final class Digests {
    private Digests() {
    }

    /** Returns the SHA-256 digest of {@code bytes}, wrapped so that it compares by content as a map key. */
    static ByteBuffer sha256(byte[] bytes) {
        try {
            return ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
