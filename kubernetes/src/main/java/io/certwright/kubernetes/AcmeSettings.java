package io.certwright.kubernetes;

import io.certwright.acme.challenges.ChallengeScheduler;
import io.certwright.acme.dns01.Dns01Options;
import io.certwright.kubernetes.http01.SolverSettings;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the ACME controllers in the Kubernetes runtime.
 *
 * @param maxConcurrentChallenges Challenges processed at once ({@code --max-concurrent-challenges})
 * @param checkRetryPeriod wait before re-running a failed self-check ({@code --dns01-check-retry-period}, which
 *     cert-manager applies to HTTP-01 too)
 * @param http01Solver the HTTP-01 solver Pods and the self-check
 * @param dns01 the DNS-01 solver's nameservers and propagation check
 */
public record AcmeSettings(int maxConcurrentChallenges, Duration checkRetryPeriod, SolverSettings http01Solver,
        Dns01Options dns01) {
    /** cert-manager's default of {@code --dns01-check-retry-period}. */
    public static final Duration DEFAULT_CHECK_RETRY_PERIOD = Duration.ofSeconds(10);

    public AcmeSettings {
        if (maxConcurrentChallenges < 1) {
            throw new IllegalArgumentException("--max-concurrent-challenges must be at least 1, got "
                    + maxConcurrentChallenges);
        }
        Objects.requireNonNull(checkRetryPeriod, "checkRetryPeriod");
        if (checkRetryPeriod.isNegative() || checkRetryPeriod.isZero()) {
            throw new IllegalArgumentException("--dns01-check-retry-period must be positive, got " + checkRetryPeriod);
        }
        Objects.requireNonNull(http01Solver, "http01Solver");
        Objects.requireNonNull(dns01, "dns01");
    }

    /** Creates settings with cert-manager's DNS-01 defaults. */
    public AcmeSettings(int maxConcurrentChallenges, Duration checkRetryPeriod, SolverSettings http01Solver) {
        this(maxConcurrentChallenges, checkRetryPeriod, http01Solver, Dns01Options.defaults());
    }

    /**
     * cert-manager's defaults: 60 concurrent challenges, a 10 s check retry period, the default solver Pods and
     * DNS-01 checks through the system nameservers.
     */
    public static AcmeSettings defaults() {
        return new AcmeSettings(ChallengeScheduler.DEFAULT_MAX_CONCURRENT, DEFAULT_CHECK_RETRY_PERIOD,
                SolverSettings.defaults(), Dns01Options.defaults());
    }

    public AcmeSettings withHttp01Solver(SolverSettings solver) {
        return new AcmeSettings(maxConcurrentChallenges, checkRetryPeriod, solver, dns01);
    }

    public AcmeSettings withCheckRetryPeriod(Duration period) {
        return new AcmeSettings(maxConcurrentChallenges, period, http01Solver, dns01);
    }

    public AcmeSettings withDns01(Dns01Options options) {
        return new AcmeSettings(maxConcurrentChallenges, checkRetryPeriod, http01Solver, options);
    }
}
