package io.certwright.acme.orders;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** The {@code spec.key} of a Challenge, which the solver publishes (RFC 8555 sections 8.3 and 8.4). */
final class ChallengeKeys {
    private ChallengeKeys() {
    }

    /**
     * Returns the key for a Challenge of {@code type}: the key authorization itself for HTTP-01, and the
     * unpadded base64url SHA-256 digest of it for DNS-01, the TXT record value.
     */
    static String forType(String type, String keyAuthorization) {
        if (!"DNS-01".equals(type)) {
            return keyAuthorization;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(keyAuthorization.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
