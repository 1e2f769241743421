package io.certwright.acme.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ConnectException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.Test;

@SuppressWarnings("try") // the action scopes are opened only for their effect on the recorded action
class MeteredHttpClientTest {
    private static final URI NEW_ORDER = URI.create("https://acme.example.com:14000/order-plz");

    private final List<AcmeRequestMetrics.Request> recorded = new ArrayList<>();
    private final AcmeActionScope actions = new AcmeActionScope();
    private final AtomicLong nanos = new AtomicLong();
    private final StubHttpClient server = new StubHttpClient();
    private final MeteredHttpClient client = new MeteredHttpClient(server, recorded::add, actions, nanos::get);

    @Test
    void requestInScopeCarriesAction() throws Exception {
        server.status = 201;
        server.latencyNanos = 250_000_000;

        try (var scope = actions.enter(AcmeAction.AUTHORIZE_ORDER)) {
            assertThat(client.send(post(NEW_ORDER), HttpResponse.BodyHandlers.discarding()).statusCode())
                    .isEqualTo(201);
        }

        assertThat(recorded).containsExactly(new AcmeRequestMetrics.Request("https", "acme.example.com:14000",
                "authorize_order", "POST", 201, Duration.ofMillis(250)));
    }

    @Test
    void requestOutsideScopeIsUnnamed() throws Exception {
        client.send(HttpRequest.newBuilder(URI.create("https://acme.example.com/dir")).GET().build(),
                HttpResponse.BodyHandlers.discarding());

        assertThat(recorded).singleElement().satisfies(request -> {
            assertThat(request.action()).isEqualTo("unnamed_action");
            assertThat(request.method()).isEqualTo("GET");
            assertThat(request.host()).isEqualTo("acme.example.com");
        });
    }

    @Test
    void nestedScopeRestoresOuterAction() throws Exception {
        try (var outer = actions.enter(AcmeAction.CREATE_ORDER_CERT)) {
            try (var inner = actions.enter(AcmeAction.WAIT_ORDER)) {
                client.send(post(NEW_ORDER), HttpResponse.BodyHandlers.discarding());
            }
            client.send(post(NEW_ORDER), HttpResponse.BodyHandlers.discarding());
        }
        client.send(post(NEW_ORDER), HttpResponse.BodyHandlers.discarding());

        assertThat(recorded).extracting(AcmeRequestMetrics.Request::action)
                .containsExactly("wait_order", "create_order_cert", "unnamed_action");
    }

    @Test
    void failedRequestIsRecordedWithoutStatus() {
        server.failure = new ConnectException("connection refused");

        try (var scope = actions.enter(AcmeAction.GET_ORDER)) {
            assertThatThrownBy(() -> client.send(post(NEW_ORDER), HttpResponse.BodyHandlers.discarding()))
                    .isSameAs(server.failure);
        }

        assertThat(recorded).singleElement().satisfies(request -> {
            assertThat(request.status()).isEqualTo(AcmeRequestMetrics.Request.NO_RESPONSE);
            assertThat(request.action()).isEqualTo("get_order");
        });
    }

    @Test
    void headRequestKeepsMethod() throws Exception {
        client.send(HttpRequest.newBuilder(URI.create("http://[::1]:14000/nonce-plz"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());

        assertThat(recorded).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("HEAD");
            assertThat(request.scheme()).isEqualTo("http");
            assertThat(request.host()).isEqualTo("[::1]:14000");
        });
    }

    @Test
    void asyncRequestIsRecordedOnCompletion() throws Exception {
        server.status = 404;

        CompletableFuture<HttpResponse<Void>> response;
        try (var scope = actions.enter(AcmeAction.GET_AUTHORIZATION)) {
            response = client.sendAsync(post(NEW_ORDER), HttpResponse.BodyHandlers.discarding());
        }

        assertThat(response.get().statusCode()).isEqualTo(404);
        assertThat(recorded).singleElement().satisfies(request -> {
            assertThat(request.status()).isEqualTo(404);
            assertThat(request.action()).isEqualTo("get_authorization");
        });
    }

    private static HttpRequest post(URI uri) {
        return HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString("{}")).build();
    }

    /** Returns {@link #status} for every request after advancing the test's clock, or throws {@link #failure}. */
    private final class StubHttpClient extends HttpClient {
        int status = 200;
        long latencyNanos;
        IOException failure;

        @Override
        public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws IOException {
            nanos.addAndGet(latencyNanos);
            if (failure != null) {
                throw failure;
            }
            return new StubResponse<>(request, status);
        }

        @Override
        public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
                HttpResponse.BodyHandler<T> handler) {
            return CompletableFuture.completedFuture(new StubResponse<>(request, status));
        }

        @Override
        public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
                HttpResponse.BodyHandler<T> handler, HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
            throw new AssertionError("unexpected push promise handler");
        }

        @Override
        public Optional<CookieHandler> cookieHandler() {
            return Optional.empty();
        }

        @Override
        public Optional<Duration> connectTimeout() {
            return Optional.empty();
        }

        @Override
        public Redirect followRedirects() {
            return Redirect.NEVER;
        }

        @Override
        public Optional<ProxySelector> proxy() {
            return Optional.empty();
        }

        @Override
        public SSLContext sslContext() {
            throw new AssertionError("unexpected sslContext()");
        }

        @Override
        public SSLParameters sslParameters() {
            throw new AssertionError("unexpected sslParameters()");
        }

        @Override
        public Optional<Authenticator> authenticator() {
            return Optional.empty();
        }

        @Override
        public Version version() {
            return Version.HTTP_1_1;
        }

        @Override
        public Optional<Executor> executor() {
            return Optional.empty();
        }
    }

    private record StubResponse<T>(HttpRequest request, int statusCode) implements HttpResponse<T> {
        @Override
        public Optional<HttpResponse<T>> previousResponse() {
            return Optional.empty();
        }

        @Override
        public HttpHeaders headers() {
            return HttpHeaders.of(Map.of(), (name, value) -> true);
        }

        @Override
        public T body() {
            return null;
        }

        @Override
        public Optional<SSLSession> sslSession() {
            return Optional.empty();
        }

        @Override
        public URI uri() {
            return request.uri();
        }

        @Override
        public HttpClient.Version version() {
            return HttpClient.Version.HTTP_1_1;
        }
    }
}
