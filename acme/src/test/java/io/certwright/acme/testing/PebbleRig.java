package io.certwright.acme.testing;

import io.certwright.acme.AcmeControllers;
import io.certwright.acme.account.Acme4jRegistrar;
import io.certwright.acme.http01.Http01Server;
import io.certwright.acme.http01.Http01Solver;
import io.certwright.api.Json;
import io.certwright.api.model.Certificate;
import io.certwright.api.model.CertificateCondition;
import io.certwright.api.model.CertificateRequest;
import io.certwright.api.model.CertificateRequestCondition;
import io.certwright.api.model.ClusterIssuer;
import io.certwright.api.model.Order;
import io.certwright.core.ControllerOptions;
import io.certwright.core.CoreControllers;
import io.certwright.core.cluster.Event;
import io.certwright.core.cluster.InMemoryCluster;
import io.certwright.core.cluster.ResourceKind;
import io.certwright.core.controller.ControllerManager;
import io.certwright.core.time.AdvancingClock;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Every controller, core and ACME, running with worker threads on an in-memory cluster against one
 * {@link PebbleServer}, on an {@link AdvancingClock}. The HTTP-01 responder listens on 127.0.0.1 at Pebble's
 * validation port. The self-check connects to the address that {@code selfCheckAddress} returns for the
 * domain, so a test can make the self-check fail for one name.
 */
public final class PebbleRig implements AutoCloseable {
    public static final String CLUSTER_RESOURCE_NAMESPACE = "cert-manager";

    private final PebbleServer pebble;
    private final AdvancingClock clock = new AdvancingClock();
    private final InMemoryCluster cluster = new InMemoryCluster(clock);
    private final ControllerManager manager = new ControllerManager(cluster, clock);
    private final Http01Server responder;

    private PebbleRig(PebbleServer pebble, Function<String, InetSocketAddress> selfCheckAddress,
            ControllerOptions options) throws Exception {
        this.pebble = pebble;
        this.responder = Http01Server.start(new InetSocketAddress("127.0.0.1", pebble.http01Port()));
        Function<String, InetSocketAddress> address = selfCheckAddress == null
                ? domain -> responder.address() : selfCheckAddress;
        Http01Solver solver = new Http01Solver(responder, new Http01Solver.Settings(address, 2, Duration.ofMillis(200)));
        AcmeControllers acme = AcmeControllers.create(cluster, clock, solver, new Acme4jRegistrar());
        CoreControllers.registerAll(manager, cluster, options, clock, acme.backends(), List.of(acme));
    }

    /** Starts the controllers with a self-check that always reaches the responder. */
    public static PebbleRig start(PebbleServer pebble) throws Exception {
        return start(pebble, null);
    }

    /**
     * Starts the controllers.
     *
     * @param selfCheckAddress maps a domain to the address its self-check connects to, or null for the responder
     */
    public static PebbleRig start(PebbleServer pebble, Function<String, InetSocketAddress> selfCheckAddress)
            throws Exception {
        return start(pebble, selfCheckAddress, defaultOptions());
    }

    /**
     * Starts the controllers with {@code options}, such as {@link #defaultOptions()} with a feature gate on.
     *
     * @param selfCheckAddress maps a domain to the address its self-check connects to, or null for the responder
     */
    public static PebbleRig start(PebbleServer pebble, Function<String, InetSocketAddress> selfCheckAddress,
            ControllerOptions options) throws Exception {
        PebbleRig rig = new PebbleRig(pebble, selfCheckAddress, options);
        rig.manager.start(2);
        return rig;
    }

    /** Returns the options a rig starts with unless a test passes its own, with {@link #CLUSTER_RESOURCE_NAMESPACE}. */
    public static ControllerOptions defaultOptions() {
        return ControllerOptions.defaults().withClusterResourceNamespace(CLUSTER_RESOURCE_NAMESPACE);
    }

    public InMemoryCluster cluster() {
        return cluster;
    }

    public AdvancingClock clock() {
        return clock;
    }

    public ControllerManager manager() {
        return manager;
    }

    /** Returns the address the HTTP-01 responder listens on. */
    public InetSocketAddress responderAddress() {
        return responder.address();
    }

    /** Moves the clock forward and wakes the workers, so that work the jump made due starts now. */
    public void jump(Duration distance) {
        clock.jump(distance);
        manager.wakeUp();
    }

    /** Creates the ClusterIssuer {@code name} for Pebble with one HTTP-01 solver. */
    public void createIssuer(String name) throws Exception {
        createIssuer(name, false);
    }

    /**
     * Creates the ClusterIssuer {@code name} for Pebble with one HTTP-01 solver.
     *
     * @param enableDurationFeature whether Orders ask Pebble for the requested duration (notAfter)
     */
    public void createIssuer(String name, boolean enableDurationFeature) throws Exception {
        apply(ResourceKind.CLUSTER_ISSUER, """
                apiVersion: cert-manager.io/v1
                kind: ClusterIssuer
                metadata: {name: %s}
                spec:
                  acme:
                    server: %s
                    caBundle: %s
                    enableDurationFeature: %s
                    privateKeySecretRef: {name: %s-account}
                    solvers:
                    - http01: {ingress: {}}
                """.formatted(name, pebble.directoryUrl(), pebble.caBundle(), enableDurationFeature, name),
                ClusterIssuer.class);
    }

