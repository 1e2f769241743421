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

/**
 * The HTTP-01 self-check, run the way the ACME server validates: a GET of
 * {@code http://<dnsName>/.well-known/acme-challenge/<token>} that must return 200 and exactly the key,
 * {@link Http01Solver.Settings#selfCheckPasses} times in a row, {@link Http01Solver.Settings#selfCheckInterval}
 * apart. The solver presents the challenge again before each pass, as cert-manager does, so a response
 * removed in between is put back. Thread-safe.
 *
 * <p>NOTE: the check speaks plain HTTP/1.1 over a socket so that it can send the challenge's domain as Host
 * while connecting to an address of the caller's choosing. It does not follow redirects or use a proxy,
 * unlike cert-manager's self-check.
 */
public final class Http01SelfCheck {
    /** Timeout of one self-check request, as cert-manager's self-check client uses. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final Http01Solver.Settings settings;

    public Http01SelfCheck(Http01Solver.Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Runs the passes, calling {@code solver.present(challenge)} before each one.
     *
     * @throws IOException saying what the endpoint returned when a pass failed
     * @throws Exception what {@code present} raised
     */
    public void check(Challenge challenge, Solver solver) throws Exception {
        String domain = challenge.getSpec().getDnsName();
        String path = Http01Server.CHALLENGE_PATH + challenge.getSpec().getToken();
        for (int pass = 0; pass < settings.selfCheckPasses(); pass++) {
            if (pass > 0) {
                Thread.sleep(settings.selfCheckInterval().toMillis());
            }
            solver.present(challenge);
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
