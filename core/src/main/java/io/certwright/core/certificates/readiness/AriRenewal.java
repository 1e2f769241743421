package io.certwright.core.certificates.readiness;

import io.certwright.api.model.ARISuggestedWindow;
import io.certwright.api.model.CertManagerResource;
import io.certwright.api.model.Certificate;
import io.certwright.api.model.CertificateACMEStatus;
import io.certwright.api.model.CertificateARIStatus;
import io.certwright.api.model.CertificateStatus;
import io.certwright.api.model.ClusterIssuer;
import io.certwright.api.model.Issuer;
import io.certwright.api.model.IssuerReference;
import io.certwright.api.model.IssuerSpec;
import io.certwright.api.model.IssuerStatus;
import io.certwright.core.certificates.CertificateConditions;
import io.certwright.core.certificates.ari.AriIssuers;
import io.certwright.core.certificates.ari.RenewalInfo;
import io.certwright.core.certificates.ari.RenewalInfoException;
import io.certwright.core.certificates.ari.RenewalInfoSource;
import io.certwright.core.certificates.policies.IssuerRefs;
import io.certwright.core.certificates.renewal.RenewalTime;
import io.certwright.core.certificates.renewal.RenewalTimeCalculator;
import io.certwright.core.cluster.Cluster;
import io.certwright.core.cluster.EventRecorder;
import io.certwright.core.cluster.ResourceKind;
import io.fabric8.kubernetes.api.model.Secret;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ACME Renewal Information (ARI, RFC 9773) step of the readiness controller: keeps
 * {@code status.acme.ari} up to date for Certificates of ACME issuers that use ARI, and returns the
 * renewal time taken from the server's suggested window on the reconcile that fetched it.
 *
 * <p>Rules, in order:
 * <ol>
 *   <li>An issuer that cannot be found or is not ACME leaves {@code status.acme} untouched.</li>
 *   <li>Gate {@code ACMEUseARI} off, or {@code renewalInformationSource: None}: {@code status.acme} is cleared.</li>
 *   <li>Secret issuer annotations that do not name {@code spec.issuerRef}: Warning {@code ARIError}, cleared.</li>
 *   <li>The server is asked only when {@code nextCheck} is unset or due, or when {@code lastChecked} is before
 *       the certificate's notBefore (the stored window describes an earlier certificate).</li>
 *   <li>A server without ARI clears {@code status.acme}. A failed fetch sets {@code lastError},
 *       {@code lastChecked} and records Warning {@code ARIError}.</li>
 *   <li>On success the window and {@code explanationURL} are stored. The current {@code renewalTime} is kept
 *       when it lies in the window and after notBefore. Otherwise a random instant in the window is drawn and
 *       the renewal windows of {@code spec.renewal} are applied to it.</li>
 *   <li>{@code nextCheck} is now plus {@code Retry-After} (6 h when the server sent none, the default on
 *       errors), clamped to [1 h, 7 d], plus or minus up to 10 % jitter.</li>
 * </ol>
 *
 * <p>NOTE: as in cert-manager v1.21, only the reconcile that fetched returns an ARI-based renewal time.
 * Between fetches the readiness controller computes {@code renewalTime} with the usual formula. The trigger
 * still renews once the stored window has opened, because it reads the window itself.
 */
final class AriRenewal {
    /** Poll interval when the server sends no {@code Retry-After}, and after errors, as in cert-manager v1.21. */
    static final Duration DEFAULT_POLL = Duration.ofHours(6);

    /** Shortest poll interval, so that a server asking for very frequent polls cannot cause a request storm. */
    static final Duration MIN_POLL = Duration.ofHours(1);

    /** Maximum poll interval, so that a revocation announced through ARI is seen within a week. */
    static final Duration MAX_POLL = Duration.ofDays(7);

    /** Jitter as a fraction of the poll interval, so that Certificates issued together do not poll together. */
    static final double JITTER_FRACTION = 0.1;

    static final String REASON_ARI_ERROR = "ARIError";

    private static final Logger log = LoggerFactory.getLogger(AriRenewal.class);

