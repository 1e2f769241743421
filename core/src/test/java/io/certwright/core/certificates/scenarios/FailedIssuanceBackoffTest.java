package io.certwright.core.certificates.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.certwright.api.Conditions;
import io.certwright.api.model.CertificateCondition;
import io.certwright.api.model.CertificateStatus;
import io.certwright.core.certificates.ManualRenewal;
import io.certwright.core.cluster.Event;
import io.certwright.core.cluster.ObjectKey;
import io.certwright.core.testing.Harness;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Failed issuances back off exponentially, 1h doubling to 32h. A spec change or a manual renewal skips
 * the wait without resetting the failure count, and only a success clears it.
 */
class FailedIssuanceBackoffTest {
    private static final String CERTIFICATE = """
            apiVersion: cert-manager.io/v1
            kind: Certificate
            metadata: {name: flaky, namespace: demo}
            spec:
              secretName: flaky-tls
              dnsNames: [flaky.example.com]
              issuerRef: {name: failing, kind: Issuer}
            """;

    private static final Duration SECOND = Duration.ofSeconds(1);

    private final SwitchableIssuerBackend backend = new SwitchableIssuerBackend();
    private final Scenario scenario = Scenario.create(backend.controllers())
            .apply(SwitchableIssuerBackend.ISSUER + "---\n" + CERTIFICATE);

    @Test
    void firstFailureEndsIssuanceWithBackoffFields() {
        CertificateCondition issuing = scenario.condition("flaky", Conditions.ISSUING).orElseThrow();
        assertThat(issuing.getStatus()).isEqualTo(Conditions.FALSE);
        assertThat(issuing.getReason()).isEqualTo("Failed");
        assertThat(issuing.getMessage()).startsWith("The certificate request has failed to complete and will be retried: ");
        assertThat(issuing.getMessage()).contains(SwitchableIssuerBackend.FAILURE_MESSAGE);
        CertificateStatus status = scenario.certificate("flaky").getStatus();
        assertThat(status.getFailedIssuanceAttempts()).isEqualTo(1);
        assertThat(status.getLastFailureTime()).isEqualTo(Harness.START);
        Event warning = scenario.event("flaky", "Failed").orElseThrow();
        assertThat(warning.type()).isEqualTo("Warning");
        assertThat(warning.message()).isEqualTo(issuing.getMessage());
    }

    @Test
    void waitsDoubleUpToCeiling() {
        List<Duration> waits = List.of(Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(4),
                Duration.ofHours(8), Duration.ofHours(16), Duration.ofHours(32), Duration.ofHours(32));
        int attempts = 1;
        for (Duration wait : waits) {
            Instant lastFailure = scenario.certificate("flaky").getStatus().getLastFailureTime();

            scenario.advance(wait.minus(SECOND));
            assertThat(scenario.createdRequests()).as("requests before the %s wait ends", wait).hasSize(attempts);

            scenario.advance(SECOND);
            attempts++;
            assertThat(scenario.createdRequests()).as("requests when the %s wait ends", wait).hasSize(attempts);
            CertificateStatus status = scenario.certificate("flaky").getStatus();
            assertThat(status.getFailedIssuanceAttempts()).isEqualTo(attempts);
            assertThat(status.getLastFailureTime()).isEqualTo(lastFailure.plus(wait));
        }
    }

    @Test
    void failureInSameSecondKeepsRequest() {
        SwitchableIssuerBackend failing = new SwitchableIssuerBackend();
        Scenario midSecond = Scenario.create(failing.controllers());
        midSecond.advance(Duration.ofMillis(500));

        midSecond.apply(SwitchableIssuerBackend.ISSUER + "---\n" + CERTIFICATE);

        assertThat(midSecond.requestChanges).containsExactly("+flaky-1");
        CertificateStatus status = midSecond.certificate("flaky").getStatus();
        assertThat(status.getLastFailureTime()).isEqualTo(Harness.START);
        assertThat(status.getFailedIssuanceAttempts()).isEqualTo(1);
    }

    @Test
    void failedRequestOfSameRevisionIsReplaced() {
        scenario.advance(Duration.ofHours(1));

        assertThat(scenario.requestChanges).containsExactly("+flaky-1", "-flaky-1", "+flaky-1");
        assertThat(scenario.issuingStarts("flaky")).hasSize(2);
    }

    @Test
    void specChangeSkipsWaitWithoutResettingCount() {
        scenario.advance(Duration.ofMinutes(10));
        assertThat(scenario.createdRequests()).hasSize(1);

        scenario.apply(CERTIFICATE.replace("[flaky.example.com]", "[flaky.example.com, www.example.com]"));

        assertThat(scenario.createdRequests()).hasSize(2);
        assertThat(scenario.certificate("flaky").getStatus().getFailedIssuanceAttempts()).isEqualTo(2);
        assertThat(scenario.harness.clock().instant()).isEqualTo(Harness.START.plus(Duration.ofMinutes(10)));
    }

