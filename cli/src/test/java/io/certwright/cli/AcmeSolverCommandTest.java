package io.certwright.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.certwright.acme.http01.Http01Server;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class AcmeSolverCommandTest {
    private Http01Server server;

    @BeforeEach
    void startSolver() throws Exception {
        AcmeSolverCommand command = new AcmeSolverCommand();
        new CommandLine(command).parseArgs("--listen-port=0", "--listen-address=127.0.0.1",
                "--domain=web.example.com", "--token=tok", "--key=tok.thumb");
        server = command.start();
    }

    @AfterEach
    void stopSolver() {
        server.close();
    }

    @Test
    void tokenForDomainReturnsKey() throws Exception {
        Response response = get("/.well-known/acme-challenge/tok", "web.example.com");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("tok.thumb");
    }

    @Test
    void hostWithPortStillMatchesDomain() throws Exception {
        assertThat(get("/.well-known/acme-challenge/tok", "web.example.com:8089").statusCode()).isEqualTo(200);
    }

    @Test
    void rootAndHealthzReturnOk() throws Exception {
        assertThat(get("/", "anything").statusCode()).isEqualTo(200);
        assertThat(get("/healthz", "anything").statusCode()).isEqualTo(200);
    }

    @Test
    void otherHostIsNotFound() throws Exception {
        assertThat(get("/.well-known/acme-challenge/tok", "other.example.com").statusCode()).isEqualTo(404);
    }

    @Test
    void otherTokenIsNotFound() throws Exception {
        assertThat(get("/.well-known/acme-challenge/other", "web.example.com").statusCode()).isEqualTo(404);
    }

    @Test
    void otherDirectoryIsNotFound() throws Exception {
        assertThat(get("/.well-known/other/tok", "web.example.com").statusCode()).isEqualTo(404);
        assertThat(get("/.well-known/acme-challenge/tok/extra", "web.example.com").statusCode()).isEqualTo(404);
    }

    @Test
    void missingDomainIsUsageError() {
        CliRun run = CliRun.of("acmesolver", "--token=tok", "--key=k");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--domain");
    }

    private record Response(int statusCode, String body) {
    }

    /** Sends a GET with the given Host header; the JDK's HTTP client does not let a caller set Host. */
    private Response get(String path, String host) throws IOException {
        try (Socket socket = new Socket(server.address().getAddress(), server.address().getPort())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                int next = in.read();
                if (next < 0) {
                    break;
                }
                head.append((char) next);
            }
            int status = Integer.parseInt(head.toString().split(" ", 3)[1]);
            int length = 0;
            for (String line : head.toString().split("\r\n")) {
                if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring(line.indexOf(':') + 1).trim());
                }
            }
            String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
            return new Response(status, body);
        }
    }
}
