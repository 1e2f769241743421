package io.certwright.core.certificates.requestmanager;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Stable CertificateRequest names: {@code <certificate>-<revision>}, so that a retried create of the same
 * revision collides instead of producing a second request.
 */
public final class RequestNames {
    /**
     * Longest base taken from the Certificate name. Object names may have 253 characters, and 20 are
     * left for the hyphen and the decimal revision number.
     */
    static final int MAX_BASE_LENGTH = 233;

    /** Length of a hex-encoded SHA-256 digest. */
    private static final int HASH_LENGTH = 64;

    private RequestNames() {
    }

    /** Returns the name of the request for {@code revision} of the Certificate named {@code certificateName}. */
    public static String forRevision(String certificateName, int revision) {
        return base(certificateName) + "-" + revision;
    }

    /**
     * Returns the Certificate name when it has at most 233 characters. A longer name is cut so that,
     * with a hyphen and the SHA-256 of the full name appended, it is 233 characters at most. The cut
     * also drops trailing characters that are not letters or digits, so the result stays a valid DNS label.
     */
    static String base(String certificateName) {
        if (certificateName.length() <= MAX_BASE_LENGTH) {
            return certificateName;
        }
        String prefix = dnsSafePrefix(certificateName, MAX_BASE_LENGTH - HASH_LENGTH - 1);
        return prefix + "-" + sha256Hex(certificateName);
    }

    private static String dnsSafePrefix(String name, int maxLength) {
        String prefix = name.length() <= maxLength ? name : name.substring(0, maxLength);
        int end = prefix.length();
        while (end > 0 && !isAsciiAlphanumeric(prefix.charAt(end - 1))) {
            end--;
        }
        return prefix.substring(0, end);
    }

    private static boolean isAsciiAlphanumeric(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static String sha256Hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
