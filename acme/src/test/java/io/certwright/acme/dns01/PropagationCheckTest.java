package io.certwright.acme.dns01;

import static io.certwright.acme.dns01.FakeDnsClient.name;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

class PropagationCheckTest {
    private static final HostPort RESOLVER = new HostPort("127.0.0.1", 5353);
    private static final HostPort SECOND_RESOLVER = new HostPort("127.0.0.2", 5353);
    private static final String FQDN = "_acme-challenge.example.com.";
    private static final int AUTHORITATIVE_PORT = 5300;

    private final FakeDnsClient dns = new FakeDnsClient();
    private final PropagationCheck check = new PropagationCheck(dns, new ZoneFinder(dns, Clock.systemUTC()),
            new CnameFollower(dns), AUTHORITATIVE_PORT);

    @Test
    void recursiveModeNeedsValueOnEveryResolver() throws Exception {
        noCname(RESOLVER, SECOND_RESOLVER);
        dns.respond(RESOLVER, FQDN, Type.TXT, Rcode.NOERROR, txt(FQDN, "other"), txt(FQDN, "key"))
                .respond(SECOND_RESOLVER, FQDN, Type.TXT, Rcode.NXDOMAIN);

        assertThat(check.isPropagated(name(FQDN), "key", List.of(RESOLVER, SECOND_RESOLVER), false)).isFalse();

        dns.respond(SECOND_RESOLVER, FQDN, Type.TXT, Rcode.NOERROR, txt(FQDN, "key"));
        assertThat(check.isPropagated(name(FQDN), "key", List.of(RESOLVER, SECOND_RESOLVER), false)).isTrue();
    }

    @Test
    void authoritativeModeQueriesZoneNameservers() throws Exception {
        noCname(RESOLVER);
        dns.nxdomain(RESOLVER, FQDN, Type.SOA)
                .respond(RESOLVER, "example.com.", Type.SOA, Rcode.NOERROR, ZoneFinderTest.soa("example.com.", 60))
                .respond(RESOLVER, "example.com.", Type.NS, Rcode.NOERROR,
                        new NSRecord(name("example.com."), DClass.IN, 60, name("ns1.example.com.")))
                .respond(RESOLVER, "ns1.example.com.", Type.A, Rcode.NOERROR,
                        new ARecord(name("ns1.example.com."), DClass.IN, 60, InetAddress.getByName("127.0.0.3")));
        HostPort authoritative = new HostPort("127.0.0.3", AUTHORITATIVE_PORT);
        dns.respond(authoritative, FQDN, Type.TXT, Rcode.NOERROR, txt(FQDN, "key"));

        assertThat(check.isPropagated(name(FQDN), "key", List.of(RESOLVER), true)).isTrue();
        assertThat(dns.queries()).filteredOn(q -> q.server().equals(authoritative))
                .singleElement().satisfies(q -> assertThat(q.recursionDesired()).isFalse());
    }

    @Test
    void cnameTargetChecked() throws Exception {
        dns.respond(RESOLVER, FQDN, Type.CNAME, Rcode.NOERROR, CnameFollowerTest.cname(FQDN, "x.acme.test."))
                .respond(RESOLVER, "x.acme.test.", Type.CNAME, Rcode.NOERROR)
                .respond(RESOLVER, "x.acme.test.", Type.TXT, Rcode.NOERROR, txt("x.acme.test.", "key"));

        assertThat(check.isPropagated(name(FQDN), "key", List.of(RESOLVER), false)).isTrue();
    }

    @Test
    void refusedIsError() {
        noCname(RESOLVER);
        dns.respond(RESOLVER, FQDN, Type.TXT, Rcode.REFUSED);

        assertThatThrownBy(() -> check.isPropagated(name(FQDN), "key", List.of(RESOLVER), false))
                .isInstanceOf(Dns01Exception.class)
                .hasMessageContaining("nameserver 127.0.0.1:5353 returned REFUSED");
    }

    @Test
    void valueSplitOverStringsMatches() throws Exception {
        noCname(RESOLVER);
        dns.respond(RESOLVER, FQDN, Type.TXT, Rcode.NOERROR,
                new TXTRecord(name(FQDN), DClass.IN, 60, List.of("first-half-", "second-half")));

        assertThat(check.isPropagated(name(FQDN), "first-half-second-half", List.of(RESOLVER), false)).isTrue();
    }

    private void noCname(HostPort... resolvers) {
        for (HostPort resolver : resolvers) {
            dns.respond(resolver, FQDN, Type.CNAME, Rcode.NOERROR);
        }
    }

    private static TXTRecord txt(String owner, String value) {
        return new TXTRecord(name(owner), DClass.IN, 60, value);
    }
}
