package io.certwright.acme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.certwright.acme.account.Acme4jRegistrar;
import io.certwright.acme.challenges.Solver;
import io.certwright.acme.dns01.Dns01Options;
import io.certwright.acme.testing.BindServer;
import io.certwright.acme.testing.PebbleServer;
import io.certwright.api.Json;
import io.certwright.api.model.Certificate;
import io.certwright.api.model.CertificateCondition;
import io.certwright.api.model.Challenge;
import io.certwright.api.model.ClusterIssuer;
import io.certwright.core.ControllerOptions;
import io.certwright.core.CoreControllers;
import io.certwright.core.cluster.InMemoryCluster;
import io.certwright.core.cluster.ResourceKind;
import io.certwright.core.controller.ControllerManager;
import io.certwright.pki.Pem;
import io.fabric8.kubernetes.api.model.Secret;
import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issues certificates from Pebble over DNS-01 with the RFC 2136 provider, against a real BIND 9:
 * scripts/dns/start-bind runs named on loopback with a zone that takes TSIG-signed updates, and
 * Pebble resolves through it. Every controller runs on an in-memory cluster with a real clock and
 * two workers per controller, so that an apex and its wildcard could run at the same time if the
 * scheduler let them. The self-check runs in cert-manager's default mode, against the zone's
 * authoritative nameserver, found through NS and A lookups, on BIND's port. Skipped when named,
 * dig or Pebble are not installed.
 */
class PebbleDns01IT {
    private static final String NAMESPACE = "demo";
    private static final String RESOURCE_NAMESPACE = "cert-manager";
    private static final Duration TIMEOUT = Duration.ofSeconds(180);
    private static final String SKIP_MESSAGE = "PebbleDns01IT skipped: pebble, named or dig is not installed"
            + " (apt-get install -y pebble bind9 bind9-dnsutils)";

    @TempDir
    static Path work;

    private static PebbleServer pebble;
    private static BindServer bind;
    private static InMemoryCluster cluster;
    private static ControllerManager manager;

    /** The names of the Challenges whose status.processing is true right now, and the most seen at once. */
    private static final Set<String> processing = ConcurrentHashMap.newKeySet();
    private static final AtomicInteger maxProcessingPerDnsName = new AtomicInteger();
    private static final Map<String, Challenge> challengesSeen = new ConcurrentHashMap<>();

