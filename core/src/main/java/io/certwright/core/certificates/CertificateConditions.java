package io.certwright.core.certificates;

import io.certwright.api.Conditions;
import io.certwright.api.model.Certificate;
import io.certwright.api.model.CertificateCondition;
import io.certwright.api.model.CertificateStatus;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads and writes the {@code Ready} and {@code Issuing} conditions of a Certificate the way
 * cert-manager does: {@code lastTransitionTime} moves only when the status flips, and
 * {@code observedGeneration} records the generation the writer acted on.
 */
public final class CertificateConditions {
    private CertificateConditions() {
    }

    /** Returns the condition of {@code type}, or empty when the Certificate has none. */
    public static Optional<CertificateCondition> find(Certificate certificate, String type) {
        CertificateStatus status = certificate.getStatus();
        if (status == null || status.getConditions() == null) {
            return Optional.empty();
        }
        return status.getConditions().stream().filter(condition -> type.equals(condition.getType())).findFirst();
    }

    /** Returns true when the condition of {@code type} exists with status {@code True}. */
    public static boolean isTrue(Certificate certificate, String type) {
        return find(certificate, type).map(condition -> Conditions.TRUE.equals(condition.getStatus())).orElse(false);
    }

    /**
     * Sets a condition in place. The transition time is {@code now}, cut to whole seconds as
     * Kubernetes stores times, for a new condition or a changed status, and kept otherwise. Whole
     * seconds matter: the request manager compares a CertificateRequest's whole-second failure time
     * with this transition time, and a fraction would make a request that failed in the same second
     * look older than the issuance and be replaced again and again.
     */
    public static void set(Certificate certificate, String type, String status, String reason, String message,
            Instant now) {
        CertificateStatus certificateStatus = statusOf(certificate);
        List<CertificateCondition> conditions = certificateStatus.getConditions() == null
                ? new ArrayList<>() : new ArrayList<>(certificateStatus.getConditions());
        Long generation = certificate.getMetadata().getGeneration();
        CertificateCondition updated = new CertificateCondition()
                .withType(type)
                .withStatus(status)
                .withReason(reason)
                .withMessage(message)
                .withObservedGeneration(generation)
                .withLastTransitionTime(now.truncatedTo(ChronoUnit.SECONDS));

        boolean replaced = false;
        for (int i = 0; i < conditions.size(); i++) {
            CertificateCondition existing = conditions.get(i);
            if (!type.equals(existing.getType())) {
                continue;
            }
            if (status.equals(existing.getStatus()) && existing.getLastTransitionTime() != null) {
                updated.setLastTransitionTime(existing.getLastTransitionTime());
            }
            conditions.set(i, updated);
            replaced = true;
        }
        if (!replaced) {
            conditions.add(updated);
        }
        certificateStatus.setConditions(conditions);
    }

    /** Removes the condition of {@code type}; does nothing when it is absent. */
    public static void remove(Certificate certificate, String type) {
        CertificateStatus status = certificate.getStatus();
        if (status == null || status.getConditions() == null) {
            return;
        }
        List<CertificateCondition> remaining = new ArrayList<>(status.getConditions());
        remaining.removeIf(condition -> type.equals(condition.getType()));
        status.setConditions(remaining);
    }

    /** Returns the Certificate's status, creating an empty one first when it has none. */
    public static CertificateStatus statusOf(Certificate certificate) {
        if (certificate.getStatus() == null) {
            certificate.setStatus(new CertificateStatus());
        }
        return certificate.getStatus();
    }
}
