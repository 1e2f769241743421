package io.certwright.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.certwright.api.model.Certificate;
import io.certwright.api.model.ClusterIssuer;
import io.fabric8.kubernetes.api.model.Event;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class KubernetesEventRecorderTest {
    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00.123456789Z");
    private final KubernetesEventRecorder recorder = new KubernetesEventRecorder(null,
            Clock.fixed(NOW, ZoneOffset.UTC), "cert-manager-certificates-issuing", new EventSeriesCache());

    private static Certificate certificate() {
        Certificate certificate = TestObjects.certificate("team-a", "web");
        certificate.getMetadata().setUid("uid-1");
        certificate.getMetadata().setResourceVersion("12");
        return certificate;
    }

    @Test
    void eventNamesInvolvedObject() {
        Certificate certificate = certificate();
        EventKey key = recorder.keyOf(certificate, "Normal", "Issuing", "The certificate has been successfully issued");

        Event event = recorder.newEvent(key, certificate, "team-a", NOW);

        assertThat(event.getInvolvedObject().getKind()).isEqualTo("Certificate");
        assertThat(event.getInvolvedObject().getApiVersion()).isEqualTo("cert-manager.io/v1");
        assertThat(event.getInvolvedObject().getNamespace()).isEqualTo("team-a");
        assertThat(event.getInvolvedObject().getName()).isEqualTo("web");
        assertThat(event.getInvolvedObject().getUid()).isEqualTo("uid-1");
    }

    @Test
    void eventCarriesReasonMessageTypeAndSource() {
        Certificate certificate = certificate();
        EventKey key = recorder.keyOf(certificate, "Warning", "Failed", "The issuer is not ready");

        Event event = recorder.newEvent(key, certificate, "team-a", NOW);

        assertThat(event.getType()).isEqualTo("Warning");
        assertThat(event.getReason()).isEqualTo("Failed");
        assertThat(event.getMessage()).isEqualTo("The issuer is not ready");
        assertThat(event.getSource().getComponent()).isEqualTo("cert-manager-certificates-issuing");
        assertThat(event.getReportingComponent()).isEqualTo("cert-manager-certificates-issuing");
    }

    @Test
    void firstOccurrenceHasCountOneAndWholeSecondTimes() {
        Certificate certificate = certificate();
        EventKey key = recorder.keyOf(certificate, "Normal", "Issuing", "Issuing certificate as Secret does not exist");

        Event event = recorder.newEvent(key, certificate, "team-a", NOW);

        assertThat(event.getCount()).isEqualTo(1);
        assertThat(event.getFirstTimestamp()).isEqualTo("2026-12-04T10:00:00Z");
        assertThat(event.getLastTimestamp()).isEqualTo("2026-12-04T10:00:00Z");
    }

    @Test
    void eventNameIsObjectNameAndHexNanos() {
        Certificate certificate = certificate();
        EventKey key = recorder.keyOf(certificate, "Normal", "Issuing", "message");

        Event event = recorder.newEvent(key, certificate, "team-a", NOW);

        long nanos = NOW.getEpochSecond() * 1_000_000_000L + NOW.getNano();
        assertThat(event.getMetadata().getName()).isEqualTo("web." + Long.toHexString(nanos));
    }

    @Test
    void clusterScopedObjectHasNoNamespaceInKey() {
        ClusterIssuer issuer = new ClusterIssuer();
        issuer.getMetadata().setName("root");
        issuer.getMetadata().setNamespace("ignored");

        EventKey key = recorder.keyOf(issuer, "Normal", "KeyPairVerified", "Signing CA verified");

        assertThat(key.namespace()).isNull();
        assertThat(key.kind()).isEqualTo("ClusterIssuer");
    }

    @Test
    void sameOccurrenceGivesEqualKeys() {
        EventKey first = recorder.keyOf(certificate(), "Normal", "Issuing", "message");
        EventKey second = recorder.keyOf(certificate(), "Normal", "Issuing", "message");

        assertThat(first).isEqualTo(second);
    }

    @Test
    void differentMessageGivesDifferentKey() {
        EventKey first = recorder.keyOf(certificate(), "Normal", "Issuing", "message");
        EventKey second = recorder.keyOf(certificate(), "Normal", "Issuing", "another message");

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void recordNeverThrowsWhenTheApiFails() {
        // The recorder has no client, so the create fails; the failure must be logged, not raised.
        assertThatCode(() -> recorder.record(certificate(), "Normal", "Issuing", "message"))
                .doesNotThrowAnyException();
    }
}
