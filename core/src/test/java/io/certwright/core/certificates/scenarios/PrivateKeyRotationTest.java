package io.certwright.core.certificates.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.certwright.api.Conditions;
import io.certwright.core.certificates.ManualRenewal;
import io.certwright.core.cluster.Event;
import io.certwright.core.cluster.ObjectKey;
import io.certwright.pki.KeyAlgorithm;
import io.certwright.pki.PrivateKeys;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;

/**
 * Private key rotation: every issuance gets a new key by default ({@code rotationPolicy: Always}); with
 * {@code Never} the key is reused, and a key that no longer matches the spec needs the user to act.
 */
class PrivateKeyRotationTest {
    private static final String NEVER = """
            apiVersion: cert-manager.io/v1
            kind: Certificate
            metadata: {name: app, namespace: demo}
            spec:
              secretName: app-tls
              dnsNames: [app.example.com]
              issuerRef: {name: selfsigned, kind: Issuer}
              privateKey: {algorithm: RSA, size: 2048, rotationPolicy: Never}
            """;

    @Test
    void neverPolicyKeySizeChangeNeedsUserAction() {
        Scenario scenario = Scenario.create().apply(Scenario.SELF_SIGNED_ISSUER + "---\n" + NEVER);

        scenario.apply(NEVER.replace("size: 2048", "size: 4096"));

        assertMismatchWaitsForUser(scenario, "[spec.privateKey.size]");
    }

    @Test
    void neverPolicyAlgorithmChangeNeedsUserAction() {
        Scenario scenario = Scenario.create().apply(Scenario.SELF_SIGNED_ISSUER + "---\n" + NEVER);

        scenario.apply(NEVER.replace("algorithm: RSA, size: 2048", "algorithm: ECDSA"));

        assertMismatchWaitsForUser(scenario, "[spec.privateKey.algorithm]");
    }

    @Test
    void alwaysPolicyKeySizeChangeIssuesNewKey() {
        String always = NEVER.replace("rotationPolicy: Never", "rotationPolicy: Always");
        Scenario scenario = Scenario.create().apply(Scenario.SELF_SIGNED_ISSUER + "---\n" + always);

        scenario.apply(always.replace("size: 2048", "size: 4096"));

        assertThat(scenario.createdRequests()).containsExactly("app-1", "app-2");
        assertThat(scenario.revision("app")).isEqualTo(2);
        assertThat(PrivateKeys.algorithmOf(Scenario.privateKey(scenario.secret("app-tls")))).isEqualTo(KeyAlgorithm.RSA);
        assertThat(PrivateKeys.sizeOf(Scenario.privateKey(scenario.secret("app-tls")))).isEqualTo(4096);
        assertThat(PrivateKeys.publicKeysEqual(Scenario.leaf(scenario.secret("app-tls")).getPublicKey(),
                PrivateKeys.publicKeyOf(Scenario.privateKey(scenario.secret("app-tls"))))).isTrue();
        assertThat(scenario.isReady("app")).isTrue();
    }

    @Test
    void manualRenewalRotatesKeyByDefault() {
        String defaultPolicy = NEVER.replace("privateKey: {algorithm: RSA, size: 2048, rotationPolicy: Never}\n", "");
        Scenario scenario = Scenario.create().apply(Scenario.SELF_SIGNED_ISSUER + "---\n" + defaultPolicy);
        PublicKey first = Scenario.leaf(scenario.secret("app-tls")).getPublicKey();

        ManualRenewal.trigger(scenario.harness.cluster(), new ObjectKey("demo", "app"), scenario.harness.clock());
        scenario.harness.settle();

        assertThat(scenario.revision("app")).isEqualTo(2);
        assertThat(scenario.isReady("app")).isTrue();
        assertThat(scenario.eventReasons("app")).filteredOn("Generated"::equals).hasSize(2);
        Event generated = scenario.events("app").stream().filter(event -> "Generated".equals(event.reason()))
                .reduce((earlier, later) -> later).orElseThrow();
        assertThat(generated.type()).isEqualTo("Normal");
        assertThat(generated.message()).startsWith("Stored new private key in temporary Secret resource \"app-");
        assertThat(PrivateKeys.publicKeysEqual(Scenario.leaf(scenario.secret("app-tls")).getPublicKey(), first))
                .isFalse();
    }

    @Test
    void manualRenewalReusesKeyWithNeverPolicy() {
        Scenario scenario = Scenario.create().apply(Scenario.SELF_SIGNED_ISSUER + "---\n" + NEVER);
        X509Certificate first = Scenario.leaf(scenario.secret("app-tls"));

        ManualRenewal.trigger(scenario.harness.cluster(), new ObjectKey("demo", "app"), scenario.harness.clock());
        scenario.harness.settle();

        X509Certificate second = Scenario.leaf(scenario.secret("app-tls"));
        assertThat(scenario.revision("app")).isEqualTo(2);
        assertThat(scenario.isReady("app")).isTrue();
        Event reused = scenario.event("app", "Reused").orElseThrow();
        assertThat(reused.type()).isEqualTo("Normal");
        assertThat(reused.message()).isEqualTo("Reusing private key stored in existing Secret resource \"app-tls\"");
        assertThat(second.getPublicKey().getEncoded()).isEqualTo(first.getPublicKey().getEncoded());
        assertThat(second.getSerialNumber()).isNotEqualTo(first.getSerialNumber());
    }

    @Test
    void neverPolicyWithoutSecretGeneratesKey() {
        Scenario scenario = Scenario.create().apply(Scenario.SELF_SIGNED_ISSUER + "---\n" + NEVER);

        assertThat(scenario.eventReasons("app")).contains("Generated");
        assertThat(PrivateKeys.algorithmOf(Scenario.privateKey(scenario.secret("app-tls")))).isEqualTo(KeyAlgorithm.RSA);
    }

    private static void assertMismatchWaitsForUser(Scenario scenario, String fields) {
        String message = "Existing private key is not up to date for spec: " + fields;
        assertThat(scenario.issuingStarts("app")).last().isEqualTo("SecretMismatch: " + message);
        assertThat(scenario.condition("app", Conditions.READY).orElseThrow().getReason()).isEqualTo("SecretMismatch");
        assertThat(scenario.condition("app", Conditions.READY).orElseThrow().getStatus()).isEqualTo(Conditions.FALSE);
        Event warning = scenario.event("app", "CannotRegenerateKey").orElseThrow();
        assertThat(warning.type()).isEqualTo("Warning");
        assertThat(warning.message()).startsWith("User intervention required: existing private key in Secret"
                + " \"app-tls\" does not match requirements on Certificate resource, mismatching fields: " + fields);
        assertThat(scenario.certificate("app").getStatus().getNextPrivateKeySecretName()).isNull();
        assertThat(scenario.nextKeySecrets()).isEmpty();
        assertThat(scenario.createdRequests()).containsExactly("app-1");
        assertThat(PrivateKeys.algorithmOf(Scenario.privateKey(scenario.secret("app-tls")))).isEqualTo(KeyAlgorithm.RSA);
        assertThat(PrivateKeys.sizeOf(Scenario.privateKey(scenario.secret("app-tls")))).isEqualTo(2048);
    }
}
