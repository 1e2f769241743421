package io.certwright.acme.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.certwright.acme.testing.PebbleServer;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sends real requests to Pebble through {@link Acme4jClient} and checks that each is recorded with the
 * operation that sent it, its method, Pebble's host and port, and the response status. Skipped when Pebble
 * is not installed.
 */
class PebbleRequestMetricsIT {
    @TempDir
    static Path pebbleDirectory;

    private static PebbleServer pebble;

    private final List<AcmeRequestMetrics.Request> recorded = Collections.synchronizedList(new ArrayList<>());
    private String pebbleHost;
    private TlsTrust trust;

    @BeforeAll
    static void startPebble() throws Exception {
        if (!PebbleServer.installed()) {
            // JUnit reports an aborted @BeforeAll as zero tests, so the reason is printed to the test output too.
            System.err.println("PebbleRequestMetricsIT skipped: " + PebbleServer.SKIP_MESSAGE);
        }
        assumeTrue(PebbleServer.installed(), PebbleServer.SKIP_MESSAGE);
        pebble = PebbleServer.start(pebbleDirectory, Map.of());
    }

    @AfterAll
    static void stopPebble() throws Exception {
        if (pebble != null) {
            pebble.close();
        }
    }

    @BeforeEach
    void trustPebble() throws Exception {
        URI directory = URI.create(pebble.directoryUrl());
        pebbleHost = directory.getHost() + ":" + directory.getPort();
        byte[] pem = Base64.getDecoder().decode(pebble.caBundle());
        List<X509Certificate> certificates = new ArrayList<>();
        CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem))
                .forEach(certificate -> certificates.add((X509Certificate) certificate));
        trust = new TlsTrust.Bundle(certificates);
    }

    @Test
    void registrationRequestsCarryRegisterAccount() throws Exception {
        Acme4jClient.register(URI.create(pebble.directoryUrl()), trust, newKeyPair(), "", null, recorded::add);

        assertThat(recorded).isNotEmpty();
        assertThat(recorded).allSatisfy(request -> {
            assertThat(request.action()).isEqualTo("register_account");
            assertThat(request.scheme()).isEqualTo("https");
            assertThat(request.host()).isEqualTo(pebbleHost);
        });
        assertThat(recorded).extracting(request -> request.method() + " " + request.status())
                .contains("GET 200", "POST 201");
    }

    @Test
    void orderRequestsCarryTheirOperation() throws Exception {
        Acme4jClient client = Acme4jClient.register(URI.create(pebble.directoryUrl()), trust, newKeyPair(), "", null,
                recorded::add);
        recorded.clear();

        AcmeOrder order = client.newOrder(List.of(AcmeIdentifier.dns("metrics.example.com")), null, null);
        client.getOrder(order.url());
        client.getAuthorization(order.authorizationUrls().get(0));

        // Pebble's directory carries no expiry, so acme4j 4.0 fetches it again to look up the newOrder URL.
        // That GET belongs to authorize_order, and only the POSTs have a fixed sequence.
        assertThat(recorded).filteredOn(request -> request.method().equals("POST"))
                .extracting(request -> request.action() + " " + request.status())
                .containsExactly("authorize_order 201", "get_order 200", "get_authorization 200");
        assertThat(recorded).filteredOn(request -> !request.method().equals("POST"))
                .extracting(request -> request.action() + " " + request.method())
                .containsOnly("authorize_order GET");
        assertThat(recorded).allSatisfy(request -> assertThat(request.host()).isEqualTo(pebbleHost));
    }

    @Test
    void rejectedRequestKeepsServerStatus() throws Exception {
        Acme4jClient client = Acme4jClient.register(URI.create(pebble.directoryUrl()), trust, newKeyPair(), "", null,
                recorded::add);
        recorded.clear();

        String unknownOrder = pebble.directoryUrl().replace("/dir", "/my-order/no-such-order");
        try {
            client.getOrder(unknownOrder);
        } catch (AcmeClientException expected) {
            // Pebble returns 404 for an unknown order, and the client raises it as an AcmeClientException.
        }

        assertThat(recorded).extracting(request -> request.action() + " " + request.status())
                .containsExactly("get_order 404");
    }

    private static KeyPair newKeyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }
}
