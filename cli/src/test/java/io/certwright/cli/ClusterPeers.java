package io.certwright.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * etcd and kube-apiserver on loopback, started by {@code scripts/k8s/start-peers} into a temporary directory
 * and stopped by {@code scripts/k8s/stop-peers}, with kubectl for setting up objects.
 */
final class ClusterPeers implements AutoCloseable {
    private final Path root;
    private final Path directory;
    private final Map<String, String> environment;

    private ClusterPeers(Path root, Path directory, Map<String, String> environment) {
        this.root = root;
        this.directory = directory;
        this.environment = environment;
    }

    /** Starts the peers; aborts the calling test when their binaries have not been built on this machine. */
    static ClusterPeers start() throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("certwright.repository.root", "..")).toAbsolutePath().normalize();
        Path directory = Files.createTempDirectory("certwright-cli-peers");
        Result started = run(List.of(root.resolve("scripts/k8s/start-peers").toString(), directory.toString()),
                Map.of(), Duration.ofMinutes(3));
        if (started.exitCode() != 0) {
            run(List.of(root.resolve("scripts/k8s/stop-peers").toString(), directory.toString()), Map.of(),
                    Duration.ofMinutes(1));
            Assumptions.assumeFalse(started.output().contains("run scripts/k8s/build-peers first"),
                    "kube-apiserver and etcd are not built; run scripts/k8s/build-peers");
            throw new IllegalStateException("scripts/k8s/start-peers failed:\n" + started.output());
        }
        Map<String, String> environment = new HashMap<>();
        for (String line : Files.readAllLines(directory.resolve("env"), StandardCharsets.UTF_8)) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                environment.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        ClusterPeers peers = new ClusterPeers(root, directory, environment);
        if (!"127.0.0.1".equals(URI.create(environment.get("APISERVER_URL")).getHost())) {
            peers.close();
            throw new IllegalStateException("start-peers returned a non-loopback API server");
        }
        return peers;
    }

    Path root() {
        return root;
    }

    Path kubeconfig() {
        return Path.of(environment.get("KUBECONFIG"));
    }

    /** Runs kubectl with the admin kubeconfig and fails the test when it exits non-zero. */
    String kubectl(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(environment.get("KUBECTL"));
        command.addAll(List.of(arguments));
        Result result = run(command, Map.of("KUBECONFIG", environment.get("KUBECONFIG")), Duration.ofSeconds(60));
        if (result.exitCode() != 0) {
            throw new AssertionError("kubectl " + String.join(" ", arguments) + " failed:\n" + result.output());
        }
        return result.output();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run(List.of(root.resolve("scripts/k8s/stop-peers").toString(), directory.toString()), Map.of(),
                Duration.ofMinutes(1));
        // The directory holds etcd's data and the test CA's private keys.
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static Result run(List<String> command, Map<String, String> extraEnvironment, Duration timeout)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(extraEnvironment);
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout);
        }
        return new Result(process.exitValue(), output);
    }

    private record Result(int exitCode, String output) {
    }
}
