package io.certwright.acme;

import io.certwright.acme.account.AccountRegistrar;
import io.certwright.acme.account.AccountRegistry;
import io.certwright.acme.account.AccountSetup;
import io.certwright.acme.challenges.ChallengeScheduler;
import io.certwright.acme.challenges.ChallengeSync;
import io.certwright.acme.challenges.Solver;
import io.certwright.acme.model.Challenge;
import io.certwright.acme.model.Order;
import io.certwright.acme.orders.OrderSync;
import io.certwright.acme.requests.OrderRequestFlow;
import io.certwright.acme.store.AcmeObjectStore;
import io.certwright.api.model.CertManagerResource;
import io.certwright.api.model.CertificateRequest;
import io.certwright.api.model.ClusterIssuer;
import io.certwright.api.model.Issuer;
import io.certwright.core.ControllerOptions;
import io.certwright.core.cluster.Cluster;
import io.certwright.core.cluster.ObjectKey;
import io.certwright.core.cluster.ResourceKind;
import io.certwright.core.controller.ControllerDefinition;
import io.certwright.core.controller.ControllerManager;
import io.certwright.core.controller.KeyMapper;
import io.certwright.core.controller.RateLimit;
import io.certwright.core.issuers.IssuerBackends;
import io.certwright.core.issuers.IssuerType;
import io.certwright.core.requests.RequestControllers;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the ACME issuer into a controller manager: the ACME backend for the issuer controllers, the
 * {@code certificaterequests-issuer-acme}, {@code orders} and {@code challenges} controllers, and the
 * challenge scheduler.
 *
 * <pre>{@code
 * AcmeControllers acme = AcmeControllers.create(cluster, clock, solver, new Acme4jRegistrar());
 * IssuerBackends backends = IssuerBackends.defaults(cluster, clock).with(IssuerType.ACME, acme.backend());
 * IssuerControllers.register(manager, cluster, options, clock, backends);
 * RequestControllers.register(manager, cluster, options, clock, backends);
 * acme.register(manager, options, backends);
 * manager.start(workers);
 * acme.startScheduler();
 * }</pre>
 *
 * <p>Orders and Challenges live in {@link AcmeObjectStore}s owned by this object until the core
 * cluster port supports their kinds.
 */
public final class AcmeControllers implements AutoCloseable {
    public static final String ORDERS = "orders";
    public static final String CHALLENGES = "challenges";
    public static final String ISSUER_ACME = "certificaterequests-issuer-acme";

    /** Period of the challenge scheduler, as cert-manager's scheduler runs. */
    public static final Duration SCHEDULER_PERIOD = Duration.ofSeconds(1);

    private static final Logger log = LoggerFactory.getLogger(AcmeControllers.class);

    private final Cluster cluster;
    private final Clock clock;
    private final Solver http01;
    private final AccountRegistry accounts = new AccountRegistry();
    private final AcmeObjectStore<Order> orders;
    private final AcmeObjectStore<Challenge> challenges;
    private final AcmeBackend backend;
    private final ChallengeScheduler scheduler;
    private ScheduledExecutorService schedulerThread;

    private AcmeControllers(Cluster cluster, Clock clock, Solver http01, AccountRegistrar registrar, int maxConcurrent) {
        this.cluster = cluster;
        this.clock = clock;
        this.http01 = http01;
        this.orders = new AcmeObjectStore<>(Order.class, clock);
        this.challenges = new AcmeObjectStore<>(Challenge.class, clock);
        this.backend = new AcmeBackend(new AccountSetup(cluster, registrar, accounts), new OrderRequestFlow(orders));
        this.scheduler = new ChallengeScheduler(challenges, maxConcurrent);
    }

    /** Creates the ACME wiring with cert-manager's default of 60 concurrent challenges. */
    public static AcmeControllers create(Cluster cluster, Clock clock, Solver http01, AccountRegistrar registrar) {
        return create(cluster, clock, http01, registrar, ChallengeScheduler.DEFAULT_MAX_CONCURRENT);
    }

    /** @param maxConcurrent the value of cert-manager's --max-concurrent-challenges */
    public static AcmeControllers create(Cluster cluster, Clock clock, Solver http01, AccountRegistrar registrar,
            int maxConcurrent) {
        return new AcmeControllers(Objects.requireNonNull(cluster, "cluster"), Objects.requireNonNull(clock, "clock"),
                Objects.requireNonNull(http01, "http01"), Objects.requireNonNull(registrar, "registrar"), maxConcurrent);
    }

    /** Returns the backend to install for {@link IssuerType#ACME}. */
    public AcmeBackend backend() {
        return backend;
    }

    public AcmeObjectStore<Order> orders() {
        return orders;
    }

    public AcmeObjectStore<Challenge> challenges() {
        return challenges;
    }

