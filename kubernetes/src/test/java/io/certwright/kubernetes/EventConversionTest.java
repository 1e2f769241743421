package io.certwright.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.certwright.core.cluster.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.MicroTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventConversionTest {
    private static io.fabric8.kubernetes.api.model.Event event(String reason, String first, String last, Integer count) {
        return new EventBuilder()
                .withNewMetadata().withNamespace("team-a").withName("web." + reason).endMetadata()
                .withNewInvolvedObject().withKind("Certificate").withNamespace("team-a").withName("web")
                .endInvolvedObject()
                .withType("Normal").withReason(reason).withMessage(reason + " happened")
                .withCount(count).withFirstTimestamp(first).withLastTimestamp(last)
                .withNewSource().withComponent("cert-manager-certificates-trigger").endSource()
                .build();
    }

    @Test
    void fieldsAreCopied() {
        Event converted = EventConversion.toPortEvent(
                event("Issuing", "2026-12-04T10:00:00Z", "2026-12-04T10:05:00Z", 3), "team-a");

        assertThat(converted).isEqualTo(new Event("Certificate", "team-a", "web", "Normal", "Issuing",
                "Issuing happened", 3, Instant.parse("2026-12-04T10:00:00Z"), Instant.parse("2026-12-04T10:05:00Z"),
                "cert-manager-certificates-trigger"));
    }

    @Test
    void missingCountMeansOnce() {
        Event converted = EventConversion.toPortEvent(event("Issuing", "2026-12-04T10:00:00Z", null, null), "team-a");

        assertThat(converted.count()).isEqualTo(1);
        assertThat(converted.lastTimestamp()).isEqualTo(Instant.parse("2026-12-04T10:00:00Z"));
    }

    @Test
    void missingLastTimestampFallsBackToEventTime() {
        io.fabric8.kubernetes.api.model.Event item = event("Issuing", "2026-12-04T10:00:00Z", null, 1);
        item.setEventTime(new MicroTime("2026-12-04T10:07:00Z"));

        Event converted = EventConversion.toPortEvent(item, "team-a");

        assertThat(converted.lastTimestamp()).isEqualTo(Instant.parse("2026-12-04T10:07:00Z"));
    }

    @Test
    void eventsAreOrderedByLastOccurrence() {
        List<Event> events = EventConversion.toPortEvents(List.of(
                event("Later", "2026-12-04T10:00:00Z", "2026-12-04T11:00:00Z", 2),
                event("Earlier", "2026-12-04T10:30:00Z", "2026-12-04T10:30:00Z", 1)), "team-a");

        assertThat(events).extracting(Event::reason).containsExactly("Earlier", "Later");
    }
}
