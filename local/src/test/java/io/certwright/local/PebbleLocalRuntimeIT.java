package io.certwright.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.certwright.acme.AcmeSolverSettings;
import io.certwright.acme.dns01.Dns01Options;
import io.certwright.api.model.States;
import io.certwright.core.cluster.ResourceKind;
import io.certwright.pki.Pem;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/**
 * Runs {@code examples/acme-pebble} through {@link LocalRuntime#runOnce} against Pebble and BIND, as
 * {@code scripts/acme-demo} does with the command line: BIND (scripts/dns/start-bind) serves the
 * test zones on loopback and takes the RFC 2136 updates of the DNS-01 solver, Pebble resolves
 * through it, and the runtime's HTTP-01 responder listens on Pebble's validation port. The DNS-01
 * self-check queries BIND over IPv6 ({@code [::1]:PORT}, when the loopback interface has ::1) as a
 * recursive nameserver only, as {@code --dns01-recursive-nameservers-only} sets it. Skipped when
 * Pebble or BIND is not installed.
 */
class PebbleLocalRuntimeIT {
    private static final String SKIP_MESSAGE = "PebbleLocalRuntimeIT skipped: pebble, named or dig is not installed"
            + " (apt-get install -y pebble bind9 bind9-dnsutils)";
    private static final Path SCRIPTS = Path.of(System.getProperty("certwright.scripts", "../scripts"));
    private static final Path EXAMPLES = Path.of(System.getProperty("certwright.examples", "../examples"));

    @TempDir
    Path work;

    private Path pebbleDir;
    private Path bindDir;
    private Properties pebble;
    private Properties bind;
    private int http01Port;

    @BeforeEach
    void startPebble() throws Exception {
        boolean installed = onPath("pebble") && (onPath("named") || Files.isExecutable(Path.of("/usr/sbin/named")))
                && onPath("dig");
        if (!installed) {
            // JUnit reports an aborted test without its reason in the summary, so print it too.
            System.err.println(SKIP_MESSAGE);
        }
        assumeTrue(installed, SKIP_MESSAGE);
        int[] ports = freePorts(4);
        http01Port = ports[2];
        bindDir = work.resolve("bind");
        bind = start(bindDir.resolve("bind.env"), "dns/start-bind", bindDir.toString(), Integer.toString(ports[3]));
        pebbleDir = work.resolve("pebble");
        pebble = start(pebbleDir.resolve("pebble.env"), "acme/start-pebble", "--dns-server",
                bind.getProperty("BIND_ADDRESS"), pebbleDir.toString(), Integer.toString(ports[0]),
                Integer.toString(ports[1]), Integer.toString(ports[2]));
    }

