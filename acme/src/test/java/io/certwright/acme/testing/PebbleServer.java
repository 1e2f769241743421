package io.certwright.acme.testing;

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
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * One Pebble and pebble-challtestsrv pair started by {@code scripts/acme/start-pebble} on free 127.0.0.1 ports,
 * with Pebble's fault injection set through {@code PEBBLE_*} environment variables. challtestsrv resolves every
 * name to 127.0.0.1 unless {@link #pointHostAt} overrides a name. Stopped by {@link #close()}.
 */
public final class PebbleServer implements AutoCloseable {
    public static final String SKIP_MESSAGE =
            "Pebble integration tests skipped: /usr/bin/pebble is missing (apt-get install -y pebble)";

    private static final Path SCRIPTS = Path.of(System.getProperty("certwright.scripts", "../scripts"));

    private final Path dir;
    private final Properties env;
    private final int dnsManagementPort;
    private final HttpClient managementClient;

    private PebbleServer(Path dir, Properties env, int dnsManagementPort) throws Exception {
        this.dir = dir;
        this.env = env;
        this.dnsManagementPort = dnsManagementPort;
        this.managementClient = HttpClient.newBuilder().sslContext(trusting(Path.of(env.getProperty("PEBBLE_TLS_CA"))))
                .build();
    }

    /** Returns whether the Debian pebble package is installed, the condition for running Pebble tests. */
    public static boolean installed() {
        return onPath("pebble") && onPath("pebble-challtestsrv");
    }

    /**
     * Starts Pebble with its state in {@code dir}. The script runs with this JVM's environment plus
     * {@code environment}. An empty value replaces the script's default, so {@code PEBBLE_VA_NOSLEEP=""} turns
     * Pebble's validation delays on.
     */
    public static PebbleServer start(Path dir, Map<String, String> environment) throws Exception {
        return start(dir, environment, null);
    }

    /**
     * Starts Pebble as {@link #start(Path, Map)} does, resolving names through {@code dnsServer}
     * ({@code HOST:PORT}, such as a {@link BindServer}) instead of pebble-challtestsrv when it is not null.
     * {@link #pointHostAt} then does not work.
     */
    public static PebbleServer start(Path dir, Map<String, String> environment, String dnsServer) throws Exception {
        int[] ports = freePorts(4);
        List<String> command = new ArrayList<>();
        command.add(SCRIPTS.resolve("acme/start-pebble").toString());
        if (dnsServer != null) {
            command.add("--dns-server");
            command.add(dnsServer);
        }
        command.addAll(List.of(dir.toString(), Integer.toString(ports[0]), Integer.toString(ports[1]),
                Integer.toString(ports[2]), Integer.toString(ports[3])));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process start = builder.start();
        String output = new String(start.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (start.waitFor() != 0) {
            throw new IllegalStateException("start-pebble failed with exit code " + start.exitValue() + ": " + output);
        }
        Properties env = new Properties();
        try (var reader = Files.newBufferedReader(dir.resolve("pebble.env"))) {
            env.load(reader);
        }
        // start-pebble runs challtestsrv's management API on the port after its DNS port.
        return new PebbleServer(dir, env, ports[3] + 1);
    }

    public String directoryUrl() {
        return env.getProperty("PEBBLE_DIRECTORY_URL");
    }

    /** Returns Pebble's HTTPS trust anchor as base64-encoded PEM, the form an ACME issuer's {@code caBundle} takes. */
    public String caBundle() throws IOException {
        return Base64.getEncoder().encodeToString(Files.readAllBytes(Path.of(env.getProperty("PEBBLE_TLS_CA"))));
    }

    /** Returns the port that Pebble's validation authority connects to for HTTP-01. */
    public int http01Port() {
        return Integer.parseInt(env.getProperty("PEBBLE_HTTP01_PORT"));
    }

    /** Returns Pebble's log, which records each validation and the configured faults. */
    public String log() throws IOException {
        return Files.readString(dir.resolve("pebble.log"));
    }

    /** Fetches the root certificate that Pebble issues under, from its management interface. */
    public X509Certificate root() throws Exception {
        return managementCertificates("/roots/0").get(0);
    }

    /** Fetches the intermediate certificate that signs leaves with the default chain length. */
    public X509Certificate intermediate() throws Exception {
        return managementCertificates("/intermediates/0").get(0);
    }

    /** Makes challtestsrv resolve {@code host} to {@code ipv4} instead of 127.0.0.1. */
    public void pointHostAt(String host, String ipv4) throws Exception {
        postDnsManagement("/add-a", "{\"host\":\"" + host + ".\",\"addresses\":[\"" + ipv4 + "\"]}");
    }

    /** Removes the override of {@link #pointHostAt}, so that {@code host} resolves to 127.0.0.1 again. */
    public void resetHost(String host) throws Exception {
        postDnsManagement("/clear-a", "{\"host\":\"" + host + ".\"}");
    }

    @Override
    public void close() throws Exception {
        new ProcessBuilder(SCRIPTS.resolve("acme/stop-pebble").toString(), dir.toString())
                .inheritIO().start().waitFor();
    }

    private List<X509Certificate> managementCertificates(String path) throws Exception {
        HttpResponse<byte[]> response = managementClient.send(HttpRequest.newBuilder(
                URI.create(env.getProperty("PEBBLE_MANAGEMENT_URL") + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + path + " on Pebble's management interface returned "
                    + response.statusCode());
        }
        return Pem.parseCertificates(response.body());
    }

    private void postDnsManagement(String path, String json) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + dnsManagementPort + path))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("POST " + path + " " + json + " on challtestsrv returned " + response.statusCode()
                    + ": " + response.body());
        }
    }

    private static SSLContext trusting(Path caFile) throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (var in = Files.newInputStream(caFile)) {
            trust.setCertificateEntry("pebble-tls", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trustManagers.getTrustManagers(), null);
        return context;
    }

    private static boolean onPath(String command) {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(directory, command))) {
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
