package io.certwright.acme.dns01;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * A DNS server address in the {@code host:port} form that cert-manager's flags and fields use:
 * {@code 127.0.0.1:53}, {@code ns1.example.com:5353}, {@code [::1]:53}. IPv6 addresses must be in
 * brackets, because a bare {@code ::1:53} is ambiguous: it may be an address without a port.
 */
public record HostPort(String host, int port) {
    public HostPort {
        Objects.requireNonNull(host, "host");
        if (host.isEmpty()) {
            throw new IllegalArgumentException("host must not be empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be from 1 to 65535, got " + port);
        }
    }

    /**
     * Parses {@code host:port} or {@code [ipv6]:port}. With a {@code defaultPort} greater than 0 the port may be
     * left out ({@code host}, {@code [ipv6]}); with 0 it is required.
     *
     * @throws IllegalArgumentException naming the value and the expected form
     */
    public static HostPort parse(String value, int defaultPort) {
        String text = value == null ? "" : value.strip();
        String expected = defaultPort > 0 ? "HOST[:PORT] or [IPV6][:PORT]" : "HOST:PORT or [IPV6]:PORT";
        if (text.isEmpty()) {
            throw new IllegalArgumentException("invalid nameserver '': expected " + expected + ", e.g. 127.0.0.1:53");
        }
        String host;
        String port = null;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("invalid nameserver '" + text + "': missing ']' after the IPv6 address");
            }
            host = text.substring(1, close);
            String rest = text.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    throw new IllegalArgumentException("invalid nameserver '" + text + "': expected " + expected);
                }
                port = rest.substring(1);
            }
        } else {
            int colon = text.indexOf(':');
            if (colon >= 0 && text.indexOf(':', colon + 1) >= 0) {
                throw new IllegalArgumentException("invalid nameserver '" + text + "': put an IPv6 address in brackets,"
                        + " e.g. [" + text + "]:53");
            }
            host = colon < 0 ? text : text.substring(0, colon);
            port = colon < 0 ? null : text.substring(colon + 1);
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("invalid nameserver '" + text + "': the host is missing; expected " + expected);
        }
        if (port == null) {
            if (defaultPort <= 0) {
                throw new IllegalArgumentException("invalid nameserver '" + text + "': the port is missing; expected "
                        + expected + ", e.g. " + new HostPort(host, 53));
            }
            return new HostPort(host, defaultPort);
        }
        return new HostPort(host, parsePort(text, port));
    }

    private static int parsePort(String text, String port) {
        try {
            int number = Integer.parseInt(port);
            if (number >= 1 && number <= 65535) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("invalid nameserver '" + text + "': the port must be a number from 1 to 65535");
    }

    /** Returns the socket address; a host name is resolved by the JDK's resolver. */
    public InetSocketAddress toSocketAddress() {
        return new InetSocketAddress(host, port);
    }

    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
