package io.certwright.acme.http01;

import io.certwright.acme.challenges.Solver;
import io.certwright.api.model.Challenge;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * An HTTP-01 solver whose {@link Http01Server} binds its listen address only when the first challenge
 * is presented, so that a runtime without ACME issuers never opens a port such as 80. The self-check
 * connects to that listener (a wildcard bind address is reached over loopback), because the runtime is
 * itself the responder. Thread-safe.
 *
 * <p>NOTE: cert-manager's self-check resolves the challenge's domain and connects to its port 80, which
 * also checks DNS and routing; this one only checks that the listener serves the key.
 */
public final class OnDemandHttp01Solver implements Solver, AutoCloseable {
    private final InetSocketAddress listenAddress;
    private final int selfCheckPasses;
    private final Duration selfCheckInterval;
    private Http01Server server;
    private Http01Solver solver;
    private boolean closed;

    /**
     * @param listenAddress where the responder listens; port 0 picks a free port
     * @param selfCheckPasses consecutive successful self-checks required
     * @param selfCheckInterval pause between two self-checks
     */
    public OnDemandHttp01Solver(InetSocketAddress listenAddress, int selfCheckPasses, Duration selfCheckInterval) {
        this.listenAddress = Objects.requireNonNull(listenAddress, "listenAddress");
        this.selfCheckPasses = selfCheckPasses;
        this.selfCheckInterval = Objects.requireNonNull(selfCheckInterval, "selfCheckInterval");
    }

    /**
     * Parses a listen address in Go's {@code host:port} form: {@code :80} (every interface),
     * {@code 127.0.0.1:8080}, {@code [::1]:80}.
     *
     * @throws IllegalArgumentException naming the value when it is not {@code host:port} with a port from 0 to 65535
     */
    public static InetSocketAddress parseListenAddress(String value) {
        int colon = value.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("invalid listen address '" + value + "': expected HOST:PORT or :PORT,"
                    + " e.g. :80 or 127.0.0.1:5002");
        }
        String host = value.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(value.substring(colon + 1));
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("invalid listen address '" + value + "': the port must be a number"
                    + " from 0 to 65535");
        }
        return host.isEmpty() ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
    }

    /** Returns the address the responder is bound to, or empty before the first challenge. */
    public synchronized Optional<InetSocketAddress> boundAddress() {
        return server == null ? Optional.empty() : Optional.of(server.address());
    }

    @Override
    public void present(Challenge challenge) {
        solver().present(challenge);
    }

    @Override
    public void check(Challenge challenge) throws Exception {
        solver().check(challenge);
    }

    @Override
    public synchronized void cleanUp(Challenge challenge) {
        if (solver != null) {
            solver.cleanUp(challenge);
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (server != null) {
            server.close();
        }
    }

    private synchronized Http01Solver solver() {
        if (closed) {
            throw new IllegalStateException("the HTTP-01 responder on " + listenAddress + " is closed");
        }
        if (solver == null) {
            try {
                server = Http01Server.start(listenAddress);
            } catch (IOException e) {
                throw new UncheckedIOException("starting the HTTP-01 responder on " + listenAddress + " failed: "
                        + e.getMessage() + "; free the port or pass another --acme-http01-listen-address", e);
            }
            InetSocketAddress target = selfCheckTarget(server.address());
            solver = new Http01Solver(server, new Http01Solver.Settings(domain -> target, selfCheckPasses,
                    selfCheckInterval));
        }
        return solver;
    }

    private static InetSocketAddress selfCheckTarget(InetSocketAddress bound) {
        if (bound.getAddress() == null || bound.getAddress().isAnyLocalAddress()) {
            return new InetSocketAddress(InetAddress.getLoopbackAddress(), bound.getPort());
        }
        return bound;
    }
}
