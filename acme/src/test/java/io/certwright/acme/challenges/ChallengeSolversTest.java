package io.certwright.acme.challenges;

import static org.assertj.core.api.Assertions.assertThat;

import io.certwright.api.model.Challenge;
import org.junit.jupiter.api.Test;

class ChallengeSolversTest {
    private final Solver http01 = new NamedSolver();
    private final Solver dns01 = new NamedSolver();

    @Test
    void typeSelectsSolver() {
        ChallengeSolvers solvers = new ChallengeSolvers(http01, dns01);

        assertThat(solvers.forType("HTTP-01")).containsSame(http01);
        assertThat(solvers.forType("DNS-01")).containsSame(dns01);
        assertThat(solvers.forType("TLS-ALPN-01")).isEmpty();
    }

    @Test
    void dns01MissingWithoutDns01Solver() {
        assertThat(new ChallengeSolvers(http01, null).forType("DNS-01")).isEmpty();
    }

    private static final class NamedSolver implements Solver {
        @Override
        public void present(Challenge challenge) {
        }

        @Override
        public void check(Challenge challenge) {
        }

        @Override
        public void cleanUp(Challenge challenge) {
        }
    }
}
