package io.certwright.core.requests;

import io.certwright.api.model.CertificateRequest;
import io.certwright.api.model.CertificateRequestCondition;
import io.certwright.api.model.CertificateRequestStatus;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Condition types, reasons and helpers for CertificateRequest conditions. */
public final class RequestConditions {
    public static final String READY = "Ready";
    public static final String APPROVED = "Approved";
    public static final String DENIED = "Denied";
    public static final String INVALID_REQUEST = "InvalidRequest";

    public static final String TRUE = "True";
    public static final String FALSE = "False";

    /** Ready=False: signing is in progress. */
    public static final String REASON_PENDING = "Pending";
    /** Ready=False: signing failed for good. */
    public static final String REASON_FAILED = "Failed";
    /** Ready=True: the certificate is in status. */
    public static final String REASON_ISSUED = "Issued";
    /** Ready=False: an approval controller denied the request. */
    public static final String REASON_DENIED = "Denied";

    private RequestConditions() {
    }

    public static Optional<CertificateRequestCondition> find(CertificateRequest request, String type) {
        CertificateRequestStatus status = request.getStatus();
        if (status == null || status.getConditions() == null) {
            return Optional.empty();
        }
        return status.getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
    }

    /** Returns true when the request has a condition of {@code type} with status True. */
    public static boolean isTrue(CertificateRequest request, String type) {
        return find(request, type).map(c -> TRUE.equals(c.getStatus())).orElse(false);
    }

    public static boolean isApproved(CertificateRequest request) {
        return isTrue(request, APPROVED);
    }

    public static boolean isDenied(CertificateRequest request) {
        return isTrue(request, DENIED);
    }

    public static boolean hasInvalidRequest(CertificateRequest request) {
        return isTrue(request, INVALID_REQUEST);
    }

    /** Returns the reason of the Ready condition, or "" when there is none. */
    public static String readyReason(CertificateRequest request) {
        return find(request, READY).map(CertificateRequestCondition::getReason).orElse("");
    }

    /**
     * Sets a condition, replacing one of the same type. {@code lastTransitionTime} becomes {@code now}
     * (truncated to whole seconds, as Kubernetes stores times)
     * only when the status changes or the condition is new.
     */
    public static void set(CertificateRequest request, String type, String status, String reason, String message,
            Instant now) {
        if (request.getStatus() == null) {
            request.setStatus(new CertificateRequestStatus());
        }
        List<CertificateRequestCondition> conditions = request.getStatus().getConditions() == null
                ? new ArrayList<>()
                : new ArrayList<>(request.getStatus().getConditions());
        CertificateRequestCondition condition = new CertificateRequestCondition()
                .withType(type)
                .withStatus(status)
                .withReason(reason)
                .withMessage(message)
                .withLastTransitionTime(now.truncatedTo(ChronoUnit.SECONDS));
        for (int i = 0; i < conditions.size(); i++) {
            CertificateRequestCondition existing = conditions.get(i);
            if (!type.equals(existing.getType())) {
                continue;
            }
            if (Objects.equals(existing.getStatus(), status) && existing.getLastTransitionTime() != null) {
                condition.setLastTransitionTime(existing.getLastTransitionTime());
            }
            conditions.set(i, condition);
            request.getStatus().setConditions(conditions);
            return;
        }
        conditions.add(condition);
        request.getStatus().setConditions(conditions);
    }
}
