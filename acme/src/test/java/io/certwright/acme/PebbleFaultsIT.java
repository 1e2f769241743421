package io.certwright.acme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.sun.net.httpserver.HttpServer;
import io.certwright.acme.testing.PebbleRig;
import io.certwright.acme.testing.PebbleServer;
import io.certwright.api.Conditions;
import io.certwright.api.model.Certificate;
import io.certwright.api.model.CertificateCondition;
import io.certwright.api.model.CertificateRequest;
import io.certwright.api.model.CertificateRequestCondition;
import io.certwright.api.model.Challenge;
import io.certwright.api.model.ChallengeStatus;
import io.certwright.api.model.Order;
import io.certwright.api.model.States;
import io.certwright.core.cluster.ResourceKind;
import io.certwright.core.time.AdvancingClock;
import io.fabric8.kubernetes.api.model.Secret;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Drives the ACME issuer into the faults an ACME server produces, with Pebble on 127.0.0.1: rejected nonces,
 * slow validation, and an HTTP-01 challenge that Pebble cannot validate, and checks that each ends in
 * cert-manager's states, reasons and failed-issuance backoff. Each test starts its own Pebble, because the
 * faults are Pebble settings. The controllers run on a {@link io.certwright.acme.testing.AdvancingClock}, so
 * the hour of backoff passes in one jump. Skipped when Pebble is not installed.
 *
 * <p>To make Pebble's validation fail while the self-check passes, challtestsrv points the failing name at
 * 127.0.0.2, where a responder returns a wrong key authorization. The self-check still reaches the real
 * responder on 127.0.0.1. A name whose self-check goes to 127.0.0.3, where nothing listens, gives a Challenge
 * that never gets past the self-check.
 */
class PebbleFaultsIT {
    private static final String NAMESPACE = "demo";
    private static final String ISSUER = "pebble";
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final String WRONG_RESPONDER_IP = "127.0.0.2";
    private static final String SILENT_IP = "127.0.0.3";
    private static final String ACME4J_CONNECTION_LOGGER = "org.shredzone.acme4j.connector.DefaultConnection";

    @TempDir
    Path work;

    private PebbleServer pebble;
    private PebbleRig rig;
    private HttpServer wrongResponder;
    private final Map<String, ChallengeStatus> lastChallengeStatus = new ConcurrentHashMap<>();

    @BeforeEach
    void requirePebble() {
        boolean installed = PebbleServer.installed();
        if (!installed) {
            // JUnit reports an aborted test without its reason in the summary, so print it too.
            System.err.println(PebbleServer.SKIP_MESSAGE);
        }
        assumeTrue(installed, PebbleServer.SKIP_MESSAGE);
    }

    @AfterEach
    void stopEverything() throws Exception {
        if (rig != null) {
            rig.close();
        }
        if (wrongResponder != null) {
            wrongResponder.stop(0);
        }
        if (pebble != null) {
            pebble.close();
        }
    }

    @Test
    void rejectedNoncesAreRetried() throws Exception {
        ListAppender<ILoggingEvent> acme4jLog = new ListAppender<>();
        acme4jLog.start();
        Logger connectionLogger = (Logger) LoggerFactory.getLogger(ACME4J_CONNECTION_LOGGER);
        Level configuredLevel = connectionLogger.getLevel();
        connectionLogger.setLevel(Level.INFO);
        connectionLogger.addAppender(acme4jLog);
        try {
            start(Map.of("PEBBLE_WFE_NONCEREJECT", "40"), null);
            rig.createIssuer(ISSUER);
            createCertificate("web", "web.certwright.test");

            rig.awaitCondition(NAMESPACE, "web", Conditions.READY, Conditions.TRUE, TIMEOUT);
        } finally {
            connectionLogger.detachAppender(acme4jLog);
            connectionLogger.setLevel(configuredLevel);
        }

        // acme4j retries a badNonce itself, up to 10 times, and logs each retry.
        long retries = acme4jLog.list.stream()
                .filter(event -> event.getMessage().startsWith("Bad Replay Nonce, trying again")).count();
        assertThat(retries).as("badNonce retries by acme4j").isPositive();
        Certificate web = rig.certificate(NAMESPACE, "web");
        assertThat(web.getStatus().getFailedIssuanceAttempts()).isNull();
        assertThat(web.getStatus().getLastFailureTime()).isNull();
        assertThat(rig.requestsOf(NAMESPACE, "web")).hasSize(1);
        assertThat(rig.ordersOf(NAMESPACE, "web")).extracting(order -> order.getStatus().getState())
                .containsExactly(States.VALID);
    }

