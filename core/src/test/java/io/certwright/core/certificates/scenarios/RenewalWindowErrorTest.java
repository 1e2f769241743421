package io.certwright.core.certificates.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.certwright.api.Conditions;
import io.certwright.api.model.CertificateCondition;
import io.certwright.core.cluster.Event;
import io.certwright.core.testing.Harness;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * When no renewal window fits, readiness reports the window error and the certificate still renews at
 * the renewal time computed without windows, late rather than never.
 */
class RenewalWindowErrorTest {
    // The only window opens on 1 January for one hour, before the renewal time of a 24h certificate.
    private static final String CERTIFICATE = """
            apiVersion: cert-manager.io/v1
            kind: Certificate
            metadata: {name: app, namespace: demo}
            spec:
              secretName: app-tls
              dnsNames: [app.example.com]
              duration: 24h
              privateKey: {algorithm: ECDSA}
              issuerRef: {name: selfsigned, kind: Issuer}
              renewal:
                policy: RenewBefore
                windows: [{cron: "0 0 1 1 *", windowDuration: 1h}]
            """;

    @Test
    void readinessReportsWindowError() {
        Scenario scenario = Scenario.create().apply(Scenario.SELF_SIGNED_ISSUER + "---\n" + CERTIFICATE);

        CertificateCondition ready = scenario.condition("app", Conditions.READY).orElseThrow();
        assertThat(ready.getStatus()).isEqualTo(Conditions.FALSE);
        assertThat(ready.getReason()).isEqualTo("WindowError");
        assertThat(ready.getMessage()).startsWith("Could not calculate renewal time: ");
        assertThat(scenario.certificate("app").getStatus().getRenewalTime())
                .isEqualTo(Harness.START.plus(Duration.ofHours(16)));
        assertThat(scenario.event("app", "WindowError").orElseThrow().type()).isEqualTo("Warning");
    }

    @Test
    void renewsAtDesiredTimeDespiteWindowError() {
        Scenario scenario = Scenario.create().apply(Scenario.SELF_SIGNED_ISSUER + "---\n" + CERTIFICATE);

        scenario.advance(Duration.ofHours(16).minusSeconds(1));
        assertThat(scenario.createdRequests()).containsExactly("app-1");

        scenario.advance(Duration.ofSeconds(1));

        assertThat(scenario.createdRequests()).containsExactly("app-1", "app-2");
        assertThat(scenario.issuingStarts("app")).last().isEqualTo("Renewing: Renewing certificate without satisfying"
                + " renewal windows at: 2026-01-01 16:00:00 +0000 UTC");
        assertThat(scenario.events("app")).filteredOn(event -> event.reason().equals("WindowError"))
                .extracting(Event::message)
                .anyMatch(message -> message.startsWith("Renewing certificate without satisfying renewal windows due to "));
    }
}