    private final Cluster cluster;
    private final RenewalInfoSource source;
    private final boolean acmeUseAri;
    private final Clock clock;
    private final RandomGenerator random;
    private final EventRecorder events;

    AriRenewal(Cluster cluster, RenewalInfoSource source, boolean acmeUseAri, Clock clock, RandomGenerator random,
            EventRecorder events) {
        this.cluster = cluster;
        this.source = source;
        this.acmeUseAri = acmeUseAri;
        this.clock = clock;
        this.random = random;
        this.events = events;
    }

    /**
     * The outcome for one reconcile.
     *
     * @param renewalTime the ARI-based renewal time, or null when the usual formula applies
     * @param recheckAfter when to reconcile again for the next fetch, or null for no scheduled fetch
     */
    record Outcome(Instant renewalTime, Duration recheckAfter) {
        static final Outcome NONE = new Outcome(null, null);
    }

    /** Updates {@code status.acme} of {@code certificate}, whose Secret {@code secret} contains {@code leaf}. */
    Outcome update(Certificate certificate, X509Certificate leaf, Secret secret) {
        Optional<CertManagerResource<IssuerSpec, IssuerStatus>> issuer = resolveIssuer(certificate);
        if (issuer.isEmpty() || issuer.get().getSpec() == null || issuer.get().getSpec().getAcme() == null) {
            return Outcome.NONE;
        }
        CertificateStatus status = CertificateConditions.statusOf(certificate);
        if (!AriIssuers.enabled(acmeUseAri, issuer.get().getSpec())) {
            status.setAcme(null);
            return Outcome.NONE;
        }
        if (!IssuerRefs.secretAnnotationsMatch(secret, certificate.getSpec().getIssuerRef())) {
            events.record(certificate, EventRecorder.WARNING, REASON_ARI_ERROR, "Secret "
                    + secret.getMetadata().getNamespace() + "/" + secret.getMetadata().getName()
                    + " does not have matching issuer annotations for Certificate "
                    + certificate.getMetadata().getNamespace() + "/" + certificate.getMetadata().getName());
            status.setAcme(null);
            return Outcome.NONE;
        }

        Instant now = clock.instant();
        CertificateARIStatus stored = status.getAcme() == null ? null : status.getAcme().getAri();
        if (!fetchDue(stored, leaf, now)) {
            // Scheduled again on every reconcile, because a restarted process has lost the earlier schedule.
            return new Outcome(null, untilNextCheck(stored, now));
        }
        return fetch(certificate, leaf, issuer.get(), now);
    }

    /**
     * Returns {@code now + clamp(retryAfter, 1 h, 7 d) ± 10 %}, with 6 h for a zero or negative
     * {@code retryAfter}, truncated to seconds as the status stores it.
     */
    static Instant nextCheck(Instant now, Duration retryAfter, RandomGenerator random) {
        Duration poll = retryAfter.isNegative() || retryAfter.isZero() ? DEFAULT_POLL : retryAfter;
        if (poll.compareTo(MIN_POLL) < 0) {
            poll = MIN_POLL;
        }
        if (poll.compareTo(MAX_POLL) > 0) {
            poll = MAX_POLL;
        }
        long spreadNanos = (long) (JITTER_FRACTION * poll.toNanos());
        long jitterNanos = random.nextLong(2 * spreadNanos) - spreadNanos;
        return now.plus(poll).plusNanos(jitterNanos).truncatedTo(ChronoUnit.SECONDS);
    }

    private static boolean fetchDue(CertificateARIStatus stored, X509Certificate leaf, Instant now) {
        Instant nextCheck = stored == null ? null : stored.getNextCheck();
        Instant lastChecked = stored == null ? null : stored.getLastChecked();
        boolean staleForCurrentCertificate = lastChecked != null
                && lastChecked.isBefore(leaf.getNotBefore().toInstant());
        return nextCheck == null || !now.isBefore(nextCheck) || staleForCurrentCertificate;
    }

