package io.certwright.bench;

import io.certwright.local.CertificateReadiness;
import io.certwright.local.LocalRuntime;
import io.certwright.pki.KeyAlgorithm;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Issues N certificates from one CA issuer in the local runtime and prints the rate next to the
 * bare key + CSR + signing rate. Both are measured in the same JVM, so the two numbers share one
 * machine, one JDK and one JIT state. The last line contains {@code key=value} pairs for scripts.
 *
 * <p>Usage: {@code ScaleBenchmark --runtime local --count 1000 [--key ecdsa|rsa] [--workers 5]}.
 */
public final class ScaleBenchmark {
    /** Issuances run before measuring the floor, so the JIT has compiled the signing path. */
    private static final int FLOOR_WARMUP = 200;

    /**
     * How often the benchmark polls readiness. Each poll copies every Certificate, so polling
     * faster slows the run it measures; 100 ms is under 1 % of a run of ten seconds or more.
     */
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

    private ScaleBenchmark() {
    }

    private static final String USAGE = """
            usage: bench/scale [--runtime local] [--count N] [--key ecdsa|rsa] [--workers N]
              --runtime  runtime to measure; only "local" exists so far (default local)
              --count    number of leaf Certificates to issue (default 1000)
              --key      leaf key algorithm: ecdsa (P-256) or rsa (2048 bits) (default ecdsa)
              --workers  workers per controller (default 5)
            """;

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.print(USAGE);
            return;
        }
        Arguments arguments;
        try {
            arguments = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        if (!arguments.runtime().equals("local")) {
            System.err.println("--runtime " + arguments.runtime() + " is not supported yet; use --runtime local");
            System.exit(2);
        }
        KeyAlgorithm algorithm = arguments.key().equals("rsa") ? KeyAlgorithm.RSA : KeyAlgorithm.ECDSA;
        int size = algorithm == KeyAlgorithm.RSA ? 2048 : 256;
        int threads = Runtime.getRuntime().availableProcessors();
        System.out.printf(Locale.ROOT, "machine: %d cores, JDK %s (%s), max heap %d MiB%n", threads,
                System.getProperty("java.version"), System.getProperty("java.vm.name"),
                Runtime.getRuntime().maxMemory() >> 20);

        CryptoFloor floor = new CryptoFloor(algorithm, size);
        floor.run(FLOOR_WARMUP, threads);
        double floorSeconds = floor.run(arguments.count(), threads) / 1e9;
        double floorRate = arguments.count() / floorSeconds;
        System.out.printf(Locale.ROOT, "floor: %d %s key + CSR + sign in %.2f s on %d threads = %.0f/s%n",
                arguments.count(), arguments.key(), floorSeconds, threads, floorRate);

        Path directory = Files.createTempDirectory("certwright-bench-");
        try {
            writeManifests(directory, arguments.count(), arguments.key());
            RunResult run = runLocal(directory, arguments);
            double rate = arguments.count() / run.seconds();
            System.out.printf(Locale.ROOT, "local runtime: %d certificates Ready in %.2f s = %.0f/s (%.1f%% of the floor)%n",
                    arguments.count(), run.seconds(), rate, 100 * rate / floorRate);
            System.out.printf(Locale.ROOT, "heap after run and GC: %d MiB; CPU time: %.1f s%n",
                    run.heapBytes() >> 20, run.cpuSeconds());
            System.out.printf(Locale.ROOT,
                    "runtime=local key=%s count=%d ready_seconds=%.3f issuances_per_second=%.1f floor_per_second=%.1f"
                            + " ratio_to_floor=%.3f heap_bytes_per_certificate=%d cpu_seconds=%.1f%n",
                    arguments.key(), arguments.count(), run.seconds(), rate, floorRate, rate / floorRate,
                    run.heapBytes() / arguments.count(), run.cpuSeconds());
        } finally {
            deleteRecursively(directory);
        }
    }

    private record RunResult(double seconds, long heapBytes, double cpuSeconds) {
    }

    private static RunResult runLocal(Path directory, Arguments arguments) throws InterruptedException {
        LocalRuntime.Settings settings = LocalRuntime.Settings.of(directory);
        settings = settings.withOptions(settings.options().withConcurrentWorkers(arguments.workers()));
        long cpuBefore = processCpuNanos();
        long start = System.nanoTime();
        try (LocalRuntime runtime = LocalRuntime.open(settings)) {
            runtime.start();
            int expected = arguments.count() + 1;
            while (true) {
                List<CertificateReadiness> readiness = runtime.readiness();
                long ready = readiness.stream().filter(CertificateReadiness::ready).count();
                if (ready >= expected) {
                    break;
                }
                Thread.sleep(POLL_INTERVAL.toMillis());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (processCpuNanos() - cpuBefore) / 1e9;
            System.gc();
            Runtime memory = Runtime.getRuntime();
            long heap = memory.totalMemory() - memory.freeMemory();
            return new RunResult(seconds, heap, cpuSeconds);
        }
    }

    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean bean = ManagementFactory.getOperatingSystemMXBean();
        if (bean instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return 0;
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

    /** Parsed command line. */
    record Arguments(String runtime, int count, String key, int workers) {
        static Arguments parse(String[] args) {
            String runtime = "local";
            int count = 1000;
            String key = "ecdsa";
            int workers = 5;
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--runtime" -> runtime = require(args[i], value);
                    case "--count" -> count = positive(args[i], require(args[i], value));
                    case "--key" -> key = require(args[i], value);
                    case "--workers" -> workers = positive(args[i], require(args[i], value));
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
                i++;
            }
            if (!key.equals("ecdsa") && !key.equals("rsa")) {
                throw new IllegalArgumentException("--key must be ecdsa or rsa, not " + key);
            }
            return new Arguments(runtime, count, key, workers);
        }

        private static int positive(String option, String value) {
            try {
                int number = Integer.parseInt(value);
                if (number > 0) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // reported below with the option name
            }
            throw new IllegalArgumentException(option + " must be a positive integer, not " + value);
        }

        private static String require(String option, String value) {
            if (value == null) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return value;
        }
    }
}
