package io.certwright.acme.dns01;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Recursive lookups over a list of nameservers, tried in order. The first response with records in
 * its answer section wins. When no response has any, the last response is returned, so that a
 * caller still sees NXDOMAIN or an empty NOERROR. Thread-safe.
 */
final class DnsLookup {
    private final DnsClient client;

    DnsLookup(DnsClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    DnsClient client() {
        return client;
    }

    /**
     * Queries {@code nameservers} for {@code name} and {@code type} with recursion desired.
     *
     * @throws Dns01Exception when the list is empty or no nameserver sent a response
     */
    Message query(List<HostPort> nameservers, Name name, int type) throws Dns01Exception {
        if (nameservers.isEmpty()) {
            throw new Dns01Exception("no nameservers to look up " + name + " " + Type.string(type) + " with");
        }
        Message last = null;
        IOException lastError = null;
        for (HostPort nameserver : nameservers) {
            try {
                last = client.query(nameserver, name, type, true);
                if (!last.getSection(Section.ANSWER).isEmpty()) {
                    return last;
                }
            } catch (IOException e) {
                lastError = e;
            }
        }
        if (last != null) {
            return last;
        }
        throw new Dns01Exception("looking up " + name + " " + Type.string(type) + " failed: no response from "
                + nameservers + ": " + lastError.getMessage(), lastError);
    }
}
