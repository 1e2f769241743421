package io.certwright.local;

import io.certwright.api.Json;
import io.certwright.core.cluster.Event;
import io.certwright.core.cluster.EventRecorder;
import io.certwright.core.cluster.ResourceKind;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Events per object, kept in memory and written to one YAML file per object after each
 * change. A repeat of the same source, type, reason and message folds into the earlier
 * entry, raising its count, as Kubernetes does. Thread-safe. A recorder logs a failure and does not throw it.
 *
 * <p>Each object's events have their own lock, held while its file is written, so that recorders
 * for different objects write in parallel while writes for one object stay in order. Events files are
 * replaced atomically but not fsynced (see {@link AtomicFiles#writeUnsynced}).
 */
final class PersistentEvents {
    /** Events kept per object; older ones are dropped so that a failing loop cannot fill the disk. */
    static final int MAX_EVENTS_PER_OBJECT = 100;
    /**
     * Largest events file read at start-up: 100 events with messages of several KB each fit many times, and a
     * larger file is damaged, so it is skipped instead of read into memory.
     */
    static final long MAX_EVENTS_FILE_BYTES = 4L * 1024 * 1024;
    /** Shortest time between two warnings about events that could not be stored. */
    static final Duration STORE_WARNING_INTERVAL = Duration.ofMinutes(1);

    private static final Logger LOG = LoggerFactory.getLogger(PersistentEvents.class);

    private final StateLayout layout;
    private final Clock clock;
    private final ConcurrentHashMap<String, ObjectEvents> byObject = new ConcurrentHashMap<>();
    private final StoreWarnings storeWarnings = new StoreWarnings();

    PersistentEvents(StateLayout layout, Clock clock) {
        this.layout = layout;
        this.clock = clock;
    }

    /**
     * Reads every stored events file; called before any recorder runs. A file or directory that cannot be
     * read, a file larger than {@link #MAX_EVENTS_FILE_BYTES} and an entry with a missing field are skipped
     * with a warning, since events are history only. The object's next event replaces a skipped file.
     */
    void load() {
        Path root = layout.eventsRoot();
        if (!Files.isDirectory(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    loadEntry(file, attributes);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    warnSkipped(file, e);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            warnSkipped(root, e);
        }
    }

    private void loadEntry(Path file, BasicFileAttributes attributes) {
        String name = file.getFileName().toString();
        if (!attributes.isRegularFile()) {
            return;
        }
        if (name.startsWith(".") && name.endsWith(".tmp")) {
            // Left by a write that a crash interrupted before its rename.
            AtomicFiles.deleteQuietly(file);
        } else if (name.endsWith(".yaml")) {
            loadFile(file);
        }
    }

    private void loadFile(Path file) {
        StoredEvents read;
        try {
            read = readFile(file);
        } catch (IOException | RuntimeException e) {
            warnSkipped(file, e);
            return;
        }
        if (read.skipped() > 0) {
            LOG.warn("skipped {} of {} stored events with a missing field or about another object: file={}",
                    read.skipped(), read.skipped() + read.events().size(), file);
        }
        if (!read.events().isEmpty()) {
            Event first = read.events().get(0);
            ObjectEvents stored = new ObjectEvents();
            stored.events.addAll(read.events());
            byObject.put(objectKey(first.kind(), first.namespace(), first.name()), stored);
        }
    }

    /** The usable events of one file, and how many entries of it were dropped. */
    record StoredEvents(List<Event> events, int skipped) {
    }

    /**
     * Reads an events file, keeping the complete entries about the object of the first one. Used by the
     * runtime at start-up and by {@link StoredState} for commands.
     *
     * @throws IOException when the file cannot be read or is larger than {@link #MAX_EVENTS_FILE_BYTES}
     */
    static StoredEvents readFile(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_EVENTS_FILE_BYTES) {
            throw new IOException("the file is " + size + " bytes, larger than the " + MAX_EVENTS_FILE_BYTES
                    + " bytes an events file can hold");
        }
        Event[] read = Json.yaml().readValue(Files.readAllBytes(file), Event[].class);
        List<Event> events = new ArrayList<>();
        for (Event event : read == null ? new Event[0] : read) {
            if (isComplete(event) && (events.isEmpty() || isAboutSameObject(events.get(0), event))) {
                events.add(event);
            }
        }
        return new StoredEvents(List.copyOf(events), (read == null ? 0 : read.length) - events.size());
    }

    /** Returns whether a stored event has every field that recording and printing events read. */
    private static boolean isComplete(Event event) {
        return event != null && event.kind() != null && event.name() != null && event.type() != null
                && event.reason() != null && event.message() != null && event.count() > 0
                && event.firstTimestamp() != null && event.lastTimestamp() != null;
    }

    private static boolean isAboutSameObject(Event first, Event event) {
        return first.kind().equals(event.kind()) && Objects.equals(first.namespace(), event.namespace())
                && first.name().equals(event.name());
    }

    /** Logs a skipped events file or directory with the first line of the reason, never the file's content. */
    private static void warnSkipped(Path path, Exception cause) {
        LOG.warn("could not read stored events, skipping them; the object's next event replaces them: path={},"
                + " error={}", path, shortReason(cause));
    }

    /** Returns the reason of a failure, cut to 200 characters so that a parse error echoes little of the file. */
    private static String shortReason(Exception cause) {
        String line = FailureReasons.describe(cause);
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
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

    List<Event> eventsFor(String kind, String namespace, String name) {
        ObjectEvents stored = byObject.get(objectKey(kind, namespace, name));
        if (stored == null) {
            return List.of();
        }
        synchronized (stored) {
            return List.copyOf(stored.events);
        }
    }

    /** Forgets and deletes the events of a deleted object. */
    void deleteFor(String kind, String namespace, String name) {
        ObjectEvents stored = byObject.remove(objectKey(kind, namespace, name));
        if (stored != null) {
            synchronized (stored) {
                stored.deleted = true;
                AtomicFiles.deleteQuietly(layout.events(kind, namespace, name));
            }
        }
    }

    private void record(String source, HasMetadata object, String type, String reason, String message) {
        String kind = kindOf(object);
        String namespace = object.getMetadata().getNamespace();
        String name = object.getMetadata().getName();
        String key = objectKey(kind, namespace, name);
        while (true) {
            ObjectEvents stored = byObject.computeIfAbsent(key, unused -> new ObjectEvents());
            synchronized (stored) {
                // A concurrent deleteFor removed this entry; record into a fresh one, as a later record would.
                if (!stored.deleted) {
                    record(stored.events, source, kind, namespace, name, type, reason, message);
                    return;
                }
            }
        }
    }

    /** Adds or folds one event into {@code events} and writes the object's events file; called under the object's lock. */
    private void record(List<Event> events, String source, String kind, String namespace, String name, String type,
                        String reason, String message) {
        Instant now = clock.instant();
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
            // Events are history, as in Kubernetes, which keeps them for an hour and may drop them under load,
            // so they are not fsynced: a power failure may lose the latest ones, but no object or Secret.
            AtomicFiles.writeUnsynced(layout.events(kind, namespace, name), Json.yaml().writeValueAsBytes(events),
                    AtomicFiles.PUBLIC_FILE);
        } catch (UncheckedIOException e) {
            warnStoreFailed(now, kind, namespace == null ? name : namespace + "/" + name, shortReason(e.getCause()));
        }
    }

    /**
     * Logs a failed events write at most once per {@link #STORE_WARNING_INTERVAL}, with the number of
     * failures since the last warning, because a state directory that became read-only fails every event.
     */
    private void warnStoreFailed(Instant now, String kind, String object, String reason) {
        int suppressed;
        synchronized (storeWarnings) {
            if (storeWarnings.lastWarned != null
                    && now.isBefore(storeWarnings.lastWarned.plus(STORE_WARNING_INTERVAL))) {
                storeWarnings.suppressed++;
                return;
            }
            suppressed = storeWarnings.suppressed;
            storeWarnings.lastWarned = now;
            storeWarnings.suppressed = 0;
        }
        LOG.warn("could not store events: object={} {}, error={}, failures since the last warning={}; make the"
                + " state directory writable", kind, object, reason, suppressed);
    }

    static String kindOf(HasMetadata object) {
        ResourceKind<?> kind = ResourceKind.of(object);
        return kind == null ? object.getKind() : kind.kind();
    }

    private static String objectKey(String kind, String namespace, String name) {
        return kind + "|" + (namespace == null ? "" : namespace) + "|" + name;
    }

    /** When a failed events write was last logged, and how many failed since. Guarded by itself. */
    private static final class StoreWarnings {
        Instant lastWarned;
        int suppressed;
    }

    /** The events of one object, oldest first, and its lock; {@code deleted} once {@link #deleteFor} removed it. */
    private static final class ObjectEvents {
        final List<Event> events = new ArrayList<>();
        boolean deleted;
    }
}
