package io.certwright.core.certificates.ari;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One renewalInfo response (RFC 9773 section 4.2).
 *
 * @param windowStart start of the suggested renewal window
 * @param windowEnd end of the suggested renewal window, after {@code windowStart}
 * @param explanationUrl the server's {@code explanationURL}, or null
 * @param retryAfter the response's {@code Retry-After}, or {@link Duration#ZERO} when it had none
 */
public record RenewalInfo(Instant windowStart, Instant windowEnd, String explanationUrl, Duration retryAfter) {

    public RenewalInfo {
        Objects.requireNonNull(windowStart, "windowStart");
        Objects.requireNonNull(windowEnd, "windowEnd");
        Objects.requireNonNull(retryAfter, "retryAfter");
        if (!windowStart.isBefore(windowEnd)) {
            throw new IllegalArgumentException("invalid suggestedWindow: start " + windowStart
                    + " must be before end " + windowEnd);
        }
    }
}
