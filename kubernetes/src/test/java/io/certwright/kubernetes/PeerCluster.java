package io.certwright.kubernetes;

import io.certwright.api.model.Certificate;
import io.certwright.api.model.CertificateCondition;
import io.certwright.core.ControllerOptions;
import io.certwright.core.cluster.ResourceKind;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A started etcd and kube-apiserver with the cert-manager CRDs installed, an admin client, kubectl,
 * and helpers to start runtimes and wait for Ready Certificates. Integration tests that need more than
 * one API server feature share it; close it to stop everything it started.
 */
final class PeerCluster implements AutoCloseable {
    /** The Certificates that {@code examples/quickstart} creates. */
    static final Set<String> QUICKSTART_CERTIFICATES =
            Set.of("cert-manager/root-ca", "demo/web", "demo/java-app", "demo/worker-identity");

    private final Path root;
    private final ApiServerPeers peers;
    private final Path temporary;
    private final List<AutoCloseable> started = new ArrayList<>();
    private Map<String, String> environment;
    private KubernetesClient admin;

    private PeerCluster(Path root, ApiServerPeers peers, Path temporary) {
        this.root = root;
        this.peers = peers;
        this.temporary = temporary;
    }

    /**
     * Starts the peers, installs the CRDs and creates the namespaces {@code cert-manager} and {@code demo};
     * aborts the calling test when the peer binaries are not built.
     */
    static PeerCluster start() throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("certwright.repository.root", "..")).toAbsolutePath().normalize();
        ApiServerPeers peers;
        try {
            peers = ApiServerPeers.start(root);
        } catch (ApiServerPeers.PeersUnavailable e) {
            Assumptions.abort("kube-apiserver and etcd are not built; run scripts/k8s/build-peers: " + e.getMessage());
            throw e;
        }
        PeerCluster cluster = new PeerCluster(root, peers, Files.createTempDirectory("certwright-peer-cluster"));
        try {
            cluster.environment = readEnvironment(peers.directory().resolve("env"));
            cluster.admin = cluster.newClient();
            cluster.kubectlOrFail("apply", "-f", root.resolve("deploy/crds").toString());
            cluster.kubectlOrFail("wait", "--for=condition=Established", "--timeout=60s", "crd", "--all");
            cluster.kubectlOrFail("create", "namespace", "cert-manager");
            cluster.kubectlOrFail("create", "namespace", "demo");
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            try {
                cluster.close();
            } catch (Exception suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        return cluster;
    }

    Path root() {
        return root;
    }

    Path temporary() {
        return temporary;
    }

    ApiServerPeers peers() {
        return peers;
    }

    KubernetesClient admin() {
        return admin;
    }

    /** Creates a client from the admin kubeconfig; the cluster closes it. */
    KubernetesClient newClient() throws IOException {
        KubernetesClient client = new KubernetesClientBuilder()
                .withConfig(Config.fromKubeconfig(peers.kubeconfig())).build();
        started.add(client);
        return client;
    }

    /** Starts a cache-only observer with no listeners; the cluster closes it. */
    KubernetesCluster startObserver() throws IOException {
        KubernetesCluster observer = new KubernetesCluster(newClient(), Clock.systemUTC(),
                KubernetesClusterOptions.defaults());
        started.add(observer);
        observer.start();
        return observer;
    }

    /** Starts a runtime with {@code cert-manager} as the cluster resource namespace; the cluster closes it. */
    KubernetesRuntime startRuntime(LeaderElectionSettings election) throws IOException {
        KubernetesRuntimeSettings settings = KubernetesRuntimeSettings.defaults()
                .withControllerOptions(ControllerOptions.defaults().withClusterResourceNamespace("cert-manager"))
                .withLeaderElection(election)
                .withListenAddresses("127.0.0.1:0", "127.0.0.1:0");
        KubernetesRuntime runtime = KubernetesRuntime.start(settings, newClient(), newClient());
        started.add(runtime);
        return runtime;
    }

    /** Returns namespace/name of every Certificate whose Ready condition is True for its current generation. */
    static Set<String> readyCertificates(KubernetesCluster observer) {
        return observer.list(ResourceKind.CERTIFICATE, null).stream()
                .filter(PeerCluster::ready)
                .map(certificate -> certificate.getMetadata().getNamespace() + "/" + certificate.getMetadata().getName())
                .collect(Collectors.toSet());
    }

    static boolean ready(Certificate certificate) {
        if (certificate.getStatus() == null || certificate.getStatus().getConditions() == null) {
            return false;
        }
        for (CertificateCondition condition : certificate.getStatus().getConditions()) {
            if ("Ready".equals(condition.getType())) {
                return "True".equals(condition.getStatus())
                        && certificate.getMetadata().getGeneration().equals(condition.getObservedGeneration());
            }
        }
        return false;
    }

    static void await(String description, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out after " + timeout + " waiting until " + description);
            }
            Thread.sleep(100);
        }
    }

    Result kubectl(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(environment.get("KUBECTL"));
        command.addAll(List.of(arguments));
        return run(command, Map.of("KUBECONFIG", environment.get("KUBECONFIG")), Duration.ofSeconds(60));
    }

    void kubectlOrFail(String... arguments) throws IOException, InterruptedException {
        Result result = kubectl(arguments);
        if (result.exitCode() != 0) {
            throw new AssertionError("kubectl " + String.join(" ", arguments) + " failed with exit code "
                    + result.exitCode() + ":\n" + result.output());
        }
    }

    /** Runs a script from {@code scripts/k8s} with the peers' directory as its first argument. */
    Result peerScript(String script, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(root.resolve("scripts/k8s/" + script).toString());
        command.add(peers.directory().toString());
        command.addAll(List.of(arguments));
        return run(command, Map.of(), Duration.ofMinutes(3));
    }

    @Override
    public void close() throws Exception {
        Exception failure = null;
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                failure = failure == null ? e : failure;
            }
        }
        peers.close();
        try (Stream<Path> paths = Files.walk(temporary)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private Result run(List<String> command, Map<String, String> extraEnvironment, Duration timeout)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(temporary.toFile()).redirectErrorStream(true);
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

    record Result(int exitCode, String output) {
    }
}
