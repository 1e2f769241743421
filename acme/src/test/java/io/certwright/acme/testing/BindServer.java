package io.certwright.acme.testing;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/**
 * BIND's {@code named} as an authoritative nameserver for {@code example.test} on a free loopback port, started
 * by {@code scripts/dns/start-bind} and stopped by {@code scripts/dns/stop-bind}. The zone takes RFC 2136
 * updates signed with the TSIG key the script generates.
 */
public final class BindServer implements AutoCloseable {
    public static final String SKIP_MESSAGE =
            "BIND integration tests skipped: named or dig is missing (apt-get install -y bind9 bind9-dnsutils)";

    private static final Path SCRIPTS = Path.of(System.getProperty("certwright.scripts", "../scripts"));

    private final Path dir;
    private final Properties env;

    private BindServer(Path dir, Properties env) {
        this.dir = dir;
        this.env = env;
    }

    /** Returns whether Debian's bind9 and bind9-dnsutils are installed. */
    public static boolean installed() {
        return (onPath("named") || Files.isExecutable(Path.of("/usr/sbin/named"))) && onPath("dig");
    }

    /**
     * Starts BIND with its state in {@code dir}.
     *
     * @throws IllegalStateException when start-bind fails, with its output
     */
    public static BindServer start(Path dir) throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Process start = new ProcessBuilder(SCRIPTS.resolve("dns/start-bind").toString(), dir.toString(),
                Integer.toString(port)).redirectErrorStream(true).start();
        String output = new String(start.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (start.waitFor() != 0) {
            throw new IllegalStateException("scripts/dns/start-bind failed with exit code " + start.exitValue()
                    + ":\n" + output);
        }
        Properties env = new Properties();
        try (var reader = Files.newBufferedReader(dir.resolve("bind.env"))) {
            env.load(reader);
        }
        return new BindServer(dir, env);
    }

    /** Returns {@code 127.0.0.1:PORT}, the form of an rfc2136 {@code nameserver} and a recursive nameserver flag. */
    public String address() {
        return env.getProperty("BIND_ADDRESS");
    }

    public int port() {
        return Integer.parseInt(env.getProperty("BIND_PORT"));
    }

    public String tsigKeyName() {
        return env.getProperty("BIND_TSIG_KEY_NAME");
    }

    /** Returns cert-manager's name of the TSIG algorithm, such as {@code HMACSHA256}. */
    public String tsigAlgorithm() {
        return env.getProperty("BIND_TSIG_ALGORITHM");
    }

    /** Returns the TSIG secret base64-encoded once more, as the {@code data} of a Kubernetes Secret stores it. */
    public String tsigSecretData() {
        return Base64.getEncoder().encodeToString(env.getProperty("BIND_TSIG_SECRET").getBytes(StandardCharsets.US_ASCII));
    }

    /** Returns the TXT values BIND serves for {@code fqdn}, empty when there are none. */
    public List<String> txtValues(String fqdn) throws IOException {
        SimpleResolver resolver = new SimpleResolver(new InetSocketAddress("127.0.0.1", port()));
        resolver.setTimeout(Duration.ofSeconds(2));
        Message response = resolver.send(Message.newQuery(Record.newRecord(Name.fromString(fqdn), Type.TXT,
                DClass.IN)));
        if (response.getRcode() != Rcode.NOERROR && response.getRcode() != Rcode.NXDOMAIN) {
            throw new IOException("BIND answered " + Rcode.string(response.getRcode()) + " for " + fqdn + " TXT");
        }
        List<String> values = new ArrayList<>();
        for (Record record : response.getSection(Section.ANSWER)) {
            if (record instanceof TXTRecord txt) {
                values.add(String.join("", txt.getStrings()));
            }
        }
        return values;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        new ProcessBuilder(SCRIPTS.resolve("dns/stop-bind").toString(), dir.toString()).inheritIO().start().waitFor();
    }

    private static boolean onPath(String command) {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(directory, command))) {
                return true;
            }
        }
        return false;
    }
}
