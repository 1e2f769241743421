package io.certwright.core.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Events kept in memory, per involved object. A repeat of the same type, reason and message on
 * the same object folds into the earlier entry, raising its count and moving it to the end.
 * Thread-safe.
 */
final class InMemoryEventStore {
    /**
     * Events kept per object; the oldest are dropped beyond it, so that a controller stuck in a
     * failing loop with changing messages cannot fill memory.
     */
    static final int MAX_EVENTS_PER_OBJECT = 1_000;

    private static final Logger log = LoggerFactory.getLogger(InMemoryEventStore.class);

    private final Clock clock;
    private final Map<String, LinkedList<Entry>> byObject = new HashMap<>();
    private long sequence;

    InMemoryEventStore(Clock clock) {
        this.clock = clock;
    }

    EventRecorder recorder(String source) {
        Objects.requireNonNull(source, "source");
        return (object, type, reason, message) -> {
            try {
                record(source, object, type, reason, message);
            } catch (RuntimeException e) {
                log.warn("could not record event {} from {}: {}", reason, source, e.getMessage());
            }
        };
    }

    synchronized List<Event> eventsFor(String kind, String namespace, String name) {
        LinkedList<Entry> entries = byObject.get(objectKey(kind, namespace, name));
        if (entries == null) {
            return List.of();
        }
        return entries.stream().map(entry -> entry.event).toList();
    }

    synchronized List<Event> all() {
        List<Entry> entries = new ArrayList<>();
        byObject.values().forEach(entries::addAll);
        entries.sort(Comparator.comparingLong(entry -> entry.sequence));
        return entries.stream().map(entry -> entry.event).toList();
    }

    private synchronized void record(String source, HasMetadata object, String type, String reason, String message) {
        String kind = kindOf(object);
        String namespace = object.getMetadata().getNamespace();
        String name = object.getMetadata().getName();
        Instant now = clock.instant();
        LinkedList<Entry> entries = byObject.computeIfAbsent(objectKey(kind, namespace, name), key -> new LinkedList<>());

        Event folded = null;
        for (Iterator<Entry> it = entries.iterator(); it.hasNext(); ) {
            Event event = it.next().event;
            if (event.type().equals(type) && event.reason().equals(reason) && event.message().equals(message)
                    && event.source().equals(source)) {
                it.remove();
                folded = new Event(kind, namespace, name, type, reason, message, event.count() + 1,
                        event.firstTimestamp(), now, source);
                break;
            }
        }
        Event event = folded != null ? folded
                : new Event(kind, namespace, name, type, reason, message, 1, now, now, source);
        entries.addLast(new Entry(event, sequence++));
        while (entries.size() > MAX_EVENTS_PER_OBJECT) {
            entries.removeFirst();
        }
    }

    private static String kindOf(HasMetadata object) {
        ResourceKind<?> kind = ResourceKind.of(object);
        return kind == null ? object.getKind() : kind.kind();
    }

    private static String objectKey(String kind, String namespace, String name) {
        return kind + "|" + (namespace == null ? "" : namespace) + "|" + name;
    }

    private record Entry(Event event, long sequence) {
    }
}
