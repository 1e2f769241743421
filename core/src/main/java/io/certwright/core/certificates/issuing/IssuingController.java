package io.certwright.core.certificates.issuing;

import io.certwright.api.Conditions;
import io.certwright.api.Defaults;
import io.certwright.api.model.Certificate;
import io.certwright.api.model.CertificateCondition;
import io.certwright.api.model.CertificateRequest;
import io.certwright.api.model.CertificateRequestCondition;
import io.certwright.api.model.CertificateStatus;
import io.certwright.core.ControllerOptions;
import io.certwright.core.certificates.CertificateConditions;
import io.certwright.core.certificates.LiveCertificates;
import io.certwright.core.certificates.keymanager.NextPrivateKeys;
import io.certwright.core.certificates.policies.PrivateKeyMatcher;
import io.certwright.core.certificates.policies.RequestMatcher;
import io.certwright.core.certificates.requestmanager.OwnedRequests;
import io.certwright.core.certificates.requestmanager.RequestManagerController;
import io.certwright.core.certificates.secrets.IssuedData;
import io.certwright.core.cluster.Cluster;
import io.certwright.core.cluster.EventRecorder;
import io.certwright.core.cluster.ObjectKey;
import io.certwright.core.cluster.ResourceKind;
import io.certwright.core.controller.Reconciler;
import io.certwright.core.controller.Result;
import io.certwright.pki.Csrs;
import io.certwright.pki.KeyEncoding;
import io.certwright.pki.Pem;
import io.certwright.pki.PkiException;
import io.certwright.pki.PrivateKeys;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code certificates-issuing} controller: once the CertificateRequest of the next revision is
 * issued, it writes the certificate and the next private key into the Secret, bumps
 * {@code status.revision} and ends the issuance. A failed, denied or invalid request ends the issuance
 * as failed, which starts the trigger's backoff. While the Certificate is not issuing, it keeps the
 * Secret's metadata, keystores and extra output formats in line with the spec.
 */
public final class IssuingController implements Reconciler {
    public static final String NAME = "certificates-issuing";
    public static final String FIELD_MANAGER = "cert-manager-" + NAME;

    static final String EVENT_REASON_ISSUING = "Issuing";
    static final String MESSAGE_ISSUED = "The certificate has been successfully issued";
    static final String MESSAGE_FAILED_PREFIX = "The certificate request has failed to complete and will be retried: ";

    private static final Logger log = LoggerFactory.getLogger(IssuingController.class);

    // NOTE: cert-manager bounds each issuing reconcile by a 10 s timeout. The Cluster port has no
    // per-call deadline, so a slow store or a slow keystore encoding is not cut off here.

    private final Cluster cluster;
    private final Clock clock;
    private final EventRecorder events;
    private final SecretWriter secretWriter;
    private final PostIssuanceReconciler postIssuance;
    private final TemporaryCertificateWriter temporaryCertificates;

    public IssuingController(Cluster cluster, ControllerOptions options, Clock clock) {
        this.cluster = cluster;
        this.clock = clock;
        this.events = cluster.events(FIELD_MANAGER);
        this.secretWriter = new SecretWriter(cluster, options, events);
        this.postIssuance = new PostIssuanceReconciler(cluster, options, clock, secretWriter);
        this.temporaryCertificates = new TemporaryCertificateWriter(cluster, clock, events, secretWriter);
    }

