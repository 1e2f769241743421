package io.certwright.core.testing;

import io.certwright.api.Json;
import io.certwright.api.model.CertManagerResource;
import io.certwright.api.model.Certificate;
import io.certwright.api.model.CertificateRequest;
import io.certwright.core.ControllerOptions;
import io.certwright.core.cluster.Event;
import io.certwright.core.cluster.InMemoryCluster;
import io.certwright.core.cluster.ResourceKind;
import io.certwright.core.controller.ControllerManager;
import io.certwright.core.time.MutableClock;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;

/**
 * Runs controllers against an {@link InMemoryCluster} on a {@link MutableClock}, driven synchronously: each
 * helper that changes state leaves the controllers to settle on request, and time moves only through
 * {@link #advance}. The clock starts at {@link #START}; the cluster resource namespace is
 * {@value #CLUSTER_RESOURCE_NAMESPACE}.
 *
 * <pre>{@code
 * Harness harness = Harness.create((manager, cluster, options, clock) -> manager.register(...));
 * harness.apply("""
 *     apiVersion: cert-manager.io/v1
 *     kind: Certificate
 *     ...""");
 * harness.settle();
 * harness.advance(Duration.ofDays(60));
 * }</pre>
 */
public final class Harness {
    public static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    public static final String CLUSTER_RESOURCE_NAMESPACE = "cert-manager";
    public static final String DEFAULT_NAMESPACE = "default";

    private final MutableClock clock = new MutableClock(START);
    private final InMemoryCluster cluster = new InMemoryCluster(clock);
    private final ControllerManager manager = new ControllerManager(cluster, clock);
    private final ControllerOptions options;

    private Harness(ControllerOptions options) {
        this.options = options;
    }

    /** Returns the default options of a harness: the upstream defaults with namespace {@code cert-manager}. */
    public static ControllerOptions defaultOptions() {
        return ControllerOptions.defaults().withClusterResourceNamespace(CLUSTER_RESOURCE_NAMESPACE);
    }

    /** Builds a harness with {@link #defaultOptions()} and registers the given controller sets. */
    public static Harness create(ControllerSet... controllers) {
        return create(defaultOptions(), controllers);
    }

    /** Builds a harness with the given options and registers the given controller sets. */
    public static Harness create(ControllerOptions options, ControllerSet... controllers) {
        Harness harness = new Harness(options);
        for (ControllerSet set : controllers) {
            set.register(harness.manager, harness.cluster, harness.options, harness.clock);
        }
        return harness;
    }

    /** Builds a harness with {@link #defaultOptions()} and lets {@code register} wire controllers through it. */
    public static Harness create(Consumer<Harness> register) {
        Harness harness = new Harness(defaultOptions());
        register.accept(harness);
        return harness;
    }

    public MutableClock clock() {
        return clock;
    }

    public InMemoryCluster cluster() {
        return cluster;
    }

    public ControllerManager manager() {
        return manager;
    }

    public ControllerOptions options() {
        return options;
    }

