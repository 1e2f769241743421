package io.certwright.core.requests;

import io.certwright.api.model.CertificateRequest;
import io.certwright.core.cluster.Cluster;
import io.certwright.core.cluster.ClusterException;
import io.certwright.core.cluster.EventRecorder;
import io.certwright.core.cluster.ObjectKey;
import io.certwright.core.cluster.ResourceKind;
import io.certwright.core.controller.Reconciler;
import io.certwright.core.controller.Result;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * The internal approver ({@code certificaterequests-approver}): approves every CertificateRequest
 * that is neither approved, denied, Issued nor Failed, whatever its issuer. Deployments that want
 * some requests approved elsewhere disable this controller.
 */
final class RequestApprover implements Reconciler {
    static final String REASON = "cert-manager.io";
    static final String MESSAGE = "Certificate request has been approved by cert-manager.io";

    private final Cluster cluster;
    private final Clock clock;
    private final EventRecorder events;

    RequestApprover(Cluster cluster, Clock clock, EventRecorder events) {
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.events = Objects.requireNonNull(events, "events");
    }

    @Override
    public Result reconcile(ObjectKey key) {
        Optional<CertificateRequest> found = cluster.get(ResourceKind.CERTIFICATE_REQUEST, key.namespace(), key.name());
        if (found.isEmpty()) {
            return Result.done();
        }
        CertificateRequest request = found.get();
        String readyReason = RequestConditions.readyReason(request);
        if (RequestConditions.isApproved(request)
                || RequestConditions.isDenied(request)
                || RequestConditions.REASON_FAILED.equals(readyReason)
                || RequestConditions.REASON_ISSUED.equals(readyReason)) {
            return Result.done();
        }

        RequestConditions.set(request, RequestConditions.APPROVED, RequestConditions.TRUE, REASON, MESSAGE,
                clock.instant());
        CertificateRequest stored;
        try {
            stored = cluster.updateStatus(ResourceKind.CERTIFICATE_REQUEST, request);
        } catch (ClusterException.NotFound e) {
            // Deleted since the read above, for example with its Certificate: nothing is left to approve.
            return Result.done();
        }
        events.record(stored, EventRecorder.NORMAL, REASON, MESSAGE);
        return Result.done();
    }
}
