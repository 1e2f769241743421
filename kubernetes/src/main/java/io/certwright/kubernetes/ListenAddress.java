package io.certwright.kubernetes;

import java.net.InetSocketAddress;

/** Parses {@code host:port} listen addresses as Go's net.Listen takes them: an empty host means every interface. */
final class ListenAddress {
    private ListenAddress() {
    }

    /**
     * Parses {@code host:port}, {@code :port} or {@code [ipv6]:port}; port 0 picks a free port.
     *
     * @param flag the flag the value came from, for the error message
     * @throws IllegalArgumentException when the value has no port or the port is not 0 to 65535
     */
    static InetSocketAddress parse(String flag, String value) {
        int colon = value == null ? -1 : value.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("invalid " + flag + " " + value + ": expected host:port, e.g. 0.0.0.0:9402");
        }
        String host = value.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(value.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid " + flag + " " + value + ": the port is not a number", e);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("invalid " + flag + " " + value + ": the port must be 0 to 65535");
        }
        return host.isEmpty() ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
    }
}
