package io.certwright.kubernetes;

import io.certwright.core.cluster.Event;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Converts core v1 Events into the port's {@link Event} records. A missing count means one occurrence;
 * a missing lastTimestamp falls back to eventTime, then to firstTimestamp. The controller runtime and
 * the command-line client both use this class, so they report the same events the same way.
 */
public final class EventConversion {
    private EventConversion() {
    }

    /**
     * Returns the Events, oldest last occurrence first.
     *
     * @param objectNamespace namespace of the involved object, null when it is cluster-scoped
     */
    public static List<Event> toPortEvents(List<io.fabric8.kubernetes.api.model.Event> items, String objectNamespace) {
        List<Event> events = new ArrayList<>(items.size());
        for (io.fabric8.kubernetes.api.model.Event item : items) {
            events.add(toPortEvent(item, objectNamespace));
        }
        events.sort(Comparator.comparing(Event::lastTimestamp, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(Event::firstTimestamp, Comparator.nullsFirst(Comparator.naturalOrder())));
        return events;
    }

    /**
     * Returns one Event.
     *
     * @param objectNamespace namespace of the involved object, null when it is cluster-scoped
     */
    public static Event toPortEvent(io.fabric8.kubernetes.api.model.Event item, String objectNamespace) {
        Instant first = parse(item.getFirstTimestamp());
        Instant last = parse(item.getLastTimestamp());
        if (last == null && item.getEventTime() != null) {
            // Events written through the events.k8s.io API carry eventTime instead of the legacy timestamps.
            last = parse(item.getEventTime().getTime());
        }
        int count = item.getCount() == null ? 1 : item.getCount();
        String source = item.getSource() != null && item.getSource().getComponent() != null
                ? item.getSource().getComponent() : item.getReportingComponent();
        return new Event(item.getInvolvedObject().getKind(), objectNamespace, item.getInvolvedObject().getName(),
                item.getType(), item.getReason(), item.getMessage(), count, first, last == null ? first : last,
                source);
    }

    private static Instant parse(String timestamp) {
        return timestamp == null || timestamp.isEmpty() ? null : Instant.parse(timestamp);
    }
}
