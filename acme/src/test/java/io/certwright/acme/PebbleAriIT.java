package io.certwright.acme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.certwright.acme.ari.AriCertId;
import io.certwright.acme.client.Acme4jClient;
import io.certwright.acme.client.AcmeClientException;
import io.certwright.acme.client.AcmeIdentifier;
import io.certwright.acme.client.TlsTrust;
import io.certwright.acme.testing.PebbleRig;
import io.certwright.acme.testing.PebbleServer;
import io.certwright.api.Conditions;
import io.certwright.api.Json;
import io.certwright.api.SecretKeys;
import io.certwright.api.model.ARISuggestedWindow;
import io.certwright.api.model.Certificate;
import io.certwright.api.model.CertificateARIStatus;
import io.certwright.api.model.ClusterIssuer;
import io.certwright.api.model.Order;
import io.certwright.api.model.States;
import io.certwright.core.cluster.ResourceKind;
import io.certwright.core.time.AdvancingClock;
import io.certwright.pki.Pem;
import io.certwright.pki.PrivateKeys;
import io.fabric8.kubernetes.api.model.Secret;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ACME Renewal Information (RFC 9773) against a real Pebble that serves it: the Pebble that
 * {@code scripts/acme/build-pebble} builds, because Debian's pebble 2.4 has no {@code renewalInfo}. With the
 * feature gate {@code ACMEUseARI} on, the readiness controller stores Pebble's suggested window; a window
 * that Pebble's management interface moves into the past makes the trigger renew, and the new Order names the
 * old certificate in {@code replaces}, which Pebble accepts. The controllers run on a
 * {@link io.certwright.acme.testing.AdvancingClock}, so the 6 h ARI poll passes in one jump. Skipped when that
 * Pebble has not been built or pebble-challtestsrv is missing.
 */
class PebbleAriIT {
    private static final String NAMESPACE = "demo";
    private static final String ISSUER = "pebble-ari";
    private static final String DNS_NAME = "ari.certwright.test";
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final String PEBBLE_VERSION = "v2.10.3";
    private static final String ALREADY_REPLACED = "urn:ietf:params:acme:error:alreadyReplaced";

    @TempDir
    Path work;

    private PebbleServer pebble;
    private PebbleRig rig;
    private Properties pebbleEnv;

    @BeforeEach
    void requireAriPebble() {
        Path binary = ariPebble();
        boolean available = Files.isExecutable(binary) && PebbleServer.installed();
        String skip = "Pebble ARI integration test skipped: " + binary + " is missing (run scripts/acme/build-pebble)"
                + " or pebble-challtestsrv is not installed (apt-get install -y pebble)";
        if (!available) {
            // JUnit reports an aborted test without its reason in the summary, so print it too.
            System.err.println(skip);
        }
        assumeTrue(available, skip);
    }

    @AfterEach
    void stopEverything() throws Exception {
        if (rig != null) {
            rig.close();
        }
        if (pebble != null) {
            pebble.close();
        }
    }

