package io.certwright.acme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.certwright.acme.account.Acme4jRegistrar;
import io.certwright.acme.challenges.Solver;
import io.certwright.acme.dns01.Dns01Options;
import io.certwright.api.Json;
import io.certwright.api.model.Certificate;
import io.certwright.api.model.CertificateCondition;
import io.certwright.api.model.Challenge;
import io.certwright.api.model.ClusterIssuer;
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
import java.net.InetAddress;
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
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * Issues certificates from Pebble over DNS-01 with the RFC 2136 provider, against a real BIND 9:
 * scripts/dns/start-bind runs named on loopback with a zone that takes TSIG-signed updates, and
 * Pebble resolves through it. Every controller runs on an in-memory cluster with a real clock and
 * two workers per controller, so that an apex and its wildcard could run at the same time if the
 * scheduler let them. The self-check runs in cert-manager's default mode, against the zone's
 * authoritative nameserver, found through NS and A lookups, on BIND's port. Skipped when named,
 * dig or Pebble are not installed.
 */
class PebbleDns01IT {
    private static final String NAMESPACE = "demo";
    private static final String RESOURCE_NAMESPACE = "cert-manager";
    private static final Duration TIMEOUT = Duration.ofSeconds(180);
    private static final String SKIP_MESSAGE = "PebbleDns01IT skipped: pebble, named or dig is not installed"
            + " (apt-get install -y pebble bind9 bind9-dnsutils)";
    private static final Path SCRIPTS = Path.of(System.getProperty("certwright.scripts", "../scripts"));

    @TempDir
    static Path work;

    private static Properties pebble;
    private static Properties bind;
    private static InMemoryCluster cluster;
    private static ControllerManager manager;

    /** The names of the Challenges whose status.processing is true right now, and the most seen at once. */
    private static final Set<String> processing = ConcurrentHashMap.newKeySet();
    private static final AtomicInteger maxProcessingPerDnsName = new AtomicInteger();
    private static final Map<String, Challenge> challengesSeen = new ConcurrentHashMap<>();

    @BeforeAll
    static void startBindPebbleAndControllers() throws Exception {
        boolean installed = onPath("pebble") && (onPath("named") || Files.isExecutable(Path.of("/usr/sbin/named")))
                && onPath("dig");
        if (!installed) {
            // JUnit reports an aborted @BeforeAll as zero tests, so print the reason in the test output too.
            System.err.println(SKIP_MESSAGE);
        }
        assumeTrue(installed, SKIP_MESSAGE);
        int[] ports = freePorts(4);
        Path bindDir = work.resolve("bind");
        bind = start(bindDir.resolve("bind.env"), "dns/start-bind", bindDir.toString(), Integer.toString(ports[3]));
        Path pebbleDir = work.resolve("pebble");
        pebble = start(pebbleDir.resolve("pebble.env"), "acme/start-pebble", "--dns-server",
                bind.getProperty("BIND_ADDRESS"), pebbleDir.toString(), Integer.toString(ports[0]),
                Integer.toString(ports[1]), Integer.toString(ports[2]));

        Clock clock = Clock.systemUTC();
        cluster = new InMemoryCluster(clock);
        manager = new ControllerManager(cluster, clock);
        ControllerOptions options = ControllerOptions.defaults().withClusterResourceNamespace(RESOURCE_NAMESPACE);
        Dns01Options dns01 = Dns01Options.defaults()
                .withRecursiveNameservers(List.of(bind.getProperty("BIND_ADDRESS")))
                .withAuthoritativePort(Integer.parseInt(bind.getProperty("BIND_PORT")))
                .withPropagationWait(Duration.ofSeconds(1));
        AcmeControllers acme = AcmeControllers.create(cluster, clock, new UnusedHttp01Solver(), new Acme4jRegistrar(),
                60, new AcmeSolverSettings(Duration.ofSeconds(1), dns01));
        cluster.addListener((kind, before, after) -> {
            if (after instanceof Challenge challenge) {
                recordProcessing(challenge);
            } else if (before instanceof Challenge challenge && after == null) {
                processing.remove(challenge.getMetadata().getName());
            }
        });
        CoreControllers.registerAll(manager, cluster, options, clock, acme.backends(), List.of(acme));
        manager.start(2);

        cluster.create(ResourceKind.SECRET, Json.yaml().readValue("""
                apiVersion: v1
                kind: Secret
                metadata: {name: bind-tsig, namespace: %s}
                data:
                  secret: %s
                """.formatted(RESOURCE_NAMESPACE, Base64.getEncoder().encodeToString(
                        bind.getProperty("BIND_TSIG_SECRET").getBytes(StandardCharsets.US_ASCII))), Secret.class));
        String rfc2136 = "{nameserver: \"%s\", tsigKeyName: %s, tsigAlgorithm: %s, tsigSecretSecretRef: {name: bind-tsig,"
                .formatted(bind.getProperty("BIND_ADDRESS"), bind.getProperty("BIND_TSIG_KEY_NAME"),
                        bind.getProperty("BIND_TSIG_ALGORITHM")) + " key: secret}}";
        String caBundle = Base64.getEncoder().encodeToString(
                Files.readAllBytes(Path.of(pebble.getProperty("PEBBLE_TLS_CA"))));
        cluster.create(ResourceKind.CLUSTER_ISSUER, Json.yaml().readValue("""
                apiVersion: cert-manager.io/v1
                kind: ClusterIssuer
                metadata: {name: pebble-dns}
                spec:
                  acme:
                    server: %1$s
                    caBundle: %2$s
                    privateKeySecretRef: {name: pebble-dns-account}
                    solvers:
                    - selector: {dnsNames: [alias.example.test]}
                      dns01:
                        cnameStrategy: Follow
                        rfc2136: %3$s
                    - dns01:
                        rfc2136: %3$s
                """.formatted(pebble.getProperty("PEBBLE_DIRECTORY_URL"), caBundle, rfc2136), ClusterIssuer.class));
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (manager != null) {
            manager.close();
        }
        if (pebble != null) {
            new ProcessBuilder(SCRIPTS.resolve("acme/stop-pebble").toString(), work.resolve("pebble").toString())
                    .inheritIO().start().waitFor();
        }
        if (bind != null) {
            new ProcessBuilder(SCRIPTS.resolve("dns/stop-bind").toString(), work.resolve("bind").toString())
                    .inheritIO().start().waitFor();
        }
    }

