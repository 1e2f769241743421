package io.certwright.core.requests;

import io.certwright.api.model.CertificateRequest;
import io.certwright.core.cluster.EventRecorder;
import io.certwright.api.model.CertificateRequestStatus;
import java.time.Clock;
import java.time.temporal.ChronoUnit;

/**
 * Moves a CertificateRequest's Ready condition and records the matching event. The condition reason
 * is always Pending, Failed, Issued or Denied; the specific reason (e.g. {@code IssuerNotReady}) is
 * the event's. Changes apply to the object in memory; the caller writes it.
 */
final class RequestReporter {
    static final String READY_MESSAGE = "Certificate fetched from issuer successfully";
    static final String DENIED_MESSAGE = "The CertificateRequest was denied by an approval controller";

    private final Clock clock;
    private final EventRecorder events;

    RequestReporter(Clock clock, EventRecorder events) {
        this.clock = clock;
        this.events = events;
    }

    /**
     * Marks the request Pending. The Normal event is recorded only when the request was not already
     * Pending, so a request waiting on its issuer does not flood the event log.
     */
    void pending(CertificateRequest request, String reason, String message) {
        if (!RequestConditions.REASON_PENDING.equals(RequestConditions.readyReason(request))) {
            events.record(request, EventRecorder.NORMAL, reason, message);
        }
        RequestConditions.set(request, RequestConditions.READY, RequestConditions.FALSE,
                RequestConditions.REASON_PENDING, message, clock.instant());
    }

    /** Marks the request Failed for good, sets failureTime unless already set, and records a Warning event. */
    void failed(CertificateRequest request, String reason, String message) {
        setFailureTime(request);
        events.record(request, EventRecorder.WARNING, reason, message);
        RequestConditions.set(request, RequestConditions.READY, RequestConditions.FALSE,
                RequestConditions.REASON_FAILED, message, clock.instant());
    }

    /** Marks the request Denied and sets failureTime; the approval controller records its own event. */
    void denied(CertificateRequest request) {
        setFailureTime(request);
        RequestConditions.set(request, RequestConditions.READY, RequestConditions.FALSE,
                RequestConditions.REASON_DENIED, DENIED_MESSAGE, clock.instant());
    }

    /** Marks the request Issued and records a Normal {@code CertificateIssued} event. */
    void ready(CertificateRequest request) {
        events.record(request, EventRecorder.NORMAL, "CertificateIssued", READY_MESSAGE);
        RequestConditions.set(request, RequestConditions.READY, RequestConditions.TRUE,
                RequestConditions.REASON_ISSUED, READY_MESSAGE, clock.instant());
    }

    private void setFailureTime(CertificateRequest request) {
        if (request.getStatus() == null) {
            request.setStatus(new CertificateRequestStatus());
        }
        if (request.getStatus().getFailureTime() == null) {
            request.getStatus().setFailureTime(clock.instant().truncatedTo(ChronoUnit.SECONDS));
        }
    }
}
