package io.certwright.core.cluster;

import static io.certwright.core.testing.Fixtures.certificate;
import static org.assertj.core.api.Assertions.assertThat;

import io.certwright.api.model.Certificate;
import io.certwright.core.time.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryEventsTest {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private final MutableClock clock = new MutableClock(START);
    private final InMemoryCluster cluster = new InMemoryCluster(clock);
    private final EventRecorder recorder = cluster.events("cert-manager-certificates-trigger");
    private final Certificate web = certificate("web");

    @Test
    void recordStoresEventWithSource() {
        recorder.record(web, EventRecorder.NORMAL, "Issuing", "Issuing certificate as Secret does not exist");

        Event event = cluster.eventsFor(ResourceKind.CERTIFICATE, "default", "web").get(0);
        assertThat(event).isEqualTo(new Event("Certificate", "default", "web", "Normal", "Issuing",
                "Issuing certificate as Secret does not exist", 1, START, START, "cert-manager-certificates-trigger"));
    }

    @Test
    void repeatsFoldIntoOneEvent() {
        recorder.record(web, EventRecorder.WARNING, "Failed", "boom");
        clock.advance(Duration.ofMinutes(1));
        recorder.record(web, EventRecorder.WARNING, "Failed", "boom");

        List<Event> events = cluster.eventsFor(ResourceKind.CERTIFICATE, "default", "web");
        assertThat(events).hasSize(1);
        assertThat(events.get(0).count()).isEqualTo(2);
        assertThat(events.get(0).firstTimestamp()).isEqualTo(START);
        assertThat(events.get(0).lastTimestamp()).isEqualTo(START.plus(Duration.ofMinutes(1)));
    }

    @Test
    void foldedEventMovesToTheEnd() {
        recorder.record(web, EventRecorder.WARNING, "Failed", "boom");
        recorder.record(web, EventRecorder.NORMAL, "Issuing", "issuing");
        recorder.record(web, EventRecorder.WARNING, "Failed", "boom");

        assertThat(cluster.eventsFor(ResourceKind.CERTIFICATE, "default", "web")).extracting(Event::reason)
                .containsExactly("Issuing", "Failed");
    }

    @Test
    void differentMessagesAreSeparateEvents() {
        recorder.record(web, EventRecorder.WARNING, "Failed", "first");
        recorder.record(web, EventRecorder.WARNING, "Failed", "second");

        assertThat(cluster.eventsFor(ResourceKind.CERTIFICATE, "default", "web")).hasSize(2);
    }

    @Test
    void eventsPerObjectAreCapped() {
        for (int i = 0; i < 1_005; i++) {
            recorder.record(web, EventRecorder.WARNING, "Failed", "attempt " + i);
        }

        List<Event> events = cluster.eventsFor(ResourceKind.CERTIFICATE, "default", "web");
        assertThat(events).hasSize(1_000);
        assertThat(events.get(0).message()).isEqualTo("attempt 5");
    }

    @Test
    void allEventsSpansObjects() {
        recorder.record(web, EventRecorder.NORMAL, "Issuing", "one");
        recorder.record(certificate("api"), EventRecorder.NORMAL, "Issuing", "two");

        assertThat(cluster.allEvents()).extracting(Event::name).containsExactly("web", "api");
    }
}
