package io.certwright.acme.challenges;

import java.util.Objects;
import java.util.Optional;

/**
 * The solver for each challenge type a runtime handles.
 *
 * @param http01 solves {@code HTTP-01} Challenges
 * @param dns01 solves {@code DNS-01} Challenges, or null when the runtime has no DNS-01 solver
 */
public record ChallengeSolvers(Solver http01, Solver dns01) {
    public static final String HTTP_01 = "HTTP-01";
    public static final String DNS_01 = "DNS-01";

    public ChallengeSolvers {
        Objects.requireNonNull(http01, "http01");
    }

    /** Returns the solver for a Challenge's {@code spec.type}, or empty when none handles it. */
    public Optional<Solver> forType(String type) {
        if (HTTP_01.equals(type)) {
            return Optional.of(http01);
        }
        if (DNS_01.equals(type)) {
            return Optional.ofNullable(dns01);
        }
        return Optional.empty();
    }
}
