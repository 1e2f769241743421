package io.certwright.acme.naming;

import static org.assertj.core.api.Assertions.assertThat;

import io.certwright.api.model.ChallengeSpec;
import io.certwright.api.model.OrderSpec;
import io.certwright.api.model.ACMEChallengeSolver;
import io.certwright.api.model.CertificateDNSNameSelector;
import io.certwright.api.model.IssuerReference;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The expected JSON and hashes were produced by Go's encoding/json and hash/fnv (New32) from
 * structs with the field names, tags and order of cert-manager's OrderSpec and ChallengeSpec.
 */
class ObjectNamesTest {

    @Test
    void fnv1MatchesPublishedVectors() {
        assertThat(Integer.toUnsignedLong(ObjectNames.fnv1(""))).isEqualTo(0x811c9dc5L);
        assertThat(Integer.toUnsignedLong(ObjectNames.fnv1("a"))).isEqualTo(0x050c5d7eL);
    }

    @Test
    void orderSpecJsonMatchesGoEncoding() {
        OrderSpec spec = new OrderSpec()
                .withRequest("ignored".getBytes())
                .withIssuerRef(new IssuerReference().withName("pebble").withKind("ClusterIssuer").withGroup("cert-manager.io"))
                .withCommonName("a<b>&c.example.com")
                .withDnsNames(List.of("a<b>&c.example.com", "www.example.com"))
                .withIpAddresses(List.of("10.0.0.1"));

        assertThat(ObjectNames.orderSpecJson(spec)).isEqualTo("{\"request\":null,\"issuerRef\":{\"name\":\"pebble\","
                + "\"kind\":\"ClusterIssuer\",\"group\":\"cert-manager.io\"},\"commonName\":\"a\\u003cb\\u003e\\u0026c.example.com\","
                + "\"dnsNames\":[\"a\\u003cb\\u003e\\u0026c.example.com\",\"www.example.com\"],\"ipAddresses\":[\"10.0.0.1\"]}");
        assertThat(ObjectNames.orderName("web-1", spec)).isEqualTo("web-1-1523625380");
    }

    @Test
    void longRequestNameIsHashedWithSpec() {
        String requestName = "a-very-long-certificate-request-name-that-goes-beyond-fifty-two-chars-1";
        OrderSpec spec = new OrderSpec().withIssuerRef(new IssuerReference().withName("le"))
                .withDnsNames(List.of("x.example.com"));

        String name = ObjectNames.orderName(requestName, spec);

        assertThat(name).isEqualTo("a-very-long-certificate-request-name-that-goes-beyon-3415980225");
    }

    @Test
    void challengeNameMatchesGoEncoding() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("z", "1");
        labels.put("a", "2");
        ACMEChallengeSolver solver = new ACMEChallengeSolver();
        solver.setSelector(new CertificateDNSNameSelector());
        solver.getSelector().setMatchLabels(labels);
        solver.getSelector().setDnsZones(List.of("example.com"));
        solver.setHttp01(Map.of("ingress", Map.of("class", "nginx")));
        ChallengeSpec spec = new ChallengeSpec().withUrl("https://acme/chall/1").withAuthorizationURL("https://acme/authz/1")
                .withDnsName("example.com").withWildcard(true).withType("HTTP-01").withToken("tok").withKey("")
                .withSolver(solver).withIssuerRef(new IssuerReference().withName("le").withKind("Issuer"));

        assertThat(ObjectNames.challengeName("web-1-1523625380", spec)).isEqualTo("web-1-1523625380-2024243077");
    }

    @Test
    void shorteningDropsTrailingDashes() {
        String name = "a".repeat(50) + "--b";

        assertThat(ObjectNames.dnsSafeShorten(name, 52)).isEqualTo("a".repeat(50));
    }

    @Test
    void shortNamesAreKept() {
        assertThat(ObjectNames.dnsSafeShorten("web-1", 52)).isEqualTo("web-1");
    }
}
