package io.certwright.core.issuers;

import io.certwright.core.cluster.Cluster;
import io.certwright.core.cluster.ClusterException;
import io.certwright.core.cluster.ResourceKind;
import io.certwright.pki.Pem;
import io.certwright.pki.PkiException;
import io.certwright.pki.PrivateKeys;
import io.fabric8.kubernetes.api.model.Secret;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * The signing material of a CA issuer, read from its Secret.
 *
 * @param chain {@code tls.crt}: the signing certificate first, then any further CA certificates in any order
 * @param key {@code tls.key}: the private key of {@code chain.get(0)}
 * @param extraCas {@code ca.crt} when present, else empty
 */
record CaKeyPair(List<X509Certificate> chain, PrivateKey key, List<X509Certificate> extraCas) {

    private static final String FIX = "store the PEM CA certificate (optionally followed by its issuers) in tls.crt"
            + " and the PEM private key of its first certificate in tls.key";

    X509Certificate signingCertificate() {
        return chain.get(0);
    }

    /**
     * Reads and checks the CA Secret {@code namespace/name}.
     *
     * @param readCaCert whether to read the optional {@code ca.crt} entry as well
     * @throws CaSecretException when the Secret is missing, unreadable, holds invalid or truncated PEM,
     *     or holds a key that does not match the first certificate of {@code tls.crt}
     */
    static CaKeyPair load(Cluster cluster, String namespace, String name, boolean readCaCert)
            throws CaSecretException {
        if (name == null || name.isEmpty()) {
            throw invalid("spec.ca.secretName is empty; set it to the name of a Secret in namespace " + namespace
                    + " that holds tls.crt and tls.key", null);
        }
        String secretName = SecretEntries.describe(namespace, name);
        Secret secret = readSecret(cluster, namespace, name, secretName);

        byte[] keyPem = entry(secret, SecretEntries.TLS_KEY, secretName);
        PrivateKey key;
        try {
            key = PrivateKeys.parsePem(keyPem);
        } catch (PkiException e) {
            throw invalid("the tls.key entry of Secret " + secretName + " is not a valid PEM private key ("
                    + e.getMessage() + "); " + FIX, e);
        }

        byte[] certificatePem = entry(secret, SecretEntries.TLS_CERT, secretName);
        List<X509Certificate> chain;
        try {
            chain = Pem.parseCertificates(certificatePem);
        } catch (PkiException e) {
            throw invalid("the tls.crt entry of Secret " + secretName
                    + " is not a valid PEM certificate chain, it may be truncated (" + e.getMessage() + "); " + FIX, e);
        }

        if (!keyMatches(key, chain.get(0))) {
            throw new CaSecretException(CaSecretException.Problem.KEY_MISMATCH, "the private key in tls.key of Secret "
                    + secretName + " does not match the first certificate in tls.crt (subject \""
                    + chain.get(0).getSubjectX500Principal().getName() + "\"); " + FIX);
        }

        List<X509Certificate> extraCas = readCaCert ? caCertificates(secret, secretName) : List.of();
        return new CaKeyPair(chain, key, extraCas);
    }

    private static Secret readSecret(Cluster cluster, String namespace, String name, String secretName)
            throws CaSecretException {
        Optional<Secret> secret;
        try {
            secret = cluster.get(ResourceKind.SECRET, namespace, name);
        } catch (ClusterException e) {
            throw new CaSecretException(CaSecretException.Problem.READ_FAILED,
                    "reading Secret " + secretName + " failed: " + e.getMessage(), e);
        }
        if (secret.isEmpty()) {
            throw new CaSecretException(CaSecretException.Problem.NOT_FOUND, "Secret " + secretName
                    + " not found; create it and " + FIX);
        }
        return secret.get();
    }

    private static byte[] entry(Secret secret, String key, String secretName) throws CaSecretException {
        byte[] value;
        try {
            value = SecretEntries.read(secret, key);
        } catch (IllegalArgumentException e) {
            throw invalid("the " + key + " entry of Secret " + secretName + " is not valid base64; " + FIX, e);
        }
        if (value == null || value.length == 0) {
            throw invalid("Secret " + secretName + " has no " + key + " entry; " + FIX, null);
        }
        return value;
    }

    private static List<X509Certificate> caCertificates(Secret secret, String secretName) throws CaSecretException {
        byte[] value;
        try {
            value = SecretEntries.read(secret, SecretEntries.CA_CERT);
        } catch (IllegalArgumentException e) {
            throw invalid("the ca.crt entry of Secret " + secretName + " is not valid base64;"
                    + " store PEM CA certificates in ca.crt or remove the entry", e);
        }
        if (value == null || value.length == 0) {
            return List.of();
        }
        try {
            return Pem.parseCertificates(value);
        } catch (PkiException e) {
            throw invalid("the ca.crt entry of Secret " + secretName + " is not valid PEM, it may be truncated ("
                    + e.getMessage() + "); store PEM CA certificates in ca.crt or remove the entry", e);
        }
    }

    private static boolean keyMatches(PrivateKey key, X509Certificate certificate) {
        try {
            return PrivateKeys.publicKeysEqual(PrivateKeys.publicKeyOf(key), certificate.getPublicKey());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static CaSecretException invalid(String message, Throwable cause) {
        return new CaSecretException(CaSecretException.Problem.INVALID_DATA, message, cause);
    }
}
