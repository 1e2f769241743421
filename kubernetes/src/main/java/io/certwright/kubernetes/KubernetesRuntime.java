package io.certwright.kubernetes;

import io.certwright.acme.AcmeControllers;
import io.certwright.acme.AcmeSolverSettings;
import io.certwright.acme.account.Acme4jRegistrar;
import io.certwright.core.CoreControllers;
import io.certwright.core.controller.ControllerManager;
import io.certwright.core.issuers.IssuerControllers;
import io.certwright.kubernetes.http01.KubernetesHttp01Solver;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kubernetes runtime: cert-manager's controllers over a Kubernetes API server, as the
 * {@code certwright controller} process runs them.
 *
 * <p>{@link #start} registers the controllers, including the ACME issuer's with the HTTP-01 solver that runs
 * acmesolver Pods ({@link KubernetesHttp01Solver}), serves {@code /metrics} and {@code /livez}, and campaigns for
 * the leader-election Lease. Only the leader starts the informers and the controller workers. When the
 * leader cannot renew the Lease within the renew deadline it stops its controllers and {@link #termination()}
 * completes with {@link LeadershipLostException}, and the process is expected to exit non-zero, as
 * cert-manager's controller does; a restarted process campaigns again. {@link #close()} stops the
 * controllers, then releases the Lease, and completes {@link #termination()} normally.
 */
public final class KubernetesRuntime implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(KubernetesRuntime.class);

    private final KubernetesRuntimeSettings settings;
    private final KubernetesCluster cluster;
    private final ListenerGate gate;
    private final AcmeRequestRecorder acmeRequests;
    private final ControllerManager manager;
    private final List<String> enabledControllers;
    private final LeaderElection election;
    private final List<HttpEndpoints> servers = new ArrayList<>();
    private final ScheduledExecutorService background;
    private final CompletableFuture<Void> termination = new CompletableFuture<>();
    private volatile boolean controllersRunning;
    private boolean stopped;

    private KubernetesRuntime(KubernetesRuntimeSettings settings, KubernetesClient client,
            KubernetesClient leaderElectionClient) {
        this.settings = settings;
        this.cluster = new KubernetesCluster(client, settings.clock(), settings.clusterOptions());
        this.gate = new ListenerGate(cluster);
        this.manager = new ControllerManager(gate.view(), settings.clock());
        this.acmeRequests = new AcmeRequestRecorder(settings.clock());
        AcmeControllers acme = AcmeControllers.create(cluster, settings.clock(),
                new KubernetesHttp01Solver(client, settings.acme().http01Solver()), new Acme4jRegistrar(acmeRequests),
                settings.acme().maxConcurrentChallenges(),
                new AcmeSolverSettings(settings.acme().checkRetryPeriod(), settings.acme().dns01()));
        ReplacedIssuerBackends replaced =
                new ReplacedIssuerBackends(settings.issuerBackends(), cluster, settings.clock());
        CoreControllers.registerAll(manager, cluster, settings.controllerOptions(), settings.clock(),
                replaced.applyTo(acme.backends()), List.of(acme, replaced));
        this.enabledControllers = selectControllers(settings, manager.controllerNames());
        acme.enableScheduler(enabledControllers.contains(AcmeControllers.CHALLENGES));
        gate.attach(manager.controllerNames(), enabledControllers);
        this.background = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "certwright-runtime");
            thread.setDaemon(true);
            return thread;
        });
        this.election = settings.leaderElection().enabled()
                ? new LeaderElection(leaderElectionClient, settings.leaderElection(), settings.clock(),
                        () -> background.execute(this::startControllers), this::onLeadershipLost)
                : null;
    }

    /**
     * Registers the controllers, starts the metrics and health servers and then either campaigns for the
     * Lease or, with leader election disabled, starts the controllers at once. Returns without waiting for
     * the caches.
     *
     * @param client the client the controllers and informers use
     * @param leaderElectionClient the client that reads and renews the Lease
     * @throws IllegalArgumentException when {@code --controllers} names an unknown controller or an address
     *     is invalid
     * @throws java.io.UncheckedIOException when a listen address cannot be bound
     */
    public static KubernetesRuntime start(KubernetesRuntimeSettings settings, KubernetesClient client,
            KubernetesClient leaderElectionClient) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(leaderElectionClient, "leaderElectionClient");
        KubernetesRuntime runtime = new KubernetesRuntime(settings, client, leaderElectionClient);
        try {
            runtime.startServers();
        } catch (RuntimeException e) {
            runtime.close();
            throw e;
        }
        log.info("starting controllers {} (namespace {}, cluster resource namespace {})", runtime.enabledControllers,
                settings.namespace() == null ? "all" : settings.namespace(),
                settings.controllerOptions().clusterResourceNamespace());
        if (runtime.election != null) {
            runtime.election.start();
        } else {
            log.info("leader election is disabled; starting the controllers at once");
            runtime.background.execute(runtime::startControllers);
        }
        return runtime;
    }

    /** Returns the controllers this runtime runs, in registration order. */
    public List<String> enabledControllers() {
        return enabledControllers;
    }

    /** Returns whether this replica holds the Lease (always true once started without leader election). */
    public boolean isLeading() {
        return election == null ? controllersRunning : election.isLeading();
    }

    /** Returns whether the informers have synced and the controller workers run. */
    public boolean controllersRunning() {
        return controllersRunning;
    }

    /** Returns the bound address of {@code /metrics}. */
    public InetSocketAddress metricsAddress() {
        return servers.get(0).address();
    }

    /** Returns the bound address of {@code /livez}. */
    public InetSocketAddress healthzAddress() {
        return servers.get(1).address();
    }

    /**
     * Returns a future that completes normally after {@link #close()}, and exceptionally when leadership was
     * lost ({@link LeadershipLostException}) or the controllers could not start (the cause, e.g. caches that
     * did not sync because the CRDs are missing).
     */
    public CompletableFuture<Void> termination() {
        return termination;
    }

    /** Stops the controllers and informers, releases the Lease, and stops both HTTP servers. */
    @Override
    public void close() {
        stop(null);
    }

    private static List<String> selectControllers(KubernetesRuntimeSettings settings, List<String> registered) {
        List<String> enabled = new ArrayList<>(ControllerSelection.resolve(settings.controllers(), registered));
        if (settings.namespace() != null && enabled.remove(IssuerControllers.CLUSTER_ISSUERS)) {
            log.info("controller {} is disabled because --namespace limits the controllers to namespace {}",
                    IssuerControllers.CLUSTER_ISSUERS, settings.namespace());
        }
        return List.copyOf(enabled);
    }

    private void startServers() {
        CertManagerMetrics metrics = new CertManagerMetrics(cluster, settings.clock(), () -> enabledControllers,
                manager::syncCalls, manager::syncErrors, acmeRequests);
        servers.add(HttpEndpoints.start("metrics",
                ListenAddress.parse("--metrics-listen-address", settings.metricsListenAddress()),
                Map.of("/metrics", metrics::scrape)));
        LivenessChecks liveness = new LivenessChecks(
                () -> election == null ? Optional.empty() : election.watchdogFailure(),
                settings.clock(), System::nanoTime);
        servers.add(HttpEndpoints.start("health checks",
                ListenAddress.parse("--internal-healthz-listen-address", settings.healthzListenAddress()),
                Map.of("/livez", liveness::livez)));
    }

    /** Runs on the background thread once this replica leads, or at once without leader election. */
    private void startControllers() {
        synchronized (this) {
            if (stopped) {
                return;
            }
        }
        try {
            long started = System.nanoTime();
            cluster.start();
            synchronized (this) {
                if (stopped) {
                    return;
                }
                manager.start(settings.controllerOptions().concurrentWorkers());
                controllersRunning = true;
            }
            long resync = settings.clusterOptions().resyncPeriod().toMillis();
            background.scheduleAtFixedRate(gate::replayAll, resync, resync, TimeUnit.MILLISECONDS);
            log.info("controllers running {} ms after this replica started leading",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        } catch (RuntimeException e) {
            log.error("starting the controllers failed: {}", e.getMessage(), e);
            stop(e);
        }
    }

    private void onLeadershipLost() {
        log.error("leader election lost: the Lease {}/{} was not renewed within {}; stopping the controllers",
                settings.leaderElection().namespace(), settings.leaderElection().leaseName(),
                settings.leaderElection().renewDeadline());
        // fabric8 calls this on its election thread; stopping waits for running reconciles, so do it elsewhere.
        Thread stopper = new Thread(() -> stop(new LeadershipLostException(settings.leaderElection())),
                "certwright-leadership-lost");
        stopper.setDaemon(true);
        stopper.start();
    }

    private void stop(RuntimeException cause) {
        synchronized (this) {
            if (stopped) {
                return;
            }
            stopped = true;
            controllersRunning = false;
        }
        manager.close();
        cluster.close();
        if (election != null) {
            election.close();
        }
        background.shutdownNow();
        for (HttpEndpoints server : servers) {
            server.close();
        }
        if (cause == null) {
            termination.complete(null);
        } else {
            termination.completeExceptionally(cause);
        }
    }

    /** This replica was the leader and could not renew the Lease in time. */
    public static final class LeadershipLostException extends RuntimeException {
        LeadershipLostException(LeaderElectionSettings election) {
            super("leader election lost: the Lease " + election.namespace() + "/" + election.leaseName()
                    + " was not renewed within the renew deadline of " + election.renewDeadline());
        }
    }
}
