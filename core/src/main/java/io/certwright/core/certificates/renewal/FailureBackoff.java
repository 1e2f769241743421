package io.certwright.core.certificates.renewal;

import io.certwright.api.model.Certificate;
import io.certwright.api.model.CertificateRequest;
import io.certwright.api.model.CertificateStatus;
import io.certwright.core.ControllerOptions;
import io.certwright.core.certificates.policies.RequestMatcher;
import io.certwright.pki.PkiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The wait before a new issuance attempt after failed ones: {@code initial * 2^(attempts - 1)},
 * capped at {@code max}. With the defaults of 1h and 32h the waits are 1h, 2h, 4h, 8h, 16h, 32h,
 * 32h, ... The doubling keeps a broken issuer from being asked every hour forever (a public ACME CA
 * rate-limits such clients), while a spec change skips the wait because the next request would
 * differ.
 */
public final class FailureBackoff {

    private FailureBackoff() {}

    /**
     * Returns the wait after {@code failedIssuanceAttempts} consecutive failures. Null or non-positive
     * attempts give {@code initial}; an overflowing product gives {@code max}; the result is never
     * below {@code initial}, even when {@code max} is.
     */
    public static Duration delay(Integer failedIssuanceAttempts, Duration initial, Duration max) {
        if (failedIssuanceAttempts == null || failedIssuanceAttempts <= 0) {
            return initial;
        }
        Duration delay = doubled(initial, failedIssuanceAttempts - 1)
                .filter(computed -> computed.compareTo(initial) >= 0 && computed.compareTo(max) <= 0)
                .orElse(max);
        return delay.compareTo(initial) < 0 ? initial : delay;
    }

    /** Returns {@code initial * 2^exponent}, or empty when it does not fit in a long of nanoseconds. */
    private static Optional<Duration> doubled(Duration initial, int exponent) {
        if (exponent >= Long.SIZE - 1) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.ofNanos(Math.multiplyExact(initial.toNanos(), 1L << exponent)));
        } catch (ArithmeticException e) {
            return Optional.empty();
        }
    }

    /**
     * Returns how much longer the trigger must wait before asking for a new certificate, or empty
     * when it need not wait. There is no wait when the Certificate has no {@code lastFailureTime};
     * when the next CertificateRequest exists and no longer matches the spec, or cannot be decoded
     * (the user changed something, so a new attempt may succeed); when the configured initial delay
     * is zero or negative; or when the delay has already passed.
     *
     * @param nextRevisionRequest the CertificateRequest for the revision being issued, or null
     */
    public static Optional<Duration> remaining(Certificate certificate, CertificateRequest nextRevisionRequest,
                                               ControllerOptions options, Clock clock) {
        CertificateStatus status = certificate.getStatus();
        Instant lastFailureTime = status == null ? null : status.getLastFailureTime();
        if (lastFailureTime == null) {
            return Optional.empty();
        }
        if (nextRevisionRequest != null && !nextRequestMatchesSpec(certificate, nextRevisionRequest)) {
            return Optional.empty();
        }
        Duration initial = options.minimumBackoff();
        if (initial == null || initial.isZero() || initial.isNegative()) {
            return Optional.empty();
        }

        Duration delay = delay(status.getFailedIssuanceAttempts(), initial, options.maximumBackoff());
        Duration sinceFailure = Duration.between(lastFailureTime, clock.instant());
        if (sinceFailure.compareTo(delay) >= 0) {
            return Optional.empty();
        }
        return Optional.of(delay.minus(sinceFailure));
    }

    private static boolean nextRequestMatchesSpec(Certificate certificate, CertificateRequest nextRevisionRequest) {
        try {
            List<String> mismatches = RequestMatcher.requestMatchesSpec(nextRevisionRequest, certificate.getSpec());
            return mismatches.isEmpty();
        } catch (PkiException e) {
            return false;
        }
    }
}
