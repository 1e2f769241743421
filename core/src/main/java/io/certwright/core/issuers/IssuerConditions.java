package io.certwright.core.issuers;

import io.certwright.api.model.CertManagerResource;
import io.certwright.api.model.IssuerCondition;
import io.certwright.api.model.IssuerSpec;
import io.certwright.api.model.IssuerStatus;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Reads and sets the conditions of Issuers and ClusterIssuers. */
public final class IssuerConditions {
    public static final String READY = "Ready";

    private IssuerConditions() {
    }

    /** Returns true when the issuer has a Ready condition with status True. */
    public static boolean isReady(CertManagerResource<IssuerSpec, IssuerStatus> issuer) {
        IssuerStatus status = issuer.getStatus();
        if (status == null || status.getConditions() == null) {
            return false;
        }
        return status.getConditions().stream()
                .anyMatch(c -> READY.equals(c.getType()) && IssuerSetupResult.TRUE.equals(c.getStatus()));
    }

    /**
     * Sets a condition, replacing one of the same type. {@code lastTransitionTime} becomes {@code now}
     * (truncated to whole seconds, as Kubernetes stores times)
     * only when the status changes (or the condition is new); {@code observedGeneration} is always set.
     */
    public static void set(CertManagerResource<IssuerSpec, IssuerStatus> issuer, String type, String status,
            String reason, String message, long observedGeneration, Instant now) {
        if (issuer.getStatus() == null) {
            issuer.setStatus(new IssuerStatus());
        }
        List<IssuerCondition> conditions = issuer.getStatus().getConditions() == null
                ? new ArrayList<>()
                : new ArrayList<>(issuer.getStatus().getConditions());
        IssuerCondition condition = new IssuerCondition()
                .withType(type)
                .withStatus(status)
                .withReason(reason)
                .withMessage(message)
                .withObservedGeneration(observedGeneration)
                .withLastTransitionTime(now.truncatedTo(ChronoUnit.SECONDS));
        for (int i = 0; i < conditions.size(); i++) {
            IssuerCondition existing = conditions.get(i);
            if (!type.equals(existing.getType())) {
                continue;
            }
            if (Objects.equals(existing.getStatus(), status) && existing.getLastTransitionTime() != null) {
                condition.setLastTransitionTime(existing.getLastTransitionTime());
            }
            conditions.set(i, condition);
            issuer.getStatus().setConditions(conditions);
            return;
        }
        conditions.add(condition);
        issuer.getStatus().setConditions(conditions);
    }
}
