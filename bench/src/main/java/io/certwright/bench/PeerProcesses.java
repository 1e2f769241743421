package io.certwright.bench;

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

/**
 * etcd and kube-apiserver on 127.0.0.1, started by {@code scripts/k8s/start-peers} into a temporary directory
 * with the cert-manager CRDs from {@code deploy/crds} installed, and stopped by {@code scripts/k8s/stop-peers}.
 */
final class PeerProcesses implements AutoCloseable {
    /** start-peers waits up to 60 s for each peer, and on a loaded machine kubectl and the scripts need more. */
    private static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(3);

    private final Path repositoryRoot;
    private final Path directory;
    private final Map<String, String> environment;

    /** Hook that stops the peers when the JVM exits without {@link #close()}, for example on Ctrl-C. */
    private final Thread shutdownHook;

    private PeerProcesses(Path repositoryRoot, Path directory, Map<String, String> environment) {
        this.repositoryRoot = repositoryRoot;
        this.directory = directory;
        this.environment = environment;
        this.shutdownHook = new Thread(this::stopOnExit, "certwright-bench-stop-peers");
    }

    /**
     * Starts the peers and installs the CRDs.
     *
     * @throws IllegalStateException when a script or kubectl fails, with its output
     */
    static PeerProcesses start(Path repositoryRoot) throws IOException, InterruptedException {
        Path directory = Files.createTempDirectory("certwright-bench-peers");
        Path startScript = repositoryRoot.resolve("scripts/k8s/start-peers");
        if (!Files.isExecutable(startScript)) {
            throw new IllegalStateException(startScript + " not found; run the benchmark from the repository with"
                    + " bench/scale, or set -Dcertwright.repository.root to the repository directory");
        }
        Output started = run(List.of(startScript.toString(), directory.toString()), Map.of());
        if (started.exitCode() != 0) {
            run(List.of(repositoryRoot.resolve("scripts/k8s/stop-peers").toString(), directory.toString()), Map.of());
            throw new IllegalStateException("scripts/k8s/start-peers failed with exit code " + started.exitCode()
                    + " (run scripts/k8s/build-peers first if the binaries are missing):\n" + started.output());
        }
        PeerProcesses peers = new PeerProcesses(repositoryRoot, directory, readEnvironment(directory.resolve("env")));
        Runtime.getRuntime().addShutdownHook(peers.shutdownHook);
        try {
            String host = URI.create(peers.apiServerUrl()).getHost();
            if (!"127.0.0.1".equals(host)) {
                throw new IllegalStateException("start-peers returned the non-loopback API server address " + host);
            }
            peers.kubectl("apply", "-f", repositoryRoot.resolve("deploy/crds").toString());
            peers.kubectl("wait", "--for=condition=Established", "--timeout=120s", "crd", "--all");
        } catch (IOException | InterruptedException | RuntimeException e) {
            peers.close();
            throw e;
        }
        return peers;
    }

    Path kubeconfig() {
        return Path.of(environment.get("KUBECONFIG"));
    }

    String apiServerUrl() {
        return environment.get("APISERVER_URL");
    }

    long apiServerPid() {
        return Long.parseLong(environment.get("APISERVER_PID"));
    }

    long etcdPid() {
        return Long.parseLong(environment.get("ETCD_PID"));
    }

    /** Runs kubectl with the admin kubeconfig and returns its output. */
    String kubectl(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(environment.get("KUBECTL"));
        command.addAll(List.of(arguments));
        Output output = run(command, Map.of("KUBECONFIG", environment.get("KUBECONFIG")));
        if (output.exitCode() != 0) {
            throw new IllegalStateException("kubectl " + String.join(" ", arguments) + " failed with exit code "
                    + output.exitCode() + ":\n" + output.output());
        }
        return output.output();
    }

    /** Stops both peers and deletes their directory, which contains etcd's data and the test CA's private keys. */
    @Override
    public void close() throws IOException, InterruptedException {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // The JVM is already exiting, and the hook stops the peers.
        }
        stopAndDelete();
    }

    private void stopAndDelete() throws IOException, InterruptedException {
        Output stopped = run(List.of(repositoryRoot.resolve("scripts/k8s/stop-peers").toString(), directory.toString()),
                Map.of());
        if (stopped.exitCode() != 0) {
            throw new IllegalStateException("scripts/k8s/stop-peers " + directory + " failed with exit code "
                    + stopped.exitCode() + ":\n" + stopped.output());
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private void stopOnExit() {
        try {
            stopAndDelete();
        } catch (IOException | RuntimeException e) {
            System.err.println("stopping the peers in " + directory + " failed: " + e.getMessage()
                    + "; run scripts/k8s/stop-peers " + directory + " and delete the directory");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Output run(List<String> command, Map<String, String> extraEnvironment)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(extraEnvironment);
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(SCRIPT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish within " + SCRIPT_TIMEOUT);
        }
        return new Output(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    private static Map<String, String> readEnvironment(Path file) throws IOException {
        Map<String, String> environment = new HashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                environment.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        return environment;
    }

    private record Output(int exitCode, String output) {
    }
}