    /** Creates an object of {@code kind} from YAML. */
    public <T extends HasMetadata> T apply(ResourceKind<T> kind, String yaml, Class<T> type) {
        return cluster.create(kind, Json.yaml().readValue(yaml, type));
    }

    public Certificate certificate(String namespace, String name) {
        return cluster.get(ResourceKind.CERTIFICATE, namespace, name).orElseThrow(
                () -> new AssertionError("Certificate " + namespace + "/" + name + " not found"));
    }

    /** Returns the Certificate's condition of {@code type}, or empty. */
    public Optional<CertificateCondition> condition(String namespace, String name, String type) {
        return cluster.get(ResourceKind.CERTIFICATE, namespace, name)
                .filter(certificate -> certificate.getStatus() != null && certificate.getStatus().getConditions() != null)
                .flatMap(certificate -> certificate.getStatus().getConditions().stream()
                        .filter(condition -> type.equals(condition.getType())).findFirst());
    }

    /** Returns the request's condition of {@code type}, or empty. */
    public static Optional<CertificateRequestCondition> condition(CertificateRequest request, String type) {
        if (request.getStatus() == null || request.getStatus().getConditions() == null) {
            return Optional.empty();
        }
        return request.getStatus().getConditions().stream().filter(condition -> type.equals(condition.getType()))
                .findFirst();
    }

    /** Returns the CertificateRequests that the Certificate owns. */
    public List<CertificateRequest> requestsOf(String namespace, String certificateName) {
        return cluster.list(ResourceKind.CERTIFICATE_REQUEST, namespace).stream()
                .filter(request -> controlledBy(request, certificateName)).toList();
    }

    /** Returns the Orders that the Certificate's requests own. */
    public List<Order> ordersOf(String namespace, String certificateName) {
        List<String> requestNames = requestsOf(namespace, certificateName).stream()
                .map(request -> request.getMetadata().getName()).toList();
        return cluster.list(ResourceKind.ORDER, namespace).stream()
                .filter(order -> requestNames.stream().anyMatch(name -> controlledBy(order, name))).toList();
    }

    /** Returns the Orders that one CertificateRequest owns. */
    public List<Order> ordersOfRequest(CertificateRequest request) {
        return cluster.list(ResourceKind.ORDER, request.getMetadata().getNamespace()).stream()
                .filter(order -> order.getMetadata().getOwnerReferences() != null
                        && order.getMetadata().getOwnerReferences().stream().anyMatch(owner ->
                                Boolean.TRUE.equals(owner.getController())
                                        && Objects.equals(owner.getUid(), request.getMetadata().getUid())))
                .toList();
    }

    /** Returns the reasons of the events about an object, oldest first. */
    public List<String> eventReasons(ResourceKind<?> kind, String namespace, String name) {
        return cluster.eventsFor(kind, namespace, name).stream().map(Event::reason).toList();
    }

    /**
     * Polls {@code probe} every 200 ms of real time until it returns a value, and fails with the whole cluster
     * state after {@code timeout}.
     */
    public <T> T await(String what, Duration timeout, Supplier<Optional<T>> probe) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("timed out after " + timeout + " waiting for " + what + "; state: " + dump());
    }

    /** Waits until the Certificate's condition of {@code type} has {@code status}. */
    public CertificateCondition awaitCondition(String namespace, String name, String type, String status,
            Duration timeout) throws InterruptedException {
        return await("Certificate " + namespace + "/" + name + " " + type + "=" + status, timeout,
                () -> condition(namespace, name, type).filter(condition -> status.equals(condition.getStatus())));
    }

    /** Returns the cluster's Certificates, requests, Orders and Challenges as YAML, for failure messages. */
    public String dump() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("certificates", cluster.list(ResourceKind.CERTIFICATE, null));
        state.put("requests", cluster.list(ResourceKind.CERTIFICATE_REQUEST, null));
        state.put("orders", cluster.list(ResourceKind.ORDER, null));
        state.put("challenges", cluster.list(ResourceKind.CHALLENGE, null));
        state.put("issuers", cluster.list(ResourceKind.CLUSTER_ISSUER, null));
        state.put("events", cluster.allEvents());
        try {
            return Json.yaml().writeValueAsString(state);
        } catch (RuntimeException e) {
            return state.toString();
        }
    }

    @Override
    public void close() {
        manager.close();
        responder.close();
    }

    private static boolean controlledBy(HasMetadata object, String ownerName) {
        return object.getMetadata().getOwnerReferences() != null && object.getMetadata().getOwnerReferences().stream()
                .anyMatch(owner -> Boolean.TRUE.equals(owner.getController()) && Objects.equals(owner.getName(), ownerName));
    }
}
