package io.certwright.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Serves on loopback. The tests share one server, because closing one waits a second on JDK 17. */
class HttpEndpointsTest {
    /** Three and a half default chunks, with a multi-byte character across the first chunk's end. */
    private static final String LARGE_BODY = "a".repeat(ResponseBody.DEFAULT_CHUNK_SIZE - 1) + "é"
            + "line of text\n".repeat(ResponseBody.DEFAULT_CHUNK_SIZE * 5 / 26);

    private static HttpEndpoints server;
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        server = HttpEndpoints.start("test", new InetSocketAddress("127.0.0.1", 0), Map.of(
                "/metrics", () -> HttpEndpoints.Response.text(200, LARGE_BODY),
                "/fails", () -> {
                    throw new IllegalStateException("cache not synced");
                }));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void getSendsWholeBodyWithLength() throws Exception {
        HttpResponse<byte[]> response = send("GET", "/metrics", Map.of());

        byte[] expected = LARGE_BODY.getBytes(StandardCharsets.UTF_8);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("text/plain; charset=utf-8");
        assertThat(response.headers().firstValueAsLong("Content-Length")).isEqualTo(OptionalLong.of(expected.length));
        assertThat(response.body()).isEqualTo(expected);
    }

    /** Prometheus sends {@code Accept-Encoding: gzip} and gets the body uncompressed, which every client reads. */
    @Test
    void gzipRequestGetsIdentityEncoding() throws Exception {
        HttpResponse<byte[]> response = send("GET", "/metrics", Map.of("Accept-Encoding", "gzip"));

        assertThat(response.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(response.body()).isEqualTo(LARGE_BODY.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void headSendsNoBody() throws Exception {
        HttpResponse<byte[]> response = send("HEAD", "/metrics", Map.of());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void otherPathIsNotFound() throws Exception {
        HttpResponse<byte[]> response = send("GET", "/metrics/extra", Map.of());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("404 page not found\n");
    }

    @Test
    void postIsNotAllowed() throws Exception {
        HttpResponse<byte[]> response = send("POST", "/metrics", Map.of());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).contains("GET, HEAD");
    }

    @Test
    void failingHandlerGetsServerError() throws Exception {
        HttpResponse<byte[]> response = send("GET", "/fails", Map.of());

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(new String(response.body(), StandardCharsets.UTF_8))
                .isEqualTo("internal error: cache not synced\n");
    }

    private static HttpResponse<byte[]> send(String method, String path, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.address().getPort() + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
