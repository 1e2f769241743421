package io.certwright.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.certwright.api.Annotations;
import io.certwright.api.model.Certificate;
import io.certwright.api.model.CertificateCondition;
import io.certwright.api.model.CertificateRequest;
import io.certwright.core.ControllerOptions;
import io.certwright.core.cluster.ResourceKind;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The whole Kubernetes runtime against a real kube-apiserver and etcd on loopback: the quickstart
 * applied with kubectl, issued chains checked with openssl, re-issuance after an edit, Secret metadata
 * repair, metrics, and fail-over between two replicas. The tests run in order and share the cluster.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KubernetesRuntimeIT {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration LEASE_DURATION = Duration.ofSeconds(6);
    private static final Duration RENEW_DEADLINE = Duration.ofSeconds(4);
    private static final Duration RETRY_PERIOD = Duration.ofSeconds(1);
    private static final Set<String> QUICKSTART_CERTIFICATES =
            Set.of("cert-manager/root-ca", "demo/web", "demo/java-app", "demo/worker-identity");

    private final List<Certificate> certificateVersions = new CopyOnWriteArrayList<>();
    private final List<KubernetesRuntime> runtimes = new ArrayList<>();
    private final List<KubernetesClient> clients = new ArrayList<>();

    private Path root;
    private ApiServerPeers peers;
    private Map<String, String> peerEnvironment;
    private KubernetesClient admin;
    private KubernetesCluster observer;
    private KubernetesRuntime leader;
    private Duration timeToReady;

    private Path temporary;

    @BeforeAll
    void startClusterAndRuntime() throws Exception {
        temporary = Files.createTempDirectory("certwright-runtime-it");
        root = Path.of(System.getProperty("certwright.repository.root", "..")).toAbsolutePath().normalize();
        try {
            peers = ApiServerPeers.start(root);
        } catch (ApiServerPeers.PeersUnavailable e) {
            Assumptions.abort("kube-apiserver and etcd are not built; run scripts/k8s/build-peers: " + e.getMessage());
        }
        peerEnvironment = readEnvironment(peers.directory().resolve("env"));
        admin = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(peers.kubeconfig())).build();
        assertThat(kubectl("apply", "-f", root.resolve("deploy/crds").toString()).exitCode()).isZero();
        assertThat(kubectl("wait", "--for=condition=Established", "--timeout=60s", "crd", "--all").exitCode()).isZero();
        assertThat(kubectl("create", "namespace", "cert-manager").exitCode()).isZero();
        assertThat(kubectl("create", "namespace", "demo").exitCode()).isZero();

        observer = new KubernetesCluster(admin, Clock.systemUTC(), KubernetesClusterOptions.defaults());
        observer.addListener((kind, oldObject, newObject) -> {
            if (kind == ResourceKind.CERTIFICATE && newObject != null) {
                certificateVersions.add((Certificate) newObject);
            }
        });
        observer.start();

        leader = startRuntime("replica-a");
        await("replica-a leads", Duration.ofSeconds(30), leader::controllersRunning);

        long started = System.nanoTime();
        Result applied = kubectl("apply", "-f", root.resolve("examples/quickstart").toString());
        assertThat(applied.exitCode()).as(applied.output()).isZero();
        await("every quickstart Certificate is Ready", READY_TIMEOUT,
                () -> readyCertificates().containsAll(QUICKSTART_CERTIFICATES));
        timeToReady = Duration.ofNanos(System.nanoTime() - started);
        System.out.println("KubernetesRuntimeIT: quickstart Ready " + timeToReady.toMillis() + " ms after kubectl apply");
    }

    @AfterAll
    void stopEverything() throws Exception {
        for (KubernetesRuntime runtime : runtimes) {
            runtime.close();
        }
        if (observer != null) {
            observer.close();
        }
        for (KubernetesClient client : clients) {
            client.close();
        }
        if (admin != null) {
            admin.close();
        }
        if (peers != null) {
            peers.close();
        }
        try (var paths = Files.walk(temporary)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    @Test
    @Order(1)
    void quickstartCertificatesBecomeReady() {
        assertThat(readyCertificates()).containsAll(QUICKSTART_CERTIFICATES);
        assertThat(timeToReady).isLessThan(READY_TIMEOUT);
    }

    @Test
    @Order(2)
    void issuedChainsVerifyWithOpenssl() throws Exception {
        for (Certificate certificate : observer.list(ResourceKind.CERTIFICATE, null)) {
            Secret secret = secret(certificate.getMetadata().getNamespace(), certificate.getSpec().getSecretName());
            Path directory = Files.createDirectories(temporary.resolve(certificate.getMetadata().getName()));
            Files.write(directory.resolve("ca.crt"), decode(secret, "ca.crt"));
            Files.write(directory.resolve("tls.crt"), decode(secret, "tls.crt"));

            Result verify = run(directory, List.of("openssl", "verify", "-CAfile", "ca.crt", "-untrusted", "tls.crt",
                    "tls.crt"), Map.of());

            assertThat(verify.exitCode()).as(certificate.getMetadata().getName() + ": " + verify.output()).isZero();
            assertThat(verify.output()).as(certificate.getMetadata().getName()).contains("tls.crt: OK");
        }
    }

    @Test
    @Order(3)
    void kubectlShowsPrinterColumns() throws Exception {
        Result plain = kubectl("get", "certificates", "-A");
        Result wide = kubectl("get", "certificates", "-A", "-o", "wide");

        String header = plain.output().lines().findFirst().orElse("");
        String wideHeader = wide.output().lines().findFirst().orElse("");
        assertThat(header.split("\\s+")).containsExactly("NAMESPACE", "NAME", "READY", "SECRET", "AGE");
        assertThat(wideHeader.split("\\s+")).contains("READY", "SECRET", "ISSUER", "STATUS", "EXPIRATION", "AGE");
        assertThat(plain.output()).containsPattern("demo\\s+web\\s+True\\s+web-tls");
    }

    @Test
    @Order(4)
    void foreignSecretMetadataSurvivesReissue() throws Exception {
        String foreignData = Base64.getEncoder().encodeToString("kept".getBytes(StandardCharsets.UTF_8));
        Result patched = kubectl("patch", "secret", "web-tls", "-n", "demo", "--type=merge", "-p",
                "{\"metadata\":{\"labels\":{\"team\":\"payments\"}},\"data\":{\"extra\":\"" + foreignData + "\"}}");
        assertThat(patched.exitCode()).as(patched.output()).isZero();
        int revisionBefore = revision("demo", "web");
        certificateVersions.clear();

        Result edited = kubectl("patch", "certificate", "web", "-n", "demo", "--type=merge", "-p",
                "{\"spec\":{\"dnsNames\":[\"web.demo.example\",\"localhost\",\"www.demo.example\"]}}");
        assertThat(edited.exitCode()).as(edited.output()).isZero();
        await("web re-issued with the new DNS name", READY_TIMEOUT,
                () -> revision("demo", "web") > revisionBefore && isReady("demo", "web")
                        && altNames(secret("demo", "web-tls")).contains("www.demo.example"));

        Secret secret = secret("demo", "web-tls");
        assertThat(issuingReasons("web")).containsAnyOf("RequestChanged", "SecretMismatch");
        assertThat(requestsForRevision("demo", "web", revisionBefore + 1)).hasSize(1);
        assertThat(secret.getMetadata().getLabels()).containsEntry("team", "payments");
        assertThat(secret.getData()).containsEntry("extra", foreignData);
    }

    @Test
    @Order(5)
    void changedOwnedAnnotationIsPutBack() throws Exception {
        String expected = secret("demo", "web-tls").getMetadata().getAnnotations().get(Annotations.ALT_NAMES);
        int revisionBefore = revision("demo", "web");

        Result annotated = kubectl("annotate", "secret", "web-tls", "-n", "demo", "--overwrite",
                Annotations.ALT_NAMES + "=tampered.example");
        assertThat(annotated.exitCode()).as(annotated.output()).isZero();
        await("the alt-names annotation is restored", Duration.ofSeconds(60),
                () -> expected.equals(secret("demo", "web-tls").getMetadata().getAnnotations().get(Annotations.ALT_NAMES)));

        Secret secret = secret("demo", "web-tls");
        assertThat(revision("demo", "web")).isEqualTo(revisionBefore);
        assertThat(secret.getMetadata().getLabels()).containsEntry("team", "payments");
        assertThat(secret.getData()).containsKey("extra");
    }

    @Test
    @Order(6)
    void metricsReportReadyStatus() throws Exception {
        HttpResponse<String> metrics = get("http://127.0.0.1:" + leader.metricsAddress().getPort() + "/metrics");
        HttpResponse<String> livez = get("http://127.0.0.1:" + leader.healthzAddress().getPort() + "/livez");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type")).contains(PrometheusText.CONTENT_TYPE);
        assertThat(metrics.body()).contains("certmanager_certificate_ready_status{name=\"web\",namespace=\"demo\","
                + "condition=\"True\",issuer_name=\"quickstart-ca\",issuer_kind=\"ClusterIssuer\",issuer_group=\"\"} 1\n");
        assertThat(metrics.body()).contains("certmanager_certificate_ready_status{name=\"web\",namespace=\"demo\","
                + "condition=\"False\",issuer_name=\"quickstart-ca\",issuer_kind=\"ClusterIssuer\",issuer_group=\"\"} 0\n");
        assertThat(metrics.body()).contains("certmanager_clusterissuer_ready_status{name=\"quickstart-ca\","
                + "condition=\"True\"} 1\n");
        assertThat(metrics.body()).containsPattern(
                "certmanager_controller_sync_call_count\\{controller=\"certificates-issuing\"} [1-9]");
        assertThat(metrics.body()).containsPattern("certmanager_certificate_not_after_timestamp_seconds\\{name=\"web\","
                + "namespace=\"demo\",[^}]*} 1[0-9]{9}\n");
        assertThat(livez.statusCode()).as(livez.body()).isEqualTo(200);
        assertThat(livez.body()).contains("[+]leaderElection ok");
    }

    @Test
    @Order(7)
    void standbyTakesOverWithoutDuplicateIssuance() throws Exception {
        KubernetesRuntime standby = startRuntime("replica-b");
        Thread.sleep(RETRY_PERIOD.multipliedBy(3).toMillis());
        assertThat(standby.isLeading()).isFalse();
        assertThat(standby.controllersRunning()).isFalse();

        long closing = System.nanoTime();
        leader.close();
        System.out.println("KubernetesRuntimeIT: closing replica-a took "
                + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - closing) + " ms");
        await("replica-b takes over", LEASE_DURATION.plus(RETRY_PERIOD).plusSeconds(10), standby::controllersRunning);
        Duration takeover = Duration.ofNanos(System.nanoTime() - closing);
        System.out.println("KubernetesRuntimeIT: replica-b running controllers " + takeover.toMillis()
                + " ms after replica-a was closed");

        int revisionBefore = revision("demo", "worker-identity");
        Result edited = kubectl("patch", "certificate", "worker-identity", "-n", "demo", "--type=merge", "-p",
                "{\"spec\":{\"uris\":[\"spiffe://demo.example/ns/demo/sa/worker-2\"]}}");
        assertThat(edited.exitCode()).as(edited.output()).isZero();
        await("worker-identity re-issued by replica-b", READY_TIMEOUT,
                () -> revision("demo", "worker-identity") > revisionBefore && isReady("demo", "worker-identity"));

        assertThat(takeover).isLessThan(LEASE_DURATION.plus(RETRY_PERIOD).plusSeconds(10));
        Map<String, Long> requestsPerRevision = observer.list(ResourceKind.CERTIFICATE_REQUEST, null).stream()
                .collect(Collectors.groupingBy(request -> request.getMetadata().getNamespace() + "/"
                        + owner(request) + "#" + request.getMetadata().getAnnotations()
                                .get(Annotations.CERTIFICATE_REVISION), Collectors.counting()));
        assertThat(requestsPerRevision).isNotEmpty();
        assertThat(requestsPerRevision).allSatisfy((revision, count) -> assertThat(count).as(revision).isEqualTo(1L));
        assertThat(requestsPerRevision).containsKey("demo/worker-identity#" + (revisionBefore + 1));
    }

    // ---- helpers ----

    private KubernetesRuntime startRuntime(String identity) throws IOException {
        Config config = Config.fromKubeconfig(peers.kubeconfig());
        KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build();
        KubernetesClient electionClient = new KubernetesClientBuilder().withConfig(config).build();
        clients.add(client);
        clients.add(electionClient);
        KubernetesRuntimeSettings settings = KubernetesRuntimeSettings.defaults()
                .withControllerOptions(ControllerOptions.defaults().withClusterResourceNamespace("cert-manager"))
                .withLeaderElection(LeaderElectionSettings.defaults()
                        .withIdentity(identity)
                        .withTimings(LEASE_DURATION, RENEW_DEADLINE, RETRY_PERIOD))
                .withListenAddresses("127.0.0.1:0", "127.0.0.1:0");
        KubernetesRuntime runtime = KubernetesRuntime.start(settings, client, electionClient);
        runtimes.add(runtime);
        return runtime;
    }

    private Set<String> readyCertificates() {
        return observer.list(ResourceKind.CERTIFICATE, null).stream()
                .filter(KubernetesRuntimeIT::ready)
                .map(certificate -> certificate.getMetadata().getNamespace() + "/" + certificate.getMetadata().getName())
                .collect(Collectors.toSet());
    }

    private boolean isReady(String namespace, String name) {
        return observer.get(ResourceKind.CERTIFICATE, namespace, name).map(KubernetesRuntimeIT::ready).orElse(false);
    }

    private static boolean ready(Certificate certificate) {
        return condition(certificate, "Ready").map(condition -> "True".equals(condition.getStatus())).orElse(false)
                && certificate.getMetadata().getGeneration().equals(
                        condition(certificate, "Ready").get().getObservedGeneration());
    }

    private static Optional<CertificateCondition> condition(Certificate certificate, String type) {
        if (certificate.getStatus() == null || certificate.getStatus().getConditions() == null) {
            return Optional.empty();
        }
        return certificate.getStatus().getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
    }

    private int revision(String namespace, String name) {
        Certificate certificate = observer.get(ResourceKind.CERTIFICATE, namespace, name).orElseThrow();
        Integer revision = certificate.getStatus() == null ? null : certificate.getStatus().getRevision();
        return revision == null ? 0 : revision;
    }

    private List<String> issuingReasons(String name) {
        return certificateVersions.stream()
                .filter(certificate -> certificate.getMetadata().getName().equals(name))
                .flatMap(certificate -> condition(certificate, "Issuing").stream())
                .map(CertificateCondition::getReason)
                .distinct()
                .toList();
    }

    private List<CertificateRequest> requestsForRevision(String namespace, String certificate, int revision) {
        return observer.list(ResourceKind.CERTIFICATE_REQUEST, namespace).stream()
                .filter(request -> certificate.equals(owner(request)))
                .filter(request -> String.valueOf(revision).equals(
                        request.getMetadata().getAnnotations().get(Annotations.CERTIFICATE_REVISION)))
                .toList();
    }

    private static String owner(HasMetadata object) {
        return object.getMetadata().getOwnerReferences().stream()
                .filter(reference -> "Certificate".equals(reference.getKind()))
                .map(reference -> reference.getName())
                .findFirst()
                .orElse("");
    }

    private Secret secret(String namespace, String name) {
        return admin.secrets().inNamespace(namespace).withName(name).get();
    }

    private static byte[] decode(Secret secret, String key) {
        return Base64.getDecoder().decode(secret.getData().get(key));
    }

    private static String altNames(Secret secret) {
        String value = secret.getMetadata().getAnnotations().get(Annotations.ALT_NAMES);
        return value == null ? "" : value;
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void await(String description, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out after " + timeout + " waiting until " + description);
            }
            Thread.sleep(100);
        }
    }

    private Result kubectl(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(peerEnvironment.get("KUBECTL"));
        command.addAll(List.of(arguments));
        return run(temporary, command, Map.of("KUBECONFIG", peerEnvironment.get("KUBECONFIG")));
    }

    private static Result run(Path directory, List<String> command, Map<String, String> environment)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish within 60 s");
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

    private record Result(int exitCode, String output) {
    }
}