    @Test
    void slowValidationEndsValid() throws Exception {
        start(Map.of("PEBBLE_VA_NOSLEEP", "", "PEBBLE_VA_SLEEPTIME", "4"), null);
        rig.createIssuer(ISSUER);
        createCertificate("web", "web.certwright.test", "www.certwright.test");

        rig.awaitCondition(NAMESPACE, "web", Conditions.READY, Conditions.TRUE, TIMEOUT);

        assertThat(pebble.log()).contains("Sleeping for");
        List<ChallengeStatus> finished = new ArrayList<>(lastChallengeStatus.values());
        assertThat(finished).hasSize(2);
        for (ChallengeStatus status : finished) {
            assertThat(status.getState()).isEqualTo(States.VALID);
            assertThat(status.getReason()).isEqualTo("Successfully authorized domain");
        }
        Order order = rig.ordersOf(NAMESPACE, "web").get(0);
        assertThat(order.getStatus().getState()).isEqualTo(States.VALID);
        assertThat(rig.eventReasons(ResourceKind.ORDER, NAMESPACE, order.getMetadata().getName()))
                .contains("Created", "Complete");
        assertThat(rig.certificate(NAMESPACE, "web").getStatus().getFailedIssuanceAttempts()).isNull();
    }

    @Test
    void invalidAuthorizationFailsOnlyItsCertificate() throws Exception {
        start(Map.of(), domain -> domain.startsWith("stuck.") ? new InetSocketAddress(SILENT_IP, pebble.http01Port())
                : rig.responderAddress());
        startWrongResponder();
        pebble.pointHostAt("bad.certwright.test", WRONG_RESPONDER_IP);
        rig.createIssuer(ISSUER);
        createCertificate("bad", "bad.certwright.test");
        createCertificate("stuck", "stuck.certwright.test");
        createCertificate("good", "good.certwright.test");

        rig.awaitCondition(NAMESPACE, "good", Conditions.READY, Conditions.TRUE, TIMEOUT);
        CertificateCondition issuing = rig.awaitCondition(NAMESPACE, "bad", Conditions.ISSUING, Conditions.FALSE,
                TIMEOUT);

        // The Challenge: invalid with the server's error, and no longer processing.
        Challenge badChallenge = onlyChallengeFor("bad.certwright.test");
        assertThat(badChallenge.getStatus().getState()).isEqualTo(States.INVALID);
        assertThat(badChallenge.getStatus().getReason())
                .startsWith("Error accepting authorization: ")
                .contains("key authorization file from the server did not match this challenge");
        rig.await("bad Challenge cleaned up", TIMEOUT, () -> Optional.of(onlyChallengeFor("bad.certwright.test"))
                .filter(challenge -> Boolean.FALSE.equals(challenge.getStatus().getProcessing())));
        assertThat(rig.eventReasons(ResourceKind.CHALLENGE, NAMESPACE, badChallenge.getMetadata().getName()))
                .contains("Presented", "Failed");

        // The Order: the server's invalid state, with a failure time.
        Order badOrder = onlyElement(rig.ordersOf(NAMESPACE, "bad"));
        assertThat(badOrder.getStatus().getState()).isEqualTo(States.INVALID);
        assertThat(badOrder.getStatus().getFailureTime()).isNotNull();

        // The CertificateRequest: failed for good, with the Order's state in the message.
        CertificateRequest badRequest = onlyElement(rig.requestsOf(NAMESPACE, "bad"));
        CertificateRequestCondition requestReady = PebbleRig.condition(badRequest, Conditions.READY).orElseThrow();
        assertThat(requestReady.getStatus()).isEqualTo(Conditions.FALSE);
        assertThat(requestReady.getReason()).isEqualTo(Conditions.REASON_FAILED);
        assertThat(requestReady.getMessage()).startsWith("Failed to wait for order resource \""
                + badOrder.getMetadata().getName() + "\" to become ready: order is in \"invalid\" state: ");
        assertThat(badRequest.getStatus().getFailureTime()).isNotNull();
        assertThat(rig.eventReasons(ResourceKind.CERTIFICATE_REQUEST, NAMESPACE, badRequest.getMetadata().getName()))
                .contains("OrderFailed");

        // The Certificate: Issuing=False with the failure fields that start the backoff.
        assertThat(issuing.getReason()).isEqualTo(Conditions.REASON_FAILED);
        assertThat(issuing.getMessage()).startsWith(
                "The certificate request has failed to complete and will be retried: Failed to wait for order resource");
        Certificate bad = rig.certificate(NAMESPACE, "bad");
        assertThat(bad.getStatus().getLastFailureTime()).isNotNull();
        assertThat(bad.getStatus().getFailedIssuanceAttempts()).isEqualTo(1);
        assertThat(rig.condition(NAMESPACE, "bad", Conditions.READY).orElseThrow().getStatus())
                .isEqualTo(Conditions.FALSE);

        // The Challenge that never passes its self-check keeps waiting, and blocked nothing else.
        Challenge stuckChallenge = rig.await("stuck Challenge waiting for its self-check", TIMEOUT,
                () -> challengesFor("stuck.certwright.test").stream()
                        .filter(challenge -> challenge.getStatus() != null && challenge.getStatus().getReason() != null)
                        .findFirst());
        assertThat(stuckChallenge.getStatus().getState()).isEqualTo(States.PENDING);
        assertThat(stuckChallenge.getStatus().getProcessing()).isTrue();
        assertThat(stuckChallenge.getStatus().getReason()).startsWith("Waiting for HTTP-01 challenge propagation: ");
        assertThat(rig.condition(NAMESPACE, "stuck", Conditions.ISSUING).orElseThrow().getStatus())
                .isEqualTo(Conditions.TRUE);

        // No new attempt inside the hour of backoff.
        rig.jump(Duration.ofMinutes(59));
        Thread.sleep(3000);
        assertThat(rig.requestsOf(NAMESPACE, "bad")).extracting(request -> request.getMetadata().getUid())
                .containsExactly(badRequest.getMetadata().getUid());
        assertThat(rig.ordersOf(NAMESPACE, "bad")).extracting(order -> order.getMetadata().getUid())
                .containsExactly(badOrder.getMetadata().getUid());
        assertThat(rig.condition(NAMESPACE, "bad", Conditions.ISSUING).orElseThrow().getStatus())
                .isEqualTo(Conditions.FALSE);
        assertThat(rig.certificate(NAMESPACE, "bad").getStatus().getFailedIssuanceAttempts()).isEqualTo(1);

        // After the hour: a new request and a new Order, which succeed now that the name resolves correctly.
        pebble.resetHost("bad.certwright.test");
        rig.jump(Duration.ofMinutes(2));
        rig.awaitCondition(NAMESPACE, "bad", Conditions.READY, Conditions.TRUE, TIMEOUT);
        Order retried = onlyElement(rig.ordersOf(NAMESPACE, "bad"));
        assertThat(retried.getMetadata().getUid()).isNotEqualTo(badOrder.getMetadata().getUid());
        assertThat(retried.getStatus().getState()).isEqualTo(States.VALID);
        Certificate issued = rig.certificate(NAMESPACE, "bad");
        assertThat(issued.getStatus().getFailedIssuanceAttempts()).isNull();
        assertThat(issued.getStatus().getLastFailureTime()).isNull();
    }

