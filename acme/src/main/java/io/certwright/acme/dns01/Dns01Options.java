package io.certwright.acme.dns01;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runtime settings of the DNS-01 solver, the equivalents of cert-manager's controller flags.
 *
 * @param recursiveNameservers {@code --dns01-recursive-nameservers}; empty means the nameservers of
 *     {@code /etc/resolv.conf}, see {@link SystemNameservers}
 * @param recursiveNameserversOnly {@code --dns01-recursive-nameservers-only}: check propagation through the
 *     recursive nameservers instead of the zone's authoritative nameservers
 * @param propagationWait how long to wait after the propagation check passed before the challenge is accepted
 * @param queryTimeout timeout of one DNS query per transport
 * @param authoritativePort port of the authoritative nameservers that the propagation check queries
 */
public record Dns01Options(List<HostPort> recursiveNameservers, boolean recursiveNameserversOnly,
        Duration propagationWait, Duration queryTimeout, int authoritativePort) {

    /**
     * cert-manager's fixed wait after a passed propagation check: the TTL of most providers' records (60 s), so
     * that resolvers which cached the name before the record was added have dropped that response.
     */
    public static final Duration DEFAULT_PROPAGATION_WAIT = Duration.ofSeconds(60);

    public Dns01Options {
        recursiveNameservers = List.copyOf(recursiveNameservers);
        Objects.requireNonNull(propagationWait, "propagationWait");
        Objects.requireNonNull(queryTimeout, "queryTimeout");
        if (propagationWait.isNegative()) {
            throw new IllegalArgumentException("propagationWait must not be negative, got " + propagationWait);
        }
        if (authoritativePort < 1 || authoritativePort > 65535) {
            throw new IllegalArgumentException("authoritativePort must be from 1 to 65535, got " + authoritativePort);
        }
    }

    /** cert-manager's defaults: system nameservers, authoritative check on port 53, 60 s wait, 10 s query timeout. */
    public static Dns01Options defaults() {
        return new Dns01Options(List.of(), false, DEFAULT_PROPAGATION_WAIT, UdpTcpDnsClient.DEFAULT_TIMEOUT, 53);
    }

    /**
     * Returns a copy with the recursive nameservers parsed from {@code host:port} values.
     *
     * @throws IllegalArgumentException naming the first invalid value
     */
    public Dns01Options withRecursiveNameservers(List<String> values) {
        return new Dns01Options(parseNameservers(values), recursiveNameserversOnly, propagationWait, queryTimeout,
                authoritativePort);
    }

    public Dns01Options withRecursiveNameserversOnly(boolean only) {
        return new Dns01Options(recursiveNameservers, only, propagationWait, queryTimeout, authoritativePort);
    }

    public Dns01Options withPropagationWait(Duration wait) {
        return new Dns01Options(recursiveNameservers, recursiveNameserversOnly, wait, queryTimeout, authoritativePort);
    }

    public Dns01Options withAuthoritativePort(int port) {
        return new Dns01Options(recursiveNameservers, recursiveNameserversOnly, propagationWait, queryTimeout, port);
    }

    /**
     * Parses nameservers given as {@code host:port} or {@code [ipv6]:port}, with the port required, as
     * cert-manager's flag and the solver's {@code nameservers} field take them.
     *
     * @throws IllegalArgumentException naming the value, also for DNS-over-HTTPS URLs, which are not supported yet
     */
    public static List<HostPort> parseNameservers(List<String> values) {
        List<HostPort> nameservers = new ArrayList<>();
        for (String value : values) {
            if (value.strip().startsWith("https://")) {
                throw new IllegalArgumentException("nameserver '" + value + "': DNS-over-HTTPS nameservers are not"
                        + " supported yet; give HOST:PORT of a nameserver that answers over UDP and TCP");
            }
            nameservers.add(HostPort.parse(value, 0));
        }
        return nameservers;
    }
}