    @BeforeAll
    static void startBindPebbleAndControllers() throws Exception {
        boolean installed = PebbleServer.installed() && BindServer.installed();
        if (!installed) {
            // JUnit reports an aborted @BeforeAll as zero tests, so print the reason in the test output too.
            System.err.println(SKIP_MESSAGE);
        }
        assumeTrue(installed, SKIP_MESSAGE);
        bind = BindServer.start(work.resolve("bind"));
        pebble = PebbleServer.start(work.resolve("pebble"), Map.of(), bind.address());

        Clock clock = Clock.systemUTC();
        cluster = new InMemoryCluster(clock);
        manager = new ControllerManager(cluster, clock);
        ControllerOptions options = ControllerOptions.defaults().withClusterResourceNamespace(RESOURCE_NAMESPACE);
        Dns01Options dns01 = Dns01Options.defaults()
                .withRecursiveNameservers(List.of(bind.address()))
                .withAuthoritativePort(bind.port())
                .withPropagationWait(Duration.ofSeconds(1));
        AcmeControllers acme = AcmeControllers.create(cluster, clock, new UnusedHttp01Solver(), new Acme4jRegistrar(),
                60, new AcmeSolverSettings(Duration.ofSeconds(1), dns01));
        cluster.addListener((kind, before, after) -> {
            if (after instanceof Challenge challenge) {
                recordProcessing(challenge);
            } else if (before instanceof Challenge challenge && after == null) {
                processing.remove(challenge.getMetadata().getName());
            }
        });
        CoreControllers.registerAll(manager, cluster, options, clock, acme.backends(), List.of(acme));
        manager.start(2);

        cluster.create(ResourceKind.SECRET, Json.yaml().readValue("""
                apiVersion: v1
                kind: Secret
                metadata: {name: bind-tsig, namespace: %s}
                data:
                  secret: %s
                """.formatted(RESOURCE_NAMESPACE, bind.tsigSecretData()), Secret.class));
        String rfc2136 = "{nameserver: \"%s\", tsigKeyName: %s, tsigAlgorithm: %s, tsigSecretSecretRef: {name: bind-tsig,"
                .formatted(bind.address(), bind.tsigKeyName(), bind.tsigAlgorithm()) + " key: secret}}";
        String caBundle = pebble.caBundle();
        cluster.create(ResourceKind.CLUSTER_ISSUER, Json.yaml().readValue("""
                apiVersion: cert-manager.io/v1
                kind: ClusterIssuer
                metadata: {name: pebble-dns}
                spec:
                  acme:
                    server: %1$s
                    caBundle: %2$s
                    privateKeySecretRef: {name: pebble-dns-account}
                    solvers:
                    - selector: {dnsNames: [alias.example.test]}
                      dns01:
                        cnameStrategy: Follow
                        rfc2136: %3$s
                    - dns01:
                        rfc2136: %3$s
                """.formatted(pebble.directoryUrl(), caBundle, rfc2136), ClusterIssuer.class));
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (manager != null) {
            manager.close();
        }
        if (pebble != null) {
            pebble.close();
        }
        if (bind != null) {
            bind.close();
        }
    }

    @Test
    void wildcardAndApexIssuedOneChallengeAtATime() throws Exception {
        createCertificate("wildcard", "example.test", "*.example.test");

        awaitReady("wildcard");

        List<X509Certificate> chain = issuedChain("wildcard-tls");
        assertThat(dnsNames(chain.get(0))).containsExactlyInAnyOrder("example.test", "*.example.test");
        assertChainsTo(chain, pebble.root());

        List<Challenge> challenges = challengesSeen.values().stream()
                .filter(c -> c.getMetadata().getName().startsWith("wildcard-")).toList();
        assertThat(challenges).hasSize(2);
        assertThat(challenges).allSatisfy(challenge -> {
            assertThat(challenge.getSpec().getDnsName()).isEqualTo("example.test");
            assertThat(challenge.getSpec().getType()).isEqualTo("DNS-01");
        });
        assertThat(challenges).extracting(c -> Boolean.TRUE.equals(c.getSpec().getWildcard()))
                .containsExactlyInAnyOrder(true, false);
        assertThat(maxProcessingPerDnsName.get())
                .as("Challenges for example.test processing at the same time").isEqualTo(1);

        await("TXT records of _acme-challenge.example.test removed",
                () -> txtValues("_acme-challenge.example.test.").isEmpty() ? Optional.of(true) : Optional.empty());
    }

    @Test
    void cnameFollowWritesRecordAtTarget() throws Exception {
        createCertificate("alias", "alias.example.test");

        awaitReady("alias");

        List<X509Certificate> chain = issuedChain("alias-tls");
        assertThat(dnsNames(chain.get(0))).containsExactly("alias.example.test");
        assertChainsTo(chain, pebble.root());
        await("TXT record at the CNAME target removed",
                () -> txtValues("_acme-challenge.target.example.test.").isEmpty() ? Optional.of(true) : Optional.empty());
    }

    private static void recordProcessing(Challenge challenge) {
        String name = challenge.getMetadata().getName();
        challengesSeen.put(name, challenge);
        boolean running = challenge.getStatus() != null && Boolean.TRUE.equals(challenge.getStatus().getProcessing());
        synchronized (processing) {
            if (running) {
                processing.add(name);
            } else {
                processing.remove(name);
            }
            long sameName = processing.stream().map(challengesSeen::get)
                    .filter(c -> c.getSpec().getDnsName().equals(challenge.getSpec().getDnsName())).count();
            maxProcessingPerDnsName.accumulateAndGet((int) sameName, Math::max);
        }
    }

