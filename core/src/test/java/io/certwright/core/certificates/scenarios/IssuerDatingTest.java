package io.certwright.core.certificates.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.certwright.api.Conditions;
import io.certwright.api.model.CertificateCondition;
import io.certwright.api.model.CertificateStatus;
import io.certwright.core.testing.Harness;
import io.certwright.core.testing.SkewedIssuerBackend;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Status dates, renewal and readiness follow the issued certificate's own notBefore and notAfter, not the
 * signing time or the requested duration. An issuer that backdates notBefore (Let's Encrypt by 1h, Vault
 * by 30s) can put the renewal time at or before the issuance. The Certificate then re-issues at once, again
 * and again, as cert-manager does, and these tests reproduce that loop on purpose. An issuer whose clock
 * runs ahead yields a notBefore in the future, which does not keep the Certificate from being Ready.
 * Issuance happens at {@link Harness#START}, called T below.
 */
class IssuerDatingTest {
    private static final Instant T = Harness.START;

    private static String certificate(String issuer, String lifetime) {
        return """
                apiVersion: cert-manager.io/v1
                kind: Certificate
                metadata: {name: app, namespace: demo}
                spec:
                  secretName: app-tls
                  dnsNames: [app.example.com]
                  privateKey: {algorithm: ECDSA}
                  issuerRef: {name: %s, kind: Issuer}
                  %s
                """.formatted(issuer, lifetime);
    }

    @Test
    void acmeBackdatingLoopsNearFullRenewBefore() {
        SkewedIssuerBackend backend = SkewedIssuerBackend.acmeLike();
        backend.allowSignatures(2);
        Scenario scenario = Scenario.create(backend.controllers()).apply(backend.issuer("acme-like") + "---\n"
                + certificate("acme-like", "duration: 2160h\n  renewBefore: 2159h50m"));

        CertificateStatus status = scenario.certificate("app").getStatus();
        assertThat(status.getNotBefore()).isEqualTo(T.minus(Duration.ofHours(1)));
        assertThat(status.getNotAfter()).isEqualTo(T.plus(Duration.ofHours(2159)));
        assertThat(status.getRenewalTime()).isEqualTo(T.minus(Duration.ofMinutes(50)));
        // Each issuance is renewed at once, without the clock moving: two signed revisions, and a third
        // request that waits only because the test issuer stops signing.
        assertThat(scenario.harness.clock().instant()).isEqualTo(T);
        assertThat(scenario.revision("app")).isEqualTo(2);
        assertThat(scenario.createdRequests()).containsExactly("app-1", "app-2", "app-3");
        assertThat(scenario.issuingStarts("app")).containsExactly(
                "DoesNotExist: Issuing certificate as Secret does not exist",
                "Renewing: Renewing certificate as renewal was scheduled at 2025-12-31 23:10:00 +0000 UTC",
                "Renewing: Renewing certificate as renewal was scheduled at 2025-12-31 23:10:00 +0000 UTC");
        CertificateCondition issuing = scenario.condition("app", Conditions.ISSUING).orElseThrow();
        assertThat(issuing.getStatus()).isEqualTo(Conditions.TRUE);
        assertThat(issuing.getReason()).isEqualTo("Renewing");
    }

    @Test
    void acmeBackdatingWithShorterRenewBefore() {
        SkewedIssuerBackend backend = SkewedIssuerBackend.acmeLike();
        Scenario scenario = Scenario.create(backend.controllers()).apply(backend.issuer("acme-like") + "---\n"
                + certificate("acme-like", "duration: 2160h\n  renewBefore: 720h"));

        scenario.advance(Duration.ofMinutes(10));

        CertificateStatus status = scenario.certificate("app").getStatus();
        assertThat(status.getNotBefore()).isEqualTo(T.minus(Duration.ofHours(1)));
        assertThat(status.getNotAfter()).isEqualTo(T.plus(Duration.ofHours(2159)));
        assertThat(status.getRenewalTime()).isEqualTo(T.plus(Duration.ofHours(1439)));
        assertThat(scenario.createdRequests()).containsExactly("app-1");
        assertThat(scenario.isReady("app")).isTrue();
    }

    @Test
    void vaultBackdatingLoopsOnCappedLifetime() {
        SkewedIssuerBackend backend = SkewedIssuerBackend.vaultLike(Duration.ofHours(720));
        backend.allowSignatures(1);
        Scenario scenario = Scenario.create(backend.controllers()).apply(backend.issuer("vault-like") + "---\n"
                + certificate("vault-like", "duration: 1440h\n  renewBefore: 720h"));

        // The issuer cut the requested 1440h to 720h after signing and backdated notBefore by 30s, so the
        // certificate lives 720h0m30s and renewBefore 720h still applies: renewal 30s after notBefore.
        CertificateStatus status = scenario.certificate("app").getStatus();
        assertThat(status.getNotBefore()).isEqualTo(T.minusSeconds(30));
        assertThat(status.getNotAfter()).isEqualTo(T.plus(Duration.ofHours(720)));
        assertThat(status.getRenewalTime()).isEqualTo(status.getNotBefore().plusSeconds(30));
        assertThat(scenario.createdRequests()).containsExactly("app-1", "app-2");
        assertThat(scenario.issuingStarts("app")).last().isEqualTo(
                "Renewing: Renewing certificate as renewal was scheduled at 2026-01-01 00:00:00 +0000 UTC");
        assertThat(scenario.harness.clock().instant()).isEqualTo(T);
    }

    static Stream<Arguments> vaultLifetimesRenewingTwoThirdsThrough() {
        return Stream.of(
                Arguments.of("renewBefore unset", "duration: 1440h"),
                Arguments.of("renewBefore longer than the issued lifetime", "duration: 1440h\n  renewBefore: 800h"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vaultLifetimesRenewingTwoThirdsThrough")
    void vaultCappedLifetimeRenewsTwoThirdsThrough(String description, String lifetime) {
        SkewedIssuerBackend backend = SkewedIssuerBackend.vaultLike(Duration.ofHours(720));
        Scenario scenario = Scenario.create(backend.controllers()).apply(backend.issuer("vault-like") + "---\n"
                + certificate("vault-like", lifetime));

        scenario.advance(Duration.ofMinutes(10));

        // notAfter - lifetime/3 = (T + 720h) - 240h0m10s.
        CertificateStatus status = scenario.certificate("app").getStatus();
        assertThat(status.getRenewalTime()).isEqualTo(T.minusSeconds(30).plus(Duration.parse("PT480H20S")));
        assertThat(scenario.createdRequests()).containsExactly("app-1");
        assertThat(scenario.isReady("app")).isTrue();
    }

    @Test
    void futureNotBeforeIsReady() {
        SkewedIssuerBackend backend = SkewedIssuerBackend.clockAhead(Duration.ofMinutes(10));
        Scenario scenario = Scenario.create(backend.controllers()).apply(backend.issuer("ahead") + "---\n"
                + certificate("ahead", "duration: 2160h\n  renewBefore: 720h"));

        Instant notBefore = T.plus(Duration.ofMinutes(10));
        CertificateStatus status = scenario.certificate("app").getStatus();
        assertThat(status.getNotBefore()).isEqualTo(notBefore);
        assertThat(status.getNotAfter()).isEqualTo(notBefore.plus(Duration.ofHours(2160)));
        assertThat(status.getRenewalTime()).isEqualTo(notBefore.plus(Duration.ofHours(1440)));
        CertificateCondition ready = scenario.condition("app", Conditions.READY).orElseThrow();
        assertThat(ready.getStatus()).isEqualTo(Conditions.TRUE);
        assertThat(ready.getMessage()).isEqualTo("Certificate is up to date and has not expired");
        assertThat(scenario.harness.clock().instant()).isBefore(notBefore);

        scenario.advance(Duration.ofMinutes(30));
        assertThat(scenario.createdRequests()).containsExactly("app-1");
    }

    @Test
    void caIssuerDoesNotBackdate() {
        Scenario scenario = Scenario.create();
        Instant signingTime = T.plusMillis(12_345);
        scenario.harness.clock().set(signingTime);

        scenario.apply(Scenario.CA_ISSUER + "---\n" + certificate("int-ca", "duration: 24h"));

        X509Certificate leaf = Scenario.leaf(scenario.secret("app-tls"));
        Instant notBefore = leaf.getNotBefore().toInstant();
        assertThat(notBefore).isEqualTo(T.plusSeconds(12));
        assertThat(leaf.getNotAfter().toInstant()).isEqualTo(notBefore.plus(Duration.ofHours(24)));
        assertThat(scenario.certificate("app").getStatus().getNotBefore()).isEqualTo(notBefore);
        assertThat(scenario.isReady("app")).isTrue();
    }
}