    @Test
    void failedRenewalRetriesAfterBackoff() throws Exception {
        // With the duration feature, each Order requests notAfter = the controllers' clock + 90 days. Pebble
        // signs from the real time, so the certificate issued after the jump below is due for renewal only
        // after the jumped clock, and the renewal does not repeat.
        start(Map.of(), null);
        startWrongResponder();
        rig.createIssuer(ISSUER, true);
        createCertificateWithSpec("web", "duration: 2160h", "web.certwright.test");
        rig.awaitCondition(NAMESPACE, "web", Conditions.READY, Conditions.TRUE, TIMEOUT);
        Secret firstSecret = rig.cluster().get(ResourceKind.SECRET, NAMESPACE, "web-tls").orElseThrow();
        assertThat(rig.certificate(NAMESPACE, "web").getStatus().getRevision()).isEqualTo(1);

        // Renewal falls due 60 days in (a third of 90 days before notAfter); Pebble now rejects the name.
        pebble.pointHostAt("web.certwright.test", WRONG_RESPONDER_IP);
        rig.jump(Duration.ofDays(61));
        CertificateCondition issuing = rig.await("renewal of demo/web failed", TIMEOUT,
                () -> rig.condition(NAMESPACE, "web", Conditions.ISSUING)
                        .filter(condition -> Conditions.REASON_FAILED.equals(condition.getReason())));

        assertThat(issuing.getStatus()).isEqualTo(Conditions.FALSE);
        assertThat(issuing.getMessage()).startsWith(
                "The certificate request has failed to complete and will be retried: Failed to wait for order resource");
        CertificateCondition ready = rig.condition(NAMESPACE, "web", Conditions.READY).orElseThrow();
        assertThat(ready.getStatus()).isEqualTo(Conditions.TRUE);
        assertThat(ready.getMessage()).isEqualTo(Conditions.MESSAGE_CERTIFICATE_READY);
        Certificate web = rig.certificate(NAMESPACE, "web");
        assertThat(web.getStatus().getRevision()).isEqualTo(1);
        assertThat(web.getStatus().getFailedIssuanceAttempts()).isEqualTo(1);
        assertThat(web.getStatus().getLastFailureTime()).isNotNull();
        assertThat(rig.cluster().get(ResourceKind.SECRET, NAMESPACE, "web-tls").orElseThrow().getData())
                .isEqualTo(firstSecret.getData());

        CertificateRequest failedRequest = onlyElement(rig.requestsOf(NAMESPACE, "web").stream()
                .filter(request -> "2".equals(request.getMetadata().getAnnotations()
                        .get("cert-manager.io/certificate-revision"))).toList());
        Order failedOrder = onlyElement(rig.ordersOfRequest(failedRequest));
        assertThat(failedOrder.getStatus().getState()).isEqualTo(States.INVALID);
        CertificateRequestCondition requestReady = PebbleRig.condition(failedRequest, Conditions.READY).orElseThrow();
        assertThat(requestReady.getReason()).isEqualTo(Conditions.REASON_FAILED);
        assertThat(requestReady.getMessage()).startsWith("Failed to wait for order resource \""
                + failedOrder.getMetadata().getName() + "\" to become ready: order is in \"invalid\" state: ");
        assertThat(rig.eventReasons(ResourceKind.CERTIFICATE_REQUEST, NAMESPACE,
                failedRequest.getMetadata().getName())).contains("OrderFailed");
        Challenge failedChallenge = rig.await("failed Challenge no longer processing", TIMEOUT,
                () -> Optional.of(onlyChallengeFor("web.certwright.test"))
                        .filter(challenge -> Boolean.FALSE.equals(challenge.getStatus().getProcessing())));
        assertThat(failedChallenge.getStatus().getState()).isEqualTo(States.INVALID);
        assertThat(failedChallenge.getStatus().getReason()).startsWith("Error accepting authorization: ");

        // After the hour of backoff a new request runs with a new Order; the failed Order is not reused.
        pebble.resetHost("web.certwright.test");
        rig.jump(Duration.ofMinutes(61));
        rig.await("demo/web at revision 2", TIMEOUT, () -> Optional.of(rig.certificate(NAMESPACE, "web"))
                .filter(certificate -> Integer.valueOf(2).equals(certificate.getStatus().getRevision())));
        // The retry's request has the same name (<certificate>-<revision>) and an Order spec that differs only in
        // the CSR, which the Order name's hash leaves out as cert-manager's does, so the new Order reuses the name.
        CertificateRequest renewedRequest = onlyElement(rig.requestsOf(NAMESPACE, "web").stream()
                .filter(request -> "2".equals(request.getMetadata().getAnnotations()
                        .get("cert-manager.io/certificate-revision"))).toList());
        assertThat(renewedRequest.getMetadata().getUid()).isNotEqualTo(failedRequest.getMetadata().getUid());
        Order renewed = onlyElement(rig.ordersOfRequest(renewedRequest));
        assertThat(renewed.getMetadata().getName()).isEqualTo(failedOrder.getMetadata().getName());
        assertThat(renewed.getMetadata().getUid()).isNotEqualTo(failedOrder.getMetadata().getUid());
        assertThat(renewed.getSpec().getRequest()).isNotEqualTo(failedOrder.getSpec().getRequest());
        assertThat(renewed.getStatus().getState()).isEqualTo(States.VALID);
        assertThat(rig.cluster().get(ResourceKind.SECRET, NAMESPACE, "web-tls").orElseThrow().getData().get("tls.crt"))
                .isNotEqualTo(firstSecret.getData().get("tls.crt"));
        Certificate renewedCertificate = rig.certificate(NAMESPACE, "web");
        assertThat(renewedCertificate.getStatus().getFailedIssuanceAttempts()).isNull();
        assertThat(renewedCertificate.getStatus().getRenewalTime()).isAfter(rig.clock().instant());
    }

