package io.certwright.api;

import io.certwright.api.model.CertManagerResource;
import io.certwright.api.model.Certificate;
import io.certwright.api.model.CertificateCondition;
import io.certwright.api.model.CertificateRequest;
import io.certwright.api.model.CertificateRequestCondition;
import io.certwright.api.model.CertificateRequestStatus;
import io.certwright.api.model.CertificateStatus;
import io.certwright.api.model.IssuerCondition;
import io.certwright.api.model.IssuerSpec;
import io.certwright.api.model.IssuerStatus;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads and writes {@code status.conditions} with Kubernetes semantics: one condition per type,
 * {@code lastTransitionTime} moves only when the status changes, and {@code observedGeneration}
 * records {@code metadata.generation} at the time of writing (Certificates and issuers only,
 * because CertificateRequest conditions have no such field).
 *
 * <p>Times are truncated to whole seconds, the precision of Kubernetes {@code metav1.Time}. The
 * setters create the status and the condition list when they are missing.
 */
public final class ConditionsUtil {
    private ConditionsUtil() {
    }

    /** Returns the Certificate condition of the given type, if present. */
    public static Optional<CertificateCondition> get(Certificate certificate, String type) {
        CertificateStatus status = certificate.getStatus();
        if (status == null || status.getConditions() == null) {
            return Optional.empty();
        }
        return status.getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
    }

    /** Returns the CertificateRequest condition of the given type, if present. */
    public static Optional<CertificateRequestCondition> get(CertificateRequest request, String type) {
        CertificateRequestStatus status = request.getStatus();
        if (status == null || status.getConditions() == null) {
            return Optional.empty();
        }
        return status.getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
    }

    /** Returns the Issuer or ClusterIssuer condition of the given type, if present. */
    public static Optional<IssuerCondition> get(CertManagerResource<IssuerSpec, IssuerStatus> issuer, String type) {
        IssuerStatus status = issuer.getStatus();
        if (status == null || status.getConditions() == null) {
            return Optional.empty();
        }
        return status.getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
    }

    /** Returns whether the Certificate has a condition of this type with status {@code True}. */
    public static boolean isTrue(Certificate certificate, String type) {
        return get(certificate, type).map(c -> Conditions.TRUE.equals(c.getStatus())).orElse(false);
    }

    /** Returns whether the CertificateRequest has a condition of this type with status {@code True}. */
    public static boolean isTrue(CertificateRequest request, String type) {
        return get(request, type).map(c -> Conditions.TRUE.equals(c.getStatus())).orElse(false);
    }

    /** Returns whether the Issuer or ClusterIssuer has a condition of this type with status {@code True}. */
    public static boolean isTrue(CertManagerResource<IssuerSpec, IssuerStatus> issuer, String type) {
        return get(issuer, type).map(c -> Conditions.TRUE.equals(c.getStatus())).orElse(false);
    }

    /**
     * Sets a Certificate condition, replacing any condition of the same type. The transition time
     * is {@code now} unless a condition of this type already had the same status, in which case
     * its transition time is kept.
     */
    public static void set(Certificate certificate, String type, String status, String reason, String message,
            Instant now) {
        if (certificate.getStatus() == null) {
            certificate.setStatus(new CertificateStatus());
        }
        CertificateStatus certificateStatus = certificate.getStatus();
        List<CertificateCondition> conditions = mutable(certificateStatus.getConditions());
        certificateStatus.setConditions(conditions);

        CertificateCondition condition = new CertificateCondition()
                .withType(type)
                .withStatus(status)
                .withReason(reason)
                .withMessage(message)
                .withLastTransitionTime(seconds(now))
                .withObservedGeneration(generation(certificate));
        for (int i = 0; i < conditions.size(); i++) {
            CertificateCondition existing = conditions.get(i);
            if (type.equals(existing.getType())) {
                if (status.equals(existing.getStatus()) && existing.getLastTransitionTime() != null) {
                    condition.setLastTransitionTime(existing.getLastTransitionTime());
                }
                conditions.set(i, condition);
                return;
            }
        }
        conditions.add(condition);
    }

    /** Sets a CertificateRequest condition with the same transition-time rule as the Certificate setter. */
    public static void set(CertificateRequest request, String type, String status, String reason, String message,
            Instant now) {
        if (request.getStatus() == null) {
            request.setStatus(new CertificateRequestStatus());
        }
        CertificateRequestStatus requestStatus = request.getStatus();
        List<CertificateRequestCondition> conditions = mutable(requestStatus.getConditions());
        requestStatus.setConditions(conditions);

        CertificateRequestCondition condition = new CertificateRequestCondition()
                .withType(type)
                .withStatus(status)
                .withReason(reason)
                .withMessage(message)
                .withLastTransitionTime(seconds(now));
        for (int i = 0; i < conditions.size(); i++) {
            CertificateRequestCondition existing = conditions.get(i);
            if (type.equals(existing.getType())) {
                if (status.equals(existing.getStatus()) && existing.getLastTransitionTime() != null) {
                    condition.setLastTransitionTime(existing.getLastTransitionTime());
                }
                conditions.set(i, condition);
                return;
            }
        }
        conditions.add(condition);
    }

    /** Sets an Issuer or ClusterIssuer condition with the same rules as the Certificate setter. */
    public static void set(CertManagerResource<IssuerSpec, IssuerStatus> issuer, String type, String status,
            String reason, String message, Instant now) {
        if (issuer.getStatus() == null) {
            issuer.setStatus(new IssuerStatus());
        }
        IssuerStatus issuerStatus = issuer.getStatus();
        List<IssuerCondition> conditions = mutable(issuerStatus.getConditions());
        issuerStatus.setConditions(conditions);

        IssuerCondition condition = new IssuerCondition()
                .withType(type)
                .withStatus(status)
                .withReason(reason)
                .withMessage(message)
                .withLastTransitionTime(seconds(now))
                .withObservedGeneration(generation(issuer));
        for (int i = 0; i < conditions.size(); i++) {
            IssuerCondition existing = conditions.get(i);
            if (type.equals(existing.getType())) {
                if (status.equals(existing.getStatus()) && existing.getLastTransitionTime() != null) {
                    condition.setLastTransitionTime(existing.getLastTransitionTime());
                }
                conditions.set(i, condition);
                return;
            }
        }
        conditions.add(condition);
    }

    /** Removes the Certificate condition of the given type; returns whether one was removed. */
    public static boolean remove(Certificate certificate, String type) {
        CertificateStatus status = certificate.getStatus();
        if (status == null || status.getConditions() == null) {
            return false;
        }
        List<CertificateCondition> conditions = mutable(status.getConditions());
        boolean removed = conditions.removeIf(c -> type.equals(c.getType()));
        status.setConditions(conditions);
        return removed;
    }

    /** Removes the CertificateRequest condition of the given type; returns whether one was removed. */
    public static boolean remove(CertificateRequest request, String type) {
        CertificateRequestStatus status = request.getStatus();
        if (status == null || status.getConditions() == null) {
            return false;
        }
        List<CertificateRequestCondition> conditions = mutable(status.getConditions());
        boolean removed = conditions.removeIf(c -> type.equals(c.getType()));
        status.setConditions(conditions);
        return removed;
    }

    private static <T> List<T> mutable(List<T> list) {
        return list == null ? new ArrayList<>() : new ArrayList<>(list);
    }

    private static Long generation(CertManagerResource<?, ?> resource) {
        return resource.getMetadata() == null ? null : resource.getMetadata().getGeneration();
    }

    private static Instant seconds(Instant now) {
        return now.truncatedTo(ChronoUnit.SECONDS);
    }
}
