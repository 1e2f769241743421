package io.certwright.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Parsed command line of {@link ScaleBenchmark}.
 *
 * @param runtime {@code local} or {@code kubernetes}
 * @param count leaf Certificates issued in the bulk run
 * @param key leaf key algorithm, {@code ecdsa} or {@code rsa}
 * @param workers workers per controller
 * @param unrelatedSecrets small unlabelled Secrets added before the last Kubernetes runtime starts, 0 for none
 * @param singleSamples Certificates created one at a time on an idle runtime, for the single Created→Ready latency
 * @param kubeApiQps request rate limit of the controllers' client, as {@code --kube-api-qps}
 * @param kubeApiBurst request burst of the controllers' client, as {@code --kube-api-burst}
 * @param restart whether the Kubernetes run also restarts the runtime over the issued Certificates
 * @param namespaces namespaces the Kubernetes run spreads the leaf Certificates over, round robin
 * @param renewalStorm whether the Kubernetes run also makes every issued leaf due for renewal at once
 * @param heapDump file for a heap dump of the live objects after issuance, or null for none
 */
record BenchmarkArguments(String runtime, int count, String key, int workers, int unrelatedSecrets, int singleSamples,
        double kubeApiQps, int kubeApiBurst, boolean restart, int namespaces, boolean renewalStorm, Path heapDump) {
    static final String LOCAL = "local";
    static final String KUBERNETES = "kubernetes";

    /** The controller's own defaults (cert-manager's), so an unflagged run measures what users get. */
    static final double DEFAULT_KUBE_API_QPS = 20;
    static final int DEFAULT_KUBE_API_BURST = 50;

    private static final Set<String> VALUE_OPTIONS = Set.of("--runtime", "--count", "--key", "--workers",
            "--unrelated-secrets", "--single-samples", "--kube-api-qps", "--kube-api-burst", "--namespaces", "--heap-dump");

    static final String USAGE = """
            usage: bench/scale [--runtime local|kubernetes] [--count N] [--key ecdsa|rsa] [--workers N]
                               [--unrelated-secrets N] [--single-samples N] [--kube-api-qps R] [--kube-api-burst N]
                               [--namespaces N] [--no-restart] [--renewal-storm] [--heap-dump FILE]
              --runtime            runtime to measure (default local). kubernetes starts etcd and kube-apiserver
                                   on 127.0.0.1 with scripts/k8s/start-peers and stops them at the end
              --count              number of leaf Certificates to issue (default 1000)
              --key                leaf key algorithm: ecdsa (P-256) or rsa (2048 bits) (default ecdsa)
              --workers            workers per controller (default 5)
              --unrelated-secrets  kubernetes only: small Secrets without the cert-manager label to create before
                                   a last runtime start, to measure their heap cost (default 0, none)
              --single-samples     kubernetes only: Certificates created one after another on the idle runtime
                                   for the single Created->Ready latency (default 20, 0 to skip)
              --kube-api-qps       kubernetes only: requests per second of the controllers' client (default 20)
              --kube-api-burst     kubernetes only: burst of the controllers' client (default 50)
              --namespaces         kubernetes only: namespaces to spread the leaf Certificates over (default 1)
              --no-restart         kubernetes only: skip restarting the runtime over the issued Certificates
              --renewal-storm      kubernetes only: after issuance, move the runtime's clock past the renewal time
                                   of every leaf Certificate at once and measure until all are renewed
              --heap-dump          kubernetes only: write an HPROF dump of the live heap to FILE after issuance,
                                   when the retained heap is measured
            """;

    static BenchmarkArguments parse(String[] args) {
        String runtime = LOCAL;
        int count = 1000;
        String key = "ecdsa";
        int workers = 5;
        int unrelatedSecrets = 0;
        int singleSamples = 20;
        double qps = DEFAULT_KUBE_API_QPS;
        int burst = DEFAULT_KUBE_API_BURST;
        boolean restart = true;
        int namespaces = 1;
        boolean renewalStorm = false;
        Path heapDump = null;

        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--no-restart")) {
                restart = false;
                continue;
            }
            if (option.equals("--renewal-storm")) {
                renewalStorm = true;
                continue;
            }
            if (!VALUE_OPTIONS.contains(option)) {
                throw new IllegalArgumentException("unknown option " + option);
            }
            String value = require(option, i + 1 < args.length ? args[i + 1] : null);
            switch (option) {
                case "--runtime" -> runtime = value;
                case "--count" -> count = positive(option, value);
                case "--key" -> key = value;
                case "--workers" -> workers = positive(option, value);
                case "--unrelated-secrets" -> unrelatedSecrets = notNegative(option, value);
                case "--single-samples" -> singleSamples = notNegative(option, value);
                case "--kube-api-qps" -> qps = positiveDecimal(option, value);
                case "--kube-api-burst" -> burst = positive(option, value);
                case "--namespaces" -> namespaces = positive(option, value);
                case "--heap-dump" -> heapDump = newFile(option, value);
                default -> throw new IllegalStateException("option " + option + " is in VALUE_OPTIONS but not parsed");
            }
            i++;
        }

        if (!runtime.equals(LOCAL) && !runtime.equals(KUBERNETES)) {
            throw new IllegalArgumentException("--runtime must be local or kubernetes, not " + runtime);
        }
        if (!key.equals("ecdsa") && !key.equals("rsa")) {
            throw new IllegalArgumentException("--key must be ecdsa or rsa, not " + key);
        }
        if (runtime.equals(LOCAL) && unrelatedSecrets > 0) {
            throw new IllegalArgumentException("--unrelated-secrets needs --runtime kubernetes;"
                    + " the local runtime reads no Secrets it did not write");
        }
        if (runtime.equals(LOCAL) && namespaces != 1) {
            throw new IllegalArgumentException("--namespaces needs --runtime kubernetes");
        }
        if (runtime.equals(LOCAL) && renewalStorm) {
            throw new IllegalArgumentException("--renewal-storm needs --runtime kubernetes");
        }
        if (runtime.equals(LOCAL) && heapDump != null) {
            throw new IllegalArgumentException("--heap-dump needs --runtime kubernetes");
        }
        return new BenchmarkArguments(runtime, count, key, workers, unrelatedSecrets, singleSamples, qps, burst,
                restart, namespaces, renewalStorm, heapDump);
    }

    private static int positive(String option, String value) {
        int number = integer(option, value);
        if (number <= 0) {
            throw new IllegalArgumentException(option + " must be a positive integer, not " + value);
        }
        return number;
    }

    private static int notNegative(String option, String value) {
        int number = integer(option, value);
        if (number < 0) {
            throw new IllegalArgumentException(option + " must be 0 or a positive integer, not " + value);
        }
        return number;
    }

    private static int integer(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be an integer, not " + value, e);
        }
    }

    private static double positiveDecimal(String option, String value) {
        try {
            double number = Double.parseDouble(value);
            if (number > 0 && Double.isFinite(number)) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below with the option name
        }
        throw new IllegalArgumentException(option + " must be a positive number, not " + value);
    }

    /**
     * Returns the path of a file to create, checked before a long run starts, because the JVM writes a heap
     * dump only to a new file in an existing directory.
     */
    private static Path newFile(String option, String value) {
        Path path = Path.of(value).toAbsolutePath();
        if (Files.exists(path)) {
            throw new IllegalArgumentException(option + " " + value + " already exists; name a new file");
        }
        if (path.getParent() == null || !Files.isDirectory(path.getParent())) {
            throw new IllegalArgumentException(option + " " + value + ": directory " + path.getParent()
                    + " does not exist; create it or name a file in an existing directory");
        }
        return path;
    }

    private static String require(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }
}
