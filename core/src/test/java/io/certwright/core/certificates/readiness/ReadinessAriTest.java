package io.certwright.core.certificates.readiness;

import static io.certwright.core.certificates.policies.CertificateFixtures.NAMESPACE;
import static io.certwright.core.certificates.policies.CertificateFixtures.NOW;
import static io.certwright.core.certificates.policies.CertificateFixtures.certificate;
import static io.certwright.core.certificates.policies.CertificateFixtures.rsaKey;
import static io.certwright.core.certificates.policies.CertificateFixtures.secret;
import static io.certwright.core.certificates.policies.CertificateFixtures.signed;
import static org.assertj.core.api.Assertions.assertThat;

import io.certwright.api.Annotations;
import io.certwright.api.model.ACMEIssuer;
import io.certwright.api.model.ARISuggestedWindow;
import io.certwright.api.model.CAIssuer;
import io.certwright.api.model.Certificate;
import io.certwright.api.model.CertificateACMEStatus;
import io.certwright.api.model.CertificateARIStatus;
import io.certwright.api.model.CertificateStatus;
import io.certwright.api.model.Issuer;
import io.certwright.api.model.IssuerSpec;
import io.certwright.core.certificates.ari.RenewalInfo;
import io.certwright.core.certificates.ari.RenewalInfoException;
import io.certwright.core.certificates.ari.RenewalInfoSource;
import io.certwright.core.cluster.Event;
import io.certwright.core.cluster.InMemoryCluster;
import io.certwright.core.cluster.ObjectKey;
import io.certwright.core.cluster.ResourceKind;
import io.certwright.core.controller.Result;
import io.certwright.core.time.MutableClock;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Secret;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The ACME Renewal Information step of the readiness controller, against a scripted renewalInfo source. */
class ReadinessAriTest {
    private static final Instant WINDOW_START = NOW.plus(Duration.ofDays(58)).plusMillis(250);
    private static final Instant WINDOW_END = NOW.plus(Duration.ofDays(60)).plusMillis(750);
    private static final String EXPLANATION = "https://acme.example/renewal-explained";

    private final MutableClock clock = new MutableClock(NOW);
    private final InMemoryCluster cluster = new InMemoryCluster(clock);
    private final ScriptedSource source = new ScriptedSource();
    private X509Certificate leaf;

    @Test
    void gateOffNeitherFetchesNorKeepsAcmeStatus() throws Exception {
        storeAcmeIssuer(null);
        Certificate stored = storeIssuedCertificate(status -> status.setAcme(staleAcmeStatus()));

        Result result = controller(false).reconcile(ObjectKey.of(stored));

        CertificateStatus status = reread().getStatus();
        assertThat(source.calls).isZero();
        assertThat(status.getAcme()).isNull();
        assertThat(status.getRenewalTime()).isEqualTo(leaf.getNotAfter().toInstant().minus(Duration.ofDays(30)));
        assertThat(result.requeueAfter()).isNull();
    }

    @Test
    void fetchStoresWindowAndRenewalTimeInside() throws Exception {
        storeAcmeIssuer(null);
        Certificate stored = storeIssuedCertificate(status -> { });
        source.respond(new RenewalInfo(WINDOW_START, WINDOW_END, EXPLANATION, Duration.ofHours(6)));

        Result result = controller(true).reconcile(ObjectKey.of(stored));

        CertificateARIStatus ari = reread().getStatus().getAcme().getAri();
        assertThat(source.calls).isEqualTo(1);
        assertThat(source.lastCertificate).isEqualTo(leaf);
        assertThat(ari.getSuggestedWindow().getStart()).isEqualTo(NOW.plus(Duration.ofDays(58)));
        assertThat(ari.getSuggestedWindow().getEnd()).isEqualTo(NOW.plus(Duration.ofDays(60)));
        assertThat(ari.getExplanationURL()).isEqualTo(EXPLANATION);
        assertThat(ari.getLastChecked()).isEqualTo(NOW);
        assertThat(ari.getLastError()).isNull();
        assertThat(ari.getNextCheck()).isBetween(NOW.plus(Duration.ofMinutes(324)), NOW.plus(Duration.ofMinutes(396)));
        Instant renewalTime = reread().getStatus().getRenewalTime();
        assertThat(renewalTime).isBetween(NOW.plus(Duration.ofDays(58)), NOW.plus(Duration.ofDays(60)));
        assertThat(renewalTime.getNano()).isZero();
        assertThat(result.requeueAfter()).isEqualTo(Duration.between(NOW, ari.getNextCheck()));
    }

