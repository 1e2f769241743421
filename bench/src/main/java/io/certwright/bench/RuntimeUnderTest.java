package io.certwright.bench;

import io.certwright.core.ControllerOptions;
import io.certwright.kubernetes.KubernetesClients;
import io.certwright.kubernetes.KubernetesRuntime;
import io.certwright.kubernetes.KubernetesRuntimeSettings;
import io.certwright.kubernetes.LeaderElectionSettings;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * A {@link KubernetesRuntime} in this JVM with its own two clients, built as {@code certwright controller}
 * builds them: the controllers' client limited to {@code --kube-api-qps} and {@code --kube-api-burst}, and an
 * unlimited one for the Lease. Leader election is off, so the controllers start at once, and the metrics and
 * health servers listen on ephemeral loopback ports.
 */
final class RuntimeUnderTest implements AutoCloseable {
    private static final String READY_TRUE_SERIES = "certmanager_certificate_ready_status{";
    private static final String SYNC_CALL_SERIES = "certmanager_controller_sync_call_count{";

    /**
     * The runtime counts as idle when no controller started a reconcile for this long. A reconcile that is
     * still running keeps the objects it listed reachable, and they would count as retained heap.
     */
    private static final Duration IDLE_PERIOD = Duration.ofSeconds(2);

    private final KubernetesClient controllerClient;
    private final KubernetesClient leaderElectionClient;
    private final KubernetesRuntime runtime;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile long lastScrapeNanos;

    private RuntimeUnderTest(KubernetesClient controllerClient, KubernetesClient leaderElectionClient,
            KubernetesRuntime runtime) {
        this.controllerClient = controllerClient;
        this.leaderElectionClient = leaderElectionClient;
        this.runtime = runtime;
    }

    static RuntimeUnderTest start(Path kubeconfig, BenchmarkArguments arguments, Clock clock) {
        KubernetesClients clients = new KubernetesClients(kubeconfig, null, arguments.kubeApiQps(),
                arguments.kubeApiBurst());
        KubernetesClient controllerClient = clients.controllerClient();
        KubernetesClient leaderElectionClient = clients.leaderElectionClient();
        KubernetesRuntimeSettings settings = KubernetesRuntimeSettings.defaults()
                .withControllerOptions(ControllerOptions.defaults()
                        .withClusterResourceNamespace(BenchObjects.CLUSTER_RESOURCE_NAMESPACE)
                        .withConcurrentWorkers(arguments.workers()))
                .withLeaderElection(LeaderElectionSettings.defaults().withEnabled(false))
                .withListenAddresses("127.0.0.1:0", "127.0.0.1:0")
                .withClock(clock);
        try {
            return new RuntimeUnderTest(controllerClient, leaderElectionClient,
                    KubernetesRuntime.start(settings, controllerClient, leaderElectionClient));
        } catch (RuntimeException e) {
            controllerClient.close();
            leaderElectionClient.close();
            throw e;
        }
    }

    boolean controllersRunning() {
        return runtime.controllersRunning();
    }

    /**
     * Returns how many Certificates the runtime's own {@code /metrics} reports with Ready True, read from
     * its informer cache, so a restarted runtime counts only what it has synced. The body is read line by
     * line as it arrives. With 10,000 Certificates it is 11.7 MB, and decoding it into one String to split
     * it cost about 20 ms of CPU per scrape in MetricsScrapeBenchmark, in the JVM that also runs the runtime.
     */
    int readyCertificatesReported() throws IOException, InterruptedException {
        long start = System.nanoTime();
        long ready;
        try (Stream<String> lines = http.send(metricsRequest(), HttpResponse.BodyHandlers.ofLines()).body()) {
            ready = lines.filter(line -> line.startsWith(READY_TRUE_SERIES) && line.contains("condition=\"True\"")
                    && line.endsWith("} 1")).count();
        }
        lastScrapeNanos = System.nanoTime() - start;
        return Math.toIntExact(ready);
    }

    /** Returns how long the last {@link #readyCertificatesReported} waited for the {@code /metrics} response. */
    Duration lastScrapeDuration() {
        return Duration.ofNanos(lastScrapeNanos);
    }

    /**
     * Waits until the runtime's reconcile count, {@code certmanager_controller_sync_call_count} summed over
     * controllers, has not changed for {@link #IDLE_PERIOD}, or until {@code timeout} passed.
     *
     * @return whether the runtime became idle within the timeout
     */
    boolean awaitIdle(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        double previous = syncCalls();
        while (System.nanoTime() - deadline < 0) {
            Thread.sleep(IDLE_PERIOD.toMillis());
            double current = syncCalls();
            if (current == previous) {
                return true;
            }
            previous = current;
        }
        return false;
    }

    private double syncCalls() throws IOException, InterruptedException {
        double calls = 0;
        for (String line : scrape().split("\n")) {
            if (line.startsWith(SYNC_CALL_SERIES)) {
                calls += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return calls;
    }

    private String scrape() throws IOException, InterruptedException {
        return http.send(metricsRequest(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private HttpRequest metricsRequest() {
        URI metrics = URI.create("http://127.0.0.1:" + runtime.metricsAddress().getPort() + "/metrics");
        return HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(30)).build();
    }

    /** Fails when the runtime stopped on its own, for example because its caches did not sync. */
    void checkRunning() {
        if (runtime.termination().isCompletedExceptionally()) {
            runtime.termination().join();
        }
    }

    @Override
    public void close() {
        try {
            runtime.close();
        } finally {
            controllerClient.close();
            leaderElectionClient.close();
        }
    }
}