    @Override
    public Result reconcile(ObjectKey key) throws Exception {
        Optional<Certificate> found = LiveCertificates.find(cluster, key);
        if (found.isEmpty()) {
            return Result.done();
        }
        Certificate certificate = found.get();
        if (!CertificateConditions.isTrue(certificate, Conditions.ISSUING)) {
            postIssuance.ensureSecretData(certificate);
            return Result.done();
        }

        Optional<PrivateKey> nextKey = NextPrivateKeys.read(cluster, certificate)
                .filter(candidate -> PrivateKeyMatcher.violations(candidate, certificate.getSpec()).isEmpty());
        if (nextKey.isEmpty()) {
            log.debug("waiting for a next private key that matches the spec");
            return Result.done();
        }

        int nextRevision = OwnedRequests.nextRevision(certificate);
        List<CertificateRequest> requests = OwnedRequests.withRevision(cluster, certificate, nextRevision);
        if (requests.size() != 1) {
            log.debug("waiting for exactly one certificate request of revision {}, found {}", nextRevision,
                    requests.size());
            return Result.done();
        }
        CertificateRequest request = requests.get(0);
        if (!matchesSpecAndKey(certificate, request, nextKey.get())) {
            log.debug("waiting for the request manager to replace out-of-date request {}",
                    request.getMetadata().getName());
            return Result.done();
        }
        if (failedBeforeThisIssuance(certificate, request)) {
            log.debug("waiting for the request manager to replace request {}, which failed in an earlier attempt",
                    request.getMetadata().getName());
            return Result.done();
        }

        return processRequestState(certificate, request, nextKey.get(), nextRevision);
    }

    /** Acts on the request's Denied, InvalidRequest and Ready conditions, in that order. */
    private Result processRequestState(Certificate certificate, CertificateRequest request, PrivateKey nextKey,
            int nextRevision) throws Exception {
        Optional<CertificateRequestCondition> denied = trueCondition(request, Conditions.DENIED);
        if (denied.isPresent()) {
            failIssuance(certificate, denied.get().getReason(), denied.get().getMessage());
            return Result.done();
        }
        Optional<CertificateRequestCondition> invalid = trueCondition(request, Conditions.INVALID_REQUEST);
        if (invalid.isPresent()) {
            failIssuance(certificate, invalid.get().getReason(), invalid.get().getMessage());
            return Result.done();
        }

        Optional<CertificateRequestCondition> ready = condition(request, Conditions.READY);
        if (ready.isEmpty()) {
            return Result.done();
        }
        if (Conditions.REASON_FAILED.equals(ready.get().getReason())) {
            failIssuance(certificate, ready.get().getReason(), ready.get().getMessage());
            return Result.done();
        }
        if (Conditions.REASON_ISSUED.equals(ready.get().getReason())) {
            Optional<String> problem = problemWithIssuedCertificate(request, nextKey);
            if (problem.isPresent()) {
                failIssuance(certificate, Conditions.REASON_INVALID_CERTIFICATE, problem.get());
                return Result.done();
            }
            issue(certificate, request, nextKey, nextRevision);
            return Result.done();
        }

        temporaryCertificates.ensure(certificate, nextKey);
        return Result.done();
    }

    private boolean matchesSpecAndKey(Certificate certificate, CertificateRequest request, PrivateKey nextKey) {
        try {
            if (!RequestMatcher.requestMatchesSpec(request, certificate.getSpec()).isEmpty()) {
                return false;
            }
            PublicKey requestKey = Csrs.parseUnverified(request.getSpec().getRequest()).publicKey();
            return PrivateKeys.publicKeysEqual(requestKey, PrivateKeys.publicKeyOf(nextKey));
        } catch (PkiException | RuntimeException e) {
            log.warn("cannot check certificate request {} against the spec: {}", request.getMetadata().getName(),
                    e.getMessage());
            return false;
        }
    }

    private static boolean failedBeforeThisIssuance(Certificate certificate, CertificateRequest request) {
        Instant issuingSince = CertificateConditions.find(certificate, Conditions.ISSUING)
                .map(CertificateCondition::getLastTransitionTime)
                .orElse(null);
        return issuingSince != null && RequestManagerController.failedBefore(request, issuingSince);
    }

