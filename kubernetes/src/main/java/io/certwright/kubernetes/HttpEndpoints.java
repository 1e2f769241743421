package io.certwright.kubernetes;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small HTTP server on the JDK's {@link HttpServer} that serves GET on fixed paths, e.g. {@code /metrics}.
 * Responses are never gzip-compressed, even when {@code Accept-Encoding} allows it. Compressing the 11.7 MB
 * scrape of 10,000 Certificates cost the runtime about 16 ms of CPU and saved no time over loopback, measured
 * on a 2-core VM (details in docs/benchmarks.md).
 */
final class HttpEndpoints implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HttpEndpoints.class);
    /**
     * Seconds {@link #close()} waits for exchanges in progress. NOTE: the JDK 17 server waits the whole
     * delay even when no exchange is open, so this is 1 s rather than cert-manager's 5 s grace period.
     */
    private static final int SHUTDOWN_SECONDS = 1;

    /** One response: status code, media type and body. */
    record Response(int status, String contentType, ResponseBody body) {
        static Response text(int status, String body) {
            return new Response(status, "text/plain; charset=utf-8", ResponseBody.of(body));
        }
    }

    private final String name;
    private final HttpServer server;
    private final ExecutorService executor;

    private HttpEndpoints(String name, HttpServer server, ExecutorService executor) {
        this.name = name;
        this.server = server;
        this.executor = executor;
    }

    /**
     * Binds {@code address} and serves each route; other paths get 404 and other methods 405.
     *
     * @param name what the server serves, for logs and errors, e.g. {@code metrics}
     * @throws UncheckedIOException when the address cannot be bound
     */
    static HttpEndpoints start(String name, InetSocketAddress address, Map<String, Supplier<Response>> routes) {
        HttpServer server;
        try {
            server = HttpServer.create(address, 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen for " + name + " on " + address + ": " + e.getMessage(), e);
        }
        ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "certwright-" + name + "-http");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        routes.forEach((path, handler) -> server.createContext(path, exchange -> serve(exchange, path, handler)));
        server.start();
        HttpEndpoints endpoints = new HttpEndpoints(name, server, executor);
        log.info("serving {} on {} ({})", name, endpoints.address(), String.join(", ", routes.keySet()));
        return endpoints;
    }

    /** Returns the bound address, with the port the system chose when port 0 was requested. */
    InetSocketAddress address() {
        return server.getAddress();
    }

    @Override
    public void close() {
        server.stop(SHUTDOWN_SECONDS);
        executor.shutdownNow();
        log.info("stopped serving {}", name);
    }

    private static void serve(HttpExchange exchange, String path, Supplier<Response> handler) throws IOException {
        try (exchange) {
            Response response;
            if (!exchange.getRequestURI().getPath().equals(path)) {
                response = Response.text(404, "404 page not found\n");
            } else if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                response = Response.text(405, "method not allowed\n");
            } else {
                try {
                    response = handler.get();
                } catch (RuntimeException e) {
                    log.warn("serving {} failed: {}", path, e.getMessage(), e);
                    response = Response.text(500, "internal error: " + e.getMessage() + "\n");
                }
            }
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
            boolean head = "HEAD".equals(exchange.getRequestMethod());
            exchange.sendResponseHeaders(response.status(), head ? -1 : response.body().length());
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    response.body().writeTo(out);
                }
            }
        }
    }
}
