package io.certwright.bench;

import io.certwright.core.controller.CommonPoolParallelism;
import io.certwright.pki.KeyAlgorithm;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ForkJoinPool;

/**
 * Issues N certificates from one CA issuer in the local or the Kubernetes runtime and prints the rate next
 * to the floor measured in the same JVM. The floor is the bare key + CSR + signing rate, and for Kubernetes
 * that crypto plus the bare API writes of an issuance. Run and floor share one machine, one JDK and one JIT
 * state. The last line contains
 * {@code key=value} pairs for scripts, with the load averages at its end.
 *
 * <p>Usage: see {@link BenchmarkArguments#USAGE}.
 */
public final class ScaleBenchmark {
    /** Issuances run before measuring the floor, so the JIT has compiled the signing path. */
    private static final int FLOOR_WARMUP = 200;

    /** System property with the repository directory, for scripts/k8s and deploy/crds; bench/scale sets it. */
    static final String REPOSITORY_ROOT_PROPERTY = "certwright.repository.root";

    private ScaleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        // As certwright's own main does, so the runtime under test runs as users run it.
        CommonPoolParallelism.apply();
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.print(BenchmarkArguments.USAGE);
            return;
        }
        BenchmarkArguments arguments;
        try {
            arguments = BenchmarkArguments.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.print(BenchmarkArguments.USAGE);
            System.exit(2);
            return;
        }
        Summary summary = run(arguments);
        System.out.println(summary.line());
    }

    /** Runs the benchmark that {@code arguments} select and returns its summary. */
    static Summary run(BenchmarkArguments arguments) throws Exception {
        KeyAlgorithm algorithm = arguments.key().equals("rsa") ? KeyAlgorithm.RSA : KeyAlgorithm.ECDSA;
        int size = algorithm == KeyAlgorithm.RSA ? 2048 : 256;
        int threads = Runtime.getRuntime().availableProcessors();
        String loadAtStart = MachineLoad.loadAverages();
        System.out.printf(Locale.ROOT, "machine: %d cores, load averages %s, JDK %s (%s), max heap %d MiB,"
                        + " common pool parallelism %d%n", threads, loadAtStart, System.getProperty("java.version"),
                System.getProperty("java.vm.name"), Runtime.getRuntime().maxMemory() >> 20,
                ForkJoinPool.getCommonPoolParallelism());

        CryptoFloor floor = new CryptoFloor(algorithm, size);
        floor.run(FLOOR_WARMUP, threads);
        double floorSeconds = floor.run(arguments.count(), threads) / 1e9;
        double cryptoFloorRate = arguments.count() / floorSeconds;
        System.out.printf(Locale.ROOT, "crypto floor: %d %s key + CSR + sign in %.2f s on %d threads = %.0f/s%n",
                arguments.count(), arguments.key(), floorSeconds, threads, cryptoFloorRate);

        Summary summary = new Summary()
                .put("runtime", arguments.runtime())
                .put("key", arguments.key())
                .put("count", arguments.count());
        if (arguments.runtime().equals(BenchmarkArguments.KUBERNETES)) {
            summary.put("namespaces", arguments.namespaces()).put("kube_api_qps", arguments.kubeApiQps(), 0);
            KubernetesScaleRun.run(arguments, floor, cryptoFloorRate, repositoryRoot(), summary);
        } else {
            LocalScaleRun.run(arguments, cryptoFloorRate, summary);
        }
        return summary.put("nproc", threads)
                .put("load_start", loadAtStart)
                .put("load_end", MachineLoad.loadAverages());
    }

    /**
     * Returns the repository directory: the system property when set, else the directory two levels above
     * this jar ({@code bench/target/}), else the working directory.
     */
    static Path repositoryRoot() {
        String property = System.getProperty(REPOSITORY_ROOT_PROPERTY);
        if (property != null) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        try {
            Path jar = Path.of(ScaleBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path root = jar.toAbsolutePath().getParent().getParent().getParent();
            if (root != null && Files.isDirectory(root.resolve("scripts/k8s"))) {
                return root;
            }
        } catch (URISyntaxException | RuntimeException e) {
            // The code source is not a file three levels deep, as when run from an IDE: use the working directory.
        }
        return Path.of("").toAbsolutePath();
    }
}
