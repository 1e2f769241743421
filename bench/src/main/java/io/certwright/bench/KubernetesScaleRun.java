package io.certwright.bench;

import io.certwright.core.time.AdvancingClock;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Measures the Kubernetes runtime against a kube-apiserver and etcd that it starts on loopback:
 *
 * <ol>
 *   <li>the floor: {@link ApiWriteFloor}, crypto plus the bare API writes of an issuance;
 *   <li>bulk issuance: N Certificates created at once from one CA ClusterIssuer, until all are Ready,
 *       with each one's Created→Ready latency seen by a watch, and the API server's request count;
 *   <li>single latency: Certificates created one after another once the runtime is idle after the bulk run;
 *   <li>renewal storm, when requested: {@link RenewalStorm}, the runtime's clock jumps past every leaf's
 *       renewal time, until all are renewed;
 *   <li>restart: a new runtime over the issued Certificates, until its caches have synced and its own
 *       metrics report them all Ready, counting any CertificateRequest it creates (a re-issuance);
 *   <li>unrelated Secrets, when requested: the same restart after adding small unlabelled Secrets, and the
 *       retained heap it adds.
 * </ol>
 */
final class KubernetesScaleRun {
    /** Cap of floor issuances: enough for a stable rate, and a 10,000 run does not spend minutes on its floor. */
    static final int FLOOR_MAX_ISSUANCES = 2000;

    /** Floor issuances before the measured ones, so connections are open and the API server's caches warm. */
    private static final int FLOOR_WARMUP = 50;

    /** Threads that create the bulk Certificates, as many concurrent kubectl applies would. */
    private static final int CREATE_THREADS = 8;

    /** How often the benchmark checks progress and samples the heap; a poll reads only in-memory counts. */
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

    /** The bulk run fails when no Certificate became Ready for this long. */
    private static final Duration STALL_TIMEOUT = Duration.ofMinutes(3);

    /** Time to wait for one Certificate or Issuer to become Ready outside the bulk run. */
    private static final Duration SINGLE_TIMEOUT = Duration.ofSeconds(120);

    /**
     * Maximum wait for the runtime to become idle before a retained-heap sample. A restarted runtime also
     * keeps running until it is idle after reporting everything Ready, so that a re-issuance it starts late
     * still shows up in the API server's count of CertificateRequest creates. A restart over 10,000
     * Certificates reconciles each of them in every controller, which took over a minute on 2 loaded cores.
     */
    private static final Duration IDLE_TIMEOUT = Duration.ofMinutes(15);

    /** Rows of the class histogram printed after issuance, enough to show what each Certificate costs. */
    private static final int HISTOGRAM_ROWS = 25;

    /** The class of the Secrets that fabric8's informers and clients deserialize. */
    private static final String SECRET_CLASS = "io.fabric8.kubernetes.api.model.Secret";

    private final BenchmarkArguments arguments;
    private final CryptoFloor crypto;
    private final Summary summary;
    /** The clock of every runtime this run starts; only the renewal storm moves it. */
    private final AdvancingClock clock = new AdvancingClock();
    private PeerProcesses peers;
    private KubernetesClient admin;

    private KubernetesScaleRun(BenchmarkArguments arguments, CryptoFloor crypto, Summary summary) {
        this.arguments = arguments;
        this.crypto = crypto;
        this.summary = summary;
    }

    static void run(BenchmarkArguments arguments, CryptoFloor crypto, double cryptoFloorRate, Path repositoryRoot,
            Summary summary) throws Exception {
        KubernetesScaleRun run = new KubernetesScaleRun(arguments, crypto, summary);
        run.peers = PeerProcesses.start(repositoryRoot);
        try {
            run.admin = new KubernetesClientBuilder()
                    .withConfig(Config.fromKubeconfig(run.peers.kubeconfig().toFile())).build();
            try {
                run.measure(cryptoFloorRate);
            } finally {
                run.admin.close();
            }
        } finally {
            run.peers.close();
        }
    }

