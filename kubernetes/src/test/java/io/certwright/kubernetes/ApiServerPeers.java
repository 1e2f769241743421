package io.certwright.kubernetes;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * etcd and kube-apiserver on loopback, started by {@code scripts/k8s/start-peers} into a temporary
 * directory and stopped by {@code scripts/k8s/stop-peers}.
 */
final class ApiServerPeers implements AutoCloseable {
    /** Marker of start-peers' error when build-peers has not run on this machine. */
    static final String NOT_BUILT = "run scripts/k8s/build-peers first";

    private final Path repositoryRoot;
    private final Path directory;
    private final Map<String, String> environment;

    private ApiServerPeers(Path repositoryRoot, Path directory, Map<String, String> environment) {
        this.repositoryRoot = repositoryRoot;
        this.directory = directory;
        this.environment = environment;
    }

    /**
     * Starts the peers.
     *
     * @throws PeersUnavailable when their binaries have not been built
     */
    static ApiServerPeers start(Path repositoryRoot) throws IOException, InterruptedException {
        Path directory = Files.createTempDirectory("certwright-it-peers");
        Result result = run(repositoryRoot, "start-peers", directory);
        if (result.exitCode != 0) {
            run(repositoryRoot, "stop-peers", directory);
            if (result.output.contains(NOT_BUILT)) {
                throw new PeersUnavailable(result.output);
            }
            throw new IllegalStateException("scripts/k8s/start-peers failed with exit code " + result.exitCode
                    + ":\n" + result.output);
        }
        Map<String, String> environment = new HashMap<>();
        for (String line : Files.readAllLines(directory.resolve("env"), StandardCharsets.UTF_8)) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                environment.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        ApiServerPeers peers = new ApiServerPeers(repositoryRoot, directory, environment);
        String host = URI.create(peers.apiServerUrl()).getHost();
        if (!"127.0.0.1".equals(host)) {
            peers.close();
            throw new IllegalStateException("start-peers returned a non-loopback API server " + host);
        }
        return peers;
    }

    String kubeconfig() throws IOException {
        return Files.readString(Path.of(environment.get("KUBECONFIG")), StandardCharsets.UTF_8);
    }

    String apiServerUrl() {
        return environment.get("APISERVER_URL");
    }

    Path directory() {
        return directory;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        Result result = run(repositoryRoot, "stop-peers", directory);
        if (result.exitCode != 0) {
            throw new IllegalStateException("scripts/k8s/stop-peers failed: " + result.output);
        }
        // The directory holds etcd's data and the test CA's private keys.
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static Result run(Path repositoryRoot, String script, Path directory)
            throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(
                repositoryRoot.resolve("scripts/k8s/" + script).toString(), directory.toString()))
                .redirectErrorStream(true)
                .start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(script + " did not finish within 3 minutes");
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    private record Result(int exitCode, String output) {
    }

    /** The peer binaries are missing on this machine. */
    static final class PeersUnavailable extends RuntimeException {
        PeersUnavailable(String message) {
            super(message);
        }
    }
}
