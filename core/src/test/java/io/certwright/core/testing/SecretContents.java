package io.certwright.core.testing;

import io.certwright.api.SecretKeys;
import io.certwright.core.certificates.secrets.SecretData;
import io.certwright.pki.Pem;
import io.certwright.pki.PkiException;
import io.certwright.pki.PrivateKeys;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;

/** Readers of an issued Secret's data and of object metadata, shared by the scenario and cluster tests. */
public final class SecretContents {
    private SecretContents() {
    }

    public static byte[] data(Secret secret, String key) {
        return SecretData.get(secret, key);
    }

    public static String text(Secret secret, String key) {
        return new String(data(secret, key), StandardCharsets.US_ASCII);
    }

    public static Map<String, String> annotations(HasMetadata object) {
        Map<String, String> annotations = object.getMetadata().getAnnotations();
        return annotations == null ? Map.of() : annotations;
    }

    public static Map<String, String> labels(HasMetadata object) {
        Map<String, String> labels = object.getMetadata().getLabels();
        return labels == null ? Map.of() : labels;
    }

    /** Parses the PEM certificates under {@code key}, failing the test when they do not parse. */
    public static List<X509Certificate> chain(Secret secret, String key) {
        try {
            return Pem.parseCertificates(data(secret, key));
        } catch (PkiException e) {
            throw new AssertionError("Secret key " + key + " does not contain PEM certificates", e);
        }
    }

    public static X509Certificate leaf(Secret secret) {
        return chain(secret, SecretKeys.TLS_CERT).get(0);
    }

    /** Parses {@code tls.key}, failing the test when it does not parse. */
    public static PrivateKey privateKey(Secret secret) {
        try {
            return PrivateKeys.parsePem(data(secret, SecretKeys.TLS_KEY));
        } catch (PkiException e) {
            throw new AssertionError("Secret does not contain a PEM private key", e);
        }
    }
}
