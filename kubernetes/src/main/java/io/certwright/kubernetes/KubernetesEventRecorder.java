package io.certwright.kubernetes;

import io.certwright.core.cluster.EventRecorder;
import io.certwright.core.cluster.ObjectKey;
import io.certwright.core.cluster.ResourceKind;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventSource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import java.net.HttpURLConnection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records events through the core v1 Events API, as client-go's event recorder does: the first
 * occurrence creates an Event named {@code <object name>.<hex timestamp>}, and each repeat (same
 * {@link EventKey}) patches that Event's {@code count} and {@code lastTimestamp}. When the Event was
 * deleted meanwhile (the API server expires Events after an hour by default), a new one is created.
 *
 * <p>Events about cluster-scoped objects go to the {@code default} namespace, where kubectl looks for
 * them. Failures are logged and never raised.
 */
final class KubernetesEventRecorder implements EventRecorder {
    /** Namespace of Events about cluster-scoped objects. */
    static final String CLUSTER_SCOPED_EVENT_NAMESPACE = "default";

    private static final Duration PATCH_TIMEOUT = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(KubernetesEventRecorder.class);

    private final KubernetesClient client;
    private final Clock clock;
    private final String source;
    private final EventSeriesCache series;

    KubernetesEventRecorder(KubernetesClient client, Clock clock, String source, EventSeriesCache series) {
        this.client = client;
        this.clock = clock;
        this.source = source;
        this.series = series;
    }

    @Override
    public void record(HasMetadata object, String type, String reason, String message) {
        try {
            EventKey key = keyOf(object, type, reason, message);
            Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            Optional<EventSeriesCache.Series> previous = series.get(key);
            if (previous.isPresent() && patchRepeat(key, previous.get(), now)) {
                return;
            }
            create(key, object, now);
        } catch (RuntimeException e) {
            log.warn("failed to record event {} ({}) from {} on {} {}: {}", reason, type, source,
                    object.getKind(), ObjectKey.of(object), e.getMessage());
        }
    }

    /** Returns false when the earlier Event no longer exists, so that the caller creates a new one. */
    private boolean patchRepeat(EventKey key, EventSeriesCache.Series previous, Instant now) {
        EventSeriesCache.Series next = previous.next();
        String patch = "{\"count\":" + next.count() + ",\"lastTimestamp\":\"" + format(now) + "\"}";
        int status = patchEvent(previous.eventNamespace(), previous.eventName(), patch);
        if (status == HttpURLConnection.HTTP_NOT_FOUND) {
            series.remove(key);
            return false;
        }
        if (status / 100 != 2) {
            throw new KubernetesClientException("patching Event " + previous.eventNamespace() + "/"
                    + previous.eventName() + " failed with HTTP " + status, status, null);
        }
        series.put(key, next);
        return true;
    }

    /**
     * Sends a strategic merge patch straight to the Event and returns the HTTP status. fabric8's
     * patch DSL reads the object first, which would need {@code get} on events in addition to the
     * {@code create} and {@code patch} that cert-manager's role grants.
     */
    private int patchEvent(String namespace, String name, String patch) {
        String base = client.getMasterUrl().toString().replaceAll("/+$", "");
        HttpRequest request = client.getHttpClient().newHttpRequestBuilder()
                .uri(base + "/api/v1/namespaces/" + namespace + "/events/" + name)
                .method("PATCH", "application/strategic-merge-patch+json", patch)
                .build();
        try {
            HttpResponse<String> response = client.getHttpClient().sendAsync(request, String.class)
                    .get(PATCH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return response.code();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KubernetesClientException("interrupted while patching Event " + namespace + "/" + name, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new KubernetesClientException("patching Event " + namespace + "/" + name + " failed: " + e, e);
        }
    }

    private void create(EventKey key, HasMetadata object, Instant now) {
        String namespace = key.namespace() == null ? CLUSTER_SCOPED_EVENT_NAMESPACE : key.namespace();
        Event event = newEvent(key, object, namespace, now);
        client.v1().events().inNamespace(namespace).resource(event).create();
        series.put(key, new EventSeriesCache.Series(namespace, event.getMetadata().getName(), 1, now));
    }

    Event newEvent(EventKey key, HasMetadata object, String namespace, Instant now) {
        ObjectMeta metadata = new ObjectMeta();
        // client-go's naming scheme: unique per object and nanosecond, readable in kubectl output.
        metadata.setName(key.name() + "." + Long.toHexString(nanos(clock.instant())));
        metadata.setNamespace(namespace);

        ObjectReference involved = new ObjectReference();
        ResourceKind<?> kind = kindOf(object);
        involved.setApiVersion(kind != null ? ApiResources.apiVersion(kind) : object.getApiVersion());
        involved.setKind(key.kind());
        involved.setName(key.name());
        involved.setNamespace(key.namespace());
        involved.setUid(key.uid());
        involved.setResourceVersion(object.getMetadata().getResourceVersion());

        Event event = new Event();
        event.setApiVersion("v1");
        event.setKind("Event");
        event.setMetadata(metadata);
        event.setInvolvedObject(involved);
        event.setType(key.type());
        event.setReason(key.reason());
        event.setMessage(key.message());
        event.setCount(1);
        event.setFirstTimestamp(format(now));
        event.setLastTimestamp(format(now));
        event.setSource(new EventSource(source, null));
        event.setReportingComponent(source);
        event.setReportingInstance(null);
        return event;
    }

    EventKey keyOf(HasMetadata object, String type, String reason, String message) {
        ResourceKind<?> kind = kindOf(object);
        String kindName = kind != null ? kind.kind() : object.getKind();
        boolean namespaced = kind == null || kind.namespaced();
        ObjectMeta metadata = object.getMetadata();
        return new EventKey(source, kindName, namespaced ? metadata.getNamespace() : null, metadata.getName(),
                metadata.getUid(), type, reason, message);
    }

    private static ResourceKind<?> kindOf(HasMetadata object) {
        return ResourceKind.of(object);
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    static String format(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    static Map<String, String> involvedObjectSelector(String kind, String name) {
        return Map.of("involvedObject.kind", kind, "involvedObject.name", name);
    }
}
