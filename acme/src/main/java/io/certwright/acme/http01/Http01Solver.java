package io.certwright.acme.http01;

import io.certwright.acme.challenges.Solver;
import io.certwright.api.model.Challenge;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * The HTTP-01 solver of the local runtime: presents challenges on an {@link Http01Server} and
 * self-checks them the way the ACME server validates them, with a GET of
 * {@code http://<dnsName>/.well-known/acme-challenge/<token>} that must return 200 and exactly the
 * key, {@link Settings#selfCheckPasses} times in a row, {@link Settings#selfCheckInterval} apart.
 *
 * <p>NOTE: the self-check speaks plain HTTP/1.1 over a socket so that it can send the challenge's
 * domain as Host while connecting to an address of the caller's choosing. It does not follow
 * redirects or use a proxy, unlike cert-manager's self-check.
 */
public final class Http01Solver implements Solver {
    /** Timeout of one self-check request, as cert-manager's self-check client uses. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final Http01Server server;
    private final Settings settings;

    /**
     * Self-check settings.
     *
     * @param selfCheckAddress maps a challenge's domain to the address the self-check connects to;
     *     production uses the domain's port 80, tests the solver's loopback listener
     * @param selfCheckPasses consecutive successful checks required; cert-manager requires 5
     * @param selfCheckInterval pause between checks; cert-manager pauses 2 s
     */
    public record Settings(Function<String, InetSocketAddress> selfCheckAddress, int selfCheckPasses,
            Duration selfCheckInterval) {
        public Settings {
            Objects.requireNonNull(selfCheckAddress, "selfCheckAddress");
            if (selfCheckPasses < 1) {
                throw new IllegalArgumentException("selfCheckPasses must be at least 1, got " + selfCheckPasses);
            }
        }

        /** cert-manager's self-check: port 80 of the domain, 5 passes 2 s apart. */
        public static Settings defaults() {
            return new Settings(domain -> new InetSocketAddress(domain, 80), 5, Duration.ofSeconds(2));
        }
    }

    public Http01Solver(Http01Server server, Settings settings) {
        this.server = Objects.requireNonNull(server, "server");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public void present(Challenge challenge) {
        server.add(challenge.getSpec().getDnsName(), challenge.getSpec().getToken(), challenge.getSpec().getKey());
    }

    @Override
    public void check(Challenge challenge) throws IOException, InterruptedException {
        String domain = challenge.getSpec().getDnsName();
        String path = Http01Server.CHALLENGE_PATH + challenge.getSpec().getToken();
        for (int pass = 0; pass < settings.selfCheckPasses(); pass++) {
            if (pass > 0) {
                Thread.sleep(settings.selfCheckInterval().toMillis());
            }
            present(challenge);
            Response response = get(settings.selfCheckAddress().apply(domain), domain, path);
            if (response.status() != 200) {
                throw new IOException("wrong status code '" + response.status() + "', expected '200'");
            }
            if (!response.body().equals(challenge.getSpec().getKey())) {
                throw new IOException("did not get expected response when querying endpoint, expected \""
                        + challenge.getSpec().getKey() + "\" but got: " + abbreviate(response.body()));
            }
        }
    }

    @Override
    public void cleanUp(Challenge challenge) {
        server.remove(challenge.getSpec().getDnsName(), challenge.getSpec().getToken());
    }

    private record Response(int status, String body) {
    }

    private static Response get(InetSocketAddress address, String domain, String path) throws IOException {
        String host = domain.contains(":") ? "[" + domain + "]" : domain;
        try (Socket socket = new Socket()) {
            socket.connect(address, (int) REQUEST_TIMEOUT.toMillis());
            socket.setSoTimeout((int) REQUEST_TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nUser-Agent: certwright-acme-self-check\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            in.transferTo(buffer);
            String raw = buffer.toString(StandardCharsets.UTF_8);
            int headerEnd = raw.indexOf("\r\n\r\n");
            String[] statusLine = raw.substring(0, Math.max(raw.indexOf("\r\n"), 0)).split(" ");
            if (statusLine.length < 2) {
                throw new IOException("invalid HTTP response from " + address + ": " + abbreviate(raw));
            }
            int status = Integer.parseInt(statusLine[1]);
            String body = headerEnd < 0 ? "" : raw.substring(headerEnd + 4);
            return new Response(status, body);
        } catch (NumberFormatException e) {
            throw new IOException("invalid HTTP status from " + address + ": " + e.getMessage(), e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 100 ? text : text.substring(0, 100) + "...";
    }
}