    private static void createCertificate(String name, String... dnsNames) {
        cluster.create(ResourceKind.CERTIFICATE, Json.yaml().readValue("""
                apiVersion: cert-manager.io/v1
                kind: Certificate
                metadata: {name: %s, namespace: %s}
                spec:
                  secretName: %s-tls
                  dnsNames: [%s]
                  issuerRef: {name: pebble-dns, kind: ClusterIssuer}
                """.formatted(name, NAMESPACE, name, String.join(", ", List.of(dnsNames).stream()
                        .map(n -> "\"" + n + "\"").toList())), Certificate.class));
    }

    private static void awaitReady(String name) throws InterruptedException {
        await("Certificate " + NAMESPACE + "/" + name + " Ready", () -> cluster.get(ResourceKind.CERTIFICATE,
                NAMESPACE, name).flatMap(c -> condition(c, "Ready")).filter("True"::equals));
    }

    private static List<X509Certificate> issuedChain(String secretName) throws Exception {
        Secret secret = cluster.get(ResourceKind.SECRET, NAMESPACE, secretName).orElseThrow();
        List<X509Certificate> chain = Pem.parseCertificates(Base64.getDecoder().decode(secret.getData().get("tls.crt")));
        assertThat(chain).hasSize(2);
        return chain;
    }

    private static List<String> dnsNames(X509Certificate certificate) throws Exception {
        return certificate.getSubjectAlternativeNames().stream().map(san -> san.get(1).toString()).toList();
    }

    /** Returns the TXT values BIND serves for {@code fqdn}. */
    private static List<String> txtValues(String fqdn) {
        try {
            return bind.txtValues(fqdn);
        } catch (IOException e) {
            throw new AssertionError("querying BIND for " + fqdn + " TXT failed: " + e.getMessage(), e);
        }
    }

    private static Optional<String> condition(Certificate certificate, String type) {
        if (certificate.getStatus() == null || certificate.getStatus().getConditions() == null) {
            return Optional.empty();
        }
        return certificate.getStatus().getConditions().stream().filter(c -> type.equals(c.getType()))
                .map(CertificateCondition::getStatus).findFirst();
    }

    private static <T> T await(String what, Supplier<Optional<T>> probe) throws InterruptedException {
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            Thread.sleep(200);
        }
        Map<String, Object> state = new HashMap<>();
        state.put("certificates", cluster.list(ResourceKind.CERTIFICATE, null));
        state.put("issuers", cluster.list(ResourceKind.CLUSTER_ISSUER, null));
        state.put("orders", cluster.list(ResourceKind.ORDER, null));
        state.put("challenges", cluster.list(ResourceKind.CHALLENGE, null));
        throw new AssertionError("timed out after " + TIMEOUT + " waiting for " + what + "; state: "
                + Json.yaml().writeValueAsString(state));
    }

    private static void assertChainsTo(List<X509Certificate> chain, X509Certificate root) throws Exception {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
        parameters.setRevocationEnabled(false);
        CertPathValidator.getInstance("PKIX").validate(factory.generateCertPath(chain), parameters);
    }

    /** Fails every call: these tests use DNS-01 only. */
    private static final class UnusedHttp01Solver implements Solver {
        @Override
        public void present(Challenge challenge) {
            throw new AssertionError("unexpected HTTP-01 challenge " + challenge.getMetadata().getName());
        }

        @Override
        public void check(Challenge challenge) {
            throw new AssertionError("unexpected HTTP-01 challenge " + challenge.getMetadata().getName());
        }

        @Override
        public void cleanUp(Challenge challenge) {
            throw new AssertionError("unexpected HTTP-01 challenge " + challenge.getMetadata().getName());
        }
    }
}
