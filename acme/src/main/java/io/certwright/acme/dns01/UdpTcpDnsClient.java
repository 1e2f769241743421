package io.certwright.acme.dns01;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * A {@link DnsClient} over dnsjava's {@link SimpleResolver}: each query goes over UDP with EDNS0
 * and a 4096-byte buffer, and is repeated over TCP when the UDP response is truncated or does not
 * arrive in time. Thread-safe, because every query uses its own resolver.
 */
public final class UdpTcpDnsClient implements DnsClient {
    /** Timeout of one DNS query, per transport, as cert-manager's DNS-01 lookups use. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    /** EDNS0 UDP buffer size; large enough for TXT answers of several challenges. */
    private static final int EDNS_PAYLOAD_SIZE = 4096;

    private static final Logger log = LoggerFactory.getLogger(UdpTcpDnsClient.class);

    private final Duration timeout;

    public UdpTcpDnsClient(Duration timeout) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public Message query(HostPort server, Name name, int type, boolean recursionDesired) throws IOException {
        Message query = Message.newQuery(Record.newRecord(name, type, DClass.IN));
        if (!recursionDesired) {
            query.getHeader().unsetFlag(Flags.RD);
        }
        try {
            // SimpleResolver itself retries over TCP when the UDP response is truncated.
            return resolver(server, false).send(query);
        } catch (IOException e) {
            log.atDebug().addKeyValue("nameserver", server).addKeyValue("name", name)
                    .addKeyValue("type", Type.string(type))
                    .log("UDP query failed, retrying over TCP: {}", e.getMessage());
            return resolver(server, true).send(query);
        }
    }

    private SimpleResolver resolver(HostPort server, boolean tcp) {
        SimpleResolver resolver = new SimpleResolver(server.toSocketAddress());
        resolver.setTCP(tcp);
        resolver.setTimeout(timeout);
        resolver.setEDNS(0, EDNS_PAYLOAD_SIZE, 0, List.of());
        return resolver;
    }
}
