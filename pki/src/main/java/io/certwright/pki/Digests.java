package io.certwright.pki;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Digests used as compact cache keys in place of the encodings they stand for. */
final class Digests {
    private Digests() {
    }

    /**
     * Returns the SHA-256 digest of {@code parts}, each preceded by its length so that ({@code ab}, {@code c})
     * and ({@code a}, {@code bc}) differ, wrapped so that it compares by content as a map key.
     */
    static ByteBuffer sha256(byte[]... parts) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                sha256.update(ByteBuffer.allocate(Integer.BYTES).putInt(part.length).array());
                sha256.update(part);
            }
            return ByteBuffer.wrap(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
