package io.certwright.acme.http01;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.certwright.api.model.Challenge;
import io.certwright.api.model.ChallengeSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class Http01SolverTest {
    private final Http01Server server;

    Http01SolverTest() throws IOException {
        server = Http01Server.start(new InetSocketAddress("127.0.0.1", 0));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void servesKeyForMatchingHostAndToken() throws Exception {
        server.add("www.example.com", "tok", "tok.thumb");

        String response = get("/.well-known/acme-challenge/tok", "www.example.com:80");

        assertThat(response).startsWith("HTTP/1.1 200");
        assertThat(response).endsWith("\r\n\r\ntok.thumb");
    }

    @Test
    void otherHostGetsNotFound() throws Exception {
        server.add("www.example.com", "tok", "tok.thumb");

        assertThat(get("/.well-known/acme-challenge/tok", "other.example.com")).startsWith("HTTP/1.1 404");
    }

    @Test
    void unknownTokenGetsNotFound() throws Exception {
        server.add("www.example.com", "tok", "tok.thumb");

        assertThat(get("/.well-known/acme-challenge/other", "www.example.com")).startsWith("HTTP/1.1 404");
    }

    @Test
    void pathOutsideChallengeDirectoryGetsNotFound() throws Exception {
        server.add("www.example.com", "tok", "tok.thumb");

        assertThat(get("/tok", "www.example.com")).startsWith("HTTP/1.1 404");
    }

    @Test
    void healthzIsOk() throws Exception {
        assertThat(get("/healthz", "anything")).startsWith("HTTP/1.1 200");
    }

    @Test
    void removedChallengeGetsNotFound() throws Exception {
        server.add("www.example.com", "tok", "tok.thumb");
        server.remove("www.example.com", "tok");

        assertThat(get("/.well-known/acme-challenge/tok", "www.example.com")).startsWith("HTTP/1.1 404");
    }

    @Test
    void selfCheckPassesAgainstOwnListener() throws Exception {
        Http01Solver solver = new Http01Solver(server,
                new Http01Solver.Settings(domain -> server.address(), 2, Duration.ofMillis(10)));
        Challenge challenge = challenge();

        solver.present(challenge);

        solver.check(challenge);
    }

    @Test
    void selfCheckFailsWhenNameRoutesElsewhere() throws Exception {
        try (Http01Server elsewhere = Http01Server.start(new InetSocketAddress("127.0.0.1", 0))) {
            Http01Solver solver = new Http01Solver(server,
                    new Http01Solver.Settings(domain -> elsewhere.address(), 1, Duration.ZERO));

            assertThatThrownBy(() -> solver.check(challenge()))
                    .hasMessage("wrong status code '404', expected '200'");
        }
    }

    private static Challenge challenge() {
        Challenge challenge = new Challenge();
        challenge.setSpec(new ChallengeSpec().withDnsName("www.example.com").withToken("tok").withKey("tok.thumb")
                .withType("HTTP-01"));
        return challenge;
    }

    /** Sends a GET with the given Host header, which the JDK HTTP client does not allow to set. */
    private String get(String path, String host) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(server.address(), 5000);
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + host
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(response);
            return response.toString(StandardCharsets.UTF_8);
        }
    }
}
