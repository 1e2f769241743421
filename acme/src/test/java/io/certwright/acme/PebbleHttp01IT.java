package io.certwright.acme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.certwright.acme.account.AccountSetup;
import io.certwright.acme.account.Acme4jRegistrar;
import io.certwright.acme.http01.Http01Server;
import io.certwright.acme.http01.Http01Solver;
import io.certwright.api.Json;
import io.certwright.api.model.Certificate;
import io.certwright.api.model.CertificateCondition;
import io.certwright.api.model.Challenge;
import io.certwright.api.model.ClusterIssuer;
import io.certwright.api.model.IssuerCondition;
import io.certwright.api.model.Order;
import io.certwright.api.model.States;
import io.certwright.core.ControllerOptions;
import io.certwright.core.CoreControllers;
import io.certwright.core.cluster.InMemoryCluster;
import io.certwright.core.cluster.ResourceKind;
import io.certwright.core.controller.ControllerManager;
import io.certwright.pki.Pem;
import io.fabric8.kubernetes.api.model.Secret;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issues a certificate from Pebble, Let's Encrypt's ACME test server, over HTTP-01, with every
 * controller running on an in-memory cluster and a real clock. Pebble and pebble-challtestsrv
 * (Debian package {@code pebble}) run on 127.0.0.1 only; challtestsrv answers Pebble's DNS queries
 * with 127.0.0.1, and Pebble's validation port is the solver's listener. Skipped when Pebble is not
 * installed.
 */
class PebbleHttp01IT {
    private static final String NAMESPACE = "demo";
    private static final String RESOURCE_NAMESPACE = "cert-manager";
    private static final String DNS_NAME = "web.certwright.test";
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final String SKIP_MESSAGE =
            "PebbleHttp01IT skipped: pebble and pebble-challtestsrv are not on PATH (apt-get install -y pebble)";

    @TempDir
    static Path pebbleDir;

    private static Properties pebble;
    private static Http01Server solverServer;
    private static InMemoryCluster cluster;
    private static ControllerManager manager;
    private static AcmeControllers acme;
    private static final Set<String> challengeStatesSeen = ConcurrentHashMap.newKeySet();

