package io.certwright.core.certificates.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.certwright.core.testing.Harness;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Renewal happens at the renewal time computed from the issued certificate's own lifetime: two thirds
 * through by default, {@code renewBefore} before notAfter while it is shorter than the lifetime, or
 * {@code renewBeforePercentage} of the lifetime before notAfter. The clock is fixed and moved by hand.
 */
class RenewalTimingTest {
    static Stream<Arguments> renewalPoints() {
        return Stream.of(
                Arguments.of("two thirds of the lifetime by default", "duration: 24h", Duration.ofHours(16)),
                Arguments.of("renewBefore before notAfter", "duration: 30h\n  renewBefore: 5h", Duration.ofHours(25)),
                Arguments.of("renewBefore longer than the lifetime falls back to two thirds",
                        "duration: 24h\n  renewBefore: 30h", Duration.ofHours(16)),
                Arguments.of("renewBeforePercentage of the lifetime", "duration: 3h\n  renewBeforePercentage: 25",
                        Duration.ofMinutes(135)),
                Arguments.of("odd lifetime truncated to whole seconds", "duration: 1h0m1s", Duration.ofMinutes(40)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renewalPoints")
    void renewsAtRenewalTime(String description, String lifetime, Duration renewalAfterIssuance) {
        Scenario scenario = Scenario.create().apply(Scenario.SELF_SIGNED_ISSUER + "---\n" + certificate(lifetime));
        Instant expected = Harness.START.plus(renewalAfterIssuance);
        assertThat(scenario.certificate("app").getStatus().getRenewalTime()).isEqualTo(expected);

        scenario.advance(renewalAfterIssuance.minusSeconds(1));
        assertThat(scenario.createdRequests()).containsExactly("app-1");

        scenario.advance(Duration.ofSeconds(1));
        assertThat(scenario.createdRequests()).containsExactly("app-1", "app-2");
        assertThat(scenario.issuingStarts("app")).last().asString()
                .startsWith("Renewing: Renewing certificate as renewal was scheduled at ");
        assertThat(scenario.revision("app")).isEqualTo(2);
        assertThat(scenario.certificate("app").getStatus().getNotBefore()).isEqualTo(expected);
        assertThat(scenario.certificate("app").getStatus().getRenewalTime())
                .isEqualTo(expected.plus(renewalAfterIssuance));
    }

    private static String certificate(String lifetime) {
        return """
                apiVersion: cert-manager.io/v1
                kind: Certificate
                metadata: {name: app, namespace: demo}
                spec:
                  secretName: app-tls
                  dnsNames: [app.example.com]
                  privateKey: {algorithm: ECDSA}
                  issuerRef: {name: selfsigned, kind: Issuer}
                  %s
                """.formatted(lifetime);
    }
}
