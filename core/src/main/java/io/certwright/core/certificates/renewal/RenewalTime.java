package io.certwright.core.certificates.renewal;

import java.time.Instant;

/**
 * The outcome of a renewal time calculation.
 *
 * <p>Three shapes occur: a time with no error (renew at {@code time}); no time and no error
 * (renewal is disabled, so never renew automatically); and an error, optionally with a time. When
 * no instant satisfies the renewal windows, {@code time} is the renewal time computed without
 * windows, and the trigger still waits for it; when the configuration itself is unusable (an
 * unknown time zone, an invalid cron expression, a non-positive window duration or an unknown
 * policy), {@code time} is null.
 *
 * @param time when to renew, whole seconds; null when there is none
 * @param error why the renewal windows could not be applied; null when they could
 */
public record RenewalTime(Instant time, String error) {

    /** Returns a result that renews at {@code time}. */
    public static RenewalTime at(Instant time) {
        return new RenewalTime(time, null);
    }

    /** Returns the result for a Certificate whose renewal policy is {@code Disabled}. */
    public static RenewalTime never() {
        return new RenewalTime(null, null);
    }

    /** Returns true when the calculation failed; {@link #time()} may still hold a fallback time. */
    public boolean failed() {
        return error != null;
    }
}
