package io.certwright.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.certwright.api.Conditions;
import io.certwright.api.model.Certificate;
import io.certwright.api.model.CertificateCondition;
import io.certwright.api.model.CertificateRequest;
import io.certwright.api.model.CertificateRequestCondition;
import io.certwright.api.model.CertificateStatus;
import io.certwright.core.ControllerOptions;
import io.certwright.core.issuers.IssuerBackend;
import io.certwright.core.issuers.IssuerContext;
import io.certwright.core.issuers.IssuerSetupResult;
import io.certwright.core.issuers.IssuerType;
import io.certwright.core.issuers.SignResult;
import io.certwright.core.testing.SkewedIssuerBackend;
import io.certwright.core.time.AdvancingClock;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The issuer dating cases of the core module's {@code IssuerDatingTest}, checked with the Kubernetes runtime
 * against a real kube-apiserver and etcd on loopback. Status dates, renewal and readiness follow the issued
 * certificate's own notBefore and notAfter. An issuer that backdates notBefore (Let's Encrypt by 1h, Vault by
 * 30s) can put the renewal time at or before the issuance, and the Certificate then re-issues again and again,
 * as cert-manager's does. An issuer whose clock runs ahead yields a future notBefore, which does not keep the
 * Certificate from being Ready.
 *
 * <p>The runtime runs in-process on an {@link AdvancingClock}, with {@link SkewedIssuerBackend}s serving the ACME
 * and Vault issuer types. Each case applies its Issuer and Certificate with kubectl in a namespace of its own
 * and registers its backend under that Issuer. The API server runs no admission webhook, so the Issuers'
 * {@code spec.acme} and {@code spec.vault} are stubs that only the test backends read. Issuance happens at the
 * real time, so the checks bound the dates by clock readings taken before and after it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KubernetesIssuerDatingIT {
    /** Time a case waits for a CertificateRequest that must not be created. */
    private static final Duration QUIET = Duration.ofSeconds(3);

    /** Time allowed for a loop of issuances, longer than {@link CaseNamespace#READY_TIMEOUT} for one issuance. */
    private static final Duration LOOP_TIMEOUT = Duration.ofSeconds(90);

    /** Prefix of an issuing start with reason Renewing, as {@link ObjectHistory} records it. */
    private static final String RENEWING = "Renewing: Renewing certificate as renewal was scheduled at ";

    /** Go's rendering of a whole-second UTC time, as in the Renewing message. */
    private static final DateTimeFormatter GO_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss '+0000 UTC'").withZone(ZoneOffset.UTC);

    private PeerCluster peers;
    private KubernetesCluster observer;
    private final ObjectHistory history = new ObjectHistory();
    private AdvancingClock clock;
    private KubernetesRuntime runtime;
    private final IssuerRouter router = new IssuerRouter();

    @BeforeAll
    void startClusterAndRuntime() throws Exception {
        peers = PeerCluster.start();
        observer = peers.startObserver();
        observer.addListener(history);
        clock = new AdvancingClock();
        KubernetesRuntimeSettings settings = KubernetesRuntimeSettings.defaults()
                .withControllerOptions(ControllerOptions.defaults().withClusterResourceNamespace("cert-manager"))
                .withLeaderElection(LeaderElectionSettings.defaults().withEnabled(false))
                .withListenAddresses("127.0.0.1:0", "127.0.0.1:0")
                .withClock(clock)
                .withIssuerBackend(IssuerType.ACME, router)
                .withIssuerBackend(IssuerType.VAULT, router);
        runtime = KubernetesRuntime.start(settings, peers.newClient(), peers.newClient());
        PeerCluster.await("the controllers run", Duration.ofSeconds(60), runtime::controllersRunning);
    }

    @AfterAll
    void stopEverything() throws Exception {
        if (runtime != null) {
            runtime.close();
        }
        if (peers != null) {
            peers.close();
        }
    }

    @Test
    @Order(1)
    void acmeBackdatingLoopsNearFullRenewBefore() throws Exception {
        CaseNamespace space = CaseNamespace.create(peers, observer, history, "dating-acme-loop");
        SkewedIssuerBackend backend = install(space, "acme-like", SkewedIssuerBackend.acmeLike());
        // The in-memory case allows two signatures. Here the request manager can create a revision's request
        // with the next private key its cache still holds, then delete and re-create it once the key manager's
        // new key arrives, and the deleted request may already have used a signature. Four signatures leave
        // room for that and still stop the loop.
        backend.allowSignatures(4);
        Instant before = clock.instant();

        space.apply(backend.issuer("acme-like", space.name()) + "---\n"
                + certificate("acme-like", "duration: 2160h\n  renewBefore: 2159h50m"));

        // Each issuance is renewed at once, until the request after the last signed revision waits only
        // because the test issuer stops signing.
        PeerCluster.await("the request after the last revision waits for the used-up test issuer", LOOP_TIMEOUT,
                () -> waitsForUsedUpIssuer(space));
        Instant after = clock.instant();
        Thread.sleep(QUIET.toMillis());

        CertificateStatus status = space.certificate("app").getStatus();
        int revision = status.getRevision();
        assertThat(revision).isGreaterThanOrEqualTo(2);
        assertThat(status.getNotBefore()).isBetween(seconds(before).minus(Duration.ofHours(1)),
                after.minus(Duration.ofHours(1)));
        assertThat(status.getNotAfter()).isEqualTo(status.getNotBefore().plus(Duration.ofHours(2160)));
        assertThat(status.getRenewalTime()).isEqualTo(status.getNotBefore().plus(Duration.ofMinutes(10)));
        assertThat(status.getRenewalTime()).isBefore(before);
        assertThat(leaf(space).getNotBefore().toInstant()).isEqualTo(status.getNotBefore());
        List<String> expectedRequests = IntStream.rangeClosed(1, revision + 1).mapToObj(n -> "app-" + n).toList();
        assertThat(space.createdRequests("app").stream().distinct().toList())
                .as("request changes %s", space.requestChanges("app"))
                .containsExactlyElementsOf(expectedRequests);

        List<String> issuingStarts = space.issuingStarts("app");
        assertThat(issuingStarts).hasSize(revision + 1);
        assertThat(issuingStarts.get(0)).isEqualTo("DoesNotExist: Issuing certificate as Secret does not exist");
        for (String renewing : issuingStarts.subList(1, issuingStarts.size())) {
            assertThat(renewing).startsWith(RENEWING);
            scheduledAt(renewing).ifPresent(scheduled -> assertThat(scheduled)
                    .isBetween(seconds(before).minus(Duration.ofMinutes(50)), status.getRenewalTime()));
        }
        CertificateCondition issuing = space.condition("app", Conditions.ISSUING).orElseThrow();
        assertThat(issuing.getStatus()).isEqualTo(Conditions.TRUE);
        assertThat(issuing.getReason()).isEqualTo("Renewing");
    }

    @Test
    @Order(2)
    void acmeBackdatingWithShorterRenewBefore() throws Exception {
        CaseNamespace space = CaseNamespace.create(peers, observer, history, "dating-acme-settles");
        SkewedIssuerBackend backend = install(space, "acme-like", SkewedIssuerBackend.acmeLike());
        Instant before = clock.instant();

        space.apply(backend.issuer("acme-like", space.name()) + "---\n"
                + certificate("acme-like", "duration: 2160h\n  renewBefore: 720h"));
        space.awaitReady("app");
        Instant after = clock.instant();
        advanceAndWait(Duration.ofMinutes(10));

        CertificateStatus status = space.certificate("app").getStatus();
        assertThat(status.getNotBefore()).isBetween(seconds(before).minus(Duration.ofHours(1)),
                after.minus(Duration.ofHours(1)));
        assertThat(status.getNotAfter()).isEqualTo(status.getNotBefore().plus(Duration.ofHours(2160)));
        assertThat(status.getRenewalTime()).isEqualTo(status.getNotBefore().plus(Duration.ofHours(1440)));
        assertThat(space.createdRequests("app")).containsExactly("app-1");
        assertThat(space.isReady("app")).isTrue();
    }

    @Test
    @Order(3)
    void vaultBackdatingLoopsOnCappedLifetime() throws Exception {
        CaseNamespace space = CaseNamespace.create(peers, observer, history, "dating-vault-loop");
        SkewedIssuerBackend backend =
                install(space, "vault-like", SkewedIssuerBackend.vaultLike(Duration.ofHours(720)));
        backend.allowSignatures(1);
        Instant before = clock.instant();

        space.apply(backend.issuer("vault-like", space.name()) + "---\n"
                + certificate("vault-like", "duration: 1440h\n  renewBefore: 720h"));
        PeerCluster.await("request app-2 waits for the used-up test issuer", LOOP_TIMEOUT,
                () -> readyMessage(space, "app-2").filter(SkewedIssuerBackend.PENDING_MESSAGE::equals).isPresent());
        Instant after = clock.instant();
        Thread.sleep(QUIET.toMillis());

        // The issuer cut the requested 1440h to 720h after signing and backdated notBefore by 30s, so the
        // certificate lives 720h0m30s and renewBefore 720h still applies: renewal 30s after notBefore.
        CertificateStatus status = space.certificate("app").getStatus();
        assertThat(status.getNotBefore()).isBetween(seconds(before).minusSeconds(30), after.minusSeconds(30));
        assertThat(status.getNotAfter()).isEqualTo(status.getNotBefore().plus(Duration.parse("PT720H30S")));
        assertThat(status.getRenewalTime()).isEqualTo(status.getNotBefore().plusSeconds(30));
        assertThat(space.revision("app")).isEqualTo(1);
        // The request after the loop can be created twice, as in the ACME case above.
        assertThat(space.createdRequests("app").stream().distinct().toList()).containsExactly("app-1", "app-2");
        String renewing = space.issuingStarts("app").get(space.issuingStarts("app").size() - 1);
        assertThat(renewing).startsWith(RENEWING);
        scheduledAt(renewing).ifPresent(scheduled -> assertThat(scheduled).isEqualTo(status.getRenewalTime()));
    }

    static Stream<Arguments> vaultLifetimesRenewingTwoThirdsThrough() {
        return Stream.of(
                Arguments.of("renewBefore unset", "dating-vault-unset", "duration: 1440h"),
                Arguments.of("renewBefore longer than the issued lifetime", "dating-vault-longer",
                        "duration: 1440h\n  renewBefore: 800h"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vaultLifetimesRenewingTwoThirdsThrough")
    @Order(4)
    void vaultCappedLifetimeRenewsTwoThirdsThrough(String description, String namespace, String lifetime)
            throws Exception {
        CaseNamespace space = CaseNamespace.create(peers, observer, history, namespace);
        SkewedIssuerBackend backend =
                install(space, "vault-like", SkewedIssuerBackend.vaultLike(Duration.ofHours(720)));

        space.apply(backend.issuer("vault-like", space.name()) + "---\n" + certificate("vault-like", lifetime));
        space.awaitReady("app");
        advanceAndWait(Duration.ofMinutes(10));

        // notAfter - lifetime/3 = (notBefore + 720h0m30s) - 240h0m10s.
        CertificateStatus status = space.certificate("app").getStatus();
        assertThat(status.getNotAfter()).isEqualTo(status.getNotBefore().plus(Duration.parse("PT720H30S")));
        assertThat(status.getRenewalTime()).isEqualTo(status.getNotBefore().plus(Duration.parse("PT480H20S")));
        assertThat(space.createdRequests("app")).containsExactly("app-1");
        assertThat(space.isReady("app")).isTrue();
    }

    @Test
    @Order(5)
    void futureNotBeforeIsReady() throws Exception {
        CaseNamespace space = CaseNamespace.create(peers, observer, history, "dating-ahead");
        SkewedIssuerBackend backend = install(space, "ahead", SkewedIssuerBackend.clockAhead(Duration.ofMinutes(10)));
        Instant before = clock.instant();

        space.apply(backend.issuer("ahead", space.name()) + "---\n"
                + certificate("ahead", "duration: 2160h\n  renewBefore: 720h"));
        space.awaitReady("app");
        Instant after = clock.instant();

        CertificateStatus status = space.certificate("app").getStatus();
        Instant notBefore = status.getNotBefore();
        assertThat(notBefore).isBetween(seconds(before).plus(Duration.ofMinutes(10)),
                after.plus(Duration.ofMinutes(10)));
        assertThat(status.getNotAfter()).isEqualTo(notBefore.plus(Duration.ofHours(2160)));
        assertThat(status.getRenewalTime()).isEqualTo(notBefore.plus(Duration.ofHours(1440)));
        CertificateCondition ready = space.condition("app", Conditions.READY).orElseThrow();
        assertThat(ready.getStatus()).isEqualTo(Conditions.TRUE);
        assertThat(ready.getMessage()).isEqualTo("Certificate is up to date and has not expired");
        assertThat(clock.instant()).isBefore(notBefore);

        advanceAndWait(Duration.ofMinutes(30));
        assertThat(space.createdRequests("app")).containsExactly("app-1");
        assertThat(space.isReady("app")).isTrue();
    }

    @Test
    @Order(6)
    void caIssuerDoesNotBackdate() throws Exception {
        CaseNamespace space = CaseNamespace.create(peers, observer, history, "dating-ca");
        space.apply("""
                apiVersion: cert-manager.io/v1
                kind: Issuer
                metadata: {name: selfsigned}
                spec: {selfSigned: {}}
                ---
                apiVersion: cert-manager.io/v1
                kind: Certificate
                metadata: {name: root}
                spec:
                  secretName: root-ca
                  isCA: true
                  commonName: Example Root
                  privateKey: {algorithm: ECDSA}
                  issuerRef: {name: selfsigned, kind: Issuer}
                ---
                apiVersion: cert-manager.io/v1
                kind: Issuer
                metadata: {name: int-ca}
                spec: {ca: {secretName: root-ca}}
                """);
        space.awaitReady("root");
        Instant before = clock.instant();

        space.apply(certificate("int-ca", "duration: 24h"));
        space.awaitReady("app");
        Instant after = clock.instant();

        X509Certificate leaf = leaf(space);
        Instant notBefore = leaf.getNotBefore().toInstant();
        assertThat(notBefore).isBetween(seconds(before), after);
        assertThat(leaf.getNotAfter().toInstant()).isEqualTo(notBefore.plus(Duration.ofHours(24)));
        assertThat(space.certificate("app").getStatus().getNotBefore()).isEqualTo(notBefore);
        assertThat(space.isReady("app")).isTrue();
    }

    private static String certificate(String issuer, String lifetime) {
        return """
                apiVersion: cert-manager.io/v1
                kind: Certificate
                metadata: {name: app}
                spec:
                  secretName: app-tls
                  dnsNames: [app.example.com]
                  privateKey: {algorithm: ECDSA}
                  issuerRef: {name: %s, kind: Issuer}
                  %s
                """.formatted(issuer, lifetime);
    }

    /** Makes {@code backend} serve the Issuer {@code issuer} of the case's namespace, on the runtime's clock. */
    private SkewedIssuerBackend install(CaseNamespace space, String issuer, SkewedIssuerBackend backend) {
        backend.useClock(clock);
        router.put(space.name(), issuer, backend);
        return backend;
    }

    /**
     * Jumps the runtime's clock forward, then waits long enough for the controller workers, which re-read the
     * clock at least once a second, to start any work that the jump made due.
     */
    private void advanceAndWait(Duration distance) throws InterruptedException {
        clock.jumpTo(clock.instant().plus(distance));
        Thread.sleep(QUIET.toMillis());
    }

    /** Returns whether the request of the revision after the Certificate's current one waits for a used-up issuer. */
    private static boolean waitsForUsedUpIssuer(CaseNamespace space) {
        Integer revision = space.findCertificate("app")
                .map(Certificate::getStatus)
                .map(CertificateStatus::getRevision)
                .orElse(null);
        return revision != null && readyMessage(space, "app-" + (revision + 1))
                .filter(SkewedIssuerBackend.PENDING_MESSAGE::equals)
                .isPresent();
    }

    /** Returns the message of the request's Ready condition as the observer last saw it. */
    private static Optional<String> readyMessage(CaseNamespace space, String request) {
        Optional<List<CertificateRequestCondition>> conditions = space.request(request)
                .map(CertificateRequest::getStatus)
                .map(status -> status.getConditions());
        return conditions.stream()
                .flatMap(List::stream)
                .filter(condition -> Conditions.READY.equals(condition.getType()))
                .findFirst()
                .map(CertificateRequestCondition::getMessage);
    }

    /**
     * Returns the time in a {@code Renewing} issuing start, or empty when the message reads {@code <nil>}. The
     * message shows the Certificate's {@code status.renewalTime} as the trigger controller read it, which can be
     * unset or an earlier revision's when the readiness controller has not yet written the new one. cert-manager
     * builds this message from {@code status.renewalTime} too.
     */
    private static Optional<Instant> scheduledAt(String renewing) {
        String time = renewing.substring(RENEWING.length());
        return time.equals("<nil>") ? Optional.empty() : Optional.of(GO_TIME.parse(time, Instant::from));
    }

    private static X509Certificate leaf(CaseNamespace space) {
        return CaseNamespace.leaf(space.secret("app-tls"));
    }

    /** Truncates a clock reading to whole seconds, the precision of an X.509 validity date. */
    private static Instant seconds(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS);
    }

    /**
     * Hands each Issuer's setup and signing to the test backend registered for it, so that one runtime serves
     * cases with different backends of the same issuer type. An Issuer without a backend stays not Ready.
     */
    private static final class IssuerRouter implements IssuerBackend {
        private final Map<String, SkewedIssuerBackend> backends = new ConcurrentHashMap<>();

        void put(String namespace, String issuer, SkewedIssuerBackend backend) {
            backends.put(namespace + "/" + issuer, backend);
        }

        @Override
        public IssuerSetupResult setup(IssuerContext context) {
            SkewedIssuerBackend backend = backends.get(key(context));
            if (backend == null) {
                return IssuerSetupResult.notReady("NoTestBackend",
                        "no test backend is registered for " + context.describe());
            }
            return backend.setup(context);
        }

        @Override
        public SignResult sign(CertificateRequest request, IssuerContext context) {
            SkewedIssuerBackend backend = backends.get(key(context));
            if (backend == null) {
                return new SignResult.Failed("NoTestBackend",
                        "no test backend is registered for " + context.describe());
            }
            return backend.sign(request, context);
        }

        private static String key(IssuerContext context) {
            return context.issuer().getMetadata().getNamespace() + "/" + context.issuer().getMetadata().getName();
        }
    }
}
