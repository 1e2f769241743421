package io.certwright.acme.dns01;

import java.io.IOException;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;

/** Sends single DNS queries. Implementations are thread-safe. */
public interface DnsClient {

    /**
     * Sends one query for {@code name} and {@code type} (a {@link org.xbill.DNS.Type} constant) to {@code server}.
     *
     * @param recursionDesired sets the RD flag; true for recursive resolvers, false for authoritative servers
     * @return the response, whatever its response code
     * @throws IOException when the server sent no usable response
     */
    Message query(HostPort server, Name name, int type, boolean recursionDesired) throws IOException;
}
