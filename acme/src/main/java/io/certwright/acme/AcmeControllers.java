package io.certwright.acme;

import io.certwright.acme.account.AccountRegistrar;
import io.certwright.acme.account.AccountRegistry;
import io.certwright.acme.account.AccountSetup;
import io.certwright.acme.ari.AcmeRenewalInfoSource;
import io.certwright.acme.challenges.ChallengeScheduler;
import io.certwright.acme.challenges.ChallengeSolvers;
import io.certwright.acme.challenges.ChallengeSync;
import io.certwright.acme.challenges.Solver;
import io.certwright.acme.dns01.Dns01Solver;
import io.certwright.acme.orders.OrderSync;
import io.certwright.acme.requests.OrderRequestFlow;
import io.certwright.api.model.CertificateRequest;
import io.certwright.api.model.Challenge;
import io.certwright.api.model.ClusterIssuer;
import io.certwright.api.model.Issuer;
import io.certwright.api.model.Order;
import io.certwright.core.ControllerOptions;
import io.certwright.core.ControllerSet;
import io.certwright.core.certificates.ari.RenewalInfoSource;
import io.certwright.core.cluster.Cluster;
import io.certwright.core.cluster.ObjectKey;
import io.certwright.core.cluster.ResourceKind;
import io.certwright.core.controller.ControllerDefinition;
import io.certwright.core.controller.ControllerManager;
import io.certwright.core.controller.KeyMapper;
import io.certwright.core.controller.KeyMappers;
import io.certwright.core.controller.RateLimit;
import io.certwright.core.issuers.IssuerBackends;
import io.certwright.core.issuers.IssuerType;
import io.certwright.core.requests.RequestControllers;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the ACME issuer into a controller manager: the ACME backend for the issuer controllers, the
 * {@code certificaterequests-issuer-acme}, {@code orders} and {@code challenges} controllers, and the
 * challenge scheduler as a periodic task. Orders and Challenges are stored through the {@link Cluster}
 * port as {@link ResourceKind#ORDER} and {@link ResourceKind#CHALLENGE}.
 *
 * <pre>{@code
 * AcmeControllers acme = AcmeControllers.create(cluster, clock, solver, new Acme4jRegistrar());
 * ControllerManager manager = new ControllerManager(cluster, clock);
 * CoreControllers.registerAll(manager, cluster, options, clock, acme.backends(), List.of(acme));
 * manager.start(workers);
 * }</pre>
 */
public final class AcmeControllers implements ControllerSet {
    public static final String ORDERS = "orders";
    public static final String CHALLENGES = "challenges";
    public static final String ISSUER_ACME = "certificaterequests-issuer-acme";
    public static final String SCHEDULER = "acme-challenge-scheduler";

    /** Period of the challenge scheduler, as cert-manager's scheduler runs. */
    public static final Duration SCHEDULER_PERIOD = Duration.ofSeconds(1);

    private static final Logger log = LoggerFactory.getLogger(AcmeControllers.class);

    private final Cluster cluster;
    private final Clock clock;
    private final Solver http01;
    private final AcmeSolverSettings solverSettings;
    private volatile ChallengeSolvers solvers;
    private final AccountRegistry accounts = new AccountRegistry();
    private final AcmeBackend backend;
    private final ChallengeScheduler scheduler;
    private volatile boolean schedulerEnabled = true;
    /** The feature gate {@code ACMEUseARI}, set from the options in {@link #register}. */
    private volatile boolean acmeUseAri;

    private AcmeControllers(Cluster cluster, Clock clock, Solver http01, AccountRegistrar registrar, int maxConcurrent,
            AcmeSolverSettings solverSettings) {
        this.cluster = cluster;
        this.clock = clock;
        this.http01 = http01;
        this.solverSettings = solverSettings;
        this.solvers = new ChallengeSolvers(http01, null);
        this.backend = new AcmeBackend(new AccountSetup(cluster, registrar, accounts),
                new OrderRequestFlow(cluster, () -> acmeUseAri));
        this.scheduler = new ChallengeScheduler(cluster, maxConcurrent);
    }

    /** Creates the ACME wiring with cert-manager's default of 60 concurrent challenges. */
    public static AcmeControllers create(Cluster cluster, Clock clock, Solver http01, AccountRegistrar registrar) {
        return create(cluster, clock, http01, registrar, ChallengeScheduler.DEFAULT_MAX_CONCURRENT);
    }

    /**
     * Creates the ACME wiring without a DNS-01 solver.
     *
     * @param maxConcurrent the value of cert-manager's --max-concurrent-challenges
     */
    public static AcmeControllers create(Cluster cluster, Clock clock, Solver http01, AccountRegistrar registrar,
            int maxConcurrent) {
        return create(cluster, clock, http01, registrar, maxConcurrent, AcmeSolverSettings.http01Only());
    }

    /**
     * Creates the ACME wiring. The DNS-01 solver, when {@code solverSettings} configures one, is built in
     * {@link #register}, because it reads ClusterIssuer credentials from the cluster resource namespace.
     *
     * @param maxConcurrent the value of cert-manager's --max-concurrent-challenges
     */
    public static AcmeControllers create(Cluster cluster, Clock clock, Solver http01, AccountRegistrar registrar,
            int maxConcurrent, AcmeSolverSettings solverSettings) {
        return new AcmeControllers(Objects.requireNonNull(cluster, "cluster"), Objects.requireNonNull(clock, "clock"),
                Objects.requireNonNull(http01, "http01"), Objects.requireNonNull(registrar, "registrar"), maxConcurrent,
                Objects.requireNonNull(solverSettings, "solverSettings"));
    }

    /** Returns the backend to install for {@link IssuerType#ACME}. */
    public AcmeBackend backend() {
        return backend;
    }

    /** Returns the default backends with {@link #backend()} serving {@link IssuerType#ACME}. */
    public IssuerBackends backends() {
        return IssuerBackends.defaults(cluster, clock).with(IssuerType.ACME, backend);
    }

    public ChallengeScheduler scheduler() {
        return scheduler;
    }

    /**
     * Turns the periodic challenge scheduler on or off; it is on by default. A runtime turns it off when the
     * {@value #CHALLENGES} controller is disabled, because cert-manager runs the scheduler as part of that
     * controller.
     */
    public void enableScheduler(boolean enabled) {
        this.schedulerEnabled = enabled;
    }

    /**
     * Registers the ACME CertificateRequest controller, the Order and Challenge controllers, and the
     * challenge scheduler as a periodic task every {@link #SCHEDULER_PERIOD}.
     *
     * @param backends the backends the issuer controllers use; their ACME entry should be {@link #backend()}
     */
    @Override
    public void register(ControllerManager manager, ControllerOptions options, IssuerBackends backends) {
        acmeUseAri = options.acmeUseAri();
        RequestControllers.registerIssuerController(manager, cluster, options, clock, backends, IssuerType.ACME,
                KeyMappers.controllerOwner(ResourceKind.ORDER, CertificateRequest.KIND));
        manager.register(new ControllerDefinition(ORDERS,
                new OrderSync(cluster, accounts, clock, cluster.events(fieldManager(ORDERS)), options.acmeUseAri()),
                RateLimit.ACME,
                KeyMappers.all(
                        KeyMappers.self(ResourceKind.ORDER),
                        KeyMappers.controllerOwner(ResourceKind.CHALLENGE, Order.KIND),
                        ordersReferencingIssuer()))
                .withResourceKind(Order.KIND));
        Solver dns01 = solverSettings.dns01() == null ? null
                : Dns01Solver.create(cluster, options.clusterResourceNamespace(), solverSettings.dns01(), clock);
        solvers = new ChallengeSolvers(http01, dns01);
        manager.register(new ControllerDefinition(CHALLENGES,
                new ChallengeSync(cluster, accounts, solvers, solverSettings.checkRetryPeriod(), clock,
                        cluster.events(fieldManager(CHALLENGES))),
                RateLimit.ACME, KeyMappers.self(ResourceKind.CHALLENGE))
                .withResourceKind(Challenge.KIND));
        manager.addPeriodicTask(SCHEDULER, SCHEDULER_PERIOD, () -> {
            if (schedulerEnabled) {
                scheduler.schedule();
            }
        });

        cluster.addListener((kind, oldObject, newObject) -> {
            if (kind == ResourceKind.CHALLENGE && newObject == null) {
                cleanUpDeleted((Challenge) oldObject);
            }
        });
    }

    /** Returns the source of ACME renewal information that the readiness controller uses. */
    @Override
    public Optional<RenewalInfoSource> renewalInfoSource() {
        return Optional.of(new AcmeRenewalInfoSource(accounts));
    }

    private void cleanUpDeleted(Challenge challenge) {
        Optional<Solver> solver = solvers.forType(challenge.getSpec().getType());
        // The challenges controller sets presented=false once it has cleaned up, so only a Challenge deleted while
        // its response was in place needs this second chance; that spares a DNS update per finished Challenge.
        boolean presented = challenge.getStatus() != null && Boolean.TRUE.equals(challenge.getStatus().getPresented());
        if (solver.isEmpty() || !presented) {
            return;
        }
        try {
            solver.get().cleanUp(challenge);
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
            String namespace = kind == ResourceKind.ISSUER ? object.getMetadata().getNamespace() : null;
            for (Order order : cluster.listMatching(ResourceKind.ORDER, namespace,
                    candidate -> references(candidate, kind, object))) {
                keys.add(ObjectKey.of(order));
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

    private static String fieldManager(String controllerName) {
        return "cert-manager-" + controllerName;
    }
}
