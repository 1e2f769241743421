package io.certwright.kubernetes;

import com.sun.management.OperatingSystemMXBean;
import com.sun.management.ThreadMXBean;
import io.certwright.api.model.Certificate;
import io.certwright.api.model.CertificateCondition;
import io.certwright.api.model.CertificateSpec;
import io.certwright.api.model.CertificateStatus;
import io.certwright.api.model.IssuerReference;
import io.certwright.core.cluster.InMemoryCluster;
import io.certwright.core.cluster.ResourceKind;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Times the Kubernetes runtime's {@code /metrics} scrape over Ready Certificates in an in-memory cluster, with
 * no API server: the rendering alone, and with {@code --http} also whole requests to the runtime's HTTP server
 * on loopback. For each it prints the body's size and, per scrape, the wall-clock time, CPU time and
 * allocation. It also prints the body's SHA-256, so two versions can be shown to render the same bytes.
 *
 * <p>The class is in the runtime's package, although it lives in the benchmark module, because the metrics
 * classes it times are package-private.
 */
public final class MetricsScrapeBenchmark {
    static final String USAGE = """
            usage: java -Xmx2g -cp bench/target/certwright-bench.jar io.certwright.kubernetes.MetricsScrapeBenchmark
                       [--count N] [--namespaces N] [--warmup N] [--iterations N] [--http]
              --count       Ready Certificates in the cluster (default 10000)
              --namespaces  namespaces they are spread over, as bench/scale --namespaces (default 1000)
              --warmup      scrapes run before timing, so the JIT has compiled the rendering; 0 times a cold start
                            (default 10)
              --iterations  timed scrapes (default 20)
              --http        also time whole requests over loopback, as the scale benchmark and Prometheus send them
            """;

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final int BUFFER_SIZE = 64 * 1024;

    private MetricsScrapeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options;
        try {
            options = options(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        if (options.containsKey("--help")) {
            System.out.print(USAGE);
            return;
        }
        int count = Integer.parseInt(options.getOrDefault("--count", "10000"));
        int namespaces = Integer.parseInt(options.getOrDefault("--namespaces", "1000"));
        int warmup = Integer.parseInt(options.getOrDefault("--warmup", "10"));
        int iterations = Integer.parseInt(options.getOrDefault("--iterations", "20"));

        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        InMemoryCluster cluster = readyCertificates(clock, count, namespaces);
        CertManagerMetrics metrics = new CertManagerMetrics(cluster, clock, () -> List.of("certificates-issuing"),
                name -> 0, name -> 0);
        System.out.printf(Locale.ROOT, "%d Ready Certificates in %d namespaces, JDK %s, %d cores, load average %.2f%n",
                count, namespaces, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

        byte[] body = metrics.scrape().body().toByteArray();
        System.out.printf(Locale.ROOT, "body: %d bytes, SHA-256 %s%n", body.length,
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)));
        measure("render", warmup, iterations, () -> metrics.scrape().body().length());
        if (options.containsKey("--http")) {
            measureHttp(metrics, warmup, iterations);
        }
    }

    private static void measureHttp(CertManagerMetrics metrics, int warmup, int iterations) throws Exception {
        try (HttpEndpoints server = HttpEndpoints.start("metrics", new InetSocketAddress("127.0.0.1", 0),
                Map.of("/metrics", metrics::scrape))) {
            URI uri = URI.create("http://127.0.0.1:" + server.address().getPort() + "/metrics");
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            // As the scale benchmark's client reads it: no Accept-Encoding, the body decoded to a String.
            measure("http, body as String", warmup, iterations, () -> http.send(
                    HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body().length());
            measure("http, Accept-Encoding gzip as Prometheus sends it", warmup, iterations,
                    () -> readDecoded(http.send(HttpRequest.newBuilder(uri).header("Accept-Encoding", "gzip").build(),
                            HttpResponse.BodyHandlers.ofInputStream())));
        }
    }

    /** Reads a response body to its end, decompressing it when the server sent it gzip-encoded, and counts it. */
    private static long readDecoded(HttpResponse<InputStream> response) throws IOException {
        boolean gzip = response.headers().firstValue("Content-Encoding").filter("gzip"::equalsIgnoreCase).isPresent();
        try (InputStream in = gzip ? new GZIPInputStream(response.body(), BUFFER_SIZE) : response.body()) {
            byte[] buffer = new byte[BUFFER_SIZE];
            long total = 0;
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                total += read;
            }
            return total;
        }
    }

    private interface Scrape {
        /** Runs one scrape and returns the size of the body it produced. */
        long run() throws Exception;
    }