    @Test
    void windowStoredThenRenewalReplacesCertificate() throws Exception {
        pebble = PebbleServer.start(work.resolve("pebble"), Map.of("PEBBLE_BIN", ariPebble().toString()));
        pebbleEnv = readPebbleEnv(work.resolve("pebble"));
        rig = PebbleRig.start(pebble, null, PebbleRig.defaultOptions().withAcmeUseAri(true));
        rig.createIssuer(ISSUER);
        createCertificate();

        rig.awaitCondition(NAMESPACE, "web", Conditions.READY, Conditions.TRUE, TIMEOUT);
        X509Certificate first = currentLeaf();
        CertificateARIStatus ari = awaitAriWindow(first);

        Window pebbleWindow = fetchRenewalInfo(first);
        assertThat(ari.getSuggestedWindow().getStart()).isEqualTo(pebbleWindow.start().truncatedTo(ChronoUnit.SECONDS));
        assertThat(ari.getSuggestedWindow().getEnd()).isEqualTo(pebbleWindow.end().truncatedTo(ChronoUnit.SECONDS));
        assertThat(ari.getLastError()).isNull();
        Instant checked = ari.getLastChecked();
        // 6 h of Retry-After with up to 10 % jitter, plus a minute for seconds truncated and test time.
        assertThat(ari.getNextCheck())
                .isBetween(checked.plus(Duration.ofMinutes(323)), checked.plus(Duration.ofMinutes(397)));
        Instant renewalTime = rig.certificate(NAMESPACE, "web").getStatus().getRenewalTime();
        assertThat(renewalTime).isBetween(ari.getSuggestedWindow().getStart(), ari.getSuggestedWindow().getEnd());
        assertThat(rig.ordersOf(NAMESPACE, "web")).singleElement()
                .satisfies(order -> assertThat(order.getSpec().getReplaces()).isNull());

        // Pebble now suggests renewing in a window that opened a second after the certificate's notBefore. The
        // wait keeps the next certificate's notBefore after the window's start, so that the trigger ignores the
        // window once that certificate is in place, as it ignores every window that starts before notBefore.
        Instant windowStart = first.getNotBefore().toInstant().plusSeconds(1);
        waitUntil(windowStart.plusSeconds(2));
        setRenewalInfo(first, windowStart, windowStart.plusSeconds(60));
        rig.jump(Duration.ofHours(7));

        X509Certificate second = rig.await("a renewed certificate", TIMEOUT, () -> Optional.of(currentLeaf())
                .filter(leaf -> !leaf.getSerialNumber().equals(first.getSerialNumber())));
        rig.await("status.revision 2", TIMEOUT, () -> Optional.of(rig.certificate(NAMESPACE, "web"))
                .filter(certificate -> Integer.valueOf(2).equals(certificate.getStatus().getRevision())));
        rig.awaitCondition(NAMESPACE, "web", Conditions.READY, Conditions.TRUE, TIMEOUT);

        String firstCertId = AriCertId.of(first);
        Order renewal = rig.ordersOf(NAMESPACE, "web").stream()
                .filter(order -> firstCertId.equals(order.getSpec().getReplaces())).findFirst()
                .orElseThrow(() -> new AssertionError("no Order replaces " + firstCertId + "; state: " + rig.dump()));
        assertThat(renewal.getStatus().getState()).isEqualTo(States.VALID);

        assertThat(rig.eventReasons(ResourceKind.CERTIFICATE, NAMESPACE, "web")).doesNotContain("ARIError");
        assertThat(Pem.parseCertificates(renewal.getStatus().getCertificate()).get(0).getSerialNumber())
                .isEqualTo(second.getSerialNumber());

        // The trigger ignores the old window, which starts before the new certificate's notBefore. The next poll
        // fetches the new certificate's window. The jumped clock is ahead of Pebble's, so lastChecked never looks
        // older than the new notBefore, and only a poll that is due fetches again here.
        rig.jump(Duration.ofHours(7));
        Instant renewedStart = rig.await("the renewed certificate's window", TIMEOUT, () -> Optional.ofNullable(
                rig.certificate(NAMESPACE, "web").getStatus().getAcme())
                .map(acme -> acme.getAri())
                .map(CertificateARIStatus::getSuggestedWindow)
                .map(ARISuggestedWindow::getStart)
                .filter(start -> start.isAfter(second.getNotBefore().toInstant().plus(Duration.ofDays(58)))));
        assertThat(renewedStart).isBefore(second.getNotAfter().toInstant());
        assertThat(rig.certificate(NAMESPACE, "web").getStatus().getRevision()).isEqualTo(2);
        assertThat(rig.condition(NAMESPACE, "web", Conditions.ISSUING)).isEmpty();

        // Pebble recorded the replacement: a second order that replaces the first certificate is rejected.
        assertThatExceptionOfType(AcmeClientException.class)
                .isThrownBy(() -> accountClient().newOrder(List.of(AcmeIdentifier.dns(DNS_NAME)), null, null,
                        firstCertId))
                .satisfies(e -> assertThat(e.problemType()).isEqualTo(ALREADY_REPLACED));
    }

    private static void waitUntil(Instant instant) throws InterruptedException {
        long millis = Duration.between(Instant.now(), instant).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }

    private static Path ariPebble() {
        String cache = System.getenv().getOrDefault("CERTWRIGHT_PEERS_CACHE",
                System.getProperty("user.home") + "/.cache/certwright/peers");
        return Path.of(cache, "pebble-" + PEBBLE_VERSION, "pebble");
    }

    private void createCertificate() {
        rig.apply(ResourceKind.CERTIFICATE, """
                apiVersion: cert-manager.io/v1
                kind: Certificate
                metadata: {name: web, namespace: %s}
                spec:
                  secretName: web-tls
                  dnsNames: [%s]
                  issuerRef: {name: %s, kind: ClusterIssuer}
                  revisionHistoryLimit: 5
                """.formatted(NAMESPACE, DNS_NAME, ISSUER), Certificate.class);
    }

