package io.certwright.acme.dns01;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Finds the zone that contains a name by querying SOA records at the name and then at each parent
 * in turn, as cert-manager does. The first SOA record in an answer section names the zone. NXDOMAIN moves on to
 * the parent, and so does an answer with a CNAME, because a CNAME cannot sit at the apex of a zone.
 * Any other response code is an error. Results are cached for the SOA record's TTL, per name and
 * nameserver list. Thread-safe.
 */
public final class ZoneFinder {
    private final DnsLookup lookup;
    private final Clock clock;
    private final Map<CacheKey, CachedZone> cache = new ConcurrentHashMap<>();

    private record CacheKey(Name fqdn, List<HostPort> nameservers) {
    }

    private record CachedZone(Name zone, Instant expires) {
    }

    public ZoneFinder(DnsClient client, Clock clock) {
        this.lookup = new DnsLookup(client);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Returns the zone of {@code fqdn}, such as {@code example.com.} for {@code _acme-challenge.www.example.com.}.
     *
     * @throws Dns01Exception when a lookup failed or no parent name has an SOA record
     */
    public Name findZone(Name fqdn, List<HostPort> nameservers) throws Dns01Exception {
        CacheKey key = new CacheKey(fqdn, List.copyOf(nameservers));
        CachedZone cached = cache.get(key);
        if (cached != null && clock.instant().isBefore(cached.expires())) {
            return cached.zone();
        }
        // labels() counts the root label, which is never a zone that takes updates.
        for (int removed = 0; removed < fqdn.labels() - 1; removed++) {
            Name domain = removed == 0 ? fqdn : new Name(fqdn, removed);
            Message response = lookup.query(nameservers, domain, Type.SOA);
            int rcode = response.getRcode();
            if (rcode == Rcode.NXDOMAIN) {
                continue;
            }
            if (rcode != Rcode.NOERROR) {
                throw new Dns01Exception("finding the zone of " + fqdn + " failed: the nameservers " + nameservers
                        + " returned " + Rcode.string(rcode) + " for the SOA record of " + domain);
            }
            List<Record> answers = response.getSection(Section.ANSWER);
            if (answers.stream().anyMatch(answer -> answer.getType() == Type.CNAME)) {
                continue;
            }
            for (Record answer : answers) {
                if (answer instanceof SOARecord soa) {
                    cache.put(key, new CachedZone(soa.getName(), clock.instant().plusSeconds(soa.getTTL())));
                    return soa.getName();
                }
            }
        }
        throw new Dns01Exception("finding the zone of " + fqdn + " failed: none of its names has an SOA record"
                + " according to the nameservers " + nameservers);
    }
}