    @BeforeAll
    static void startPebbleAndControllers() throws Exception {
        boolean installed = onPath("pebble") && onPath("pebble-challtestsrv");
        if (!installed) {
            // JUnit reports an aborted @BeforeAll as zero tests, so say why in the test output too.
            System.err.println(SKIP_MESSAGE);
        }
        assumeTrue(installed, SKIP_MESSAGE);
        int[] ports = freePorts(4);
        Path script = Path.of(System.getProperty("certwright.scripts", "../scripts"), "acme", "start-pebble");
        Process start = new ProcessBuilder(script.toString(), pebbleDir.toString(), Integer.toString(ports[0]),
                Integer.toString(ports[1]), Integer.toString(ports[2]), Integer.toString(ports[3]))
                .redirectErrorStream(true).start();
        String output = new String(start.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(start.waitFor()).as("start-pebble output: %s", output).isZero();
        pebble = new Properties();
        try (var reader = Files.newBufferedReader(pebbleDir.resolve("pebble.env"))) {
            pebble.load(reader);
        }

        solverServer = Http01Server.start(new InetSocketAddress("127.0.0.1", ports[2]));
        Http01Solver solver = new Http01Solver(solverServer, new Http01Solver.Settings(
                domain -> solverServer.address(), 2, Duration.ofMillis(200)));

        Clock clock = Clock.systemUTC();
        cluster = new InMemoryCluster(clock);
        manager = new ControllerManager(cluster, clock);
        ControllerOptions options = ControllerOptions.defaults().withClusterResourceNamespace(RESOURCE_NAMESPACE);
        acme = AcmeControllers.create(cluster, clock, solver, new Acme4jRegistrar());
        cluster.addListener((kind, before, after) -> {
            if (after instanceof Challenge challenge && challenge.getStatus() != null
                    && challenge.getStatus().getState() != null) {
                challengeStatesSeen.add(challenge.getStatus().getState());
            }
        });
        CoreControllers.registerAll(manager, cluster, options, clock, acme.backends(), List.of(acme));
        manager.start(2);
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (manager != null) {
            manager.close();
        }
        if (solverServer != null) {
            solverServer.close();
        }
        if (pebble != null) {
            Path script = Path.of(System.getProperty("certwright.scripts", "../scripts"), "acme", "stop-pebble");
            new ProcessBuilder(script.toString(), pebbleDir.toString()).inheritIO().start().waitFor();
        }
    }

    @Test
    void certificateFromPebbleIsReadyWithServerChain() throws Exception {
        String caBundle = Base64.getEncoder().encodeToString(Files.readAllBytes(Path.of(pebble.getProperty("PEBBLE_TLS_CA"))));
        cluster.create(ResourceKind.CLUSTER_ISSUER, Json.yaml().readValue("""
                apiVersion: cert-manager.io/v1
                kind: ClusterIssuer
                metadata: {name: pebble}
                spec:
                  acme:
                    server: %s
                    email: Admin@Certwright.Test
                    caBundle: %s
                    privateKeySecretRef: {name: pebble-account}
                    solvers:
                    - http01: {ingress: {}}
                """.formatted(pebble.getProperty("PEBBLE_DIRECTORY_URL"), caBundle), ClusterIssuer.class));
        cluster.create(ResourceKind.CERTIFICATE, Json.yaml().readValue("""
                apiVersion: cert-manager.io/v1
                kind: Certificate
                metadata: {name: web, namespace: %s}
                spec:
                  secretName: web-tls
                  dnsNames: [%s]
                  issuerRef: {name: pebble, kind: ClusterIssuer}
                """.formatted(NAMESPACE, DNS_NAME), Certificate.class));

        await("ClusterIssuer pebble Ready", () -> issuerReady("pebble").filter("True"::equals));
        await("Certificate demo/web Ready", () -> cluster.get(ResourceKind.CERTIFICATE, NAMESPACE, "web")
                .flatMap(c -> condition(c, "Ready")).filter("True"::equals));

        Secret secret = cluster.get(ResourceKind.SECRET, NAMESPACE, "web-tls").orElseThrow();
        assertThat(secret.getData()).doesNotContainKey("ca.crt");
        List<X509Certificate> chain = Pem.parseCertificates(Base64.getDecoder().decode(secret.getData().get("tls.crt")));
        assertThat(chain).hasSize(2);
        assertThat(chain.get(0).getSubjectAlternativeNames()).anyMatch(san -> DNS_NAME.equals(san.get(1)));
        assertChainsTo(chain, pebbleRoot());

        Order order = cluster.list(ResourceKind.ORDER, NAMESPACE).get(0);
        assertThat(order.getStatus().getState()).isEqualTo(States.VALID);
        assertThat(order.getStatus().getCertificate()).isEqualTo(Base64.getDecoder().decode(secret.getData().get("tls.crt")));
        assertThat(challengeStatesSeen).contains(States.VALID);
        // The Order deletes its Challenges once it is valid.
        await("Challenges cleaned up", () -> cluster.list(ResourceKind.CHALLENGE, NAMESPACE).isEmpty() ? Optional.of(true) : Optional.empty());

        ClusterIssuer issuer = cluster.get(ResourceKind.CLUSTER_ISSUER, null, "pebble").orElseThrow();
        assertThat(issuer.getStatus().getAcme().getUri()).startsWith("https://127.0.0.1:");
        assertThat(issuer.getStatus().getAcme().getLastRegisteredEmail()).isEqualTo("Admin@Certwright.Test");
        assertThat(issuer.getStatus().getAcme().getLastPrivateKeyHash()).isNotEmpty();
        Secret accountKey = cluster.get(ResourceKind.SECRET, RESOURCE_NAMESPACE, "pebble-account").orElseThrow();
        assertThat(accountKey.getMetadata().getLabels()).containsEntry(AccountSetup.MANAGED_BY_LABEL, "cert-manager");
        assertThat(new String(Base64.getDecoder().decode(accountKey.getData().get("tls.key")), StandardCharsets.US_ASCII))
                .startsWith("-----BEGIN RSA PRIVATE KEY-----");
    }

    @Test
    void letsEncryptV1IssuerIsInvalidConfig() throws Exception {
        cluster.create(ResourceKind.CLUSTER_ISSUER, Json.yaml().readValue("""
                apiVersion: cert-manager.io/v1
                kind: ClusterIssuer
                metadata: {name: letsencrypt-v1}
                spec:
                  acme:
                    server: https://acme-v01.api.letsencrypt.org/directory
                    privateKeySecretRef: {name: letsencrypt-v1-account}
                """, ClusterIssuer.class));

        await("ClusterIssuer letsencrypt-v1 Ready=False", () -> issuerReady("letsencrypt-v1").filter("False"::equals));
        IssuerCondition ready = cluster.get(ResourceKind.CLUSTER_ISSUER, null, "letsencrypt-v1").orElseThrow()
                .getStatus().getConditions().get(0);
        assertThat(ready.getReason()).isEqualTo(AccountSetup.REASON_INVALID_CONFIG);
        assertThat(ready.getMessage()).contains("https://acme-v02.api.letsencrypt.org/directory");
        assertThat(cluster.get(ResourceKind.SECRET, RESOURCE_NAMESPACE, "letsencrypt-v1-account")).isEmpty();
    }

    private static Optional<String> issuerReady(String name) {
        return cluster.get(ResourceKind.CLUSTER_ISSUER, null, name)
                .filter(issuer -> issuer.getStatus() != null && issuer.getStatus().getConditions() != null)
                .flatMap(issuer -> issuer.getStatus().getConditions().stream()
                        .filter(c -> "Ready".equals(c.getType())).map(IssuerCondition::getStatus).findFirst());
    }

    private static Optional<String> condition(Certificate certificate, String type) {
        if (certificate.getStatus() == null || certificate.getStatus().getConditions() == null) {
            return Optional.empty();
        }
        return certificate.getStatus().getConditions().stream().filter(c -> type.equals(c.getType()))
                .map(CertificateCondition::getStatus).findFirst();
    }

    private static <T> T await(String what, Supplier<Optional<T>> probe) throws InterruptedException {
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            Thread.sleep(200);
        }
        Map<String, Object> state = new HashMap<>();
        state.put("certificates", cluster.list(ResourceKind.CERTIFICATE, null));
        state.put("requests", cluster.list(ResourceKind.CERTIFICATE_REQUEST, null));
        state.put("issuers", cluster.list(ResourceKind.CLUSTER_ISSUER, null));
        state.put("orders", cluster.list(ResourceKind.ORDER, null));
        state.put("challenges", cluster.list(ResourceKind.CHALLENGE, null));
        throw new AssertionError("timed out after " + TIMEOUT + " waiting for " + what + "; state: "
                + Json.yaml().writeValueAsString(state));
    }

    private static X509Certificate pebbleRoot() throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        try (var in = Files.newInputStream(Path.of(pebble.getProperty("PEBBLE_TLS_CA")))) {
            trust.setCertificateEntry("pebble-tls", factory.generateCertificate(in));
        }
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trustManagers.getTrustManagers(), null);
        HttpClient client = HttpClient.newBuilder().sslContext(context).build();
        HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(
                URI.create(pebble.getProperty("PEBBLE_MANAGEMENT_URL") + "/roots/0")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return Pem.parseCertificates(response.body()).get(0);
    }

    private static void assertChainsTo(List<X509Certificate> chain, X509Certificate root) throws Exception {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
        parameters.setRevocationEnabled(false);
        CertPathValidator.getInstance("PKIX").validate(factory.generateCertPath(chain), parameters);
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    private static int[] freePorts(int count) throws IOException {
        int[] ports = new int[count];
        List<ServerSocket> sockets = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
                sockets.add(socket);
                ports[i] = socket.getLocalPort();
            }
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
        return ports;
    }
}