    private void start(Map<String, String> environment, Function<String, InetSocketAddress> selfCheckAddress)
            throws Exception {
        pebble = PebbleServer.start(work.resolve("pebble"), environment);
        rig = PebbleRig.start(pebble, selfCheckAddress);
        rig.cluster().addListener((kind, before, after) -> {
            if (after instanceof Challenge challenge && challenge.getStatus() != null
                    && challenge.getStatus().getState() != null) {
                lastChallengeStatus.put(challenge.getMetadata().getName(), challenge.getStatus());
            }
        });
    }

    /**
     * Serves a wrong key authorization for every HTTP-01 request on 127.0.0.2 at Pebble's validation port.
     * Call it after {@link #start}, which picks the port.
     */
    private void startWrongResponder() throws Exception {
        wrongResponder = HttpServer.create(new InetSocketAddress(WRONG_RESPONDER_IP, pebble.http01Port()), 0);
        wrongResponder.createContext("/", exchange -> {
            byte[] body = "wrong-key-authorization".getBytes(StandardCharsets.US_ASCII);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        wrongResponder.start();
    }

    private void createCertificate(String name, String... dnsNames) {
        createCertificateWithSpec(name, "", dnsNames);
    }

    /** Creates a Certificate from the issuer; {@code extraSpec} is one more line of its spec, or empty. */
    private void createCertificateWithSpec(String name, String extraSpec, String... dnsNames) {
        rig.apply(ResourceKind.CERTIFICATE, """
                apiVersion: cert-manager.io/v1
                kind: Certificate
                metadata: {name: %s, namespace: %s}
                spec:
                  secretName: %s-tls
                  dnsNames: [%s]
                  issuerRef: {name: %s, kind: ClusterIssuer}
                  %s
                """.formatted(name, NAMESPACE, name, String.join(", ", dnsNames), ISSUER, extraSpec),
                Certificate.class);
    }

    private Challenge onlyChallengeFor(String dnsName) {
        return onlyElement(challengesFor(dnsName));
    }

    private List<Challenge> challengesFor(String dnsName) {
        return rig.cluster().list(ResourceKind.CHALLENGE, NAMESPACE).stream()
                .filter(challenge -> dnsName.equals(challenge.getSpec().getDnsName())).toList();
    }

    private <T> T onlyElement(List<T> list) {
        if (list.size() != 1) {
            throw new AssertionError("expected exactly one element, got " + list.size() + "; state: " + rig.dump());
        }
        return list.get(0);
    }
}
