package io.certwright.acme.client;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * An {@link HttpClient} that reports every request it sends to {@link AcmeRequestMetrics}, labelled
 * with the operation in {@link AcmeActionScope}. Redirects that the wrapped client follows count as
 * one request with the final status. Everything else is delegated unchanged.
 */
final class MeteredHttpClient extends HttpClient {
    private final HttpClient delegate;
    private final AcmeRequestMetrics metrics;
    private final AcmeActionScope actions;
    private final LongSupplier nanoTime;

    /** @param nanoTime a monotonic time source in nanoseconds, {@code System::nanoTime} outside tests */
    MeteredHttpClient(HttpClient delegate, AcmeRequestMetrics metrics, AcmeActionScope actions, LongSupplier nanoTime) {
        this.delegate = delegate;
        this.metrics = metrics;
        this.actions = actions;
        this.nanoTime = nanoTime;
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> responseBodyHandler)
            throws IOException, InterruptedException {
        AcmeAction action = actions.current();
        long start = nanoTime.getAsLong();
        int status = AcmeRequestMetrics.Request.NO_RESPONSE;
        try {
            HttpResponse<T> response = delegate.send(request, responseBodyHandler);
            status = response.statusCode();
            return response;
        } finally {
            record(request, action, status, start);
        }
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
            HttpResponse.BodyHandler<T> responseBodyHandler) {
        return sendAsync(request, responseBodyHandler, null);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
            HttpResponse.BodyHandler<T> responseBodyHandler, HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
        AcmeAction action = actions.current();
        long start = nanoTime.getAsLong();
        CompletableFuture<HttpResponse<T>> future = pushPromiseHandler == null
                ? delegate.sendAsync(request, responseBodyHandler)
                : delegate.sendAsync(request, responseBodyHandler, pushPromiseHandler);
        return future.whenComplete((response, error) -> record(request, action,
                response == null ? AcmeRequestMetrics.Request.NO_RESPONSE : response.statusCode(), start));
    }

    private void record(HttpRequest request, AcmeAction action, int status, long start) {
        URI uri = request.uri();
        String host = uri.getHost() == null ? "" : uri.getHost();
        if (uri.getPort() != -1) {
            host = host + ":" + uri.getPort();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme();
        Duration latency = Duration.ofNanos(nanoTime.getAsLong() - start);
        metrics.record(new AcmeRequestMetrics.Request(scheme, host, action.label(), request.method(), status, latency));
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return delegate.cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return delegate.connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
        return delegate.followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return delegate.proxy();
    }

    @Override
    public SSLContext sslContext() {
        return delegate.sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
        return delegate.sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return delegate.authenticator();
    }

    @Override
    public Version version() {
        return delegate.version();
    }

    @Override
    public Optional<Executor> executor() {
        return delegate.executor();
    }
}
