package io.certwright.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RenewalStormTest {
    private static final Instant JUMPED_TO = Instant.parse("2027-02-01T00:00:01Z");

    @Test
    void clockAtCountsFromJump() {
        RenewalStorm.Jump jump = new RenewalStorm.Jump(JUMPED_TO, 1_000_000_000L);

        assertThat(jump.clockAt(3_500_000_000L)).isEqualTo(JUMPED_TO.plusMillis(2500));
    }

    @Test
    void unrenewedCertificateFailsOutcome() {
        RenewalStorm.Due due = new RenewalStorm.Due(Map.of("bench-0/a", JUMPED_TO.plusSeconds(60)),
                JUMPED_TO.minusSeconds(1), 1);

        assertThatThrownBy(() -> RenewalStorm.outcome(due, new RenewalStorm.Jump(JUMPED_TO, 0), key -> null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("bench-0/a was not renewed");
    }

    @Test
    void renewalAfterNotAfterIsMissed() {
        RenewalStorm.Due due = new RenewalStorm.Due(Map.of(
                "bench-0/early", JUMPED_TO.plusSeconds(1),
                "bench-0/late", JUMPED_TO.plusSeconds(60)), JUMPED_TO.minusSeconds(1), 1);
        RenewalStorm.Jump jump = new RenewalStorm.Jump(JUMPED_TO, 0);
        Map<String, Long> renewedNanos = Map.of("bench-0/early", 2_000_000_000L, "bench-0/late", 2_000_000_000L);

        RenewalStorm.Outcome outcome = RenewalStorm.outcome(due, jump, renewedNanos::get);

        assertThat(outcome.missed()).isEqualTo(1);
        assertThat(outcome.lastRenewedNanos()).isEqualTo(2_000_000_000L);
        assertThat(outcome.latencyNanos()).containsExactly(2_000_000_000L, 2_000_000_000L);
    }
}