    @Test
    void renewalTimeInsideWindowIsKept() throws Exception {
        storeAcmeIssuer(null);
        Instant existing = NOW.plus(Duration.ofDays(59));
        Certificate stored = storeIssuedCertificate(status -> status.setRenewalTime(existing));
        source.respond(new RenewalInfo(WINDOW_START, WINDOW_END, null, Duration.ZERO));

        controller(true).reconcile(ObjectKey.of(stored));

        assertThat(reread().getStatus().getRenewalTime()).isEqualTo(existing);
        assertThat(reread().getStatus().getAcme().getAri().getExplanationURL()).isNull();
    }

    @Test
    void renewalTimeOutsideWindowIsDrawnAgain() throws Exception {
        storeAcmeIssuer(null);
        Certificate stored = storeIssuedCertificate(status -> status.setRenewalTime(NOW.plus(Duration.ofDays(10))));
        source.respond(new RenewalInfo(WINDOW_START, WINDOW_END, null, Duration.ZERO));

        controller(true).reconcile(ObjectKey.of(stored));

        assertThat(reread().getStatus().getRenewalTime())
                .isBetween(NOW.plus(Duration.ofDays(58)), NOW.plus(Duration.ofDays(60)));
    }

    @Test
    void checkNotDueSkipsFetchAndUsesFormula() throws Exception {
        storeAcmeIssuer(null);
        Instant nextCheck = NOW.plus(Duration.ofHours(2));
        Certificate stored = storeIssuedCertificate(status -> status.setAcme(new CertificateACMEStatus().withAri(
                new CertificateARIStatus().withLastChecked(NOW.minus(Duration.ofHours(4))).withNextCheck(nextCheck)
                        .withSuggestedWindow(new ARISuggestedWindow().withStart(WINDOW_START).withEnd(WINDOW_END)))));

        Result result = controller(true).reconcile(ObjectKey.of(stored));

        assertThat(source.calls).isZero();
        assertThat(reread().getStatus().getAcme().getAri().getNextCheck()).isEqualTo(nextCheck);
        assertThat(reread().getStatus().getRenewalTime())
                .isEqualTo(leaf.getNotAfter().toInstant().minus(Duration.ofDays(30)));
        assertThat(result.requeueAfter()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void checkDueFetchesAgain() throws Exception {
        storeAcmeIssuer(null);
        Certificate stored = storeIssuedCertificate(status -> status.setAcme(new CertificateACMEStatus().withAri(
                new CertificateARIStatus().withLastChecked(NOW.minus(Duration.ofHours(6)))
                        .withNextCheck(NOW.minus(Duration.ofSeconds(1))))));
        source.respond(new RenewalInfo(WINDOW_START, WINDOW_END, null, Duration.ZERO));

        controller(true).reconcile(ObjectKey.of(stored));

        assertThat(source.calls).isEqualTo(1);
        assertThat(reread().getStatus().getAcme().getAri().getLastChecked()).isEqualTo(NOW);
    }

    @Test
    void windowOfEarlierCertificateIsFetchedAgain() throws Exception {
        storeAcmeIssuer(null);
        // lastChecked before the current certificate's notBefore: the stored window belongs to its predecessor.
        Certificate stored = storeIssuedCertificate(status -> status.setAcme(new CertificateACMEStatus().withAri(
                new CertificateARIStatus().withLastChecked(NOW.minus(Duration.ofDays(2)))
                        .withNextCheck(NOW.plus(Duration.ofHours(3))))));
        source.respond(new RenewalInfo(WINDOW_START, WINDOW_END, null, Duration.ZERO));

        controller(true).reconcile(ObjectKey.of(stored));

        assertThat(source.calls).isEqualTo(1);
    }

    @Test
    void serverWithoutAriClearsAcmeStatus() throws Exception {
        storeAcmeIssuer(null);
        Certificate stored = storeIssuedCertificate(status -> status.setAcme(staleAcmeStatus()));
        source.fail(RenewalInfoException.unsupportedByServer("the directory has no renewalInfo", null));

        Result result = controller(true).reconcile(ObjectKey.of(stored));

        assertThat(source.calls).isEqualTo(1);
        assertThat(reread().getStatus().getAcme()).isNull();
        assertThat(result.requeueAfter()).isNull();
        assertThat(events()).isEmpty();
    }

    @Test
    void fetchErrorSetsLastErrorAndWarns() throws Exception {
        storeAcmeIssuer(null);
        Certificate stored = storeIssuedCertificate(status -> { });
        source.fail(new RenewalInfoException("connection refused"));

        controller(true).reconcile(ObjectKey.of(stored));

        CertificateARIStatus ari = reread().getStatus().getAcme().getAri();
        assertThat(ari.getLastError()).isEqualTo("connection refused");
        assertThat(ari.getLastChecked()).isEqualTo(NOW);
        assertThat(ari.getSuggestedWindow()).isNull();
        assertThat(ari.getNextCheck()).isBetween(NOW.plus(Duration.ofMinutes(324)), NOW.plus(Duration.ofMinutes(396)));
        assertThat(reread().getStatus().getRenewalTime())
                .isEqualTo(leaf.getNotAfter().toInstant().minus(Duration.ofDays(30)));
        assertThat(events()).extracting(Event::type, Event::reason, Event::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Warning", "ARIError",
                        "Could not fetch ACME Renewal Information: connection refused"));
    }

    @Test
    void sourceNoneClearsAcmeStatusWithoutFetching() throws Exception {
        storeAcmeIssuer("None");
        Certificate stored = storeIssuedCertificate(status -> status.setAcme(staleAcmeStatus()));

        controller(true).reconcile(ObjectKey.of(stored));

        assertThat(source.calls).isZero();
        assertThat(reread().getStatus().getAcme()).isNull();
    }

    @Test
    void explicitAriSourceFetches() throws Exception {
        storeAcmeIssuer("ARI");
        Certificate stored = storeIssuedCertificate(status -> { });
        source.respond(new RenewalInfo(WINDOW_START, WINDOW_END, null, Duration.ZERO));

        controller(true).reconcile(ObjectKey.of(stored));

        assertThat(source.calls).isEqualTo(1);
    }

    @Test
    void foreignSecretIssuerClearsAcmeStatusAndWarns() throws Exception {
        storeAcmeIssuer(null);
        Certificate stored = storeIssuedCertificate(status -> status.setAcme(staleAcmeStatus()));
        Secret secret = cluster.get(ResourceKind.SECRET, NAMESPACE, "app-tls").orElseThrow();
        secret.getMetadata().getAnnotations().put(Annotations.ISSUER_NAME, "other");
        cluster.update(ResourceKind.SECRET, secret);

        controller(true).reconcile(ObjectKey.of(stored));

        assertThat(source.calls).isZero();
        assertThat(reread().getStatus().getAcme()).isNull();
        assertThat(events()).extracting(Event::reason, Event::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("ARIError", "Secret demo/app-tls does not have matching issuer"
                        + " annotations for Certificate demo/app"));
    }

    @Test
    void nonAcmeIssuerLeavesAcmeStatusAlone() throws Exception {
        Issuer issuer = issuer(new IssuerSpec().withCa(new CAIssuer().withSecretName("ca-key-pair")));
        cluster.create(ResourceKind.ISSUER, issuer);
        Certificate stored = storeIssuedCertificate(status -> status.setAcme(staleAcmeStatus()));

        controller(true).reconcile(ObjectKey.of(stored));

        assertThat(source.calls).isZero();
        assertThat(reread().getStatus().getAcme()).isEqualTo(staleAcmeStatus());
    }

    @Test
    void unsatisfiableRenewalWindowsKeepAriTimeAndRecordError() throws Exception {
        storeAcmeIssuer(null);
        Certificate stored = cluster.create(ResourceKind.CERTIFICATE, certificate(spec -> spec.setRenewal(
                new io.certwright.api.model.CertificateRenewal().withPolicy("RenewBefore").withWindows(List.of(
                        new io.certwright.api.model.CertificateRenewalWindow().withCron("0 3 1 1 *")
                                .withWindowDuration("1h"))))));
        storeSecret(stored);
        source.respond(new RenewalInfo(WINDOW_START, WINDOW_END, null, Duration.ofHours(1)));

        controller(true).reconcile(ObjectKey.of(stored));

        CertificateARIStatus ari = reread().getStatus().getAcme().getAri();
        assertThat(ari.getLastError()).startsWith("cannot find a time");
        assertThat(reread().getStatus().getRenewalTime())
                .isBetween(NOW.plus(Duration.ofDays(58)), NOW.plus(Duration.ofDays(60)));
        assertThat(events()).extracting(Event::reason).containsExactly("ARIError");
    }

    static Stream<Arguments> pollIntervals() {
        return Stream.of(
                Arguments.of("no Retry-After polls every 6 h", Duration.ZERO, Duration.ofHours(6)),
                Arguments.of("negative Retry-After polls every 6 h", Duration.ofSeconds(-5), Duration.ofHours(6)),
                Arguments.of("10 min is raised to 1 h", Duration.ofMinutes(10), Duration.ofHours(1)),
                Arguments.of("2 h is kept", Duration.ofHours(2), Duration.ofHours(2)),
                Arguments.of("30 d is lowered to 7 d", Duration.ofDays(30), Duration.ofDays(7)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pollIntervals")
    void nextCheckClampsAndJitters(String description, Duration retryAfter, Duration poll) {
        Duration spread = Duration.ofNanos((long) (poll.toNanos() * 0.1));

        assertThat(AriRenewal.nextCheck(NOW, retryAfter, new FractionRandom(0)))
                .isEqualTo(NOW.plus(poll).minus(spread));
        assertThat(AriRenewal.nextCheck(NOW, retryAfter, new FractionRandom(0.5))).isEqualTo(NOW.plus(poll));
        assertThat(AriRenewal.nextCheck(NOW, retryAfter, new FractionRandom(0.999_999)))
                .isBetween(NOW.plus(poll).plus(spread).minusSeconds(1), NOW.plus(poll).plus(spread));
    }

    private ReadinessController controller(boolean acmeUseAri) {
        return new ReadinessController(cluster, clock, source, acmeUseAri, new java.util.Random(7));
    }

    private void storeAcmeIssuer(String renewalInformationSource) {
        cluster.create(ResourceKind.ISSUER, issuer(new IssuerSpec().withAcme(new ACMEIssuer()
                .withServer("https://acme.example/directory").withRenewalInformationSource(renewalInformationSource))));
    }

    private static Issuer issuer(IssuerSpec spec) {
        Issuer issuer = new Issuer();
        ObjectMeta metadata = new ObjectMeta();
        metadata.setName("ca");
        metadata.setNamespace(NAMESPACE);
        metadata.setUid("issuer-uid");
        issuer.setMetadata(metadata);
        issuer.setSpec(spec);
        return issuer;
    }

    /** Stores Certificate demo/app, its issued Secret, and a status that {@code statusSetup} fills in. */
    private Certificate storeIssuedCertificate(java.util.function.Consumer<CertificateStatus> statusSetup)
            throws Exception {
        Certificate stored = cluster.create(ResourceKind.CERTIFICATE, certificate());
        storeSecret(stored);
        CertificateStatus status = new CertificateStatus();
        statusSetup.accept(status);
        stored.setStatus(status);
        return cluster.updateStatus(ResourceKind.CERTIFICATE, stored);
    }

    private void storeSecret(Certificate stored) throws Exception {
        leaf = signed(stored.getSpec(), rsaKey());
        cluster.create(ResourceKind.SECRET, secret(stored, rsaKey(), leaf));
    }

    private static CertificateACMEStatus staleAcmeStatus() {
        return new CertificateACMEStatus().withAri(new CertificateARIStatus().withLastError("old error"));
    }

    private Certificate reread() {
        return cluster.get(ResourceKind.CERTIFICATE, NAMESPACE, "app").orElseThrow();
    }

    private List<Event> events() {
        return cluster.eventsFor(ResourceKind.CERTIFICATE, NAMESPACE, "app");
    }

    /** A renewalInfo source that returns one scripted answer and counts its calls. */
    private static final class ScriptedSource implements RenewalInfoSource {
        private RenewalInfo response;
        private RenewalInfoException failure;
        private int calls;
        private X509Certificate lastCertificate;

        void respond(RenewalInfo info) {
            this.response = info;
        }

        void fail(RenewalInfoException exception) {
            this.failure = exception;
        }

        @Override
        public RenewalInfo fetch(io.certwright.api.model.CertManagerResource<IssuerSpec,
                io.certwright.api.model.IssuerStatus> issuer, X509Certificate certificate) throws RenewalInfoException {
            calls++;
            lastCertificate = certificate;
            if (failure != null) {
                throw failure;
            }
            if (response == null) {
                throw new AssertionError("renewalInfo fetched for " + issuer.getMetadata().getName()
                        + " but the test scripted no answer");
            }
            return response;
        }
    }

    /** Returns {@code fraction * bound} from every bounded draw, so that jitter bounds can be checked exactly. */
    private record FractionRandom(double fraction) implements RandomGenerator {
        @Override
        public long nextLong() {
            throw new UnsupportedOperationException("only bounded draws are expected");
        }

        @Override
        public long nextLong(long bound) {
            return (long) (fraction * bound);
        }
    }
}
