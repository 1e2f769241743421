package io.certwright.acme.dns01;

import static io.certwright.acme.dns01.FakeDnsClient.name;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Type;

class ZoneFinderTest {
    private static final HostPort RESOLVER = new HostPort("127.0.0.1", 5353);
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private final FakeDnsClient dns = new FakeDnsClient();

    @Test
    void walksUpToFirstSoa() throws Exception {
        dns.nxdomain(RESOLVER, "_acme-challenge.www.example.com.", Type.SOA)
                .respond(RESOLVER, "www.example.com.", Type.SOA, Rcode.NOERROR)
                .respond(RESOLVER, "example.com.", Type.SOA, Rcode.NOERROR, soa("example.com.", 300));

        assertThat(finder(NOW).findZone(name("_acme-challenge.www.example.com."), List.of(RESOLVER)))
                .isEqualTo(name("example.com."));
        assertThat(dns.queries()).hasSize(3);
    }

    @Test
    void cnameAnswerIsNotZoneApex() throws Exception {
        dns.respond(RESOLVER, "_acme-challenge.example.com.", Type.SOA, Rcode.NOERROR,
                        new CNAMERecord(name("_acme-challenge.example.com."), DClass.IN, 60, name("x.acme.test.")),
                        soa("acme.test.", 300))
                .respond(RESOLVER, "example.com.", Type.SOA, Rcode.NOERROR, soa("example.com.", 300));

        assertThat(finder(NOW).findZone(name("_acme-challenge.example.com."), List.of(RESOLVER)))
                .isEqualTo(name("example.com."));
    }

    @Test
    void servfailIsError() {
        dns.respond(RESOLVER, "_acme-challenge.example.com.", Type.SOA, Rcode.SERVFAIL);

        assertThatThrownBy(() -> finder(NOW).findZone(name("_acme-challenge.example.com."), List.of(RESOLVER)))
                .isInstanceOf(Dns01Exception.class)
                .hasMessageContaining("SERVFAIL").hasMessageContaining("_acme-challenge.example.com.");
    }

    @Test
    void noSoaAnywhereIsError() {
        dns.nxdomain(RESOLVER, "_acme-challenge.example.com.", Type.SOA)
                .nxdomain(RESOLVER, "example.com.", Type.SOA)
                .nxdomain(RESOLVER, "com.", Type.SOA);

        assertThatThrownBy(() -> finder(NOW).findZone(name("_acme-challenge.example.com."), List.of(RESOLVER)))
                .hasMessageContaining("none of its names has an SOA record");
    }

    @Test
    void cachedForSoaTtl() throws Exception {
        dns.nxdomain(RESOLVER, "_acme-challenge.example.com.", Type.SOA)
                .respond(RESOLVER, "example.com.", Type.SOA, Rcode.NOERROR, soa("example.com.", 300));
        MutableClock clock = new MutableClock(NOW);
        ZoneFinder finder = new ZoneFinder(dns, clock);

        finder.findZone(name("_acme-challenge.example.com."), List.of(RESOLVER));
        clock.advance(Duration.ofSeconds(299));
        finder.findZone(name("_acme-challenge.example.com."), List.of(RESOLVER));
        assertThat(dns.queries()).hasSize(2);

        clock.advance(Duration.ofSeconds(1));
        finder.findZone(name("_acme-challenge.example.com."), List.of(RESOLVER));
        assertThat(dns.queries()).hasSize(4);
    }

    @Test
    void secondNameserverTriedWithoutAnswer() throws Exception {
        HostPort other = new HostPort("127.0.0.2", 53);
        dns.nxdomain(RESOLVER, "_acme-challenge.example.com.", Type.SOA)
                .nxdomain(other, "_acme-challenge.example.com.", Type.SOA)
                .respond(RESOLVER, "example.com.", Type.SOA, Rcode.REFUSED)
                .respond(other, "example.com.", Type.SOA, Rcode.NOERROR, soa("example.com.", 300));

        assertThat(finder(NOW).findZone(name("_acme-challenge.example.com."), List.of(RESOLVER, other)))
                .isEqualTo(name("example.com."));
    }

    private ZoneFinder finder(Instant now) {
        return new ZoneFinder(dns, Clock.fixed(now, ZoneOffset.UTC));
    }

    static SOARecord soa(String zone, long ttl) {
        return new SOARecord(name(zone), DClass.IN, ttl, name("ns1." + zone), name("hostmaster." + zone), 1, 3600,
                600, 86400, 60);
    }

    /** A clock that tests move forward. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
