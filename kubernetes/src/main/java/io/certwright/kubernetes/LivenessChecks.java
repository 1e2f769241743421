package io.certwright.kubernetes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The checks behind {@code /livez}: the leader-election watchdog and clock health. The response lists each
 * check as {@code [+]name ok} or {@code [-]name failed: reason}, as Kubernetes health endpoints do, with
 * status 200 when all pass and 500 otherwise.
 */
final class LivenessChecks {
    /** Drift between the wall clock and the monotonic clock beyond which the process is unhealthy. */
    static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

    private final Map<String, Supplier<Optional<String>>> checks = new LinkedHashMap<>();

    LivenessChecks(Supplier<Optional<String>> leaderElectionWatchdog, Clock clock, LongSupplier nanoTime) {
        checks.put("leaderElection", leaderElectionWatchdog);
        checks.put("clockHealth", clockSkew(clock, nanoTime));
    }

    HttpEndpoints.Response livez() {
        StringBuilder body = new StringBuilder();
        boolean healthy = true;
        for (Map.Entry<String, Supplier<Optional<String>>> check : checks.entrySet()) {
            Optional<String> failure = check.getValue().get();
            if (failure.isPresent()) {
                healthy = false;
                body.append("[-]").append(check.getKey()).append(" failed: ").append(failure.get()).append('\n');
            } else {
                body.append("[+]").append(check.getKey()).append(" ok\n");
            }
        }
        body.append(healthy ? "livez check passed\n" : "livez check failed\n");
        return HttpEndpoints.Response.text(healthy ? 200 : 500, body.toString());
    }

    /**
     * Fails once the wall clock has moved more than {@link #MAX_CLOCK_SKEW} away from the monotonic clock
     * since the process started: timers then fire at the wrong wall time. The skew is cumulative, so the
     * check stays failed.
     */
    static Supplier<Optional<String>> clockSkew(Clock clock, LongSupplier nanoTime) {
        Instant wallStart = clock.instant();
        long monotonicStart = nanoTime.getAsLong();
        return () -> {
            Duration wall = Duration.between(wallStart, clock.instant());
            Duration monotonic = Duration.ofNanos(nanoTime.getAsLong() - monotonicStart);
            Duration skew = wall.minus(monotonic).abs();
            if (skew.compareTo(MAX_CLOCK_SKEW) > 0) {
                return Optional.of("the wall clock drifted " + skew.toSeconds() + " s from the monotonic clock,"
                        + " more than " + MAX_CLOCK_SKEW.toSeconds() + " s");
            }
            return Optional.empty();
        };
    }
}
