package io.certwright.core.certificates.renewal;

import io.certwright.api.GoDuration;
import io.certwright.api.model.ARISuggestedWindow;
import io.certwright.api.model.CertificateRenewal;
import io.certwright.api.model.CertificateSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.random.RandomGenerator;

/**
 * Computes when a certificate should be renewed, from the certificate's own validity period and
 * the Certificate's {@code renewBefore}, {@code renewBeforePercentage} and {@code renewal} fields.
 *
 * <p>The lifetime is the issued certificate's {@code notAfter - notBefore}, not the requested
 * duration, because issuers may shorten or backdate certificates. How long before expiry to renew:
 * <ol>
 *   <li>{@code renewBefore}, when {@code 0 < renewBefore < lifetime};</li>
 *   <li>else {@code lifetime * renewBeforePercentage / 100}, when {@code 0 < pct < 100};</li>
 *   <li>else {@code lifetime / 3}, so renewal happens two thirds of the way through.</li>
 * </ol>
 * The result is truncated to whole seconds, because it is stored in {@code status.renewalTime} with
 * second precision and compared against the stored value later; an untruncated time could be a
 * fraction of a second later than the stored one, and the certificate would never look due. A
 * renewal window suggested by the ACME server (ARI) replaces this with a random instant inside the
 * window. Policy {@code Disabled} means no renewal time; policy {@code RenewBefore} applies the
 * cron renewal windows.
 */
public final class RenewalTimeCalculator {

    /** {@code spec.renewal.policy} value that keeps the default renewal behaviour, optionally with windows. */
    public static final String POLICY_RENEW_BEFORE = "RenewBefore";

    /** {@code spec.renewal.policy} value that turns automatic renewal off. */
    public static final String POLICY_DISABLED = "Disabled";

    private RenewalTimeCalculator() {}

    /**
     * Computes the renewal time of a certificate valid from {@code notBefore} to {@code notAfter}.
     *
     * @param spec the Certificate spec; only {@code renewBefore}, {@code renewBeforePercentage} and
     *     {@code renewal} are read. An unparsable {@code renewBefore} is treated as unset, because the
     *     admission webhook rejects it before it can be stored.
     * @param ariWindow the ACME server's suggested renewal window, or null; it is used only when both
     *     its start and end are set
     * @param random the source of the random instant inside an ARI window
     */
    public static RenewalTime renewalTime(Instant notBefore, Instant notAfter, CertificateSpec spec,
                                          ARISuggestedWindow ariWindow, RandomGenerator random) {
        Instant desired;
        if (ariWindow != null && ariWindow.getStart() != null && ariWindow.getEnd() != null) {
            desired = randomInstant(ariWindow.getStart(), ariWindow.getEnd(), random).truncatedTo(ChronoUnit.SECONDS);
        } else {
            Duration lifetime = Duration.between(notBefore, notAfter);
            Duration renewBefore = renewBefore(lifetime, spec);
            desired = notAfter.minus(renewBefore).truncatedTo(ChronoUnit.SECONDS);
        }

        CertificateRenewal renewal = spec == null ? null : spec.getRenewal();
        if (renewal == null) {
            return RenewalTime.at(desired);
        }
        String policy = renewal.getPolicy();
        if (POLICY_DISABLED.equals(policy)) {
            return RenewalTime.never();
        }
        if (POLICY_RENEW_BEFORE.equals(policy)) {
            return RenewalWindows.apply(notBefore, notAfter, desired, renewal.getWindows());
        }
        return new RenewalTime(null, "unsupported renewal policy: " + (policy == null ? "" : policy)
                + "; set spec.renewal.policy to RenewBefore or Disabled");
    }

    /** Returns how long before {@code notAfter} to renew a certificate that lives {@code lifetime}. */
    static Duration renewBefore(Duration lifetime, CertificateSpec spec) {
        Duration explicit = parseRenewBefore(spec);
        if (explicit != null && explicit.compareTo(Duration.ZERO) > 0 && explicit.compareTo(lifetime) < 0) {
            return explicit;
        }
        Integer percentage = spec == null ? null : spec.getRenewBeforePercentage();
        if (percentage != null && percentage > 0 && percentage < 100) {
            // Floating point, as upstream, so that long lifetimes times 99 cannot overflow.
            double nanos = (double) lifetime.toNanos() * percentage / 100;
            return Duration.ofNanos((long) nanos);
        }
        return lifetime.dividedBy(3);
    }

    private static Duration parseRenewBefore(CertificateSpec spec) {
        String text = spec == null ? null : spec.getRenewBefore();
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return GoDuration.parse(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Returns a uniformly random instant in {@code [start, end)}, or {@code start} when the window is empty. */
    private static Instant randomInstant(Instant start, Instant end, RandomGenerator random) {
        if (!start.isBefore(end)) {
            return start;
        }
        long windowNanos;
        try {
            windowNanos = Duration.between(start, end).toNanos();
        } catch (ArithmeticException e) {
            windowNanos = Long.MAX_VALUE;
        }
        return start.plusNanos(random.nextLong(windowNanos));
    }
}