    @AfterEach
    void stopPebbleAndBind() throws Exception {
        if (pebble != null) {
            new ProcessBuilder(SCRIPTS.resolve("acme/stop-pebble").toString(), pebbleDir.toString())
                    .inheritIO().start().waitFor();
        }
        if (bind != null) {
            new ProcessBuilder(SCRIPTS.resolve("dns/stop-bind").toString(), bindDir.toString())
                    .inheritIO().start().waitFor();
        }
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

    @Test
    void runOnceIssuesFromPebble() throws Exception {
        Path manifests = copyExample();
        Dns01Options dns01 = Dns01Options.defaults()
                .withRecursiveNameservers(List.of(selfCheckNameserver()))
                .withRecursiveNameserversOnly(true)
                .withPropagationWait(Duration.ofSeconds(1));
        LocalRuntime.Settings settings = LocalRuntime.Settings.of(manifests)
                .withStateDirectory(work.resolve("state"))
                .withOnceWait(Duration.ofSeconds(15))
                .withAcmeHttp01ListenAddress("127.0.0.1:" + http01Port)
                .withAcmeSolvers(new AcmeSolverSettings(Duration.ofSeconds(2), dns01));

        try (LocalRuntime runtime = LocalRuntime.open(settings)) {
            List<CertificateReadiness> readiness = runtime.runOnce();

            assertThat(runtime.problems()).isEmpty();
            assertThat(readiness).hasSize(2);
            assertThat(readiness).allSatisfy(certificate -> assertThat(certificate.ready())
                    .as("Certificate %s/%s: %s", certificate.namespace(), certificate.name(), certificate.message())
                    .isTrue());
            assertThat(runtime.cluster().list(ResourceKind.ORDER, "demo"))
                    .extracting(order -> order.getStatus().getState())
                    .containsExactly(States.VALID, States.VALID);

            X509Certificate root = pebbleRoot();
            assertIssued(runtime.layout().secret("demo", "web-tls"), root, "web.certwright.test");
            assertIssued(runtime.layout().secret("demo", "wildcard-tls"), root, "example.test", "*.example.test");
            assertThat(txtValues("_acme-challenge.example.test.")).as("challenge TXT records left in BIND").isEmpty();

            Path state = runtime.layout().root();
            assertThat(state.resolve("orders/demo")).isDirectoryContaining("glob:**.yaml");
        }
    }

    private static void assertIssued(Path secret, X509Certificate root, String... dnsNames) throws Exception {
        assertThat(secret.resolve("ca.crt")).doesNotExist();
        List<X509Certificate> chain = Pem.parseCertificates(Files.readAllBytes(secret.resolve("tls.crt")));
        assertThat(chain).hasSize(2);
        assertThat(chain.get(0).getSubjectAlternativeNames().stream().map(san -> san.get(1).toString()).toList())
                .containsExactlyInAnyOrder(dnsNames);
        assertChainsTo(chain, root);
    }

    /** Returns BIND's address over IPv6 when the loopback interface has ::1, else over IPv4. */
    private String selfCheckNameserver() throws IOException {
        NetworkInterface loopback = NetworkInterface.getByInetAddress(InetAddress.getByName("::1"));
        return loopback != null ? "[::1]:" + bind.getProperty("BIND_PORT") : bind.getProperty("BIND_ADDRESS");
    }

    /** Returns the TXT values BIND serves for {@code fqdn}. */
    private List<String> txtValues(String fqdn) throws IOException {
        SimpleResolver resolver = new SimpleResolver(new InetSocketAddress("127.0.0.1",
                Integer.parseInt(bind.getProperty("BIND_PORT"))));
        resolver.setTimeout(Duration.ofSeconds(2));
        Message response = resolver.send(Message.newQuery(Record.newRecord(Name.fromString(fqdn), Type.TXT, DClass.IN)));
        List<String> values = new ArrayList<>();
        for (Record record : response.getSection(Section.ANSWER)) {
            if (record instanceof TXTRecord txt) {
                values.add(String.join("", txt.getStrings()));
            }
        }
        return values;
    }

    /**
     * Copies examples/acme-pebble, filling in the server URL, caBundle, BIND address and TSIG secret as
     * scripts/acme-demo does.
     */
    private Path copyExample() throws IOException {
        Path manifests = work.resolve("manifests");
        Files.createDirectories(manifests);
        String caBundle = Base64.getEncoder().encodeToString(
                Files.readAllBytes(Path.of(pebble.getProperty("PEBBLE_TLS_CA"))));
        try (Stream<Path> files = Files.list(EXAMPLES.resolve("acme-pebble"))) {
            for (Path file : files.toList()) {
                String text = Files.readString(file)
                        .replace("https://127.0.0.1:14000/dir", pebble.getProperty("PEBBLE_DIRECTORY_URL"))
                        .replace("PEBBLE_TLS_CA_BASE64", caBundle)
                        .replace("nameserver: 127.0.0.1:15353", "nameserver: " + bind.getProperty("BIND_ADDRESS"))
                        .replace("BIND_TSIG_SECRET", bind.getProperty("BIND_TSIG_SECRET"));
                Files.writeString(manifests.resolve(file.getFileName()), text);
            }
        }
        return manifests;
    }

    private X509Certificate pebbleRoot() throws Exception {
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
}
