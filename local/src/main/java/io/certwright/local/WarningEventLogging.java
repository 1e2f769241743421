package io.certwright.local;

import io.certwright.core.cluster.Cluster;
import io.certwright.core.cluster.EventRecorder;
import io.certwright.core.cluster.ForwardingCluster;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Cluster} that passes every call to another one and also logs each Warning event the
 * controllers record, at WARN, because in the local runtime nobody runs {@code kubectl get
 * events}: the log is where a user sees that an issuer is missing or a signing failed. A repeat
 * of the same event within {@link #REPEAT_WINDOW} is logged at DEBUG only, so a request retried
 * with backoff does not flood the log.
 */
final class WarningEventLogging extends ForwardingCluster {
    /**
     * Time during which an identical Warning (same object, reason and message) is not logged at
     * WARN again. Ten minutes covers several retries of the default backoff while still
     * reminding a user of a problem that lasts.
     */
    static final Duration REPEAT_WINDOW = Duration.ofMinutes(10);
    /** Bound on remembered events; the memory is cleared when it is reached, which at worst repeats a line. */
    private static final int MAX_REMEMBERED = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(WarningEventLogging.class);

    private final Clock clock;
    private final Map<String, Instant> lastLogged = new ConcurrentHashMap<>();

    WarningEventLogging(Cluster delegate, Clock clock) {
        super(delegate);
        this.clock = clock;
    }

    @Override
    public EventRecorder events(String source) {
        EventRecorder recorder = super.events(source);
        return (object, type, reason, message) -> {
            recorder.record(object, type, reason, message);
            if (EventRecorder.WARNING.equals(type)) {
                log(source, object, reason, message);
            }
        };
    }

    private void log(String source, HasMetadata object, String reason, String message) {
        String kind = PersistentEvents.kindOf(object);
        String namespace = object.getMetadata().getNamespace();
        String name = object.getMetadata().getName();
        String key = kind + "|" + namespace + "|" + name + "|" + reason + "|" + message;
        Instant now = clock.instant();
        Instant previous = lastLogged.get(key);
        if (previous != null && Duration.between(previous, now).compareTo(REPEAT_WINDOW) < 0) {
            LOG.debug("warning event repeated: kind={}, object={}, reason={}, source={}: {}", kind,
                    namespace == null ? name : namespace + "/" + name, reason, source, message);
            return;
        }
        if (lastLogged.size() >= MAX_REMEMBERED) {
            lastLogged.clear();
        }
        lastLogged.put(key, now);
        LOG.warn("{} {}: {}: {}", kind, namespace == null ? name : namespace + "/" + name, reason, message);
    }
}