    @Test
    void wildcardAndApexIssuedOneChallengeAtATime() throws Exception {
        createCertificate("wildcard", "example.test", "*.example.test");

        awaitReady("wildcard");

        List<X509Certificate> chain = issuedChain("wildcard-tls");
        assertThat(dnsNames(chain.get(0))).containsExactlyInAnyOrder("example.test", "*.example.test");
        assertChainsTo(chain, pebbleRoot());

        List<Challenge> challenges = challengesSeen.values().stream()
                .filter(c -> c.getMetadata().getName().startsWith("wildcard-")).toList();
        assertThat(challenges).hasSize(2);
        assertThat(challenges).allSatisfy(challenge -> {
            assertThat(challenge.getSpec().getDnsName()).isEqualTo("example.test");
            assertThat(challenge.getSpec().getType()).isEqualTo("DNS-01");
        });
        assertThat(challenges).extracting(c -> Boolean.TRUE.equals(c.getSpec().getWildcard()))
                .containsExactlyInAnyOrder(true, false);
        assertThat(maxProcessingPerDnsName.get())
                .as("Challenges for example.test processing at the same time").isEqualTo(1);

        await("TXT records of _acme-challenge.example.test removed",
                () -> txtValues("_acme-challenge.example.test.").isEmpty() ? Optional.of(true) : Optional.empty());
    }

    @Test
    void cnameFollowWritesRecordAtTarget() throws Exception {
        createCertificate("alias", "alias.example.test");

        awaitReady("alias");

        List<X509Certificate> chain = issuedChain("alias-tls");
        assertThat(dnsNames(chain.get(0))).containsExactly("alias.example.test");
        assertChainsTo(chain, pebbleRoot());
        await("TXT record at the CNAME target removed",
                () -> txtValues("_acme-challenge.target.example.test.").isEmpty() ? Optional.of(true) : Optional.empty());
    }

