package io.certwright.acme.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.certwright.api.model.ACMEChallengeSolver;
import io.certwright.api.model.CertificateDNSNameSelector;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SolverPickerTest {
    private static final List<String> HTTP_AND_DNS = List.of("http-01", "dns-01");
    private static final List<String> DNS_ONLY = List.of("dns-01");

    static Stream<Arguments> cases() {
        ACMEChallengeSolver defaultHttp = http("default-http", null);
        ACMEChallengeSolver zoneShort = dns("zone-short", selector(null, null, List.of("example.com")));
        ACMEChallengeSolver zoneLong = dns("zone-long", selector(null, null, List.of("sub.example.com")));
        ACMEChallengeSolver named = dns("named", selector(null, List.of("www.sub.example.com"), null));
        ACMEChallengeSolver apexNamed = dns("apex-named", selector(null, List.of("example.com"), null));
        ACMEChallengeSolver wildcardNamed = dns("wildcard-named", selector(null, List.of("*.example.com"), null));
        ACMEChallengeSolver labelled = dns("labelled", selector(Map.of("team", "a"), null, List.of("example.com")));
        ACMEChallengeSolver otherLabel = dns("other-label", selector(Map.of("team", "b"), null, null));
        return Stream.of(
                Arguments.of("wildcard offering only dns-01 has no http-01 solver", List.of(defaultHttp),
                        "*.example.com", DNS_ONLY, Map.of(), null),
                Arguments.of("default solver used when no selector matches", List.of(defaultHttp, otherLabel),
                        "www.example.com", HTTP_AND_DNS, Map.of(), "default-http"),
                Arguments.of("selector match beats default listed first", List.of(defaultHttp, zoneShort),
                        "www.example.com", HTTP_AND_DNS, Map.of(), "zone-short"),
                Arguments.of("longer zone beats shorter zone", List.of(zoneShort, zoneLong),
                        "www.sub.example.com", HTTP_AND_DNS, Map.of(), "zone-long"),
                Arguments.of("dnsNames match beats any zone", List.of(zoneLong, named),
                        "www.sub.example.com", HTTP_AND_DNS, Map.of(), "named"),
                Arguments.of("more matchLabels win on equal zones", List.of(zoneShort, labelled),
                        "www.example.com", HTTP_AND_DNS, Map.of("team", "a"), "labelled"),
                Arguments.of("unmatched labels exclude a solver", List.of(labelled),
                        "www.example.com", HTTP_AND_DNS, Map.of("team", "c"), null),
                Arguments.of("apex selector does not match wildcard", List.of(apexNamed),
                        "*.example.com", DNS_ONLY, Map.of(), null),
                Arguments.of("wildcard selector matches wildcard", List.of(apexNamed, wildcardNamed),
                        "*.example.com", DNS_ONLY, Map.of(), "wildcard-named"),
                Arguments.of("tie keeps the earlier solver", List.of(zoneShort, dns("zone-short-2",
                        selector(null, null, List.of("example.com")))), "www.example.com", HTTP_AND_DNS, Map.of(),
                        "zone-short"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void picksSolver(String description, List<ACMEChallengeSolver> solvers, String domain, List<String> offered,
            Map<String, String> labels, String expected) {
        Optional<ACMEChallengeSolver> picked = SolverPicker.pick(solvers, domain, offered, labels);

        assertThat(picked.map(s -> (String) s.getAdditionalProperties().get("name")).orElse(null)).isEqualTo(expected);
    }

    private static ACMEChallengeSolver http(String name, CertificateDNSNameSelector selector) {
        ACMEChallengeSolver solver = new ACMEChallengeSolver();
        solver.setHttp01(Map.of("ingress", Map.of()));
        solver.setSelector(selector);
        solver.setAdditionalProperty("name", name);
        return solver;
    }

    private static ACMEChallengeSolver dns(String name, CertificateDNSNameSelector selector) {
        ACMEChallengeSolver solver = new ACMEChallengeSolver();
        solver.setDns01(Map.of("webhook", Map.of()));
        solver.setSelector(selector);
        solver.setAdditionalProperty("name", name);
        return solver;
    }

    private static CertificateDNSNameSelector selector(Map<String, String> labels, List<String> dnsNames,
            List<String> dnsZones) {
        CertificateDNSNameSelector selector = new CertificateDNSNameSelector();
        selector.setMatchLabels(labels);
        selector.setDnsNames(dnsNames);
        selector.setDnsZones(dnsZones);
        return selector;
    }
}
