package io.certwright.core.certificates.trigger;

import io.certwright.api.Conditions;
import io.certwright.api.model.Certificate;
import io.certwright.core.ControllerOptions;
import io.certwright.core.certificates.CertificateConditions;
import io.certwright.core.certificates.LiveCertificates;
import io.certwright.core.certificates.policies.Gatherer;
import io.certwright.core.certificates.policies.Policies;
import io.certwright.core.certificates.policies.PolicyChain;
import io.certwright.core.certificates.policies.PolicyInput;
import io.certwright.core.certificates.policies.SecretOwnership;
import io.certwright.core.certificates.policies.Violation;
import io.certwright.core.certificates.renewal.FailureBackoff;
import io.certwright.core.certificates.renewal.GoTimes;
import io.certwright.core.cluster.Cluster;
import io.certwright.core.cluster.ClusterIndex;
import io.certwright.core.cluster.EventRecorder;
import io.certwright.core.cluster.ObjectKey;
import io.certwright.core.cluster.ResourceKind;
import io.certwright.core.controller.Reconciler;
import io.certwright.core.controller.Result;
import io.fabric8.kubernetes.api.model.Secret;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code certificates-trigger} controller: decides when a Certificate needs a new certificate and
 * starts the issuance by setting {@code Issuing=True} with the reason of the first failed trigger check
 * (Secret missing, data invalid, issuer or spec changed, renewal time reached, ...).
 *
 * <p>It does nothing while an issuance is running, for a Certificate that shares its Secret with an
 * older Certificate, and while the backoff after failed issuances lasts.
 */
public final class TriggerController implements Reconciler {
    public static final String NAME = "certificates-trigger";
    public static final String FIELD_MANAGER = "cert-manager-" + NAME;

    /**
     * Re-check interval for a Certificate that does not own its Secret. Ownership changes only when the
     * other Certificate is deleted or renamed, which the Secret watch does not report, so a slow poll
     * catches it at little cost.
     */
    static final Duration NOT_SECRET_OWNER_RECHECK = Duration.ofMinutes(3);

    static final String EVENT_REASON_ISSUING = "Issuing";

    private static final Logger log = LoggerFactory.getLogger(TriggerController.class);

    private final Cluster cluster;
    private final ControllerOptions options;
    private final Clock clock;
    private final EventRecorder events;
    private final PolicyChain triggerChain;

    public TriggerController(Cluster cluster, ControllerOptions options, Clock clock) {
        this.cluster = cluster;
        this.options = options;
        this.clock = clock;
        this.events = cluster.events(FIELD_MANAGER);
        this.triggerChain = Policies.trigger(clock);
    }

    @Override
    public Result reconcile(ObjectKey key) throws Exception {
        Optional<Certificate> found = LiveCertificates.find(cluster, key);
        if (found.isEmpty()) {
            return Result.done();
        }
        Certificate certificate = found.get();
        if (CertificateConditions.isTrue(certificate, Conditions.ISSUING)) {
            return Result.done();
        }
        if (!ownsSecret(certificate)) {
            log.debug("not triggering issuance: another Certificate owns Secret {}",
                    certificate.getSpec().getSecretName());
            return Result.requeueAfter(NOT_SECRET_OWNER_RECHECK);
        }

        PolicyInput input = Gatherer.gather(cluster, certificate, options.acmeUseAri());

        Optional<Duration> backoff = FailureBackoff.remaining(certificate, input.nextRevisionRequest(), options, clock);
        if (backoff.isPresent()) {
            log.debug("not triggering issuance: backing off for {} after {} failed attempts", backoff.get(),
                    certificate.getStatus().getFailedIssuanceAttempts());
            return Result.requeueAfter(backoff.get());
        }

        Result recheck = recheckAtRenewalTime(certificate);

        Optional<Violation> violation = triggerChain.evaluate(input);
        if (violation.isEmpty()) {
            return recheck;
        }
        startIssuance(certificate, replaceWindowError(certificate, violation.get()));
        return recheck;
    }

    /**
     * Returns true when this Certificate owns its Secret among the Certificates of the namespace that name
     * the same Secret. Without this guard two Certificates would overwrite each other's Secret forever.
     */
    private boolean ownsSecret(Certificate certificate) {
        String namespace = certificate.getMetadata().getNamespace();
        String secretName = certificate.getSpec().getSecretName();
        List<Certificate> sameSecret = cluster.listIndexed(ClusterIndex.CERTIFICATES_BY_SECRET_NAME, namespace,
                secretName);
        Secret secret = cluster.get(ResourceKind.SECRET, namespace, secretName).orElse(null);
        Certificate owner = SecretOwnership.owner(sameSecret, secret);
        return owner == null || owner.getMetadata().getName().equals(certificate.getMetadata().getName());
    }

    /** Schedules a reconcile at {@code status.renewalTime} when it lies in the future. */
    private Result recheckAtRenewalTime(Certificate certificate) {
        Instant renewalTime = certificate.getStatus() == null ? null : certificate.getStatus().getRenewalTime();
        if (renewalTime == null) {
            return Result.done();
        }
        Duration untilRenewal = Duration.between(clock.instant(), renewalTime);
        return untilRenewal.isNegative() || untilRenewal.isZero() ? Result.done() : Result.requeueAfter(untilRenewal);
    }

    /**
     * Turns a renewal-window error into a plain renewal: the renewal time has passed but no renewal
     * window fits, and renewing late is better than never. A Warning event reports the window error.
     */
    private Violation replaceWindowError(Certificate certificate, Violation violation) {
        if (!Conditions.REASON_WINDOW_ERROR.equals(violation.reason())) {
            return violation;
        }
        events.record(certificate, EventRecorder.WARNING, Conditions.REASON_WINDOW_ERROR,
                "Renewing certificate without satisfying renewal windows due to " + violation.message());
        Instant renewalTime = certificate.getStatus() == null ? null : certificate.getStatus().getRenewalTime();
        return new Violation(Conditions.REASON_RENEWING,
                "Renewing certificate without satisfying renewal windows at: " + GoTimes.format(renewalTime));
    }

    private void startIssuance(Certificate certificate, Violation violation) {
        log.info("certificate will be re-issued: reason {}: {}", violation.reason(), violation.message());
        CertificateConditions.set(certificate, Conditions.ISSUING, Conditions.TRUE, violation.reason(),
                violation.message(), clock.instant());
        cluster.updateStatus(ResourceKind.CERTIFICATE, certificate);
        events.record(certificate, EventRecorder.NORMAL, EVENT_REASON_ISSUING, violation.message());
    }
}
