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
import java.util.function.BiConsumer;
import java.util.function.Function;

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
    private static final ConditionFields<CertificateCondition> CERTIFICATE = new ConditionFields<>(
            CertificateCondition::getType, CertificateCondition::getStatus,
            CertificateCondition::getLastTransitionTime, CertificateCondition::setLastTransitionTime);
    private static final ConditionFields<CertificateRequestCondition> REQUEST = new ConditionFields<>(
            CertificateRequestCondition::getType, CertificateRequestCondition::getStatus,
            CertificateRequestCondition::getLastTransitionTime, CertificateRequestCondition::setLastTransitionTime);
    private static final ConditionFields<IssuerCondition> ISSUER = new ConditionFields<>(
            IssuerCondition::getType, IssuerCondition::getStatus,
            IssuerCondition::getLastTransitionTime, IssuerCondition::setLastTransitionTime);

    private ConditionsUtil() {
    }

    /** Returns the Certificate condition of the given type, if present. */
    public static Optional<CertificateCondition> get(Certificate certificate, String type) {
        CertificateStatus status = certificate.getStatus();
        return find(status == null ? null : status.getConditions(), CERTIFICATE, type);
    }

    /** Returns the CertificateRequest condition of the given type, if present. */
    public static Optional<CertificateRequestCondition> get(CertificateRequest request, String type) {
        CertificateRequestStatus status = request.getStatus();
        return find(status == null ? null : status.getConditions(), REQUEST, type);
    }

    /** Returns the Issuer or ClusterIssuer condition of the given type, if present. */
    public static Optional<IssuerCondition> get(CertManagerResource<IssuerSpec, IssuerStatus> issuer, String type) {
        IssuerStatus status = issuer.getStatus();
        return find(status == null ? null : status.getConditions(), ISSUER, type);
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
        CertificateCondition condition = new CertificateCondition()
                .withType(type)
                .withStatus(status)
                .withReason(reason)
                .withMessage(message)
                .withLastTransitionTime(seconds(now))
                .withObservedGeneration(generation(certificate));
        certificateStatus.setConditions(withCondition(certificateStatus.getConditions(), condition, CERTIFICATE));
    }

    /** Sets a CertificateRequest condition with the same transition-time rule as the Certificate setter. */
    public static void set(CertificateRequest request, String type, String status, String reason, String message,
            Instant now) {
        if (request.getStatus() == null) {
            request.setStatus(new CertificateRequestStatus());
        }
        CertificateRequestStatus requestStatus = request.getStatus();
        CertificateRequestCondition condition = new CertificateRequestCondition()
                .withType(type)
                .withStatus(status)
                .withReason(reason)
                .withMessage(message)
                .withLastTransitionTime(seconds(now));
        requestStatus.setConditions(withCondition(requestStatus.getConditions(), condition, REQUEST));
    }

    /** Sets an Issuer or ClusterIssuer condition with the same rules as the Certificate setter. */
    public static void set(CertManagerResource<IssuerSpec, IssuerStatus> issuer, String type, String status,
            String reason, String message, Instant now) {
        if (issuer.getStatus() == null) {
            issuer.setStatus(new IssuerStatus());
        }
        IssuerStatus issuerStatus = issuer.getStatus();
        IssuerCondition condition = new IssuerCondition()
                .withType(type)
                .withStatus(status)
                .withReason(reason)
                .withMessage(message)
                .withLastTransitionTime(seconds(now))
                .withObservedGeneration(generation(issuer));
        issuerStatus.setConditions(withCondition(issuerStatus.getConditions(), condition, ISSUER));
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

    /**
     * Accessors of the fields that the three condition classes share, which the generated model classes
     * do not declare in a common supertype.
     */
    private record ConditionFields<C>(Function<C, String> type, Function<C, String> status,
            Function<C, Instant> lastTransitionTime, BiConsumer<C, Instant> setLastTransitionTime) {
    }

    private static <C> Optional<C> find(List<C> conditions, ConditionFields<C> fields, String type) {
        if (conditions == null) {
            return Optional.empty();
        }
        return conditions.stream().filter(c -> type.equals(fields.type().apply(c))).findFirst();
    }

    /**
     * Returns a new mutable list in which {@code condition} replaces the condition of its type, or is
     * appended when there is none. A replaced condition with the same status passes on its transition time.
     */
    private static <C> List<C> withCondition(List<C> current, C condition, ConditionFields<C> fields) {
        List<C> conditions = mutable(current);
        String type = fields.type().apply(condition);
        String status = fields.status().apply(condition);
        for (int i = 0; i < conditions.size(); i++) {
            C existing = conditions.get(i);
            if (type.equals(fields.type().apply(existing))) {
                Instant existingTransition = fields.lastTransitionTime().apply(existing);
                if (status.equals(fields.status().apply(existing)) && existingTransition != null) {
                    fields.setLastTransitionTime().accept(condition, existingTransition);
                }
                conditions.set(i, condition);
                return conditions;
            }
        }
        conditions.add(condition);
        return conditions;
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
