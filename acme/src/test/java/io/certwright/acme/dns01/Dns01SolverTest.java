package io.certwright.acme.dns01;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.certwright.api.Json;
import io.certwright.api.model.Challenge;
import io.certwright.core.cluster.InMemoryCluster;
import io.certwright.core.cluster.ResourceKind;
import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

class Dns01SolverTest {
    private static final HostPort RESOLVER = new HostPort("127.0.0.1", 5353);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    private final InMemoryCluster cluster = new InMemoryCluster(CLOCK);
    private final FakeDnsClient dns = new FakeDnsClient();
    private final List<String> calls = new ArrayList<>();
    private final DnsProviders providers = DnsProviders.defaults().with("webhook", (settings, secrets) -> {
        String token = new String(secrets.read("credentials", "token", "dns01.webhook.config"), StandardCharsets.UTF_8);
        return new DnsProvider() {
            @Override
            public void present(String fqdn, String zone, String value) {
                calls.add("present " + fqdn + " " + zone + " " + value + " with " + token);
            }

            @Override
            public void cleanUp(String fqdn, String zone, String value) {
                calls.add("cleanUp " + fqdn + " " + zone + " " + value + " with " + token);
            }
        };
    });
    private final Dns01Solver solver = new Dns01Solver(cluster, "cert-manager", Dns01Options.defaults()
            .withRecursiveNameservers(List.of(RESOLVER.toString())).withRecursiveNameserversOnly(true)
            .withPropagationWait(Duration.ZERO), providers, dns, CLOCK);

    Dns01SolverTest() {
        secret("cert-manager", "cluster-token");
        secret("demo", "namespace-token");
        dns.nxdomain(RESOLVER, "_acme-challenge.example.com.", Type.SOA)
                .respond(RESOLVER, "example.com.", Type.SOA, Rcode.NOERROR, ZoneFinderTest.soa("example.com.", 60));
    }

    @Test
    void clusterIssuerPresentsWithClusterResourceNamespaceSecret() throws Exception {
        solver.present(challenge("ClusterIssuer", "None"));

        assertThat(calls).containsExactly("present _acme-challenge.example.com. example.com. txt-value with cluster-token");
    }

    @Test
    void issuerPresentsWithChallengeNamespaceSecret() throws Exception {
        solver.cleanUp(challenge("Issuer", "None"));

        assertThat(calls).containsExactly("cleanUp _acme-challenge.example.com. example.com. txt-value with namespace-token");
    }

    @Test
    void followStrategyPresentsAtCnameTarget() throws Exception {
        dns.respond(RESOLVER, "_acme-challenge.example.com.", Type.CNAME, Rcode.NOERROR,
                        CnameFollowerTest.cname("_acme-challenge.example.com.", "example.com.acme.test."))
                .respond(RESOLVER, "example.com.acme.test.", Type.CNAME, Rcode.NOERROR)
                .respond(RESOLVER, "example.com.acme.test.", Type.SOA, Rcode.NOERROR)
                .respond(RESOLVER, "com.acme.test.", Type.SOA, Rcode.NOERROR)
                .respond(RESOLVER, "acme.test.", Type.SOA, Rcode.NOERROR, ZoneFinderTest.soa("acme.test.", 60));

        solver.present(challenge("ClusterIssuer", "Follow"));

        assertThat(calls).containsExactly("present example.com.acme.test. acme.test. txt-value with cluster-token");
    }

    @Test
    void checkPassesOnceValueVisible() throws Exception {
        dns.respond(RESOLVER, "_acme-challenge.example.com.", Type.CNAME, Rcode.NOERROR)
                .respond(RESOLVER, "_acme-challenge.example.com.", Type.TXT, Rcode.NXDOMAIN);

        assertThatThrownBy(() -> solver.check(challenge("ClusterIssuer", "None")))
                .isInstanceOf(Dns01Exception.class)
                .hasMessage("DNS record for \"example.com\" not yet propagated");

        dns.respond(RESOLVER, "_acme-challenge.example.com.", Type.TXT, Rcode.NOERROR,
                new TXTRecord(FakeDnsClient.name("_acme-challenge.example.com."), DClass.IN, 60, "txt-value"));
        solver.check(challenge("ClusterIssuer", "None"));
    }

    @Test
    void missingSecretNamesSecretAndField() {
        cluster.delete(ResourceKind.SECRET, "cert-manager", "credentials");

        assertThatThrownBy(() -> solver.present(challenge("ClusterIssuer", "None")))
                .isInstanceOf(Dns01Exception.class)
                .hasMessage("Secret \"cert-manager/credentials\" referenced by dns01.webhook.config not found;"
                        + " create it in namespace cert-manager");
    }

    @Test
    void recordNameHasPrefixAndRootLabel() throws Exception {
        assertThat(Dns01Solver.recordName("example.com")).hasToString("_acme-challenge.example.com.");
        assertThat(Dns01Solver.recordName("example.com.")).hasToString("_acme-challenge.example.com.");
    }

    private Challenge challenge(String issuerKind, String cnameStrategy) {
        return Json.yaml().readValue("""
                apiVersion: acme.cert-manager.io/v1
                kind: Challenge
                metadata: {name: wildcard-1-1-2, namespace: demo}
                spec:
                  dnsName: example.com
                  wildcard: true
                  type: DNS-01
                  token: tok
                  key: txt-value
                  solver: {dns01: {cnameStrategy: %s, webhook: {solverName: test}}}
                  issuerRef: {name: acme, kind: %s}
                """.formatted(cnameStrategy, issuerKind), Challenge.class);
    }

    private void secret(String namespace, String token) {
        cluster.create(ResourceKind.SECRET, Json.yaml().readValue("""
                apiVersion: v1
                kind: Secret
                metadata: {name: credentials, namespace: %s}
                stringData: {token: %s}
                """.formatted(namespace, token), Secret.class));
    }
}
