package io.certwright.core.issuers;

import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** Reads entries of a Secret as bytes. */
final class SecretEntries {
    static final String TLS_CERT = "tls.crt";
    static final String TLS_KEY = "tls.key";
    static final String CA_CERT = "ca.crt";

    private SecretEntries() {
    }

    /**
     * Returns the decoded value of {@code key}: from {@code data} (base64, as Kubernetes stores it),
     * else from {@code stringData}; null when neither holds the key.
     *
     * @throws IllegalArgumentException when the {@code data} value is not valid base64
     */
    static byte[] read(Secret secret, String key) {
        Map<String, String> data = secret.getData();
        if (data != null && data.containsKey(key)) {
            String value = data.get(key);
            return value == null ? new byte[0] : Base64.getMimeDecoder().decode(value);
        }
        Map<String, String> stringData = secret.getStringData();
        if (stringData != null && stringData.containsKey(key)) {
            String value = stringData.get(key);
            return value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8);
        }
        return null;
    }

    /** Formats {@code namespace/name} of a Secret. */
    static String describe(String namespace, String name) {
        return namespace + "/" + name;
    }
}
