package io.certwright.acme;

import io.certwright.acme.challenges.ChallengeSync;
import io.certwright.acme.dns01.Dns01Options;
import java.time.Duration;
import java.util.Objects;

/**
 * Runtime settings of the challenge solvers.
 *
 * @param checkRetryPeriod wait before re-running a failed self-check, for HTTP-01 and DNS-01 alike
 *     (cert-manager's {@code --dns01-check-retry-period})
 * @param dns01 settings of the DNS-01 solver, or null to run without one; DNS-01 Challenges then fail with
 *     a message saying that the type is not supported
 */
public record AcmeSolverSettings(Duration checkRetryPeriod, Dns01Options dns01) {
    public AcmeSolverSettings {
        Objects.requireNonNull(checkRetryPeriod, "checkRetryPeriod");
        if (checkRetryPeriod.isNegative() || checkRetryPeriod.isZero()) {
            throw new IllegalArgumentException("checkRetryPeriod must be positive, got " + checkRetryPeriod);
        }
    }

    /** cert-manager's defaults, with the DNS-01 solver. */
    public static AcmeSolverSettings defaults() {
        return new AcmeSolverSettings(ChallengeSync.CHECK_RETRY_PERIOD, Dns01Options.defaults());
    }

    /** cert-manager's check retry period, without a DNS-01 solver. */
    public static AcmeSolverSettings http01Only() {
        return new AcmeSolverSettings(ChallengeSync.CHECK_RETRY_PERIOD, null);
    }
}