    /**
     * Creates or updates every object of a multi-document YAML string: Certificates, CertificateRequests,
     * Issuers, ClusterIssuers and Secrets. Namespaced objects without a namespace go to
     * {@value #DEFAULT_NAMESPACE}. An update replaces metadata and spec regardless of resourceVersion; a
     * {@code status} in the YAML is written with a status update after. Does not settle.
     *
     * @return the stored objects, in document order
     */
    public List<HasMetadata> apply(String yaml) {
        List<HasMetadata> stored = new ArrayList<>();
        try (MappingIterator<JsonNode> documents = Json.yaml().readerFor(JsonNode.class).readValues(yaml)) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document == null || document.isNull() || document.isEmpty()) {
                    continue;
                }
                stored.add(applyDocument(document));
            }
        }
        return stored;
    }

    /** Creates or updates one object, as {@link #apply(String)} does for each document. */
    public <T extends HasMetadata> T apply(T object) {
        @SuppressWarnings("unchecked")
        ResourceKind<T> kind = (ResourceKind<T>) kindOf(object);
        return applyObject(kind, object);
    }

    /** Runs every due reconcile until none is due; returns the number of reconciles. */
    public int settle() {
        return manager.runUntilIdle();
    }

    /**
     * Settles, then moves the clock forward by {@code duration} in steps: to each delayed key's due time
     * inside the span, settling at each step, so that reconciles scheduled along the way run at their time.
     * Ends at exactly the target time, settled.
     */
    public void advance(Duration duration) {
        Instant target = clock.instant().plus(duration);
        settle();
        while (true) {
            Optional<Instant> next = manager.nextDueTime();
            if (next.isEmpty() || next.get().isAfter(target)) {
                break;
            }
            if (next.get().isAfter(clock.instant())) {
                clock.set(next.get());
            }
            settle();
        }
        clock.set(target);
        settle();
    }

    /** Returns the Certificate; fails the test when it does not exist. */
    public Certificate certificate(String namespace, String name) {
        return require(ResourceKind.CERTIFICATE, namespace, name);
    }

    /** Returns the Secret; fails the test when it does not exist. */
    public Secret secret(String namespace, String name) {
        return require(ResourceKind.SECRET, namespace, name);
    }

    /** Returns the Secret, or empty when it does not exist. */
    public Optional<Secret> findSecret(String namespace, String name) {
        return cluster.get(ResourceKind.SECRET, namespace, name);
    }

    /** Returns the CertificateRequests of a namespace, ordered by name. */
    public List<CertificateRequest> requests(String namespace) {
        return cluster.list(ResourceKind.CERTIFICATE_REQUEST, namespace);
    }

    /** Returns the events recorded about an object, oldest first. */
    public List<Event> events(HasMetadata object) {
        return cluster.eventsFor(kindOf(object), object.getMetadata().getNamespace(), object.getMetadata().getName());
    }

    /** Returns the events recorded about an object named by kind, namespace and name, oldest first. */
    public List<Event> events(ResourceKind<?> kind, String namespace, String name) {
        return cluster.eventsFor(kind, namespace, name);
    }

    /** Returns every recorded event. */
    public List<Event> events() {
        return cluster.allEvents();
    }

    /** Returns the reasons of the events about an object, oldest first, for compact assertions. */
    public List<String> eventReasons(HasMetadata object) {
        return events(object).stream().map(Event::reason).toList();
    }

    private HasMetadata applyDocument(JsonNode document) {
        String kindName = document.path("kind").asString("");
        ResourceKind<?> kind = ResourceKind.byKind(kindName);
        if (kind == null) {
            throw new IllegalArgumentException("cannot apply a document of kind '" + kindName
                    + "'; supported kinds: " + ResourceKind.ALL);
        }
        return applyTyped(kind, document);
    }

    private <T extends HasMetadata> T applyTyped(ResourceKind<T> kind, JsonNode document) {
        T object = Json.yaml().treeToValue(document, kind.type());
        return applyObject(kind, object);
    }

    private <T extends HasMetadata> T applyObject(ResourceKind<T> kind, T object) {
        if (kind.namespaced() && (object.getMetadata().getNamespace() == null
                || object.getMetadata().getNamespace().isEmpty())) {
            object.getMetadata().setNamespace(DEFAULT_NAMESPACE);
        }
        Optional<T> existing = cluster.get(kind, object.getMetadata().getNamespace(), object.getMetadata().getName());
        T stored;
        if (existing.isPresent()) {
            object.getMetadata().setResourceVersion(null);
            stored = cluster.update(kind, object);
        } else {
            stored = cluster.create(kind, object);
        }
        if (object instanceof CertManagerResource<?, ?> resource && resource.getStatus() != null) {
            object.getMetadata().setResourceVersion(null);
            stored = cluster.updateStatus(kind, object);
        }
        return stored;
    }

    private <T extends HasMetadata> T require(ResourceKind<T> kind, String namespace, String name) {
        return cluster.get(kind, namespace, name).orElseThrow(() -> new AssertionError(
                kind.kind() + " " + (namespace == null ? "" : namespace + "/") + name + " does not exist; stored: "
                        + cluster.list(kind, namespace).stream().map(object -> object.getMetadata().getName()).toList()));
    }

    private static ResourceKind<?> kindOf(HasMetadata object) {
        ResourceKind<?> kind = ResourceKind.of(object);
        if (kind == null) {
            throw new IllegalArgumentException(object.getClass().getName() + " is none of " + ResourceKind.ALL);
        }
        return kind;
    }
}
