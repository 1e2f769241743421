package io.certwright.acme.dns01;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/**
 * Checks that a TXT value is visible, as the ACME server will look for it. The name's CNAME chain is
 * followed first. Then either every authoritative nameserver of the zone is asked (found with an NS
 * lookup through the recursive nameservers), or every recursive nameserver is asked. Each server must
 * return the value; NOERROR or NXDOMAIN without it means "not yet", and any other response code is an
 * error. Thread-safe.
 *
 * <p>NOTE: cert-manager resolves the NS host names with the system resolver; this check resolves them
 * with A, then AAAA lookups through the recursive nameservers, so that one list of servers decides every
 * lookup.
 */
public final class PropagationCheck {
    private final DnsLookup lookup;
    private final ZoneFinder zones;
    private final CnameFollower cnames;
    private final int authoritativePort;

    /**
     * @param authoritativePort port of the authoritative nameservers; 53 in production, another port only
     *     for tests against a server on a high loopback port
     */
    public PropagationCheck(DnsClient client, ZoneFinder zones, CnameFollower cnames, int authoritativePort) {
        this.lookup = new DnsLookup(client);
        this.zones = Objects.requireNonNull(zones, "zones");
        this.cnames = Objects.requireNonNull(cnames, "cnames");
        this.authoritativePort = authoritativePort;
    }

    /**
     * Returns whether every nameserver asked returns {@code value} for {@code fqdn}.
     *
     * @param nameservers the recursive nameservers
     * @param authoritative ask the zone's authoritative nameservers instead of {@code nameservers}
     * @throws Dns01Exception when a lookup failed or a server returned an error response code
     */
    public boolean isPropagated(Name fqdn, String value, List<HostPort> nameservers, boolean authoritative)
            throws Dns01Exception {
        Name target = cnames.follow(fqdn, nameservers);
        if (!authoritative) {
            return allReturn(target, value, nameservers, true);
        }
        return allReturn(target, value, authoritativeNameservers(target, nameservers), false);
    }

    private List<HostPort> authoritativeNameservers(Name fqdn, List<HostPort> nameservers) throws Dns01Exception {
        Name zone = zones.findZone(fqdn, nameservers);
        Message response = lookup.query(nameservers, zone, Type.NS);
        List<HostPort> servers = new ArrayList<>();
        for (Record answer : response.getSection(Section.ANSWER)) {
            if (answer instanceof NSRecord ns) {
                servers.add(new HostPort(address(ns.getTarget(), nameservers), authoritativePort));
            }
        }
        if (servers.isEmpty()) {
            throw new Dns01Exception("could not find the authoritative nameservers of zone " + zone + ": the NS lookup"
                    + " through " + nameservers + " returned " + Rcode.string(response.getRcode()) + " without NS"
                    + " records; set --dns01-recursive-nameservers-only to check through the recursive nameservers");
        }
        return servers;
    }

    private String address(Name host, List<HostPort> nameservers) throws Dns01Exception {
        for (int type : new int[] {Type.A, Type.AAAA}) {
            for (Record answer : lookup.query(nameservers, host, type).getSection(Section.ANSWER)) {
                if (answer instanceof ARecord a) {
                    return a.getAddress().getHostAddress();
                }
                if (answer instanceof AAAARecord aaaa) {
                    return aaaa.getAddress().getHostAddress();
                }
            }
        }
        throw new Dns01Exception("could not resolve the address of nameserver " + host + " through " + nameservers);
    }

    private boolean allReturn(Name fqdn, String value, List<HostPort> servers, boolean recursive) throws Dns01Exception {
        for (HostPort server : servers) {
            Message response;
            try {
                response = lookup.client().query(server, fqdn, Type.TXT, recursive);
            } catch (IOException e) {
                throw new Dns01Exception("querying nameserver " + server + " for the TXT record " + fqdn + " failed: "
                        + e.getMessage(), e);
            }
            int rcode = response.getRcode();
            if (rcode != Rcode.NOERROR && rcode != Rcode.NXDOMAIN) {
                throw new Dns01Exception("nameserver " + server + " returned " + Rcode.string(rcode) + " for the TXT"
                        + " record " + fqdn);
            }
            if (!containsValue(response, value)) {
                return false;
            }
        }
        return true;
    }

    private static boolean containsValue(Message response, String value) {
        for (Record answer : response.getSection(Section.ANSWER)) {
            // A long TXT value may arrive as several strings, which together form the value.
            if (answer instanceof TXTRecord txt && String.join("", txt.getStrings()).equals(value)) {
                return true;
            }
        }
        return false;
    }
}
