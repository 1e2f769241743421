package io.certwright.local;

import io.certwright.api.Json;
import io.certwright.core.cluster.Event;
import io.certwright.core.cluster.EventRecorder;
import io.certwright.core.cluster.ResourceKind;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Events per object, kept in memory and written to one YAML file per object after each
 * change. A repeat of the same source, type, reason and message folds into the earlier
 * entry, raising its count, as Kubernetes does. Thread-safe. A recorder logs a failure and does not throw it.
 */
final class PersistentEvents {
    /** Events kept per object; older ones are dropped so that a failing loop cannot fill the disk. */
    static final int MAX_EVENTS_PER_OBJECT = 100;

    private static final Logger LOG = LoggerFactory.getLogger(PersistentEvents.class);

    private final StateLayout layout;
    private final Clock clock;
    private final Map<String, List<Event>> byObject = new HashMap<>();

    PersistentEvents(StateLayout layout, Clock clock) {
        this.layout = layout;
        this.clock = clock;
    }

    /** Reads every stored events file. */
    synchronized void load() {
        Path root = layout.eventsRoot();
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.filter(path -> path.toString().endsWith(".yaml"))::iterator) {
                Event[] events = Json.yaml().readValue(Files.readAllBytes(file), Event[].class);
                if (events.length > 0) {
                    Event first = events[0];
                    byObject.put(objectKey(first.kind(), first.namespace(), first.name()),
                            new ArrayList<>(Arrays.asList(events)));
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not read stored events, continuing without them: directory={}, error={}", root,
                    e.getMessage());
        }
    }

    EventRecorder recorder(String source) {
        Objects.requireNonNull(source, "source");
        return (object, type, reason, message) -> {
            try {
                record(source, object, type, reason, message);
            } catch (RuntimeException e) {
                LOG.warn("could not record event: reason={}, source={}, error={}", reason, source, e.getMessage());
            }
        };
    }

    synchronized List<Event> eventsFor(String kind, String namespace, String name) {
        List<Event> events = byObject.get(objectKey(kind, namespace, name));
        return events == null ? List.of() : List.copyOf(events);
    }

    /** Forgets and deletes the events of a deleted object. */
    synchronized void deleteFor(String kind, String namespace, String name) {
        if (byObject.remove(objectKey(kind, namespace, name)) != null) {
            AtomicFiles.deleteQuietly(layout.events(kind, namespace, name));
        }
    }

    private synchronized void record(String source, HasMetadata object, String type, String reason, String message) {
        String kind = kindOf(object);
        String namespace = object.getMetadata().getNamespace();
        String name = object.getMetadata().getName();
        Instant now = clock.instant();
        List<Event> events = byObject.computeIfAbsent(objectKey(kind, namespace, name), key -> new ArrayList<>());
        Event event = new Event(kind, namespace, name, type, reason, message, 1, now, now, source);
        for (Iterator<Event> it = events.iterator(); it.hasNext(); ) {
            Event earlier = it.next();
            if (earlier.type().equals(type) && earlier.reason().equals(reason) && earlier.message().equals(message)
                    && Objects.equals(earlier.source(), source)) {
                it.remove();
                event = new Event(kind, namespace, name, type, reason, message, earlier.count() + 1,
                        earlier.firstTimestamp(), now, source);
                break;
            }
        }
        events.add(event);
        while (events.size() > MAX_EVENTS_PER_OBJECT) {
            events.remove(0);
        }
        try {
            AtomicFiles.write(layout.events(kind, namespace, name), Json.yaml().writeValueAsBytes(events),
                    AtomicFiles.PUBLIC_FILE);
        } catch (UncheckedIOException e) {
            LOG.warn("could not store events: object={}/{}, error={}", namespace, name, e.getMessage());
        }
    }

    static String kindOf(HasMetadata object) {
        for (ResourceKind<?> kind : ResourceKind.ALL) {
            if (kind.type().isInstance(object)) {
                return kind.kind();
            }
        }
        return object.getKind();
    }

    private static String objectKey(String kind, String namespace, String name) {
        return kind + "|" + (namespace == null ? "" : namespace) + "|" + name;
    }
}
