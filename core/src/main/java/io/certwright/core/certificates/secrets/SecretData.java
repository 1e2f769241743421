package io.certwright.core.certificates.secrets;

import io.fabric8.kubernetes.api.model.Secret;
import java.util.Base64;
import java.util.Map;

/**
 * Reads the {@code data} of a fabric8 Secret, whose values are base64 strings as in the Kubernetes
 * API. {@code stringData} is not read: the API server folds it into {@code data} on write.
 */
public final class SecretData {

    private static final byte[] EMPTY = new byte[0];

    private SecretData() {}

    /** Returns true when the Secret has no data map or an empty one. */
    public static boolean isEmpty(Secret secret) {
        return secret.getData() == null || secret.getData().isEmpty();
    }

    /** Returns true when {@code key} is present in {@code data}, even with an empty value. */
    public static boolean contains(Secret secret, String key) {
        return secret.getData() != null && secret.getData().containsKey(key);
    }

    /**
     * Returns the decoded value of {@code key}, or an empty array when it is absent.
     *
     * @throws IllegalArgumentException naming the key when the value is not valid base64
     */
    public static byte[] get(Secret secret, String key) {
        Map<String, String> data = secret.getData();
        String value = data == null ? null : data.get(key);
        if (value == null || value.isEmpty()) {
            return EMPTY;
        }
        try {
            return Base64.getMimeDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Secret data key " + key + " is not valid base64: " + e.getMessage(), e);
        }
    }

    /** Encodes bytes as a {@code data} value. */
    public static String encode(byte[] value) {
        return Base64.getEncoder().encodeToString(value);
    }
}
