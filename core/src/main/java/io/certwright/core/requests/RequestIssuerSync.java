package io.certwright.core.requests;

import io.certwright.api.Json;
import io.certwright.api.model.CertManagerResource;
import io.certwright.api.model.CertificateRequest;
import io.certwright.api.model.CertificateRequestStatus;
import io.certwright.api.model.IssuerReference;
import io.certwright.api.model.IssuerSpec;
import io.certwright.api.model.IssuerStatus;
import io.certwright.core.ControllerOptions;
import io.certwright.core.cluster.Cluster;
import io.certwright.core.cluster.ClusterException;
import io.certwright.core.cluster.EventRecorder;
import io.certwright.core.cluster.ObjectKey;
import io.certwright.core.cluster.ResourceKind;
import io.certwright.core.controller.Reconciler;
import io.certwright.core.controller.Result;
import io.certwright.core.issuers.IssuerBackend;
import io.certwright.core.issuers.IssuerConditions;
import io.certwright.core.issuers.IssuerContext;
import io.certwright.core.issuers.IssuerEvent;
import io.certwright.core.issuers.IssuerType;
import io.certwright.core.issuers.SignResult;
import io.certwright.pki.Pem;
import io.certwright.pki.PkiException;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reconcile step shared by the CertificateRequest issuer controllers
 * ({@code certificaterequests-issuer-<type>}): one instance per issuer type, each signing only
 * requests whose issuer is of its type.
 *
 * <p>Steps, each of which may end the reconcile:
 * <ol>
 *   <li>ignore requests for issuers outside the cert-manager.io group (external issuers);</li>
 *   <li>Denied: mark Ready=False Denied;</li>
 *   <li>InvalidRequest: leave alone;</li>
 *   <li>not Approved: record WaitingForApproval;</li>
 *   <li>already Failed or Issued: leave alone;</li>
 *   <li>resolve the issuer (Pending IssuerNotFound), its type (Pending IssuerTypeMissing; another
 *       type is another controller's business) and its readiness (Pending IssuerNotReady);</li>
 *   <li>a certificate already in status: leave alone;</li>
 *   <li>sign, then store certificate and CA, failing with DecodeError if the chain does not decode.</li>
 * </ol>
 * The status is written once at the end, and only when it changed.
 */
final class RequestIssuerSync implements Reconciler {
    static final String WAITING_FOR_APPROVAL_MESSAGE = "Not signing CertificateRequest until it is Approved";

    private static final Logger log = LoggerFactory.getLogger(RequestIssuerSync.class);

    private final IssuerType type;
    private final IssuerBackend backend;
    private final Cluster cluster;
    private final ControllerOptions options;
    private final EventRecorder events;
    private final RequestReporter reporter;

    RequestIssuerSync(IssuerType type, IssuerBackend backend, Cluster cluster, ControllerOptions options, Clock clock,
            EventRecorder events) {
        this.type = Objects.requireNonNull(type, "type");
        this.backend = Objects.requireNonNull(backend, "backend");
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        this.options = Objects.requireNonNull(options, "options");
        this.events = Objects.requireNonNull(events, "events");
        this.reporter = new RequestReporter(clock, events);
    }

    /** Raised after writing a Pending status whose cause is transient, so the controller retries with backoff. */
    static final class RetryException extends Exception {
        RetryException(String message) {
            super(message);
        }
    }

    @Override
    public Result reconcile(ObjectKey key) throws RetryException {
        Optional<CertificateRequest> found = cluster.get(ResourceKind.CERTIFICATE_REQUEST, key.namespace(), key.name());
        if (found.isEmpty() || found.get().getSpec() == null) {
            return Result.done();
        }
        CertificateRequest request = found.get();
        if (!IssuerLookup.isCertManagerGroup(request.getSpec().getIssuerRef())) {
            return Result.done();
        }

        CertificateRequestStatus before = Json.copy(request.getStatus());
        String retry = process(request);
        if (!Objects.equals(before, request.getStatus())) {
            try {
                cluster.updateStatus(ResourceKind.CERTIFICATE_REQUEST, request);
            } catch (ClusterException.NotFound e) {
                // Deleted since the read above, for example with its Certificate: nothing is left to sign.
                return Result.done();
            }
        }
        if (retry != null) {
            throw new RetryException(retry);
        }
        return Result.done();
    }

    /** Runs the steps on {@code request} in memory; returns an error to retry with, or null. */
    private String process(CertificateRequest request) {
        if (RequestConditions.isDenied(request)) {
            reporter.denied(request);
            return null;
        }
        if (RequestConditions.hasInvalidRequest(request)) {
            return null;
        }
        if (!RequestConditions.isApproved(request)) {
            events.record(request, EventRecorder.NORMAL, "WaitingForApproval", WAITING_FOR_APPROVAL_MESSAGE);
            return null;
        }
        String readyReason = RequestConditions.readyReason(request);
        if (RequestConditions.REASON_FAILED.equals(readyReason) || RequestConditions.REASON_ISSUED.equals(readyReason)) {
            return null;
        }

        Optional<CertManagerResource<IssuerSpec, IssuerStatus>> issuer = readyIssuerOfThisType(request);
        if (issuer.isEmpty()) {
            return null;
        }
        if (request.getStatus() != null && request.getStatus().getCertificate() != null
                && request.getStatus().getCertificate().length > 0) {
            return null;
        }

        SignResult result = backend.sign(request, IssuerContext.of(issuer.get(), options));
        return apply(request, result);
    }

    /**
     * Returns the issuer when it exists, is of this controller's type and is Ready. Otherwise returns
     * empty after marking the request Pending, except for an issuer of another type, which is left to
     * that type's controller.
     */
    private Optional<CertManagerResource<IssuerSpec, IssuerStatus>> readyIssuerOfThisType(CertificateRequest request) {
        IssuerReference reference = request.getSpec().getIssuerRef();
        IssuerLookup.Outcome outcome = IssuerLookup.resolve(cluster, reference, request.getMetadata().getNamespace());
        if (outcome instanceof IssuerLookup.Outcome.NotFound notFound) {
            reporter.pending(request, "IssuerNotFound",
                    "Referenced \"" + IssuerLookup.kind(reference) + "\" not found: " + notFound.detail());
            return Optional.empty();
        }
        CertManagerResource<IssuerSpec, IssuerStatus> issuer = ((IssuerLookup.Outcome.Found) outcome).issuer();

        Optional<IssuerType> issuerType = IssuerType.of(issuer.getSpec());
        if (issuerType.isEmpty()) {
            String namespace = issuer.getMetadata().getNamespace();
            reporter.pending(request, "IssuerTypeMissing", "Missing issuer type: no issuer specified for Issuer '"
                    + (namespace == null ? "" : namespace) + "/" + issuer.getMetadata().getName() + "'");
            return Optional.empty();
        }
        if (issuerType.get() != type) {
            return Optional.empty();
        }
        if (!IssuerConditions.isReady(issuer)) {
            reporter.pending(request, "IssuerNotReady", "Referenced issuer does not have a Ready status condition");
            return Optional.empty();
        }
        return Optional.of(issuer);
    }

    private String apply(CertificateRequest request, SignResult result) {
        for (IssuerEvent event : result.events()) {
            events.record(request, event.type(), event.reason(), event.message());
        }
        if (result instanceof SignResult.Pending pending) {
            reporter.pending(request, pending.reason(), pending.message());
            return pending.retry() ? pending.message() : null;
        }
        if (result instanceof SignResult.Failed failed) {
            reporter.failed(request, failed.reason(), failed.message());
            log.atWarn().addKeyValue("reason", failed.reason()).log("signing failed: {}", failed.message());
            return null;
        }
        SignResult.Signed signed = (SignResult.Signed) result;
        if (request.getStatus() == null) {
            request.setStatus(new CertificateRequestStatus());
        }
        request.getStatus().setCertificate(signed.certificate());
        request.getStatus().setCa(signed.ca());
        try {
            Pem.parseCertificates(signed.certificate());
        } catch (PkiException e) {
            reporter.failed(request, "DecodeError", decodeErrorMessage() + ": " + e.getMessage());
            return null;
        }
        reporter.ready(request);
        log.atDebug().log("certificate issued");
        return null;
    }

    private String decodeErrorMessage() {
        String message = "Failed to decode returned certificate";
        if (type == IssuerType.CA) {
            message += ": with CA issuers, ensure the Certificate's secretName is different from the CA issuer's"
                    + " secretName to avoid overwriting the CA secret";
        }
        return message;
    }
}