    /**
     * Returns why the certificate a request returned cannot be used: not decodable, for another key, or
     * already expired. Empty when it is usable.
     */
    private Optional<String> problemWithIssuedCertificate(CertificateRequest request, PrivateKey nextKey) {
        byte[] chainPem = request.getStatus().getCertificate();
        List<X509Certificate> chain;
        try {
            chain = chainPem == null ? List.of() : Pem.parseCertificates(chainPem);
        } catch (PkiException e) {
            return Optional.of("The issued certificate cannot be decoded: " + e.getMessage());
        }
        if (chain.isEmpty()) {
            return Optional.of("The CertificateRequest " + request.getMetadata().getName()
                    + " is Ready but its status.certificate contains no certificate");
        }
        X509Certificate leaf = chain.get(0);
        if (!PrivateKeys.publicKeysEqual(leaf.getPublicKey(), PrivateKeys.publicKeyOf(nextKey))) {
            return Optional.of("The issued certificate's public key does not match the private key of the request");
        }
        if (clock.instant().isAfter(leaf.getNotAfter().toInstant())) {
            return Optional.of("The issued certificate has already expired on " + leaf.getNotAfter().toInstant());
        }
        return Optional.empty();
    }

    /**
     * Ends the issuance as failed: counts the attempt and stamps {@code lastFailureTime}, from which the
     * trigger computes its backoff.
     */
    private void failIssuance(Certificate certificate, String reason, String conditionMessage) {
        String message = MESSAGE_FAILED_PREFIX + conditionMessage;
        CertificateStatus status = CertificateConditions.statusOf(certificate);
        Integer attempts = status.getFailedIssuanceAttempts();
        status.setFailedIssuanceAttempts(attempts == null ? 1 : attempts + 1);
        status.setLastFailureTime(clock.instant().truncatedTo(ChronoUnit.SECONDS));
        CertificateConditions.set(certificate, Conditions.ISSUING, Conditions.FALSE, reason, message, clock.instant());
        cluster.updateStatus(ResourceKind.CERTIFICATE, certificate);
        log.info("certificate issuance failed: attempt {}: reason {}: {}", status.getFailedIssuanceAttempts(), reason,
                conditionMessage);
        events.record(certificate, EventRecorder.WARNING, reason, message);
    }

    /** Writes the Secret, records the new revision and ends the issuance. */
    private void issue(Certificate certificate, CertificateRequest request, PrivateKey nextKey, int nextRevision)
            throws Exception {
        KeyEncoding encoding = KeyEncoding.valueOf(Defaults.encoding(certificate.getSpec().getPrivateKey()));
        byte[] keyPem = PrivateKeys.encodePem(nextKey, encoding).getBytes(StandardCharsets.US_ASCII);
        secretWriter.write(certificate, new IssuedData(keyPem, request.getStatus().getCertificate(),
                request.getStatus().getCa(), request.getSpec().getIssuerRef()));

        CertificateStatus status = CertificateConditions.statusOf(certificate);
        status.setRevision(nextRevision);
        status.setFailedIssuanceAttempts(null);
        status.setLastFailureTime(null);
        CertificateConditions.remove(certificate, Conditions.ISSUING);
        cluster.updateStatus(ResourceKind.CERTIFICATE, certificate);
        log.info("certificate issued: revision {} from request {}", nextRevision, request.getMetadata().getName());
        events.record(certificate, EventRecorder.NORMAL, EVENT_REASON_ISSUING, MESSAGE_ISSUED);
    }

    private static Optional<CertificateRequestCondition> condition(CertificateRequest request, String type) {
        if (request.getStatus() == null || request.getStatus().getConditions() == null) {
            return Optional.empty();
        }
        return request.getStatus().getConditions().stream()
                .filter(condition -> type.equals(condition.getType()))
                .findFirst();
    }

    private static Optional<CertificateRequestCondition> trueCondition(CertificateRequest request, String type) {
        return condition(request, type).filter(condition -> Conditions.TRUE.equals(condition.getStatus()));
    }
}