    public ChallengeScheduler scheduler() {
        return scheduler;
    }

    /**
     * Registers the ACME CertificateRequest controller and the Order and Challenge controllers, and
     * forwards changes of Orders and Challenges to them.
     *
     * @param backends the backends the issuer controllers use; their ACME entry should be {@link #backend()}
     */
    public void register(ControllerManager manager, ControllerOptions options, IssuerBackends backends) {
        RequestControllers.registerIssuerController(manager, cluster, options, clock, backends, IssuerType.ACME,
                (kind, object) -> List.of());
        manager.register(new ControllerDefinition(ORDERS,
                new OrderSync(cluster, orders, challenges, accounts, clock, cluster.events(fieldManager(ORDERS))),
                RateLimit.ACME, ordersReferencingIssuer())
                .withResourceKind(Order.KIND));
        manager.register(new ControllerDefinition(CHALLENGES,
                new ChallengeSync(cluster, challenges, accounts, http01, clock, cluster.events(fieldManager(CHALLENGES))),
                RateLimit.ACME, (kind, object) -> List.of())
                .withResourceKind(Challenge.KIND));

        orders.addListener((oldOrder, newOrder) -> {
            Order order = newOrder != null ? newOrder : oldOrder;
            manager.enqueue(ORDERS, ObjectKey.of(order));
            controller(order, CertificateRequest.KIND)
                    .ifPresent(owner -> manager.enqueue(ISSUER_ACME, new ObjectKey(order.getMetadata().getNamespace(),
                            owner.getName())));
        });
        challenges.addListener((oldChallenge, newChallenge) -> {
            Challenge challenge = newChallenge != null ? newChallenge : oldChallenge;
            if (newChallenge == null) {
                cleanUpDeleted(challenge);
            } else {
                manager.enqueue(CHALLENGES, ObjectKey.of(challenge));
            }
            controller(challenge, Order.KIND)
                    .ifPresent(owner -> manager.enqueue(ORDERS, new ObjectKey(challenge.getMetadata().getNamespace(),
                            owner.getName())));
        });
    }

    /** Starts the challenge scheduler on its own thread, running every {@link #SCHEDULER_PERIOD}. */
    public synchronized void startScheduler() {
        if (schedulerThread != null) {
            return;
        }
        schedulerThread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "acme-challenge-scheduler");
            thread.setDaemon(true);
            return thread;
        });
        schedulerThread.scheduleWithFixedDelay(() -> {
            try {
                scheduler.schedule();
            } catch (RuntimeException e) {
                log.atError().setCause(e).log("challenge scheduler pass failed");
            }
        }, 0, SCHEDULER_PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void close() {
        if (schedulerThread != null) {
            schedulerThread.shutdownNow();
            schedulerThread = null;
        }
    }

    private void cleanUpDeleted(Challenge challenge) {
        try {
            http01.cleanUp(challenge);
        } catch (Exception e) {
            log.atWarn().addKeyValue("challenge", challenge.getMetadata().getName())
                    .log("cleaning up a deleted challenge failed: {}", e.getMessage());
        }
    }

    /** Maps an Issuer or ClusterIssuer change to the Orders that reference it. */
    private KeyMapper ordersReferencingIssuer() {
        return (kind, object) -> {
            if (kind != ResourceKind.ISSUER && kind != ResourceKind.CLUSTER_ISSUER) {
                return List.of();
            }
            List<ObjectKey> keys = new ArrayList<>();
            for (Order order : orders.list(kind == ResourceKind.ISSUER ? object.getMetadata().getNamespace() : null)) {
                if (references(order, kind, object)) {
                    keys.add(ObjectKey.of(order));
                }
            }
            return keys;
        };
    }

    private static boolean references(Order order, ResourceKind<?> kind, HasMetadata issuer) {
        var reference = order.getSpec().getIssuerRef();
        if (reference == null || !issuer.getMetadata().getName().equals(reference.getName())) {
            return false;
        }
        boolean clusterReference = ClusterIssuer.KIND.equals(reference.getKind());
        return clusterReference == (kind == ResourceKind.CLUSTER_ISSUER)
                && (clusterReference || reference.getKind() == null || reference.getKind().isEmpty()
                        || Issuer.KIND.equals(reference.getKind()));
    }

    private static Optional<OwnerReference> controller(CertManagerResource<?, ?> object, String ownerKind) {
        List<OwnerReference> owners = object.getMetadata().getOwnerReferences();
        if (owners == null) {
            return Optional.empty();
        }
        return owners.stream()
                .filter(owner -> Boolean.TRUE.equals(owner.getController()) && ownerKind.equals(owner.getKind()))
                .findFirst();
    }

    private static String fieldManager(String controllerName) {
        return "cert-manager-" + controllerName;
    }
}