    private Outcome fetch(Certificate certificate, X509Certificate leaf,
            CertManagerResource<IssuerSpec, IssuerStatus> issuer, Instant now) {
        CertificateStatus status = certificate.getStatus();
        if (status.getAcme() == null) {
            status.setAcme(new CertificateACMEStatus());
        }
        if (status.getAcme().getAri() == null) {
            status.getAcme().setAri(new CertificateARIStatus());
        }
        CertificateARIStatus ari = status.getAcme().getAri();
        Instant checkedAt = now.truncatedTo(ChronoUnit.SECONDS);

        RenewalInfo info;
        try {
            info = source.fetch(issuer, leaf);
        } catch (RenewalInfoException e) {
            if (e.unsupported()) {
                log.atDebug().log("ACME server does not offer renewal information: {}", e.getMessage());
                status.setAcme(null);
                return Outcome.NONE;
            }
            ari.setLastChecked(checkedAt);
            ari.setLastError(e.getMessage());
            ari.setNextCheck(nextCheck(now, DEFAULT_POLL, random));
            events.record(certificate, EventRecorder.WARNING, REASON_ARI_ERROR,
                    "Could not fetch ACME Renewal Information: " + e.getMessage());
            return new Outcome(null, untilNextCheck(ari, now));
        }

        ari.setLastChecked(checkedAt);
        ari.setExplanationURL(info.explanationUrl());
        ari.setSuggestedWindow(new ARISuggestedWindow()
                .withStart(info.windowStart().truncatedTo(ChronoUnit.SECONDS))
                .withEnd(info.windowEnd().truncatedTo(ChronoUnit.SECONDS)));

        Instant renewalTime = keptRenewalTime(status.getRenewalTime(), leaf, info);
        if (renewalTime == null) {
            RenewalTime computed = RenewalTimeCalculator.renewalTime(leaf.getNotBefore().toInstant(),
                    leaf.getNotAfter().toInstant(), certificate.getSpec(),
                    new ARISuggestedWindow().withStart(info.windowStart()).withEnd(info.windowEnd()), random);
            if (computed.failed()) {
                events.record(certificate, EventRecorder.WARNING, REASON_ARI_ERROR,
                        "Could not calculate renewal time using ACME Renewal Information: " + computed.error());
                ari.setLastError(computed.error());
                ari.setNextCheck(nextCheck(now, DEFAULT_POLL, random));
                return new Outcome(computed.time(), untilNextCheck(ari, now));
            }
            renewalTime = computed.time();
        }
        ari.setLastError(null);
        ari.setNextCheck(nextCheck(now, info.retryAfter(), random));
        return new Outcome(renewalTime, untilNextCheck(ari, now));
    }

    /** Returns {@code existing} when it lies after notBefore and within the window (inclusive), or else null. */
    private static Instant keptRenewalTime(Instant existing, X509Certificate leaf, RenewalInfo info) {
        if (existing != null && existing.isAfter(leaf.getNotBefore().toInstant())
                && !existing.isBefore(info.windowStart()) && !existing.isAfter(info.windowEnd())) {
            return existing;
        }
        return null;
    }

    private static Duration untilNextCheck(CertificateARIStatus ari, Instant now) {
        if (ari == null || ari.getNextCheck() == null) {
            return null;
        }
        Duration remaining = Duration.between(now, ari.getNextCheck());
        return remaining.isNegative() ? Duration.ZERO : remaining;
    }

    /** Resolves {@code spec.issuerRef} as cert-manager's issuer helper does: by kind only, ignoring the group. */
    private Optional<CertManagerResource<IssuerSpec, IssuerStatus>> resolveIssuer(Certificate certificate) {
        IssuerReference reference = certificate.getSpec().getIssuerRef();
        if (reference == null || reference.getName() == null || reference.getName().isEmpty()) {
            return Optional.empty();
        }
        String kind = reference.getKind();
        if (kind == null || kind.isEmpty() || Issuer.KIND.equals(kind)) {
            return cluster.get(ResourceKind.ISSUER, certificate.getMetadata().getNamespace(), reference.getName())
                    .map(issuer -> issuer);
        }
        if (ClusterIssuer.KIND.equals(kind)) {
            return cluster.get(ResourceKind.CLUSTER_ISSUER, null, reference.getName()).map(issuer -> issuer);
        }
        return Optional.empty();
    }
}