    private X509Certificate currentLeaf() {
        Secret secret = rig.cluster().get(ResourceKind.SECRET, NAMESPACE, "web-tls").orElseThrow();
        try {
            return Pem.parseCertificates(Base64.getDecoder().decode(secret.getData().get(SecretKeys.TLS_CERT))).get(0);
        } catch (Exception e) {
            throw new AssertionError("Secret " + NAMESPACE + "/web-tls holds no certificate: " + e.getMessage(), e);
        }
    }

    private CertificateARIStatus awaitAriWindow(X509Certificate leaf) throws InterruptedException {
        return rig.await("status.acme.ari of Certificate web", TIMEOUT, () -> {
            Certificate certificate = rig.certificate(NAMESPACE, "web");
            if (certificate.getStatus() == null || certificate.getStatus().getAcme() == null
                    || certificate.getStatus().getAcme().getAri() == null) {
                return Optional.empty();
            }
            CertificateARIStatus ari = certificate.getStatus().getAcme().getAri();
            ARISuggestedWindow window = ari.getSuggestedWindow();
            boolean forLeaf = ari.getLastChecked() != null
                    && !ari.getLastChecked().isBefore(leaf.getNotBefore().toInstant());
            return window != null && forLeaf ? Optional.of(ari) : Optional.empty();
        });
    }

    private record Window(Instant start, Instant end) {
    }

    /** Asks Pebble for the leaf's renewal information directly, as the oracle for what the controller stored. */
    private Window fetchRenewalInfo(X509Certificate leaf) throws Exception {
        Map<?, ?> directory = Json.json().readValue(get(pebbleEnv.getProperty("PEBBLE_DIRECTORY_URL")), Map.class);
        String url = directory.get("renewalInfo") + "/" + AriCertId.of(leaf);
        Map<?, ?> window = (Map<?, ?>) Json.json().readValue(get(url), Map.class).get("suggestedWindow");
        return new Window(Instant.parse((String) window.get("start")), Instant.parse((String) window.get("end")));
    }

    /** Overrides Pebble's renewalInfo response for {@code leaf} through its management interface. */
    private void setRenewalInfo(X509Certificate leaf, Instant start, Instant end) throws Exception {
        String ariResponse = "{\"suggestedWindow\":{\"start\":\"" + start + "\",\"end\":\"" + end + "\"}}";
        String body = Json.json().writeValueAsString(Map.of(
                "Certificate", Pem.encodeCertificates(List.of(leaf)), "ARIResponse", ariResponse));
        HttpResponse<String> response = httpClient().send(HttpRequest.newBuilder(
                URI.create(pebbleEnv.getProperty("PEBBLE_MANAGEMENT_URL") + "/set-renewal-info/"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("POST /set-renewal-info/ on Pebble's management interface returned "
                    + response.statusCode() + ": " + response.body());
        }
    }

    /** Returns an ACME client for the issuer's account, with the key the issuer controller stored. */
    private Acme4jClient accountClient() throws Exception {
        Secret accountKey = rig.cluster().get(ResourceKind.SECRET, PebbleRig.CLUSTER_RESOURCE_NAMESPACE,
                ISSUER + "-account").orElseThrow();
        PrivateKey privateKey = PrivateKeys.parsePem(Base64.getDecoder().decode(accountKey.getData().get("tls.key")));
        ClusterIssuer issuer = rig.cluster().get(ResourceKind.CLUSTER_ISSUER, null, ISSUER).orElseThrow();
        return Acme4jClient.login(URI.create(pebbleEnv.getProperty("PEBBLE_DIRECTORY_URL")), tlsTrust(),
                new KeyPair(PrivateKeys.publicKeyOf(privateKey), privateKey),
                URI.create(issuer.getStatus().getAcme().getUri()));
    }

    private String get(String url) throws Exception {
        HttpResponse<String> response = httpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + url + " returned " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private HttpClient httpClient() throws Exception {
        SSLContext context = tlsTrust().sslContext();
        return HttpClient.newBuilder().sslContext(context).build();
    }

    private TlsTrust tlsTrust() throws Exception {
        byte[] pem = Files.readAllBytes(Path.of(pebbleEnv.getProperty("PEBBLE_TLS_CA")));
        return new TlsTrust.Bundle(Pem.parseCertificates(pem));
    }

    private static Properties readPebbleEnv(Path dir) throws IOException {
        Properties env = new Properties();
        try (var reader = Files.newBufferedReader(dir.resolve("pebble.env"), StandardCharsets.UTF_8)) {
            env.load(reader);
        }
        return env;
    }
}
