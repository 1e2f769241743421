package io.certwright.core.certificates.keymanager;

import io.certwright.api.Annotations;
import io.certwright.api.Defaults;
import io.certwright.api.SecretKeys;
import io.certwright.api.model.Certificate;
import io.certwright.api.model.CertificatePrivateKey;
import io.certwright.core.certificates.ControlledObjects;
import io.certwright.core.certificates.secrets.SecretData;
import io.certwright.core.cluster.Cluster;
import io.certwright.core.cluster.ClusterIndex;
import io.certwright.core.cluster.ResourceKind;
import io.certwright.pki.KeyAlgorithm;
import io.certwright.pki.PkiException;
import io.certwright.pki.PrivateKeys;
import io.fabric8.kubernetes.api.model.Secret;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The temporary Secrets that hold a Certificate's next private key while an issuance is in progress.
 * Such a Secret carries the label {@code cert-manager.io/next-private-key=true} and a controller
 * reference to its Certificate, and its {@code status.nextPrivateKeySecretName} names it.
 */
public final class NextPrivateKeys {
    private NextPrivateKeys() {
    }

    /** Lists the next-key Secrets the Certificate controls. */
    public static List<Secret> owned(Cluster cluster, Certificate certificate) {
        return ControlledObjects.list(cluster, ClusterIndex.SECRETS_BY_CONTROLLER, certificate,
                NextPrivateKeys::hasNextKeyLabel);
    }

    /**
     * Reads the private key from the Secret named by {@code status.nextPrivateKeySecretName}; empty when
     * the name is unset, the Secret is missing, or its {@code tls.key} is empty or not a valid key.
     */
    public static Optional<PrivateKey> read(Cluster cluster, Certificate certificate) {
        String name = certificate.getStatus() == null ? null : certificate.getStatus().getNextPrivateKeySecretName();
        if (name == null) {
            return Optional.empty();
        }
        return cluster.get(ResourceKind.SECRET, certificate.getMetadata().getNamespace(), name)
                .flatMap(NextPrivateKeys::decodeKey);
    }

    /** Decodes the {@code tls.key} entry of a Secret; empty when it is missing, empty or not a valid key. */
    public static Optional<PrivateKey> decodeKey(Secret secret) {
        byte[] pem;
        try {
            pem = SecretData.get(secret, SecretKeys.TLS_KEY);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (pem.length == 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(PrivateKeys.parsePem(pem));
        } catch (PkiException e) {
            return Optional.empty();
        }
    }

    /** Generates a key with the algorithm and size of {@code spec.privateKey}, defaulted as cert-manager does. */
    public static KeyPair generate(CertificatePrivateKey spec) {
        return PrivateKeys.generate(algorithm(spec), Defaults.size(spec));
    }

    static KeyAlgorithm algorithm(CertificatePrivateKey spec) {
        String algorithm = Defaults.algorithm(spec);
        switch (algorithm) {
            case Defaults.ALGORITHM_RSA:
                return KeyAlgorithm.RSA;
            case Defaults.ALGORITHM_ECDSA:
                return KeyAlgorithm.ECDSA;
            case Defaults.ALGORITHM_ED25519:
                return KeyAlgorithm.ED25519;
            default:
                throw new IllegalArgumentException("unsupported spec.privateKey.algorithm \"" + algorithm
                        + "\": use RSA, ECDSA or Ed25519");
        }
    }

    private static boolean hasNextKeyLabel(Secret secret) {
        Map<String, String> labels = secret.getMetadata().getLabels();
        return labels != null && Annotations.LABEL_TRUE.equals(labels.get(Annotations.NEXT_PRIVATE_KEY_LABEL));
    }
}