    @Test
    void successClearsFailureFields() {
        backend.setWorking(true);

        scenario.advance(Duration.ofHours(1));

        CertificateStatus status = scenario.certificate("flaky").getStatus();
        assertThat(status.getRevision()).isEqualTo(1);
        assertThat(status.getFailedIssuanceAttempts()).isNull();
        assertThat(status.getLastFailureTime()).isNull();
        assertThat(scenario.condition("flaky", Conditions.ISSUING)).isEmpty();
        assertThat(scenario.isReady("flaky")).isTrue();
    }

    @Test
    void manualRenewalSkipsBackoffAndReplacesFailedRequest() {
        scenario.advance(Duration.ofMinutes(10));
        backend.setWorking(true);

        String output = ManualRenewal.trigger(scenario.harness.cluster(), new ObjectKey("demo", "flaky"),
                scenario.harness.clock());

        assertThat(output).isEqualTo("Manually triggered issuance of Certificate demo/flaky");
        CertificateCondition issuing = scenario.condition("flaky", Conditions.ISSUING).orElseThrow();
        assertThat(issuing.getStatus()).isEqualTo(Conditions.TRUE);
        assertThat(issuing.getReason()).isEqualTo("ManuallyTriggered");
        assertThat(issuing.getMessage()).isEqualTo("Certificate re-issuance manually triggered");
        assertThat(scenario.certificate("flaky").getStatus().getFailedIssuanceAttempts()).isEqualTo(1);

        scenario.harness.settle();

        assertThat(scenario.requestChanges).containsExactly("+flaky-1", "-flaky-1", "+flaky-1");
        assertThat(scenario.request("flaky-1").orElseThrow().getMetadata().getAnnotations())
                .containsEntry("cert-manager.io/certificate-revision", "1");
        assertThat(scenario.revision("flaky")).isEqualTo(1);
        assertThat(scenario.certificate("flaky").getStatus().getFailedIssuanceAttempts()).isNull();
        assertThat(scenario.isReady("flaky")).isTrue();
    }

    @Test
    void manualRenewalReplacesFailedRenewalOfSameRevision() {
        SwitchableIssuerBackend renewing = new SwitchableIssuerBackend();
        renewing.setWorking(true);
        Scenario issued = Scenario.create(renewing.controllers())
                .apply(SwitchableIssuerBackend.ISSUER + "---\n" + CERTIFICATE);
        assertThat(issued.revision("flaky")).isEqualTo(1);
        renewing.setWorking(false);
        ManualRenewal.trigger(issued.harness.cluster(), new ObjectKey("demo", "flaky"), issued.harness.clock());
        issued.harness.settle();
        CertificateStatus failed = issued.certificate("flaky").getStatus();
        assertThat(failed.getFailedIssuanceAttempts()).isEqualTo(1);
        assertThat(failed.getLastFailureTime()).isEqualTo(Harness.START);
        assertThat(issued.request("flaky-2").orElseThrow().getMetadata().getAnnotations())
                .containsEntry("cert-manager.io/certificate-revision", "2");
        assertThat(issued.isReady("flaky")).isTrue();

        issued.advance(Duration.ofMinutes(10));
        assertThat(issued.createdRequests()).containsExactly("flaky-1", "flaky-2");
        renewing.setWorking(true);
        String output = ManualRenewal.trigger(issued.harness.cluster(), new ObjectKey("demo", "flaky"),
                issued.harness.clock());

        assertThat(output).isEqualTo("Manually triggered issuance of Certificate demo/flaky");
        assertThat(issued.certificate("flaky").getStatus().getFailedIssuanceAttempts()).isEqualTo(1);

        issued.harness.settle();

        assertThat(issued.requestChanges).containsSubsequence("+flaky-2", "-flaky-2", "+flaky-2");
        assertThat(issued.createdRequests()).containsExactly("flaky-1", "flaky-2", "flaky-2");
        assertThat(issued.harness.clock().instant()).isEqualTo(Harness.START.plus(Duration.ofMinutes(10)));
        assertThat(issued.request("flaky-2").orElseThrow().getMetadata().getAnnotations())
                .containsEntry("cert-manager.io/certificate-revision", "2");
        CertificateStatus renewed = issued.certificate("flaky").getStatus();
        assertThat(renewed.getRevision()).isEqualTo(2);
        assertThat(renewed.getFailedIssuanceAttempts()).isNull();
        assertThat(renewed.getLastFailureTime()).isNull();
        assertThat(issued.isReady("flaky")).isTrue();
    }
}
