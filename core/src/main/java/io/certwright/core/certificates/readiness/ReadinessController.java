package io.certwright.core.certificates.readiness;

import io.certwright.api.Conditions;
import io.certwright.api.Json;
import io.certwright.api.SecretKeys;
import io.certwright.api.model.Certificate;
import io.certwright.api.model.CertificateStatus;
import io.certwright.core.certificates.CertificateConditions;
import io.certwright.core.certificates.LiveCertificates;
import io.certwright.core.certificates.ari.RenewalInfoSource;
import io.certwright.core.certificates.policies.Gatherer;
import io.certwright.core.certificates.policies.Policies;
import io.certwright.core.certificates.policies.PolicyChain;
import io.certwright.core.certificates.policies.PolicyInput;
import io.certwright.core.certificates.policies.Violation;
import io.certwright.core.certificates.renewal.RenewalTime;
import io.certwright.core.certificates.renewal.RenewalTimeCalculator;
import io.certwright.core.certificates.secrets.SecretData;
import io.certwright.core.cluster.Cluster;
import io.certwright.core.cluster.EventRecorder;
import io.certwright.core.cluster.ObjectKey;
import io.certwright.core.cluster.ResourceKind;
import io.certwright.core.controller.Reconciler;
import io.certwright.core.controller.Result;
import io.certwright.pki.Pem;
import io.certwright.pki.PkiException;
import io.fabric8.kubernetes.api.model.Secret;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The {@code certificates-readiness} controller: owns the {@code Ready} condition and the
 * {@code notBefore}, {@code notAfter}, {@code renewalTime} and {@code acme} status fields, all derived from
 * the Secret, the current CertificateRequest and, with the feature gate {@code ACMEUseARI}, the ACME
 * server's renewal information (see {@link AriRenewal}). It writes the status only when something changed.
 */
public final class ReadinessController implements Reconciler {
    public static final String NAME = "certificates-readiness";
    public static final String FIELD_MANAGER = "cert-manager-" + NAME;

    private final Cluster cluster;
    private final Clock clock;
    private final EventRecorder events;
    private final PolicyChain readinessChain;
    private final RandomGenerator random;
    private final AriRenewal ari;

    /** Creates the controller with the feature gate {@code ACMEUseARI} off. */
    public ReadinessController(Cluster cluster, Clock clock) {
        this(cluster, clock, RenewalInfoSource.NONE, false, RandomGenerator.getDefault());
    }

    /**
     * Creates the controller.
     *
     * @param renewalInfo the source of ACME renewal information, used only when {@code acmeUseAri} is true
     * @param acmeUseAri the feature gate {@code ACMEUseARI}
     * @param random the source of the random renewal time in an ARI window and of the poll jitter
     */
    public ReadinessController(Cluster cluster, Clock clock, RenewalInfoSource renewalInfo, boolean acmeUseAri,
            RandomGenerator random) {
        this.cluster = cluster;
        this.clock = clock;
        this.events = cluster.events(FIELD_MANAGER);
        this.readinessChain = Policies.readiness(clock);
        this.random = random;
        this.ari = new AriRenewal(cluster, renewalInfo, acmeUseAri, clock, random, events);
    }

    @Override
    public Result reconcile(ObjectKey key) throws Exception {
        Optional<Certificate> found = LiveCertificates.find(cluster, key);
        if (found.isEmpty()) {
            return Result.done();
        }
        Certificate certificate = found.get();
        CertificateStatus before = Json.copy(CertificateConditions.statusOf(certificate));

        PolicyInput input = Gatherer.gather(cluster, certificate);
        setReadyCondition(certificate, readinessChain.evaluate(input));
        Result result = setValidityFields(certificate, input);

        if (!Objects.equals(before, certificate.getStatus())) {
            cluster.updateStatus(ResourceKind.CERTIFICATE, certificate);
        }
        return result;
    }

    private void setReadyCondition(Certificate certificate, Optional<Violation> violation) {
        if (violation.isPresent()) {
            CertificateConditions.set(certificate, Conditions.READY, Conditions.FALSE, violation.get().reason(),
                    violation.get().message(), clock.instant());
        } else {
            CertificateConditions.set(certificate, Conditions.READY, Conditions.TRUE, Conditions.REASON_READY,
                    Conditions.MESSAGE_CERTIFICATE_READY, clock.instant());
        }
    }

    /**
     * Copies the validity of the leaf in {@code tls.crt} into the status and computes the renewal time,
     * from the ACME renewal information when {@link AriRenewal} returns one. The fields are cleared when
     * there is no Secret data or the certificate cannot be parsed. An unparsable certificate clears
     * {@code status.acme} as well.
     *
     * @return when to reconcile again for the next ACME renewal information fetch, or done
     */
    private Result setValidityFields(Certificate certificate, PolicyInput input) {
        CertificateStatus status = CertificateConditions.statusOf(certificate);
        Secret secret = input.secret();
        if (secret == null || SecretData.isEmpty(secret)) {
            clearValidity(status);
            return Result.done();
        }
        Optional<X509Certificate> leaf = leafOf(secret);
        if (leaf.isEmpty()) {
            clearValidity(status);
            status.setAcme(null);
            return Result.done();
        }

        status.setNotBefore(leaf.get().getNotBefore().toInstant());
        status.setNotAfter(leaf.get().getNotAfter().toInstant());
        AriRenewal.Outcome fromAri = ari.update(certificate, leaf.get(), secret);
        RenewalTime renewal = fromAri.renewalTime() != null ? RenewalTime.at(fromAri.renewalTime())
                : RenewalTimeCalculator.renewalTime(status.getNotBefore(), status.getNotAfter(),
                        certificate.getSpec(), null, random);
        status.setRenewalTime(renewal.time());
        if (renewal.failed()) {
            String message = "Could not calculate renewal time: " + renewal.error();
            CertificateConditions.set(certificate, Conditions.READY, Conditions.FALSE, Conditions.REASON_WINDOW_ERROR,
                    message, clock.instant());
            events.record(certificate, EventRecorder.WARNING, Conditions.REASON_WINDOW_ERROR, message);
        }
        return fromAri.recheckAfter() == null ? Result.done() : Result.requeueAfter(fromAri.recheckAfter());
    }

    private static void clearValidity(CertificateStatus status) {
        status.setNotBefore(null);
        status.setNotAfter(null);
        status.setRenewalTime(null);
    }

    private static Optional<X509Certificate> leafOf(Secret secret) {
        try {
            List<X509Certificate> chain = Pem.parseCertificates(SecretData.get(secret, SecretKeys.TLS_CERT));
            return chain.isEmpty() ? Optional.empty() : Optional.of(chain.get(0));
        } catch (PkiException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
