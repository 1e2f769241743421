package io.certwright.acme.client;

import java.util.Objects;

/**
 * An External Account Binding key (RFC 8555 section 7.3.4): the key identifier the CA issued and its
 * HMAC key. The HMAC key is secret, so {@link #toString()} leaves it out.
 *
 * @param keyId the CA's identifier of the key
 * @param hmacKey the decoded HMAC key bytes
 */
public record ExternalAccountKey(String keyId, byte[] hmacKey) {
    public ExternalAccountKey {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(hmacKey, "hmacKey");
        hmacKey = hmacKey.clone();
    }

    @Override
    public byte[] hmacKey() {
        return hmacKey.clone();
    }

    @Override
    public String toString() {
        return "ExternalAccountKey[keyId=" + keyId + ", hmacKey=<redacted>]";
    }
}
