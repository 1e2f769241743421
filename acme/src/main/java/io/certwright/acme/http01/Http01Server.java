package io.certwright.acme.http01;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP-01 responder of the local runtime, in place of cert-manager's acmesolver pods: one
 * listener serving every presented challenge. {@code GET /} and {@code /healthz} return 200; a path
 * outside {@code /.well-known/acme-challenge/} returns 404; a token path returns the key
 * authorization when the Host header (without port) equals the challenge's domain, else 404.
 * Thread-safe.
 */
public final class Http01Server implements AutoCloseable {
    static final String CHALLENGE_PATH = "/.well-known/acme-challenge/";

    private static final Logger log = LoggerFactory.getLogger(Http01Server.class);

    private final Map<String, String> keys = new ConcurrentHashMap<>();
    private final HttpServer server;
    private final ExecutorService executor;

    private Http01Server(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Starts listening on {@code address}; port 0 picks a free port. */
    public static Http01Server start(InetSocketAddress address) throws IOException {
        HttpServer server = HttpServer.create(address, 0);
        ExecutorService executor = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "acme-http01-solver");
            thread.setDaemon(true);
            return thread;
        });
        Http01Server solver = new Http01Server(server, executor);
        server.createContext("/", solver::handle);
        server.setExecutor(executor);
        server.start();
        log.atInfo().addKeyValue("address", server.getAddress()).log("HTTP-01 solver listening");
        return solver;
    }

    /** Returns the bound address, with the real port when 0 was requested. */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** Serves {@code key} for {@code token} on requests for {@code domain}. */
    public void add(String domain, String token, String key) {
        keys.put(entry(domain, token), key);
    }

    public void remove(String domain, String token) {
        keys.remove(entry(domain, token));
    }

    private static String entry(String domain, String token) {
        return domain.toLowerCase(Locale.ROOT) + "\n" + token;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/") || path.equals("/healthz")) {
                respond(exchange, 200, "");
                return;
            }
            if (!path.startsWith(CHALLENGE_PATH) || path.indexOf('/', CHALLENGE_PATH.length()) >= 0) {
                respond(exchange, 404, "404 page not found\n");
                return;
            }
            String token = path.substring(CHALLENGE_PATH.length());
            String key = keys.get(entry(hostWithoutPort(exchange.getRequestHeaders().getFirst("Host")), token));
            if (key == null) {
                log.atDebug().addKeyValue("host", exchange.getRequestHeaders().getFirst("Host"))
                        .log("HTTP-01 request for an unknown domain or token");
                respond(exchange, 404, "404 page not found\n");
                return;
            }
            respond(exchange, 200, key);
        }
    }

    static String hostWithoutPort(String host) {
        if (host == null) {
            return "";
        }
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end < 0 ? host : host.substring(1, end);
        }
        int colon = host.lastIndexOf(':');
        return colon >= 0 && host.indexOf(':') == colon ? host.substring(0, colon) : host;
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    @Override
    public String toString() {
        return "Http01Server[" + Objects.toString(server.getAddress()) + "]";
    }
}
