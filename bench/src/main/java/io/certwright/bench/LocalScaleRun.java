package io.certwright.bench;

import io.certwright.local.CertificateReadiness;
import io.certwright.local.LocalRuntime;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Issues N Certificates from one CA issuer in the local runtime. All manifests are written before the
 * runtime starts, so every Certificate is created at the start, and its Created→Ready latency is the time
 * until the first readiness poll that finds it Ready.
 */
final class LocalScaleRun {
    /**
     * How often the benchmark polls readiness. Each poll copies every Certificate, so polling faster slows
     * the run it measures; 100 ms is under 1 % of a run of ten seconds or more, and it is the resolution
     * of the local latency percentiles.
     */
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

    private LocalScaleRun() {
    }

    static void run(BenchmarkArguments arguments, double floorRate, Summary summary) throws Exception {
        Path directory = Files.createTempDirectory("certwright-bench-");
        try {
            writeManifests(directory, arguments.count(), arguments.key());
            long baselineHeap = HeapMeter.retainedBytes();
            measure(directory, arguments, floorRate, baselineHeap, summary);
        } finally {
            deleteRecursively(directory);
        }
    }

    private static void measure(Path directory, BenchmarkArguments arguments, double floorRate, long baselineHeap,
            Summary summary) throws InterruptedException {
        LocalRuntime.Settings settings = LocalRuntime.Settings.of(directory);
        settings = settings.withOptions(settings.options().withConcurrentWorkers(arguments.workers()));
        int expected = arguments.count() + 1;
        Map<String, Long> readyAfter = new HashMap<>();
        HeapMeter peak = HeapMeter.startPeak();
        long cpuBefore = MachineLoad.processCpuNanos();
        long start = System.nanoTime();
        try (LocalRuntime runtime = LocalRuntime.open(settings)) {
            runtime.start();
            while (readyAfter.size() < expected) {
                long now = System.nanoTime();
                for (CertificateReadiness readiness : runtime.readiness()) {
                    if (readiness.ready()) {
                        readyAfter.putIfAbsent(readiness.namespace() + "/" + readiness.name(), now - start);
                    }
                }
                peak.sample();
                if (readyAfter.size() < expected) {
                    Thread.sleep(POLL_INTERVAL.toMillis());
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (MachineLoad.processCpuNanos() - cpuBefore) / 1e9;
            Percentiles latency = new Percentiles(readyAfter.values());
            readyAfter.clear();
            long retained = HeapMeter.retainedBytes() - baselineHeap;
            double rate = arguments.count() / seconds;

            System.out.printf(Locale.ROOT, "local runtime: %d certificates Ready in %.2f s = %.0f/s (%.1f%% of the floor)%n",
                    arguments.count(), seconds, rate, 100 * rate / floorRate);
            System.out.printf(Locale.ROOT, "Created->Ready (all created at start, %d ms polls): p50 %.0f ms, p99 %.0f ms%n",
                    POLL_INTERVAL.toMillis(), latency.millis(50), latency.millis(99));
            System.out.printf(Locale.ROOT, "heap: retained growth %d MiB after GC, peak growth %d MiB; CPU time %.1f s%n",
                    retained >> 20, (peak.peakBytes() - baselineHeap) >> 20, cpuSeconds);

            summary.put("ready_seconds", seconds, 3)
                    .put("issuances_per_second", rate, 1)
                    .put("floor_per_second", floorRate, 1)
                    .put("ratio_to_floor", rate / floorRate, 3)
                    .put("p50_ms", latency.millis(50), 0)
                    .put("p99_ms", latency.millis(99), 0)
                    .put("heap_bytes_per_certificate", retained / expected)
                    .put("peak_heap_bytes_per_certificate", (peak.peakBytes() - baselineHeap) / expected)
                    .put("cpu_seconds", cpuSeconds, 1);
        }
    }

    /** Writes a self-signed root, a CA ClusterIssuer on it, and {@code count} leaf Certificates. */
    static void writeManifests(Path directory, int count, String key) throws IOException {
        String issuers = """
                apiVersion: cert-manager.io/v1
                kind: ClusterIssuer
                metadata: {name: bootstrap}
                spec: {selfSigned: {}}
                ---
                apiVersion: cert-manager.io/v1
                kind: Certificate
                metadata: {name: bench-ca, namespace: cert-manager}
                spec:
                  isCA: true
                  commonName: Certwright bench CA
                  secretName: bench-ca
                  privateKey: {algorithm: ECDSA, size: 256}
                  issuerRef: {name: bootstrap, kind: ClusterIssuer}
                ---
                apiVersion: cert-manager.io/v1
                kind: ClusterIssuer
                metadata: {name: bench-ca}
                spec: {ca: {secretName: bench-ca}}
                """;
        Files.writeString(directory.resolve("issuers.yaml"), issuers, StandardCharsets.UTF_8);
        String algorithm = key.equals("rsa") ? "RSA" : "ECDSA";
        StringBuilder leaves = new StringBuilder();
        for (int i = 0; i < count; i++) {
            leaves.append("---\napiVersion: cert-manager.io/v1\nkind: Certificate\n")
                    .append("metadata: {name: leaf-").append(i).append(", namespace: bench}\n")
                    .append("spec:\n  secretName: leaf-").append(i).append("-tls\n")
                    .append("  dnsNames: [leaf-").append(i).append(".bench.example]\n")
                    .append("  privateKey: {algorithm: ").append(algorithm).append("}\n")
                    .append("  issuerRef: {name: bench-ca, kind: ClusterIssuer}\n");
        }
        Files.writeString(directory.resolve("leaves.yaml"), leaves.toString(), StandardCharsets.UTF_8);
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
