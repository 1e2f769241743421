package io.certwright.acme.dns01;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Follows a chain of CNAME records to its last name, such as from {@code _acme-challenge.example.com.}
 * to the name of a zone that takes DNS updates, which is what {@code cnameStrategy: Follow} delegates to
 * and what ACME servers validate. A name without a CNAME, or whose CNAME lookup does not return NOERROR,
 * ends the chain. Thread-safe.
 */
public final class CnameFollower {
    /**
     * Maximum number of names in a chain. Every hop costs a lookup of up to the query timeout, and real
     * delegations use one or two hops, so a longer chain is a misconfiguration.
     */
    static final int MAX_CHAIN_LENGTH = 16;

    private final DnsLookup lookup;

    public CnameFollower(DnsClient client) {
        this.lookup = new DnsLookup(client);
    }

    /**
     * Returns the name at the end of {@code fqdn}'s CNAME chain, or {@code fqdn} itself when it has no CNAME.
     *
     * @throws Dns01Exception when the chain loops, is longer than {@link #MAX_CHAIN_LENGTH} or a lookup failed
     */
    public Name follow(Name fqdn, List<HostPort> nameservers) throws Dns01Exception {
        Objects.requireNonNull(fqdn, "fqdn");
        List<Name> chain = new ArrayList<>();
        Name current = fqdn;
        while (true) {
            chain.add(current);
            Name target = cnameTarget(current, nameservers);
            if (target == null) {
                return current;
            }
            if (chain.contains(target)) {
                throw new Dns01Exception("CNAME loop while following " + fqdn + ": " + describe(chain) + " -> " + target
                        + "; fix the CNAME records or set cnameStrategy: None");
            }
            if (chain.size() >= MAX_CHAIN_LENGTH) {
                throw new Dns01Exception("CNAME chain of " + fqdn + " is longer than " + MAX_CHAIN_LENGTH + " names: "
                        + describe(chain) + " -> " + target);
            }
            current = target;
        }
    }

    private Name cnameTarget(Name name, List<HostPort> nameservers) throws Dns01Exception {
        Message response = lookup.query(nameservers, name, Type.CNAME);
        if (response.getRcode() != Rcode.NOERROR) {
            return null;
        }
        for (Record answer : response.getSection(Section.ANSWER)) {
            // A resolver may add records for other names; only the CNAME of this name continues the chain.
            if (answer instanceof CNAMERecord cname && cname.getName().equals(name)) {
                return cname.getTarget();
            }
        }
        return null;
    }

    private static String describe(List<Name> chain) {
        return String.join(" -> ", chain.stream().map(Name::toString).toList());
    }
}
