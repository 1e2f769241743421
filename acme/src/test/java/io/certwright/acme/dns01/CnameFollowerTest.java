package io.certwright.acme.dns01;

import static io.certwright.acme.dns01.FakeDnsClient.name;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

class CnameFollowerTest {
    private static final HostPort RESOLVER = new HostPort("127.0.0.1", 5353);

    private final FakeDnsClient dns = new FakeDnsClient();
    private final CnameFollower follower = new CnameFollower(dns);

    @Test
    void nameWithoutCnameStays() throws Exception {
        dns.respond(RESOLVER, "_acme-challenge.example.com.", Type.CNAME, Rcode.NOERROR);

        assertThat(follower.follow(name("_acme-challenge.example.com."), List.of(RESOLVER)))
                .isEqualTo(name("_acme-challenge.example.com."));
    }

    @Test
    void chainFollowedToLastName() throws Exception {
        dns.respond(RESOLVER, "_acme-challenge.example.com.", Type.CNAME, Rcode.NOERROR,
                        cname("_acme-challenge.example.com.", "example.com.acme.test."))
                .respond(RESOLVER, "example.com.acme.test.", Type.CNAME, Rcode.NOERROR,
                        cname("example.com.acme.test.", "abc.auth.acme.test."))
                .nxdomain(RESOLVER, "abc.auth.acme.test.", Type.CNAME);

        assertThat(follower.follow(name("_acme-challenge.example.com."), List.of(RESOLVER)))
                .isEqualTo(name("abc.auth.acme.test."));
    }

    @Test
    void loopRejectedWithChain() {
        dns.respond(RESOLVER, "a.example.com.", Type.CNAME, Rcode.NOERROR, cname("a.example.com.", "b.example.com."))
                .respond(RESOLVER, "b.example.com.", Type.CNAME, Rcode.NOERROR, cname("b.example.com.", "a.example.com."));

        assertThatThrownBy(() -> follower.follow(name("a.example.com."), List.of(RESOLVER)))
                .isInstanceOf(Dns01Exception.class)
                .hasMessageContaining("CNAME loop")
                .hasMessageContaining("a.example.com. -> b.example.com. -> a.example.com.");
    }

    @Test
    void selfLoopRejected() {
        dns.respond(RESOLVER, "a.example.com.", Type.CNAME, Rcode.NOERROR, cname("a.example.com.", "a.example.com."));

        assertThatThrownBy(() -> follower.follow(name("a.example.com."), List.of(RESOLVER)))
                .hasMessageContaining("CNAME loop");
    }

    @Test
    void overlongChainRejected() {
        for (int i = 0; i < CnameFollower.MAX_CHAIN_LENGTH + 1; i++) {
            dns.respond(RESOLVER, "n" + i + ".example.com.", Type.CNAME, Rcode.NOERROR,
                    cname("n" + i + ".example.com.", "n" + (i + 1) + ".example.com."));
        }

        assertThatThrownBy(() -> follower.follow(name("n0.example.com."), List.of(RESOLVER)))
                .hasMessageContaining("longer than " + CnameFollower.MAX_CHAIN_LENGTH);
    }

    @Test
    void cnameOfOtherNameIgnored() throws Exception {
        dns.respond(RESOLVER, "_acme-challenge.example.com.", Type.CNAME, Rcode.NOERROR,
                cname("other.example.com.", "elsewhere.acme.test."));

        assertThat(follower.follow(name("_acme-challenge.example.com."), List.of(RESOLVER)))
                .isEqualTo(name("_acme-challenge.example.com."));
    }

    static CNAMERecord cname(String from, String to) {
        return new CNAMERecord(name(from), DClass.IN, 60, name(to));
    }
}
