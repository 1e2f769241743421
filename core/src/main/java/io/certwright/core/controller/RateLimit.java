package io.certwright.core.controller;

import java.time.Duration;
import java.util.Objects;

/**
 * Per-key exponential backoff: the n-th consecutive failure of a key (counting from zero) waits
 * {@code base * 2^n}, capped at {@code max}. A successful reconcile resets the count.
 *
 * @param base wait after the first failure
 * @param max ceiling of the doubling wait
 */
public record RateLimit(Duration base, Duration max) {
    /** The certificate controllers' limiter: 1 s doubling to 30 s, as cert-manager's DefaultCertificateRateLimiter. */
    public static final RateLimit CERTIFICATES = new RateLimit(Duration.ofSeconds(1), Duration.ofSeconds(30));

    /**
     * The limiter of CertificateRequest issuer controllers, the approver, Issuer and ClusterIssuer controllers
     * and the shims: 5 s doubling to 5 min, as cert-manager's DefaultItemBasedRateLimiter.
     */
    public static final RateLimit DEFAULT = new RateLimit(Duration.ofSeconds(5), Duration.ofMinutes(5));

    /**
     * The Order and Challenge controllers' limiter: 5 s doubling to 30 min, as cert-manager's
     * DefaultACMERateLimiter, so a failing ACME server is not hammered.
     */
    public static final RateLimit ACME = new RateLimit(Duration.ofSeconds(5), Duration.ofMinutes(30));

    public RateLimit {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(max, "max");
        if (base.isNegative() || base.isZero()) {
            throw new IllegalArgumentException("rate limit base must be positive, got " + base);
        }
        if (max.compareTo(base) < 0) {
            throw new IllegalArgumentException("rate limit max " + max + " is below its base " + base);
        }
    }

    /** Returns the wait before the retry that follows {@code failures} earlier consecutive failures. */
    public Duration delay(int failures) {
        if (failures < 0) {
            throw new IllegalArgumentException("failures must not be negative, got " + failures);
        }
        // Doubling more than 62 times overflows a long; any cap is reached far earlier.
        if (failures >= 62) {
            return max;
        }
        long factor = 1L << failures;
        long baseNanos = base.toNanos();
        if (baseNanos > max.toNanos() / factor) {
            return max;
        }
        return Duration.ofNanos(baseNanos * factor);
    }
}
