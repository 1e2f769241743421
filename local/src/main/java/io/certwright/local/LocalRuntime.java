package io.certwright.local;

import io.certwright.acme.AcmeControllers;
import io.certwright.acme.AcmeSolverSettings;
import io.certwright.acme.account.Acme4jRegistrar;
import io.certwright.acme.challenges.ChallengeScheduler;
import io.certwright.acme.http01.OnDemandHttp01Solver;
import io.certwright.core.ControllerOptions;
import io.certwright.core.CoreControllers;
import io.certwright.core.certificates.ManualRenewal;
import io.certwright.core.cluster.Cluster;
import io.certwright.core.cluster.ClusterException;
import io.certwright.core.cluster.ObjectKey;
import io.certwright.core.cluster.ResourceKind;
import io.certwright.core.controller.ControllerManager;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local runtime: cert-manager's controllers over a directory of manifests, with Secrets
 * written as files. {@link #open} locks the state directory, loads the stored state, then the
 * manifests; {@link #runOnce} issues what it can and returns, {@link #start} keeps running,
 * renewing certificates and following edits to the directory, until {@link #close}.
 *
 * <pre>
 * manifests (DIR/**.yaml) --ManifestSync--&gt; DirectoryCluster &lt;--&gt; controllers
 *                                               |
 *                                         state directory (secrets/, status/, ...)
 * </pre>
 */
public final class LocalRuntime implements AutoCloseable {
    /**
     * Maximum wait {@link #runOnce} spends on keys that become due shortly, such as a
     * reconcile a controller requeued a few seconds ahead. Keys due later, such as renewals,
     * do not delay the exit.
     */
    public static final Duration DEFAULT_ONCE_WAIT = Duration.ofSeconds(5);

    /** Default listen address of the ACME HTTP-01 responder: port 80 on every interface, where ACME servers connect. */
    public static final String DEFAULT_ACME_HTTP01_LISTEN_ADDRESS = ":80";

    /** Self-check passes and pause of the HTTP-01 solver, cert-manager's values. */
    private static final int HTTP01_SELF_CHECK_PASSES = 5;
    private static final Duration HTTP01_SELF_CHECK_INTERVAL = Duration.ofSeconds(2);

    private static final Logger LOG = LoggerFactory.getLogger(LocalRuntime.class);

    private final Settings settings;
    private final StateLayout layout;
    private final StateLock lock;
    private final DirectoryCluster cluster;
    private final ControllerManager manager;
    private final OnDemandHttp01Solver http01;
    private final ManifestDirectory manifests;
    private final ManifestSync sync;
    private final RenewalRequests renewalRequests;
    private final SecretDriftCheck secretCheck;
    private final NotReadyDetails notReadyDetails;
    private ScheduledExecutorService secretCheckTimer;
    private final Object reloadLock = new Object();
    private volatile List<InputProblem> problems = List.of();
    private final List<AutoCloseable> watchers = new ArrayList<>();

    /**
     * Inputs of a runtime.
     *
     * @param manifestDirectory the directory of manifests
     * @param stateDirectory the state directory, or null for {@code DIR/.certwright}
     * @param options controller settings
     * @param clock the clock every timing rule reads
     * @param onceWait how long {@link #runOnce} waits for keys that become due soon
     * @param secretCheckInterval real time between two comparisons of the Secret files with the
     *     store in the running mode, see {@link SecretDriftCheck#DEFAULT_INTERVAL}
     * @param acmeHttp01ListenAddress where the ACME HTTP-01 responder listens, as {@code host:port} or
     *     {@code :port}; it is bound when the first challenge is presented, so a directory without ACME
     *     issuers never opens it
     * @param acmeSolvers the self-check retry period and the DNS-01 solver's nameservers and waits. With a
     *     {@code onceWait} shorter than the retry period, {@link #runOnce} returns before a failed self-check
     *     runs again
     */
    public record Settings(Path manifestDirectory, Path stateDirectory, ControllerOptions options, Clock clock,
            Duration onceWait, Duration secretCheckInterval, String acmeHttp01ListenAddress,
            AcmeSolverSettings acmeSolvers) {
        public static Settings of(Path manifestDirectory) {
            return new Settings(manifestDirectory, null, ControllerOptions.defaults()
                    .withClusterResourceNamespace("cert-manager"), Clock.systemUTC(), DEFAULT_ONCE_WAIT,
                    SecretDriftCheck.DEFAULT_INTERVAL, DEFAULT_ACME_HTTP01_LISTEN_ADDRESS, AcmeSolverSettings.defaults());
        }

        public Settings withAcmeSolvers(AcmeSolverSettings solvers) {
            return new Settings(manifestDirectory, stateDirectory, options, clock, onceWait, secretCheckInterval,
                    acmeHttp01ListenAddress, solvers);
        }

        public Settings withStateDirectory(Path state) {
            return new Settings(manifestDirectory, state, options, clock, onceWait, secretCheckInterval,
                    acmeHttp01ListenAddress, acmeSolvers);
        }

        public Settings withOptions(ControllerOptions newOptions) {
            return new Settings(manifestDirectory, stateDirectory, newOptions, clock, onceWait, secretCheckInterval,
                    acmeHttp01ListenAddress, acmeSolvers);
        }

        public Settings withClock(Clock newClock) {
            return new Settings(manifestDirectory, stateDirectory, options, newClock, onceWait, secretCheckInterval,
                    acmeHttp01ListenAddress, acmeSolvers);
        }

        public Settings withOnceWait(Duration wait) {
            return new Settings(manifestDirectory, stateDirectory, options, clock, wait, secretCheckInterval,
                    acmeHttp01ListenAddress, acmeSolvers);
        }

        public Settings withSecretCheckInterval(Duration interval) {
            return new Settings(manifestDirectory, stateDirectory, options, clock, onceWait, interval,
                    acmeHttp01ListenAddress, acmeSolvers);
        }

        public Settings withAcmeHttp01ListenAddress(String address) {
            return new Settings(manifestDirectory, stateDirectory, options, clock, onceWait, secretCheckInterval,
                    address, acmeSolvers);
        }

        StateLayout layout() {
            return StateLayout.resolve(manifestDirectory, stateDirectory);
        }
    }

    private LocalRuntime(Settings settings, StateLock lock) {
        this.settings = settings;
        this.layout = settings.layout();
        this.lock = lock;
        this.cluster = DirectoryCluster.open(layout, settings.clock());
        // Registered before anything writes, so that every Secret just loaded counts as on disk.
        this.secretCheck = new SecretDriftCheck(cluster, cluster.secretFiles()::read, cluster::isSecretBeingDeleted);
        Cluster controllersCluster = new WarningEventLogging(cluster, settings.clock());
        this.manager = new ControllerManager(controllersCluster, settings.clock());
        this.http01 = new OnDemandHttp01Solver(
                OnDemandHttp01Solver.parseListenAddress(settings.acmeHttp01ListenAddress()),
                HTTP01_SELF_CHECK_PASSES, HTTP01_SELF_CHECK_INTERVAL);
        AcmeControllers acme = AcmeControllers.create(controllersCluster, settings.clock(), http01,
                new Acme4jRegistrar(), ChallengeScheduler.DEFAULT_MAX_CONCURRENT, settings.acmeSolvers());
        CoreControllers.registerAll(manager, controllersCluster, settings.options(), settings.clock(),
                acme.backends(), List.of(acme));
        this.notReadyDetails = new NotReadyDetails(cluster, this::problems);
        this.manifests = new ManifestDirectory(settings.manifestDirectory(), layout.root());
        this.sync = new ManifestSync(cluster, layout, new ManifestChecks());
        this.renewalRequests = new RenewalRequests(layout);
    }

    /**
     * Locks the state directory, loads the stored state and then the manifests, and reports
     * every input problem on the log.
     *
     * @throws StateLock.LockedException when another process holds the state directory
     */
    public static LocalRuntime open(Settings settings) {
        settings.layout().checkNotAFile();
        StateLock lock = StateLock.acquire(settings.layout().root());
        try {
            LocalRuntime runtime = new LocalRuntime(settings, lock);
            runtime.reload();
            return runtime;
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    public DirectoryCluster cluster() {
        return cluster;
    }

    public StateLayout layout() {
        return layout;
    }

    /** Returns the problems found by the latest reading of the manifest directory. */
    public List<InputProblem> problems() {
        return problems;
    }

    /**
     * Re-reads the manifest directory and brings the store in line with it; logs each problem
     * once and stores the problems for {@code certwright status}.
     */
    public void reload() {
        synchronized (reloadLock) {
            ManifestDirectory.Reading reading = manifests.read();
            List<InputProblem> found = new ArrayList<>(reading.problems());
            found.addAll(sync.apply(reading.objects(), reading.unreadableFiles(), reading.rejected()));
            for (InputProblem problem : found) {
                if (!problems.contains(problem)) {
                    LOG.error("{}", problem.describe());
                }
            }
            problems = List.copyOf(found);
            try {
                ManifestProblems.write(layout, problems);
            } catch (UncheckedIOException e) {
                LOG.error("storing the manifest problems for 'certwright status' failed: {}", e.getMessage());
            }
            LOG.debug("loaded manifests: directory={}, objects={}, problems={}", settings.manifestDirectory(),
                    reading.objects().size(), found.size());
        }
    }

    /**
     * Applies pending {@code certwright renew} requests.
     *
     * @return how many were applied
     */
    public int applyRenewalRequests() {
        return renewalRequests.drain(this::renew);
    }

    private boolean renew(ObjectKey certificate) {
        try {
            LOG.info("{}", ManualRenewal.trigger(cluster, certificate, settings.clock()));
            return true;
        } catch (ClusterException.NotFound e) {
            LOG.error("cannot renew: {}", e.getMessage());
            return true;
        } catch (ClusterException.Conflict e) {
            LOG.debug("renewal of {} conflicted with a concurrent write; retrying later", certificate);
            return false;
        }
    }

    /**
     * Runs the controllers on the calling thread until every Certificate is Ready or nothing
     * more can happen now, waiting at most {@link Settings#onceWait} for keys due soon.
     *
     * @return the readiness of every Certificate, plus a not-Ready entry for each Certificate
     *     manifest that was rejected
     */
    public List<CertificateReadiness> runOnce() {
        applyRenewalRequests();
        manager.enqueueAll();
        while (true) {
            manager.runUntilIdle();
            if (applyRenewalRequests() > 0) {
                continue;
            }
            List<CertificateReadiness> readiness = readiness();
            if (readiness.stream().allMatch(CertificateReadiness::ready)) {
                return readiness;
            }
            Optional<Duration> wait = waitForNextKey();
            if (wait.isEmpty()) {
                return readiness;
            }
            sleep(wait.get());
        }
    }

    private Optional<Duration> waitForNextKey() {
        Optional<Instant> due = manager.nextDueTime();
        if (due.isEmpty()) {
            return Optional.empty();
        }
        Duration wait = Duration.between(settings.clock().instant(), due.get());
        if (wait.isNegative()) {
            return Optional.of(Duration.ZERO);
        }
        return wait.compareTo(settings.onceWait()) <= 0 ? Optional.of(wait) : Optional.empty();
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(Math.max(1, wait.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for controllers", e);
        }
    }

    /** Returns the readiness of every stored Certificate, and of every Certificate manifest that was rejected. */
    public List<CertificateReadiness> readiness() {
        List<CertificateReadiness> result = new ArrayList<>();
        // CertificateReadiness keeps only strings, so the stored Certificates are read in place, not copied.
        cluster.forEachShared(ResourceKind.CERTIFICATE, null, certificate -> result.add(CertificateReadiness.of(certificate)));
        for (InputProblem problem : problems) {
            if (problem.object().startsWith("Certificate ") && problem.object().contains("/")) {
                ObjectKey key = ObjectKey.parse(problem.object().substring("Certificate ".length()));
                boolean stored = result.stream().anyMatch(entry -> entry.namespace().equals(key.namespace())
                        && entry.name().equals(key.name()));
                if (!stored) {
                    result.add(new CertificateReadiness(key.namespace(), key.name(), false, "InvalidManifest",
                            problem.describe()));
                }
            }
        }
        return result;
    }

    /**
     * Returns lines that explain why a Certificate is not Ready beyond its Ready condition: the
     * state of its latest CertificateRequest and, when not Ready, of its issuer. Empty for a
     * Certificate that is not stored, such as one whose manifest was rejected.
     */
    public List<String> notReadyDetails(CertificateReadiness certificate) {
        return notReadyDetails.explain(certificate.namespace(), certificate.name());
    }

    /**
     * Compares every Secret's files with the store once and loads those that differ as edits,
     * as the running mode does every {@link Settings#secretCheckInterval}.
     *
     * @return how many Secrets were loaded from disk
     */
    public int checkSecretFiles() {
        int loaded = secretCheck.run();
        if (loaded > 0) {
            // Restores what manifests set in a damaged Secret, such as a password the user deleted.
            reload();
        }
        return loaded;
    }

    /**
     * Starts the controller workers, the watchers of the manifest directory and of the renewal
     * request directory, and the periodic check of the Secret files; returns at once.
     */
    public void start() {
        applyRenewalRequests();
        manager.enqueueAll();
        manager.start(settings.options().concurrentWorkers());
        AtomicFiles.createDirectories(layout.requests());
        watchers.add(new DirectoryWatcher(settings.manifestDirectory(), Set.of(layout.root()), this::reload));
        watchers.add(new DirectoryWatcher(layout.requests(), Set.of(), this::applyRenewalRequests));
        startSecretCheck();
        LOG.info("watching manifests: directory={}, state={}", settings.manifestDirectory().toAbsolutePath(),
                layout.root());
    }

    private void startSecretCheck() {
        secretCheckTimer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "certwright-secret-check");
            thread.setDaemon(true);
            return thread;
        });
        long period = settings.secretCheckInterval().toMillis();
        secretCheckTimer.scheduleWithFixedDelay(() -> {
            try {
                checkSecretFiles();
            } catch (RuntimeException e) {
                LOG.error("checking the Secret files failed: {}", e.getMessage());
                LOG.debug("checking the Secret files failed", e);
            }
        }, period, period, TimeUnit.MILLISECONDS);
    }

    /** Waits until no reconcile is due or running, for tests of the running mode. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        return manager.awaitIdle(timeout);
    }

    /** Wakes the workers so that they re-read the clock, after a test moved it. */
    public void wakeUp() {
        manager.wakeUp();
    }

    @Override
    public void close() {
        if (secretCheckTimer != null) {
            // No interrupt: it would abort a Secret write in the middle of a FileChannel operation.
            secretCheckTimer.shutdown();
            try {
                secretCheckTimer.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (AutoCloseable watcher : watchers) {
            try {
                watcher.close();
            } catch (Exception e) {
                LOG.debug("closing watcher: {}", e.getMessage());
            }
        }
        manager.close();
        http01.close();
        lock.close();
    }
}
