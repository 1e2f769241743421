package io.certwright.cli;

import static io.certwright.cli.AcmeClusterProbes.one;
import static io.certwright.cli.AcmeClusterProbes.ready;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.certwright.acme.http01.Http01Solver;
import io.certwright.acme.testing.PebbleServer;
import io.certwright.api.Json;
import io.certwright.api.model.Certificate;
import io.certwright.api.model.Challenge;
import io.certwright.api.model.Order;
import io.certwright.api.model.States;
import io.certwright.core.ControllerOptions;
import io.certwright.core.cluster.ResourceKind;
import io.certwright.kubernetes.AcmeSettings;
import io.certwright.kubernetes.KubernetesCluster;
import io.certwright.kubernetes.KubernetesClusterOptions;
import io.certwright.kubernetes.KubernetesRuntime;
import io.certwright.kubernetes.KubernetesRuntimeSettings;
import io.certwright.kubernetes.LeaderElectionSettings;
import io.certwright.kubernetes.http01.KubernetesHttp01Solver;
import io.certwright.kubernetes.http01.SolverLabels;
import io.certwright.kubernetes.http01.SolverSettings;
import io.certwright.pki.Pem;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.zip.Adler32;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * ACME issuance over HTTP-01 in the Kubernetes runtime, against a real kube-apiserver and Pebble, both on
 * loopback. The controller creates the solver Pod, Service and Ingress; because no kubelet runs here, the test
 * starts {@code certwright acmesolver} from the shaded jar with the Pod's arguments on the port Pebble validates
 * (pebble-challtestsrv resolves every name to 127.0.0.1), and the controller's self-check is pointed at the same
 * port. Skipped when the peers are not built or Pebble is not installed.
 *
 * <p>Runs in the cli module's failsafe phase because it needs {@code cli/target/certwright.jar}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AcmeHttp01KubernetesIT {
    private static final String NAMESPACE = "demo";
    /** Namespace of the edit-in-place test, whose Challenge never completes. */
    private static final String SHOP_NAMESPACE = "shop";
    private static final String DNS_NAME = "web.certwright.test";
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final String SOLVER_IMAGE = "registry.example/certwright-acmesolver:test";

    @TempDir
    static Path pebbleDir;

    private ClusterPeers peers;
    private PebbleServer pebble;
    private KubernetesClient client;
    private KubernetesRuntime runtime;
    private KubernetesCluster observer;
    private Process solverProcess;
    private Path solverLog;
    private int http01Port;

    @BeforeAll
    void startPeersPebbleAndController() throws Exception {
        boolean pebbleInstalled = PebbleServer.installed();
        if (!pebbleInstalled) {
            System.err.println("AcmeHttp01KubernetesIT skipped: pebble is not installed (apt-get install -y pebble)");
        }
        assumeTrue(pebbleInstalled, "pebble and pebble-challtestsrv are not on PATH (apt-get install -y pebble)");
        peers = ClusterPeers.start();
        peers.kubectl("apply", "-f", peers.root().resolve("deploy/crds").toString());
        peers.kubectl("wait", "--for=condition=Established", "--timeout=60s", "crd", "--all");
        peers.kubectl("create", "namespace", "cert-manager");
        peers.kubectl("create", "namespace", NAMESPACE);
        peers.kubectl("create", "namespace", SHOP_NAMESPACE);

        pebble = PebbleServer.start(pebbleDir, Map.of());
        http01Port = pebble.http01Port();

        client = new KubernetesClientBuilder()
                .withConfig(Config.fromKubeconfig(Files.readString(peers.kubeconfig()))).build();
        InetSocketAddress solverAddress = new InetSocketAddress(InetAddress.getLoopbackAddress(), http01Port);
        SolverSettings solver = SolverSettings.defaults()
                .withPod(SOLVER_IMAGE, "20m", "32Mi", "200m", "96Mi", true, Map.of("team", "web"), "")
                .withSelfCheck(new Http01Solver.Settings(domain -> solverAddress, 2, Duration.ofMillis(200)));
        KubernetesRuntimeSettings settings = KubernetesRuntimeSettings.defaults()
                .withControllerOptions(ControllerOptions.defaults().withClusterResourceNamespace("cert-manager"))
                .withLeaderElection(LeaderElectionSettings.defaults().withEnabled(false))
                .withListenAddresses("127.0.0.1:0", "127.0.0.1:0")
                // A short retry period, because the self-check fails until the test has started the acmesolver.
                .withAcme(AcmeSettings.defaults().withHttp01Solver(solver).withCheckRetryPeriod(Duration.ofSeconds(1)));
        runtime = KubernetesRuntime.start(settings, client, client);
        observer = new KubernetesCluster(client, Clock.systemUTC(), KubernetesClusterOptions.defaults());
        observer.start();
    }

    @AfterAll
    void stopEverything() throws Exception {
        if (solverProcess != null) {
            solverProcess.destroy();
            solverProcess.waitFor();
        }
        if (observer != null) {
            observer.close();
        }
        if (runtime != null) {
            runtime.close();
        }
        if (client != null) {
            client.close();
        }
        if (pebble != null) {
            pebble.close();
        }
        if (peers != null) {
            peers.close();
        }
    }

    @Test
    void http01CertificateIsIssuedThroughSolverPod() throws Exception {
        String caBundle = pebble.caBundle();
        apply("""
                apiVersion: cert-manager.io/v1
                kind: ClusterIssuer
                metadata: {name: pebble}
                spec:
                  acme:
                    server: %s
                    email: admin@certwright.test
                    caBundle: %s
                    privateKeySecretRef: {name: pebble-account}
                    solvers:
                    - http01:
                        ingress:
                          ingressClassName: nginx
                          podTemplate:
                            metadata: {labels: {tier: solver}}
                            spec: {nodeSelector: {zone: a}}
                          ingressTemplate:
                            metadata: {annotations: {example.com/owner: web}}
                ---
                apiVersion: cert-manager.io/v1
                kind: Certificate
                metadata: {name: web, namespace: %s}
                spec:
                  secretName: web-tls
                  dnsNames: [%s]
                  issuerRef: {name: pebble, kind: ClusterIssuer}
                """.formatted(pebble.directoryUrl(), caBundle, NAMESPACE, DNS_NAME));

        Challenge challenge = await("a processing Challenge in demo", () -> observer.list(ResourceKind.CHALLENGE,
                NAMESPACE).stream().filter(c -> c.getStatus() != null && Boolean.TRUE.equals(c.getStatus().getProcessing()))
                .findFirst());
        Map<String, String> identity = Map.of(
                SolverLabels.DOMAIN, adler32(DNS_NAME),
                SolverLabels.TOKEN, adler32(challenge.getSpec().getToken()),
                SolverLabels.SOLVER, "true");
        Pod pod = await("the solver Pod", () -> one(client.pods().inNamespace(NAMESPACE).withLabels(identity).list()
                .getItems()));
        Service service = await("the solver Service", () -> one(client.services().inNamespace(NAMESPACE)
                .withLabels(identity).list().getItems()));
        Ingress ingress = await("the solver Ingress", () -> one(client.network().v1().ingresses()
                .inNamespace(NAMESPACE).withLabels(identity).list().getItems()));

        assertSolverPod(pod, challenge);
        assertSolverService(service, challenge, identity);
        assertSolverIngress(ingress, challenge, service);
        String challenges = peers.kubectl("get", "challenges", "-n", NAMESPACE);
        assertThat(challenges.lines().findFirst().orElse("").split("\\s+"))
                .containsExactly("NAME", "STATE", "DOMAIN", "AGE");
        // STATE may still be empty: the controller writes it after the reconcile that created the Pod.
        assertThat(challenges).containsPattern(challenge.getMetadata().getName() + "\\s+(\\w+\\s+)?" + DNS_NAME);

        // The Challenge stays processing until the acmesolver runs, because the self-check fails before that.
        String challengeSeries = "certmanager_certificate_challenge_status\\{status=\"(pending)?\",domain=\""
                + DNS_NAME.replace(".", "\\.") + "\",reason=\"[^\"]*\",processing=\"true\",name=\""
                + challenge.getMetadata().getName() + "\",namespace=\"" + NAMESPACE + "\",type=\"HTTP-01\"\\} 1\n";
        await("the challenge gauge", () -> Optional.of(scrapeMetrics())
                .filter(text -> Pattern.compile(challengeSeries).matcher(text).find()));

        solverProcess = startAcmeSolver(pod.getSpec().getContainers().get(0).getArgs());

        await("Certificate demo/web Ready", () -> observer.get(ResourceKind.CERTIFICATE, NAMESPACE, "web")
                .filter(AcmeClusterProbes::ready));
        Secret secret = client.secrets().inNamespace(NAMESPACE).withName("web-tls").get();
        assertThat(secret.getData()).containsKeys("tls.crt", "tls.key").doesNotContainKey("ca.crt");
        List<X509Certificate> chain = Pem.parseCertificates(Base64.getDecoder().decode(secret.getData().get("tls.crt")));
        assertThat(chain).hasSize(2);
        assertThat(chain.get(0).getSubjectAlternativeNames()).anyMatch(san -> DNS_NAME.equals(san.get(1)));

        Order order = observer.list(ResourceKind.ORDER, NAMESPACE).get(0);
        assertThat(order.getStatus().getState()).isEqualTo(States.VALID);
        await("Challenge deleted", () -> observer.list(ResourceKind.CHALLENGE, NAMESPACE).isEmpty()
                ? Optional.of(true) : Optional.empty());
        await("solver Pod, Service and Ingress deleted", () -> client.pods().inNamespace(NAMESPACE)
                .withLabels(identity).list().getItems().isEmpty()
                && client.services().inNamespace(NAMESPACE).withLabels(identity).list().getItems().isEmpty()
                && client.network().v1().ingresses().inNamespace(NAMESPACE).withLabels(identity).list().getItems()
                        .isEmpty() ? Optional.of(true) : Optional.empty());
        String orders = peers.kubectl("get", "orders", "-n", NAMESPACE);
        assertThat(orders.lines().findFirst().orElse("").split("\\s+")).containsExactly("NAME", "STATE", "AGE");
        assertThat(orders).containsPattern(order.getMetadata().getName() + "\\s+valid\\s");

        String metrics = scrapeMetrics();
        String host = "127\\.0\\.0\\.1:" + URI.create(pebble.directoryUrl()).getPort();
        for (String actionAndStatus : List.of("register_account\",method=\"POST\",status=\"201",
                "authorize_order\",method=\"POST\",status=\"201", "accept_challenge\",method=\"POST\",status=\"200",
                "create_order_cert\",method=\"POST\",status=\"200", "fetch_cert\",method=\"POST\",status=\"200")) {
            assertThat(metrics).containsPattern("certmanager_http_acme_client_request_count\\{scheme=\"https\",host=\""
                    + host + "\",action=\"" + actionAndStatus + "\"\\} [1-9]");
        }
        assertThat(metrics).doesNotContain("action=\"unnamed_action\"");
    }

    /** Returns the runtime's {@code /metrics} text. */
    private String scrapeMetrics() {
        URI uri = URI.create("http://127.0.0.1:" + runtime.metricsAddress().getPort() + "/metrics");
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException("scraping " + uri + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while scraping " + uri, e);
        }
    }

    @Test
    void namedIngressEditedInPlace() throws Exception {
        apply("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: shop, namespace: %s}
                spec:
                  rules:
                  - host: shop.certwright.test
                    http:
                      paths:
                      - path: /
                        pathType: Prefix
                        backend: {service: {name: shop, port: {number: 80}}}
                """.formatted(SHOP_NAMESPACE));
        // The issuer does not exist, so the challenges controller only retries and never presents or cleans up.
        Challenge challenge = observer.create(ResourceKind.CHALLENGE, Json.yaml().readValue("""
                apiVersion: acme.cert-manager.io/v1
                kind: Challenge
                metadata: {name: shop-edit-in-place, namespace: %s}
                spec:
                  url: https://127.0.0.1/chall/shop
                  authorizationURL: https://127.0.0.1/authz/shop
                  dnsName: shop.certwright.test
                  type: HTTP-01
                  token: shop-token
                  key: shop-token.thumbprint
                  solver: {http01: {ingress: {name: shop, serviceType: ClusterIP}}}
                  issuerRef: {name: missing, kind: Issuer}
                """.formatted(SHOP_NAMESPACE), Challenge.class));
        KubernetesHttp01Solver solver = new KubernetesHttp01Solver(client, SolverSettings.defaults());
        Map<String, String> identity = Map.of(
                SolverLabels.DOMAIN, adler32("shop.certwright.test"),
                SolverLabels.TOKEN, adler32("shop-token"),
                SolverLabels.SOLVER, "true");

        solver.present(challenge);
        solver.present(challenge);

        List<Pod> pods = client.pods().inNamespace(SHOP_NAMESPACE).withLabels(identity).list().getItems();
        List<Service> services = client.services().inNamespace(SHOP_NAMESPACE).withLabels(identity).list().getItems();
        assertThat(pods).hasSize(1);
        assertThat(services).hasSize(1);
        assertThat(services.get(0).getSpec().getType()).isEqualTo("ClusterIP");
        assertThat(client.network().v1().ingresses().inNamespace(SHOP_NAMESPACE).withLabels(identity).list().getItems())
                .isEmpty();
        Ingress shop = client.network().v1().ingresses().inNamespace(SHOP_NAMESPACE).withName("shop").get();
        assertThat(shop.getSpec().getRules()).hasSize(2);
        HTTPIngressPath added = shop.getSpec().getRules().get(1).getHttp().getPaths().get(0);
        assertThat(shop.getSpec().getRules().get(1).getHost()).isEqualTo("shop.certwright.test");
        assertThat(added.getPath()).isEqualTo("/.well-known/acme-challenge/shop-token");
        assertThat(added.getBackend().getService().getName()).isEqualTo(services.get(0).getMetadata().getName());

        solver.cleanUp(challenge);

        await("solver Pod and Service deleted", () -> client.pods().inNamespace(SHOP_NAMESPACE).withLabels(identity).list()
                .getItems().isEmpty() && client.services().inNamespace(SHOP_NAMESPACE).withLabels(identity).list()
                .getItems().isEmpty() ? Optional.of(true) : Optional.empty());
        Ingress cleaned = client.network().v1().ingresses().inNamespace(SHOP_NAMESPACE).withName("shop").get();
        assertThat(cleaned.getSpec().getRules()).hasSize(1);
        assertThat(cleaned.getSpec().getRules().get(0).getHttp().getPaths().get(0).getPath()).isEqualTo("/");
    }

    private static void assertSolverPod(Pod pod, Challenge challenge) {
        assertThat(pod.getMetadata().getGenerateName()).isEqualTo("cm-acme-http-solver-");
        assertThat(pod.getMetadata().getLabels()).containsEntry("team", "web").containsEntry("tier", "solver");
        assertThat(pod.getMetadata().getAnnotations())
                .containsEntry("sidecar.istio.io/inject", "false")
                .containsEntry("cluster-autoscaler.kubernetes.io/safe-to-evict", "true");
        assertOwnedBy(pod.getMetadata().getOwnerReferences(), challenge);
        assertThat(pod.getSpec().getRestartPolicy()).isEqualTo("OnFailure");
        assertThat(pod.getSpec().getAutomountServiceAccountToken()).isFalse();
        assertThat(pod.getSpec().getEnableServiceLinks()).isFalse();
        assertThat(pod.getSpec().getNodeSelector()).containsEntry("kubernetes.io/os", "linux").containsEntry("zone", "a");
        assertThat(pod.getSpec().getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSpec().getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");

        Container container = pod.getSpec().getContainers().get(0);
        assertThat(container.getName()).isEqualTo("acmesolver");
        assertThat(container.getImage()).isEqualTo(SOLVER_IMAGE);
        assertThat(container.getImagePullPolicy()).isEqualTo("IfNotPresent");
        assertThat(container.getArgs()).containsExactly("--listen-port=8089", "--domain=" + DNS_NAME,
                "--token=" + challenge.getSpec().getToken(), "--key=" + challenge.getSpec().getKey());
        assertThat(container.getPorts().get(0).getName()).isEqualTo("http");
        assertThat(container.getPorts().get(0).getContainerPort()).isEqualTo(8089);
        assertThat(container.getResources().getRequests()).containsEntry("cpu", new Quantity("20m"))
                .containsEntry("memory", new Quantity("32Mi"));
        assertThat(container.getResources().getLimits()).containsEntry("cpu", new Quantity("200m"))
                .containsEntry("memory", new Quantity("96Mi"));
        assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
    }

    private static void assertSolverService(Service service, Challenge challenge, Map<String, String> identity) {
        assertThat(service.getMetadata().getGenerateName()).isEqualTo("cm-acme-http-solver-");
        assertThat(service.getMetadata().getAnnotations()).containsEntry("auth.istio.io/8089", "NONE");
        assertOwnedBy(service.getMetadata().getOwnerReferences(), challenge);
        assertThat(service.getSpec().getType()).isEqualTo("NodePort");
        assertThat(service.getSpec().getPorts()).hasSize(1);
        assertThat(service.getSpec().getPorts().get(0).getPort()).isEqualTo(8089);
        assertThat(service.getSpec().getPorts().get(0).getTargetPort().getIntVal()).isEqualTo(8089);
        assertThat(service.getSpec().getSelector()).isEqualTo(identity);
    }

    private static void assertSolverIngress(Ingress ingress, Challenge challenge, Service service) {
        assertThat(ingress.getMetadata().getGenerateName()).isEqualTo("cm-acme-http-solver-");
        assertThat(ingress.getMetadata().getAnnotations())
                .containsEntry("nginx.ingress.kubernetes.io/whitelist-source-range", "0.0.0.0/0,::/0")
                .containsEntry("example.com/owner", "web")
                .doesNotContainKey("kubernetes.io/ingress.class");
        assertOwnedBy(ingress.getMetadata().getOwnerReferences(), challenge);
        assertThat(ingress.getSpec().getIngressClassName()).isEqualTo("nginx");
        assertThat(ingress.getSpec().getRules()).hasSize(1);
        assertThat(ingress.getSpec().getRules().get(0).getHost()).isEqualTo(DNS_NAME);
        HTTPIngressPath path = ingress.getSpec().getRules().get(0).getHttp().getPaths().get(0);
        assertThat(path.getPath()).isEqualTo("/.well-known/acme-challenge/" + challenge.getSpec().getToken());
        assertThat(path.getPathType()).isEqualTo("Exact");
        assertThat(path.getBackend().getService().getName()).isEqualTo(service.getMetadata().getName());
        assertThat(path.getBackend().getService().getPort().getNumber()).isEqualTo(8089);
    }

    private static void assertOwnedBy(List<OwnerReference> owners, Challenge challenge) {
        assertThat(owners).hasSize(1);
        OwnerReference owner = owners.get(0);
        assertThat(owner.getApiVersion()).isEqualTo("acme.cert-manager.io/v1");
        assertThat(owner.getKind()).isEqualTo("Challenge");
        assertThat(owner.getName()).isEqualTo(challenge.getMetadata().getName());
        assertThat(owner.getUid()).isEqualTo(challenge.getMetadata().getUid());
        assertThat(owner.getController()).isTrue();
    }

    /** Starts {@code certwright acmesolver} with the Pod's arguments, listening on Pebble's HTTP-01 port. */
    private Process startAcmeSolver(List<String> podArguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                peers.root().resolve("cli/target/certwright.jar").toString(), "acmesolver"));
        for (String argument : podArguments) {
            command.add(argument.startsWith("--listen-port=") ? "--listen-port=" + http01Port : argument);
        }
        command.add("--listen-address=127.0.0.1");
        solverLog = Files.createTempFile("certwright-acmesolver", ".log");
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(solverLog.toFile()).start();
    }

    private void apply(String manifest) throws IOException, InterruptedException {
        Path file = pebbleDir.resolve("manifest.yaml");
        Files.writeString(file, manifest);
        peers.kubectl("apply", "-f", file.toString());
    }

    private <T> T await(String what, Supplier<Optional<T>> probe) throws Exception {
        return AcmeClusterProbes.await(what, TIMEOUT, observer, probe, () -> {
            try {
                return "\nacmesolver output: " + (solverLog == null ? "(not started)" : Files.readString(solverLog));
            } catch (IOException e) {
                return "\nacmesolver output unreadable: " + e.getMessage();
            }
        });
    }

    private static String adler32(String value) {
        Adler32 adler = new Adler32();
        adler.update(value.getBytes(StandardCharsets.UTF_8));
        return Long.toString(adler.getValue());
    }
}