    private static void recordProcessing(Challenge challenge) {
        String name = challenge.getMetadata().getName();
        challengesSeen.put(name, challenge);
        boolean running = challenge.getStatus() != null && Boolean.TRUE.equals(challenge.getStatus().getProcessing());
        synchronized (processing) {
            if (running) {
                processing.add(name);
            } else {
                processing.remove(name);
            }
            long sameName = processing.stream().map(challengesSeen::get)
                    .filter(c -> c.getSpec().getDnsName().equals(challenge.getSpec().getDnsName())).count();
            maxProcessingPerDnsName.accumulateAndGet((int) sameName, Math::max);
        }
    }

    private static void createCertificate(String name, String... dnsNames) {
        cluster.create(ResourceKind.CERTIFICATE, Json.yaml().readValue("""
                apiVersion: cert-manager.io/v1
                kind: Certificate
                metadata: {name: %s, namespace: %s}
                spec:
                  secretName: %s-tls
                  dnsNames: [%s]
                  issuerRef: {name: pebble-dns, kind: ClusterIssuer}
                """.formatted(name, NAMESPACE, name, String.join(", ", List.of(dnsNames).stream()
                        .map(n -> "\"" + n + "\"").toList())), Certificate.class));
    }

    private static void awaitReady(String name) throws InterruptedException {
        await("Certificate " + NAMESPACE + "/" + name + " Ready", () -> cluster.get(ResourceKind.CERTIFICATE,
                NAMESPACE, name).flatMap(c -> condition(c, "Ready")).filter("True"::equals));
    }

    private static List<X509Certificate> issuedChain(String secretName) throws Exception {
        Secret secret = cluster.get(ResourceKind.SECRET, NAMESPACE, secretName).orElseThrow();
        List<X509Certificate> chain = Pem.parseCertificates(Base64.getDecoder().decode(secret.getData().get("tls.crt")));
        assertThat(chain).hasSize(2);
        return chain;
    }

    private static List<String> dnsNames(X509Certificate certificate) throws Exception {
        return certificate.getSubjectAlternativeNames().stream().map(san -> san.get(1).toString()).toList();
    }

    /** Returns the TXT values BIND serves for {@code fqdn}. */
    private static List<String> txtValues(String fqdn) {
        try {
            SimpleResolver resolver = new SimpleResolver(new InetSocketAddress("127.0.0.1",
                    Integer.parseInt(bind.getProperty("BIND_PORT"))));
            resolver.setTimeout(Duration.ofSeconds(2));
            Message response = resolver.send(Message.newQuery(Record.newRecord(Name.fromString(fqdn), Type.TXT,
                    DClass.IN)));
            assertThat(response.getRcode()).isIn(Rcode.NOERROR, Rcode.NXDOMAIN);
            List<String> values = new ArrayList<>();
            for (Record record : response.getSection(Section.ANSWER)) {
                if (record instanceof org.xbill.DNS.TXTRecord txt) {
                    values.add(String.join("", txt.getStrings()));
                }
            }
            return values;
        } catch (IOException e) {
            throw new AssertionError("querying BIND for " + fqdn + " TXT failed: " + e.getMessage(), e);
        }
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
        state.put("issuers", cluster.list(ResourceKind.CLUSTER_ISSUER, null));
        state.put("orders", cluster.list(ResourceKind.ORDER, null));
        state.put("challenges", cluster.list(ResourceKind.CHALLENGE, null));
        throw new AssertionError("timed out after " + TIMEOUT + " waiting for " + what + "; state: "
                + Json.yaml().writeValueAsString(state));
    }

    /** Runs a start script and returns the variables it wrote to {@code envFile}. */
    private static Properties start(Path envFile, String script, String... arguments) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(SCRIPTS.resolve(script).toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as("%s output: %s", script, output).isZero();
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(envFile)) {
            properties.load(reader);
        }
        return properties;
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
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
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

    /** Fails every call: these tests use DNS-01 only. */
    private static final class UnusedHttp01Solver implements Solver {
        @Override
        public void present(Challenge challenge) {
            throw new AssertionError("unexpected HTTP-01 challenge " + challenge.getMetadata().getName());
        }

        @Override
        public void check(Challenge challenge) {
            throw new AssertionError("unexpected HTTP-01 challenge " + challenge.getMetadata().getName());
        }

        @Override
        public void cleanUp(Challenge challenge) {
            throw new AssertionError("unexpected HTTP-01 challenge " + challenge.getMetadata().getName());
        }
    }
}
