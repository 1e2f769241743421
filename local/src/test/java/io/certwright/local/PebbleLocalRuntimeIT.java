package io.certwright.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.certwright.api.model.States;
import io.certwright.core.cluster.ResourceKind;
import io.certwright.pki.Pem;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
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

/**
 * Runs {@code examples/acme-pebble} through {@link LocalRuntime#runOnce} against Pebble, as
 * {@code scripts/acme-demo} does with the command line: Pebble and pebble-challtestsrv run on
 * 127.0.0.1, challtestsrv resolves every name to 127.0.0.1, and the runtime's HTTP-01 responder
 * listens on Pebble's validation port. Skipped when Pebble is not installed.
 */
class PebbleLocalRuntimeIT {
    private static final String SKIP_MESSAGE =
            "PebbleLocalRuntimeIT skipped: pebble and pebble-challtestsrv are not on PATH (apt-get install -y pebble)";
    private static final Path SCRIPTS = Path.of(System.getProperty("certwright.scripts", "../scripts"));
    private static final Path EXAMPLES = Path.of(System.getProperty("certwright.examples", "../examples"));

    @TempDir
    Path work;

    private Path pebbleDir;
    private Properties pebble;
    private int http01Port;

    @BeforeEach
    void startPebble() throws Exception {
        boolean installed = onPath("pebble") && onPath("pebble-challtestsrv");
        if (!installed) {
            // JUnit reports an aborted test without its reason in the summary, so print it too.
            System.err.println(SKIP_MESSAGE);
        }
        assumeTrue(installed, SKIP_MESSAGE);
        int[] ports = freePorts(4);
        http01Port = ports[2];
        pebbleDir = work.resolve("pebble");
        Process start = new ProcessBuilder(SCRIPTS.resolve("acme/start-pebble").toString(), pebbleDir.toString(),
                Integer.toString(ports[0]), Integer.toString(ports[1]), Integer.toString(ports[2]),
                Integer.toString(ports[3]))
                .redirectErrorStream(true).start();
        String output = new String(start.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(start.waitFor()).as("start-pebble output: %s", output).isZero();
        pebble = new Properties();
        try (var reader = Files.newBufferedReader(pebbleDir.resolve("pebble.env"))) {
            pebble.load(reader);
        }
    }

    @AfterEach
    void stopPebble() throws Exception {
        if (pebble != null) {
            new ProcessBuilder(SCRIPTS.resolve("acme/stop-pebble").toString(), pebbleDir.toString())
                    .inheritIO().start().waitFor();
        }
    }

    @Test
    void runOnceIssuesFromPebble() throws Exception {
        Path manifests = copyExample();
        LocalRuntime.Settings settings = LocalRuntime.Settings.of(manifests)
                .withStateDirectory(work.resolve("state"))
                .withOnceWait(Duration.ofSeconds(15))
                .withAcmeHttp01ListenAddress("127.0.0.1:" + http01Port);

        try (LocalRuntime runtime = LocalRuntime.open(settings)) {
            List<CertificateReadiness> readiness = runtime.runOnce();

            assertThat(runtime.problems()).isEmpty();
            assertThat(readiness).hasSize(1);
            assertThat(readiness.get(0).ready()).as("Certificate demo/web: %s", readiness.get(0).message()).isTrue();
            assertThat(runtime.cluster().list(ResourceKind.ORDER, "demo"))
                    .extracting(order -> order.getStatus().getState())
                    .containsExactly(States.VALID);

            Path secret = runtime.layout().secret("demo", "web-tls");
            assertThat(secret.resolve("ca.crt")).doesNotExist();
            List<X509Certificate> chain = Pem.parseCertificates(Files.readAllBytes(secret.resolve("tls.crt")));
            assertThat(chain).hasSize(2);
            assertThat(chain.get(0).getSubjectAlternativeNames())
                    .anyMatch(san -> "web.certwright.test".equals(san.get(1)));
            assertChainsTo(chain, pebbleRoot());

            Path state = runtime.layout().root();
            assertThat(state.resolve("orders/demo")).isDirectoryContaining("glob:**.yaml");
        }
    }

    /** Copies examples/acme-pebble, filling in the server URL and caBundle as scripts/acme-demo does. */
    private Path copyExample() throws IOException {
        Path manifests = work.resolve("manifests");
        Files.createDirectories(manifests);
        String caBundle = Base64.getEncoder().encodeToString(
                Files.readAllBytes(Path.of(pebble.getProperty("PEBBLE_TLS_CA"))));
        try (Stream<Path> files = Files.list(EXAMPLES.resolve("acme-pebble"))) {
            for (Path file : files.toList()) {
                String text = Files.readString(file)
                        .replace("https://127.0.0.1:14000/dir", pebble.getProperty("PEBBLE_DIRECTORY_URL"))
                        .replace("PEBBLE_TLS_CA_BASE64", caBundle);
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