    private void measure(double cryptoFloorRate) throws Exception {
        List<String> namespaces = new ArrayList<>(List.of(BenchObjects.CLUSTER_RESOURCE_NAMESPACE,
                ApiWriteFloor.NAMESPACE, UnrelatedSecrets.NAMESPACE));
        for (int i = 0; i < arguments.namespaces(); i++) {
            namespaces.add(BenchObjects.leafNamespace(i, arguments.namespaces()));
        }
        for (String namespace : namespaces) {
            admin.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata()
                    .build()).create();
        }
        double floorRate = measureFloor();
        summary.put("floor_per_second", floorRate, 1).put("crypto_floor_per_second", cryptoFloorRate, 1);

        for (GenericKubernetesResource object : BenchObjects.caIssuer()) {
            admin.resource(object).create();
        }
        try (CertificateReadyWatch watch = CertificateReadyWatch.start(admin)) {
            long baselineHeap = HeapMeter.retainedBytes();
            RuntimeUnderTest runtime = RuntimeUnderTest.start(peers.kubeconfig(), arguments, clock);
            try {
                awaitCaIssuerReady(runtime);
                double bulkRate = measureBulk(watch, floorRate, baselineHeap);
                // The bulk run leaves reconciles behind (revision manager, events); singles measure an idle runtime.
                awaitIdle(runtime);
                int managed = arguments.count() + measureSingles(watch) + 1;
                watch.clear();
                awaitIdle(runtime);
                long retained = HeapMeter.retainedBytes() - baselineHeap;
                System.out.printf(Locale.ROOT, "heap: retained growth %d KiB after GC for %d Certificates = %d bytes each%n",
                        retained >> 10, managed, retained / managed);
                summary.put("heap_bytes_per_certificate", retained / managed);
                System.out.println("live heap by class after issuance, largest first:");
                System.out.println(HeapMeter.topClasses(HISTOGRAM_ROWS));
                if (arguments.heapDump() != null) {
                    HeapMeter.dumpLive(arguments.heapDump());
                    System.out.println("heap dump of the live objects written to " + arguments.heapDump());
                }
                if (arguments.renewalStorm()) {
                    measureRenewalStorm(watch, bulkRate);
                }
                if (arguments.restart() || arguments.unrelatedSecrets() > 0) {
                    runtime.close();
                    runtime = null;
                    measureRestarts(managed);
                }
            } finally {
                if (runtime != null) {
                    runtime.close();
                }
            }
        }
    }

    /** Runs {@link ApiWriteFloor} and returns its issuances per second. */
    private double measureFloor() throws Exception {
        ApiWriteFloor floor = new ApiWriteFloor(admin, crypto, arguments.key());
        int issuances = Math.min(arguments.count(), FLOOR_MAX_ISSUANCES);
        floor.run(FLOOR_WARMUP);
        floor.deleteObjects();
        double load = MachineLoad.loadAverage();
        double seconds = floor.run(issuances) / 1e9;
        double rate = issuances / seconds;
        floor.deleteObjects();
        System.out.printf(Locale.ROOT, "API floor: %d issuances (crypto + %d API writes each) in %.2f s on %d threads"
                        + " = %.1f/s (load %.1f)%n",
                issuances, ApiWriteFloor.WRITES_PER_ISSUANCE, seconds, ApiWriteFloor.THREADS, rate, load);
        return rate;
    }

    private void awaitCaIssuerReady(RuntimeUnderTest runtime) throws InterruptedException {
        long deadline = System.nanoTime() + SINGLE_TIMEOUT.toNanos();
        while (true) {
            runtime.checkRunning();
            GenericKubernetesResource issuer = admin.genericKubernetesResources(BenchObjects.CLUSTER_ISSUERS)
                    .withName(BenchObjects.CA_ISSUER).get();
            if (issuer != null && BenchObjects.ready(issuer)) {
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("ClusterIssuer " + BenchObjects.CA_ISSUER + " was not Ready within "
                        + SINGLE_TIMEOUT + "; the runtime's warnings above say why");
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
    }

    /** Issues the leaf Certificates at once and returns the issuance rate. */
    private double measureBulk(CertificateReadyWatch watch, double floorRate, long baselineHeap) throws Exception {
        int count = arguments.count();
        ApiRequestCounts requestsBefore = ApiRequestCounts.scrape(admin);
        ProcessCpu cpuBefore = ProcessCpu.read(peers);
        HeapMeter peak = HeapMeter.startPeak();
        String loadBefore = MachineLoad.loadAverages();

        long start = System.nanoTime();
        Map<String, Long> createdNanos = createLeaves(count);
        double createSeconds = (System.nanoTime() - start) / 1e9;
        awaitAllReady(watch, count, peak);
        long lastReady = 0;
        List<Long> latencies = new ArrayList<>(count);
        for (Map.Entry<String, Long> created : createdNanos.entrySet()) {
            long ready = watch.readyNanos(created.getKey());
            lastReady = Math.max(lastReady, ready);
            latencies.add(Math.max(0, ready - created.getValue()));
        }
        double seconds = (lastReady - start) / 1e9;
        ProcessCpu cpu = ProcessCpu.read(peers).since(cpuBefore);
        ApiRequestCounts requests = ApiRequestCounts.scrape(admin).since(requestsBefore);
        String loadAfter = MachineLoad.loadAverages();
        Percentiles latency = new Percentiles(latencies);
        double rate = count / seconds;
        // The benchmark's own creates are not the runtime's; the two scrapes add one request each.
        double perIssuance = (requests.total() - count - 1) / (double) count;

        System.out.printf(Locale.ROOT, "kubernetes runtime: %d Certificates created in %.2f s, all Ready after %.2f s"
                        + " = %.1f/s (%.1f%% of the floor); load averages %s before, %s after%n",
                count, createSeconds, seconds, rate, 100 * rate / floorRate, loadBefore, loadAfter);
        System.out.printf(Locale.ROOT, "Created->Ready under load (create call returned to Ready seen by a watch):"
                + " p50 %.0f ms, p99 %.0f ms, max %.0f ms%n", latency.millis(50), latency.millis(99), latency.maxMillis());
        System.out.printf(Locale.ROOT, "API requests: %.1f per issuance besides the Certificate create; %s%n",
                perIssuance, requests.describe());
        System.out.printf(Locale.ROOT, "CPU seconds: this JVM %.1f, kube-apiserver %.1f, etcd %.1f; peak heap growth"
                + " %d MiB%n", cpu.jvmSeconds(), cpu.apiServerSeconds(), cpu.etcdSeconds(),
                (peak.peakBytes() - baselineHeap) >> 20);

        summary.put("ready_seconds", seconds, 3)
                .put("issuances_per_second", rate, 1)
                .put("ratio_to_floor", rate / floorRate, 3)
                .put("p50_ms", latency.millis(50), 0)
                .put("p99_ms", latency.millis(99), 0)
                .put("api_requests_per_issuance", perIssuance, 1)
                .put("peak_heap_bytes_per_certificate", (peak.peakBytes() - baselineHeap) / count)
                .put("cpu_seconds", cpu.jvmSeconds(), 1)
                .put("apiserver_cpu_seconds", cpu.apiServerSeconds(), 1)
                .put("etcd_cpu_seconds", cpu.etcdSeconds(), 1)
                .put("bulk_load", loadAfter);
        return rate;
    }

    /** Runs the {@link RenewalStorm} over every leaf Certificate and compares its rate with the bulk issuance's. */
    private void measureRenewalStorm(CertificateReadyWatch watch, double bulkRate) throws Exception {
        RenewalStorm storm = new RenewalStorm(admin, clock);
        RenewalStorm.Due due = storm.read();
        watch.expectRevision(due.revision() + 1);
        ApiRequestCounts requestsBefore = ApiRequestCounts.scrape(admin);
        ProcessCpu cpuBefore = ProcessCpu.read(peers);
        HeapMeter peak = HeapMeter.startPeak();
        long heapBefore = HeapMeter.retainedBytes();

        RenewalStorm.Jump jump = storm.jump(due);
        System.out.println(RenewalStorm.describe(due, jump));
        awaitAllReady(watch, due.size(), peak);
        RenewalStorm.Outcome outcome = RenewalStorm.outcome(due, jump, watch::readyNanos);
        watch.clear();

        double seconds = (outcome.lastRenewedNanos() - jump.nanos()) / 1e9;
        double rate = due.size() / seconds;
        Percentiles latency = new Percentiles(outcome.latencyNanos());
        ProcessCpu cpu = ProcessCpu.read(peers).since(cpuBefore);
        ApiRequestCounts requests = ApiRequestCounts.scrape(admin).since(requestsBefore);
        double perRenewal = (requests.total() - 1) / (double) due.size();
        System.out.printf(Locale.ROOT, "renewal storm: %d Certificates renewed %.2f s after the jump = %.1f/s"
                        + " (%.2f of the bulk issuance rate); %d renewed after their old certificate expired;"
                        + " jump->renewed p50 %.0f ms, p99 %.0f ms; %.1f API requests per renewal (%s); CPU seconds:"
                        + " this JVM %.1f, kube-apiserver %.1f, etcd %.1f; peak heap growth %d MiB (load %s)%n",
                due.size(), seconds, rate, rate / bulkRate, outcome.missed(), latency.millis(50), latency.millis(99),
                perRenewal, requests.describe(), cpu.jvmSeconds(), cpu.apiServerSeconds(), cpu.etcdSeconds(),
                (peak.peakBytes() - heapBefore) >> 20, MachineLoad.loadAverages());
        summary.put("storm_certificates", due.size())
                .put("storm_seconds", seconds, 3)
                .put("storm_per_second", rate, 1)
                .put("storm_ratio_to_bulk", rate / bulkRate, 3)
                .put("storm_missed", outcome.missed())
                .put("storm_p50_ms", latency.millis(50), 0)
                .put("storm_p99_ms", latency.millis(99), 0);
    }

    /** Creates the leaf Certificates on {@link #CREATE_THREADS} threads; returns each name's create-return time. */
    private Map<String, Long> createLeaves(int count) throws Exception {
        Map<String, Long> createdNanos = new ConcurrentHashMap<>(count * 2);
        ExecutorService pool = Executors.newFixedThreadPool(CREATE_THREADS);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int thread = 0; thread < CREATE_THREADS; thread++) {
                int first = thread;
                futures.add(pool.submit(() -> {
                    for (int index = first; index < count; index += CREATE_THREADS) {
                        String namespace = BenchObjects.leafNamespace(index, arguments.namespaces());
                        String name = "leaf-" + index;
                        admin.resource(BenchObjects.leaf(namespace, name, arguments.key())).create();
                        createdNanos.put(namespace + "/" + name, System.nanoTime());
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return createdNanos;
    }

    private void awaitAllReady(CertificateReadyWatch watch, int count, HeapMeter peak) throws InterruptedException {
        int lastCount = -1;
        long lastProgress = System.nanoTime();
        long lastReport = System.nanoTime();
        while (watch.readyCount() < count) {
            peak.sample();
            int ready = watch.readyCount();
            long now = System.nanoTime();
            if (ready != lastCount) {
                lastCount = ready;
                lastProgress = now;
            } else if (now - lastProgress > STALL_TIMEOUT.toNanos()) {
                throw new IllegalStateException("no Certificate became Ready for " + STALL_TIMEOUT + "; " + ready
                        + " of " + count + " are Ready. The runtime's warnings above say why");
            }
            if (now - lastReport > Duration.ofSeconds(10).toNanos()) {
                System.out.printf(Locale.ROOT, "  ... %d of %d Ready (load %s)%n", ready, count,
                        MachineLoad.loadAverages());
                lastReport = now;
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
    }

    /** Creates Certificates one at a time, each after the previous is Ready; returns how many. */
    private int measureSingles(CertificateReadyWatch watch) throws InterruptedException {
        int samples = arguments.singleSamples();
        if (samples == 0) {
            return 0;
        }
        List<Long> latencies = new ArrayList<>(samples);
        String load = MachineLoad.loadAverages();
        for (int i = 0; i < samples; i++) {
            String namespace = BenchObjects.leafNamespace(i, arguments.namespaces());
            String name = "single-" + i;
            admin.resource(BenchObjects.leaf(namespace, name, arguments.key())).create();
            long created = System.nanoTime();
            latencies.add(Math.max(0, watch.awaitReady(namespace + "/" + name, SINGLE_TIMEOUT) - created));
        }
        Percentiles latency = new Percentiles(latencies);
        System.out.printf(Locale.ROOT, "Created->Ready one at a time on the idle runtime, %d samples: p50 %.0f ms,"
                + " p99 %.0f ms (load %s)%n", samples, latency.millis(50), latency.millis(99), load);
        summary.put("single_p50_ms", latency.millis(50), 0)
                .put("single_p99_ms", latency.millis(99), 0)
                .put("single_samples", samples);
        return samples;
    }

    private void measureRestarts(int managed) throws Exception {
        if (arguments.restart()) {
            Restart restart = restart(managed);
            System.out.printf(Locale.ROOT, "restart: caches synced after %.2f s, %d Certificates reported Ready after"
                            + " %.2f s (that /metrics scrape took %.2f s), no reconcile started after %.1f s, %d"
                            + " CertificateRequests created (re-issuances); retained heap %d bytes per Certificate"
                            + " (load %s)%n",
                    restart.syncSeconds(), managed, restart.readySeconds(), restart.scrapeSeconds(),
                    restart.idleSeconds(), restart.reissued(), restart.retainedBytes() / managed, restart.load());
            summary.put("restart_sync_seconds", restart.syncSeconds(), 3)
                    .put("restart_ready_seconds", restart.readySeconds(), 3)
                    .put("restart_scrape_seconds", restart.scrapeSeconds(), 3)
                    .put("restart_idle_seconds", restart.idleSeconds(), 1)
                    .put("restart_reissued", restart.reissued())
                    .put("restart_heap_bytes_per_certificate", restart.retainedBytes() / managed);
            if (arguments.unrelatedSecrets() > 0) {
                measureUnrelatedSecrets(managed, restart);
            }
        } else {
            measureUnrelatedSecrets(managed, null);
        }
    }

    private void measureUnrelatedSecrets(int managed, Restart without) throws Exception {
        int secrets = arguments.unrelatedSecrets();
        long start = System.nanoTime();
        UnrelatedSecrets.create(admin, secrets);
        System.out.printf(Locale.ROOT, "created %d unrelated Secrets of %d bytes in %.1f s%n", secrets,
                UnrelatedSecrets.PAYLOAD_BYTES, (System.nanoTime() - start) / 1e9);
        Restart with = restart(managed);
        System.out.printf(Locale.ROOT, "restart with %d unrelated Secrets: caches synced after %.2f s, all Ready after"
                        + " %.2f s, idle after %.1f s, %d re-issuances; retained heap %d KiB (%d live fabric8 Secret"
                        + " objects; load %s)%n",
                secrets, with.syncSeconds(), with.readySeconds(), with.idleSeconds(), with.reissued(),
                with.retainedBytes() >> 10, with.secretInstances(), with.load());
        summary.put("unrelated_secrets", secrets)
                .put("unrelated_restart_ready_seconds", with.readySeconds(), 3)
                .put("unrelated_heap_bytes_with", with.retainedBytes());
        if (without != null) {
            long cost = with.retainedBytes() - without.retainedBytes();
            System.out.printf(Locale.ROOT, "unrelated Secrets add %d KiB of retained heap (%.1f bytes each)%n",
                    cost >> 10, cost / (double) secrets);
            summary.put("unrelated_secrets_heap_bytes", cost);
        }
    }

    /**
     * Starts a new runtime over the existing objects, waits until its metrics report every managed
     * Certificate Ready, and measures it. The runtime is closed before this returns.
     */
    private Restart restart(int managed) throws Exception {
        long baseline = HeapMeter.retainedBytes();
        ApiRequestCounts before = ApiRequestCounts.scrape(admin);
        String load = MachineLoad.loadAverages();
        long start = System.nanoTime();
        try (RuntimeUnderTest runtime = RuntimeUnderTest.start(peers.kubeconfig(), arguments, clock)) {
            long deadline = start + STALL_TIMEOUT.toNanos();
            while (!runtime.controllersRunning()) {
                runtime.checkRunning();
                checkDeadline(deadline, "the restarted runtime's caches to sync");
                Thread.sleep(10);
            }
            double syncSeconds = (System.nanoTime() - start) / 1e9;
            while (runtime.readyCertificatesReported() < managed) {
                checkDeadline(deadline, "the restarted runtime to report " + managed + " Certificates Ready");
                Thread.sleep(POLL_INTERVAL.toMillis());
            }
            double readySeconds = (System.nanoTime() - start) / 1e9;
            double scrapeSeconds = runtime.lastScrapeDuration().toNanos() / 1e9;
            awaitIdle(runtime);
            double idleSeconds = (System.nanoTime() - start) / 1e9;
            long reissued = ApiRequestCounts.scrape(admin).since(before).count("POST", "certificaterequests");
            long retained = HeapMeter.retainedBytes() - baseline;
            long secretInstances = HeapMeter.liveInstances(SECRET_CLASS);
            return new Restart(syncSeconds, readySeconds, scrapeSeconds, idleSeconds, reissued, retained,
                    secretInstances, load);
        }
    }

    private static void awaitIdle(RuntimeUnderTest runtime) throws Exception {
        if (!runtime.awaitIdle(IDLE_TIMEOUT)) {
            System.out.printf(Locale.ROOT, "note: the runtime still reconciled after %d s; the next heap sample"
                    + " includes the objects those reconciles hold%n", IDLE_TIMEOUT.toSeconds());
        }
    }

    private static void checkDeadline(long deadline, String description) {
        if (System.nanoTime() - deadline > 0) {
            throw new IllegalStateException("timed out after " + STALL_TIMEOUT + " waiting for " + description);
        }
    }

    /** @param scrapeSeconds how long the {@code /metrics} scrape that first reported every Certificate Ready took */
    private record Restart(double syncSeconds, double readySeconds, double scrapeSeconds, double idleSeconds,
            long reissued, long retainedBytes, long secretInstances, String load) {
    }

    /** CPU seconds of this JVM, kube-apiserver and etcd. */
    private record ProcessCpu(double jvmSeconds, double apiServerSeconds, double etcdSeconds) {
        static ProcessCpu read(PeerProcesses peers) {
            return new ProcessCpu(MachineLoad.processCpuNanos() / 1e9,
                    MachineLoad.otherProcessCpuSeconds(peers.apiServerPid()),
                    MachineLoad.otherProcessCpuSeconds(peers.etcdPid()));
        }

        ProcessCpu since(ProcessCpu earlier) {
            return new ProcessCpu(jvmSeconds - earlier.jvmSeconds, apiServerSeconds - earlier.apiServerSeconds,
                    etcdSeconds - earlier.etcdSeconds);
        }
    }
}
