package io.certwright.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admission webhook's listeners: HTTPS with {@code POST /validate} and {@code POST /mutate},
 * and plain HTTP with {@code GET /healthz} (readiness) and {@code GET /livez} (liveness), as
 * cert-manager's webhook serves them. Close it to stop both.
 */
public final class WebhookServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WebhookServer.class);

    /**
     * Largest request body read. An AdmissionReview contains the object and the old object, each up to
     * the API server's default 3 MiB request limit, plus the review itself.
     */
    static final int MAX_BODY_BYTES = 7 * 1024 * 1024;
    /** Threads that handle admission calls, which are short and CPU-bound. */
    private static final int WORKER_THREADS = 4;
    /** Grace period for calls in flight when the server stops, in seconds. */
    private static final int STOP_DELAY_SECONDS = 1;

    private final HttpsServer secure;
    private final HttpServer health;
    private final ExecutorService workers;
    private final AtomicBoolean closed = new AtomicBoolean();

    private WebhookServer(HttpsServer secure, HttpServer health, ExecutorService workers) {
        this.secure = secure;
        this.health = health;
        this.workers = workers;
    }

    /**
     * Binds and starts the listeners.
     *
     * @throws IOException when an address cannot be bound
     */
    public static WebhookServer start(WebhookServerSettings settings, AdmissionHandler handler, ServingKeySource keys)
            throws IOException {
        SSLContext context = sslContext(keys);
        HttpsServer secure = HttpsServer.create(settings.secureAddress(), 0);
        secure.setHttpsConfigurator(new HttpsConfigurator(context) {
            @Override
            public void configure(HttpsParameters parameters) {
                SSLParameters ssl = context.getDefaultSSLParameters();
                ssl.setProtocols(settings.protocols().toArray(String[]::new));
                if (!settings.cipherSuites().isEmpty()) {
                    // Go's crypto/tls, which cert-manager uses, cannot restrict TLS 1.3 suites, so
                    // the JDK's TLS 1.3 suites stay enabled.
                    List<String> suites = new ArrayList<>(settings.cipherSuites());
                    for (String suite : context.getDefaultSSLParameters().getCipherSuites()) {
                        if (suite.startsWith("TLS_AES_") || suite.startsWith("TLS_CHACHA20_")) {
                            suites.add(suite);
                        }
                    }
                    ssl.setCipherSuites(suites.toArray(String[]::new));
                }
                ssl.setNeedClientAuth(false);
                parameters.setSSLParameters(ssl);
            }
        });
        ExecutorService workers = Executors.newFixedThreadPool(WORKER_THREADS, runnable -> {
            Thread thread = new Thread(runnable, "certwright-webhook");
            thread.setDaemon(true);
            return thread;
        });
        secure.setExecutor(workers);
        secure.createContext("/validate", exchange -> serveReview(exchange, handler::validate));
        secure.createContext("/mutate", exchange -> serveReview(exchange, handler::mutate));

        HttpServer health = null;
        if (settings.healthAddress() != null) {
            try {
                health = HttpServer.create(settings.healthAddress(), 0);
            } catch (IOException e) {
                workers.shutdownNow();
                throw new IOException("binding the health address " + settings.healthAddress() + " failed: "
                        + e.getMessage(), e);
            }
            health.createContext("/healthz", WebhookServer::serveHealth);
            health.createContext("/livez", WebhookServer::serveHealth);
            health.setExecutor(workers);
            health.start();
        }
        secure.start();
        WebhookServer server = new WebhookServer(secure, health, workers);
        log.info("admission webhook serving: secure_address={} health_address={}", server.secureAddress(),
                server.healthAddress());
        return server;
    }

    /** Returns the bound HTTPS address, with the actual port when port 0 was requested. */
    public InetSocketAddress secureAddress() {
        return secure.getAddress();
    }

    /** Returns the bound health address, or null when none was requested. */
    public InetSocketAddress healthAddress() {
        return health == null ? null : health.getAddress();
    }

    /** Stops both listeners; calls after the first do nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        secure.stop(STOP_DELAY_SECONDS);
        if (health != null) {
            health.stop(0);
        }
        workers.shutdown();
        try {
            if (!workers.awaitTermination(STOP_DELAY_SECONDS, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
        log.info("admission webhook stopped");
    }

    private static SSLContext sslContext(ServingKeySource keys) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(new KeyManager[] {new ServingKeyManager(keys)}, null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("creating the TLS context failed: " + e.getMessage(), e);
        }
    }

    private static void serveReview(HttpExchange exchange, Function<AdmissionRequest, AdmissionResponse> plugin)
            throws IOException {
        try (exchange) {
            if (!exchange.getRequestURI().getPath().equals(exchange.getHttpContext().getPath())) {
                sendText(exchange, 404, "not found\n");
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "POST");
                sendText(exchange, 405, "use POST with an admission.k8s.io/v1 AdmissionReview\n");
                return;
            }
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            if (contentType == null || !contentType.startsWith("application/json")) {
                sendText(exchange, 415, "expected Content-Type application/json, got " + contentType + "\n");
                return;
            }
            byte[] body = readBody(exchange.getRequestBody());
            if (body == null) {
                sendText(exchange, 413, "request body larger than " + MAX_BODY_BYTES + " bytes\n");
                return;
            }
            byte[] reply;
            try {
                AdmissionReviews.Review review = AdmissionReviews.parse(body);
                AdmissionResponse response = plugin.apply(review.request());
                reply = AdmissionReviews.write(review.apiVersion(), response);
            } catch (AdmissionReviews.InvalidReviewException e) {
                log.warn("unreadable AdmissionReview: path={} uid={}: {}", exchange.getRequestURI().getPath(),
                        e.uid(), e.getMessage());
                reply = AdmissionReviews.write(e.apiVersion(), AdmissionResponse.error(e.uid(), 400, e.getMessage()));
            } catch (RuntimeException e) {
                log.error("handling an AdmissionReview failed: path={}", exchange.getRequestURI().getPath(), e);
                sendText(exchange, 500, "internal error: " + e.getMessage() + "\n");
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, reply.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply);
            }
        }
    }

    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        return body.length > MAX_BODY_BYTES ? null : body;
    }

    private static void serveHealth(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestURI().getPath().equals(exchange.getHttpContext().getPath())) {
                sendText(exchange, 404, "not found\n");
                return;
            }
            sendText(exchange, 200, "ok");
        }
    }

    private static void sendText(HttpExchange exchange, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
