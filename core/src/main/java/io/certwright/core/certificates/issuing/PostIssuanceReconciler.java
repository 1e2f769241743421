package io.certwright.core.certificates.issuing;

import io.certwright.api.Conditions;
import io.certwright.api.SecretKeys;
import io.certwright.api.model.Certificate;
import io.certwright.core.ControllerOptions;
import io.certwright.core.certificates.policies.Policies;
import io.certwright.core.certificates.policies.PolicyChain;
import io.certwright.core.certificates.policies.PolicyInput;
import io.certwright.core.certificates.policies.Violation;
import io.certwright.core.certificates.secrets.IssuedSecretBuilder;
import io.certwright.core.certificates.secrets.SecretData;
import io.certwright.core.cluster.Cluster;
import io.certwright.core.cluster.ResourceKind;
import io.fabric8.kubernetes.api.model.Secret;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps an issued Secret in line with the spec between issuances: template labels and annotations,
 * certificate detail annotations, keystores, additional output formats and the owner reference. A
 * difference re-applies the Secret from its own key, chain and CA, so none of these changes requires a
 * new certificate.
 */
final class PostIssuanceReconciler {
    /**
     * Violations that re-applying cannot fix: the certificate cannot be decoded, or the managed fields
     * cannot be read. Re-applying would loop, so they are only logged.
     */
    private static final Set<String> UNFIXABLE_REASONS =
            Set.of(Conditions.REASON_INVALID_CERTIFICATE, Policies.MANAGED_FIELDS_PARSE_ERROR);

    private static final Logger log = LoggerFactory.getLogger(PostIssuanceReconciler.class);

    private final Cluster cluster;
    private final SecretWriter secretWriter;
    private final PolicyChain postIssuanceChain;

    PostIssuanceReconciler(Cluster cluster, ControllerOptions options, Clock clock, SecretWriter secretWriter) {
        this.cluster = cluster;
        this.secretWriter = secretWriter;
        this.postIssuanceChain = Policies.postIssuance(options, IssuedSecretBuilder.FIELD_MANAGER);
    }

    /**
     * Re-applies the Secret when a post-issuance check fails. A Secret that is missing or lacks
     * {@code tls.crt} or {@code tls.key} is left to the trigger, which re-issues.
     */
    void ensureSecretData(Certificate certificate) throws Exception {
        Optional<Secret> secret = cluster.get(ResourceKind.SECRET, certificate.getMetadata().getNamespace(),
                certificate.getSpec().getSecretName());
        if (secret.isEmpty() || !hasKeyPair(secret.get())) {
            return;
        }

        Optional<Violation> violation = postIssuanceChain.evaluate(new PolicyInput(certificate, secret.get(), null, null));
        if (violation.isEmpty()) {
            return;
        }
        if (UNFIXABLE_REASONS.contains(violation.get().reason())) {
            log.error("cannot check whether Secret {} matches the spec: {}", secret.get().getMetadata().getName(),
                    violation.get().message());
            return;
        }
        log.info("applying Secret data: reason {}: {}", violation.get().reason(), violation.get().message());
        secretWriter.rewrite(certificate, secret.get());
    }

    private static boolean hasKeyPair(Secret secret) {
        try {
            return SecretData.get(secret, SecretKeys.TLS_CERT).length > 0
                    && SecretData.get(secret, SecretKeys.TLS_KEY).length > 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