    /**
     * Runs {@code warmup} scrapes untimed and then {@code iterations} timed ones, and prints the medians of
     * wall-clock time, this thread's CPU time and its allocation, and the mean process CPU time. Over HTTP
     * this thread only waits, so its CPU time and allocation are near zero there. The process CPU time also
     * counts the garbage collector, and over HTTP the server and the client. The operating system counts it
     * in ticks of about 10 ms, so it is summed over all timed scrapes.
     */
    private static void measure(String name, int warmup, int iterations, Scrape scrape) throws Exception {
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        OperatingSystemMXBean process = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long size = 0;
        for (int i = 0; i < warmup; i++) {
            size = scrape.run();
        }
        long[] wall = new long[iterations];
        long[] allocated = new long[iterations];
        long[] threadCpu = new long[iterations];
        long cpuStart = process.getProcessCpuTime();
        for (int i = 0; i < iterations; i++) {
            long allocatedStart = threads.getCurrentThreadAllocatedBytes();
            long threadCpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            size = scrape.run();
            wall[i] = System.nanoTime() - start;
            threadCpu[i] = threads.getCurrentThreadCpuTime() - threadCpuStart;
            allocated[i] = threads.getCurrentThreadAllocatedBytes() - allocatedStart;
        }
        long cpu = process.getProcessCpuTime() - cpuStart;
        System.out.printf(Locale.ROOT, "%s: %d bytes, %d scrapes: median %.1f ms wall (min %.1f, max %.1f),"
                        + " median %.1f ms CPU of this thread, mean %.1f ms process CPU,"
                        + " median %.1f MB allocated by this thread%n",
                name, size, iterations, median(wall) / 1e6, min(wall) / 1e6, max(wall) / 1e6,
                median(threadCpu) / 1e6, cpu / 1e6 / iterations, median(allocated) / 1e6);
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static long min(long[] values) {
        return Arrays.stream(values).min().orElseThrow();
    }

    private static long max(long[] values) {
        return Arrays.stream(values).max().orElseThrow();
    }

    /**
     * Returns a cluster with {@code count} Ready Certificates from a CA ClusterIssuer, named and spread over
     * namespaces as {@code bench/scale --runtime kubernetes} creates them.
     */
    private static InMemoryCluster readyCertificates(Clock clock, int count, int namespaces) {
        InMemoryCluster cluster = new InMemoryCluster(clock);
        for (int i = 0; i < count; i++) {
            Certificate created = cluster.create(ResourceKind.CERTIFICATE,
                    certificate("bench-" + (i % namespaces), "leaf-" + i));
            created.setStatus(readyStatus(clock.instant().minusSeconds(i)));
            cluster.updateStatus(ResourceKind.CERTIFICATE, created);
        }
        return cluster;
    }

    private static Certificate certificate(String namespace, String name) {
        Certificate certificate = new Certificate();
        ObjectMeta metadata = new ObjectMeta();
        metadata.setNamespace(namespace);
        metadata.setName(name);
        certificate.setMetadata(metadata);
        certificate.setSpec(new CertificateSpec()
                .withSecretName(name + "-tls")
                .withDnsNames(List.of(name + ".bench.example"))
                .withIssuerRef(new IssuerReference().withName("bench-ca").withKind("ClusterIssuer")));
        return certificate;
    }

    private static CertificateStatus readyStatus(Instant issued) {
        return new CertificateStatus()
                .withNotBefore(issued)
                .withNotAfter(issued.plus(Duration.ofDays(90)))
                .withRenewalTime(issued.plus(Duration.ofDays(60)))
                .withRevision(1)
                .withConditions(List.of(new CertificateCondition()
                        .withType("Ready").withStatus("True").withReason("Ready")
                        .withMessage("Certificate is up to date and has not expired")
                        .withLastTransitionTime(issued)
                        .withObservedGeneration(1L)));
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--http", "--help", "-h" -> options.put(args[i].equals("-h") ? "--help" : args[i], "");
                case "--count", "--namespaces", "--warmup", "--iterations" -> {
                    String option = args[i];
                    String value = i + 1 < args.length ? args[++i] : null;
                    options.put(option, atLeast(option.equals("--warmup") ? 0 : 1, option, value));
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        return options;
    }

    private static String atLeast(int minimum, String option, String value) {
        try {
            if (value != null && Integer.parseInt(value) >= minimum) {
                return value;
            }
        } catch (NumberFormatException e) {
            // Reported below with the option's name.
        }
        throw new IllegalArgumentException(option + " needs a whole number of at least " + minimum
                + (value == null ? ", but no value was given" : ", got " + value));
    }
}
