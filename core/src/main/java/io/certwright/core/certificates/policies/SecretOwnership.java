package io.certwright.core.certificates.policies;

import io.certwright.api.Annotations;
import io.certwright.api.model.Certificate;
import io.certwright.core.cluster.Cluster;
import io.certwright.core.cluster.ClusterIndex;
import io.certwright.core.cluster.ResourceKind;
import io.fabric8.kubernetes.api.model.Secret;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Decides which of several Certificates naming the same {@code spec.secretName} owns the Secret.
 * Without this guard, two Certificates would keep overwriting each other's Secret and each would
 * request a new certificate after every write. Only the owner is reconciled by the trigger; the
 * others wait.
 */
public final class SecretOwnership {

    private SecretOwnership() {}

    /**
     * Returns the owner among {@code sameSecretName}: the Certificate named by the Secret's
     * {@code cert-manager.io/certificate-name} annotation when it is in the list; otherwise the oldest
     * by creationTimestamp, ties broken by name. Returns null when the list is empty.
     *
     * @param sameSecretName the Certificates of one namespace with the same {@code spec.secretName}
     * @param secret the Secret, or null when it does not exist
     */
    public static Certificate owner(List<Certificate> sameSecretName, Secret secret) {
        if (sameSecretName.isEmpty()) {
            return null;
        }
        String annotated = annotatedCertificateName(secret);
        if (annotated != null) {
            for (Certificate certificate : sameSecretName) {
                if (annotated.equals(certificate.getMetadata().getName())) {
                    return certificate;
                }
            }
        }
        return sameSecretName.stream()
                .min(Comparator.comparing(SecretOwnership::creationTimestamp)
                        .thenComparing(certificate -> certificate.getMetadata().getName()))
                .orElseThrow();
    }

    /**
     * Returns true when {@code certificate} owns the Secret named by its {@code spec.secretName}
     * among the Certificates of its namespace, read through {@code cluster}. A Certificate that is no
     * longer stored (deleted during the reconcile) owns nothing.
     */
    public static boolean isOwner(Cluster cluster, Certificate certificate) {
        String namespace = certificate.getMetadata().getNamespace();
        String secretName = certificate.getSpec().getSecretName();
        List<Certificate> sameSecretName = secretName == null ? List.of()
                : cluster.listIndexed(ClusterIndex.CERTIFICATES_BY_SECRET_NAME, namespace, secretName);
        Secret secret = cluster.get(ResourceKind.SECRET, namespace, secretName).orElse(null);
        Certificate owner = owner(sameSecretName, secret);
        return owner != null && owner.getMetadata().getName().equals(certificate.getMetadata().getName());
    }

    private static String annotatedCertificateName(Secret secret) {
        if (secret == null || secret.getMetadata() == null) {
            return null;
        }
        Map<String, String> annotations = secret.getMetadata().getAnnotations();
        return annotations == null ? null : annotations.get(Annotations.CERTIFICATE_NAME);
    }

    /** Returns the creation time; a missing or unparsable one sorts first, as Kubernetes' zero time does. */
    private static Instant creationTimestamp(Certificate certificate) {
        String timestamp = certificate.getMetadata().getCreationTimestamp();
        if (timestamp == null || timestamp.isEmpty()) {
            return Instant.MIN;
        }
        try {
            return OffsetDateTime.parse(timestamp).toInstant();
        } catch (DateTimeParseException e) {
            return Instant.MIN;
        }
    }
}
