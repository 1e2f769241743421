package io.certwright.local;

import io.certwright.api.SecretKeys;
import io.certwright.pki.Pem;
import io.certwright.pki.PkiException;
import io.certwright.pki.PrivateKeys;
import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Finds mistakes in manifest objects that the API accepts but that will make issuance fail,
 * such as a CA Secret whose key does not match its certificate. Those objects are still
 * loaded, because the controllers report the same problem on the Issuer. The check adds an
 * error that names the file and the field, for the person editing the file. Admission
 * validation happens earlier, in {@link io.certwright.api.Manifests}.
 */
final class ManifestChecks {
    /** Returns problems that do not keep the object out of the store. */
    List<InputProblem> inspect(ManifestObject manifest) {
        if (manifest.object() instanceof Secret secret) {
            return inspectKeyPair(manifest, secret);
        }
        return List.of();
    }

    private static List<InputProblem> inspectKeyPair(ManifestObject manifest, Secret secret) {
        byte[] certificatePem = value(secret, SecretKeys.TLS_CERT);
        byte[] keyPem = value(secret, SecretKeys.TLS_KEY);
        if (certificatePem == null || keyPem == null) {
            return List.of();
        }
        List<InputProblem> problems = new ArrayList<>();
        List<X509Certificate> chain = null;
        PrivateKey key = null;
        try {
            chain = Pem.parseCertificates(certificatePem);
            if (chain.isEmpty()) {
                throw new PkiException("no CERTIFICATE block found");
            }
        } catch (PkiException | RuntimeException e) {
            problems.add(problem(manifest, "data." + SecretKeys.TLS_CERT, "is not a valid PEM certificate: "
                    + e.getMessage(), "paste the complete certificate, from -----BEGIN CERTIFICATE----- through"
                    + " -----END CERTIFICATE-----, base64-encoded under data or as text under stringData"));
        }
        try {
            key = PrivateKeys.parsePem(keyPem);
        } catch (PkiException | RuntimeException e) {
            problems.add(problem(manifest, "data." + SecretKeys.TLS_KEY, "is not a valid PEM private key: "
                    + e.getMessage(), "paste the complete unencrypted private key, from -----BEGIN through -----END,"
                    + " base64-encoded under data or as text under stringData"));
        }
        if (chain == null || key == null) {
            return problems;
        }
        PublicKey publicKey;
        try {
            publicKey = PrivateKeys.publicKeyOf(key);
        } catch (IllegalArgumentException e) {
            problems.add(problem(manifest, "data." + SecretKeys.TLS_KEY, "cannot be used: " + e.getMessage(),
                    "use an RSA key with CRT parameters (as openssl genrsa writes it), an EC key or an Ed25519 key"));
            return problems;
        }
        if (!PrivateKeys.publicKeysEqual(publicKey, chain.get(0).getPublicKey())) {
            problems.add(problem(manifest, "data." + SecretKeys.TLS_KEY, "does not match the public key of the"
                    + " first certificate in data." + SecretKeys.TLS_CERT, "put the private key of that certificate"
                    + " in tls.key, or the certificate issued for this key first in tls.crt"));
        }
        return problems;
    }

    private static InputProblem problem(ManifestObject manifest, String field, String message, String fix) {
        return new InputProblem(manifest.file(), manifest.document(), manifest.describeObject(), field, message, fix);
    }

    private static byte[] value(Secret secret, String key) {
        Map<String, String> stringData = secret.getStringData();
        if (stringData != null && stringData.containsKey(key)) {
            return stringData.get(key).getBytes(StandardCharsets.UTF_8);
        }
        Map<String, String> data = secret.getData();
        if (data == null || data.get(key) == null) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(data.get(key));
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }
}
