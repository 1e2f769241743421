package io.certwright.core.certificates.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.certwright.core.certificates.ManualRenewal;
import io.certwright.core.cluster.ObjectKey;
import org.junit.jupiter.api.Test;

/** The revision manager keeps the newest {@code revisionHistoryLimit} requests, one when unset. */
class RevisionHistoryTest {
    private static final String CERTIFICATE = """
            apiVersion: cert-manager.io/v1
            kind: Certificate
            metadata: {name: app, namespace: demo}
            spec:
              secretName: app-tls
              dnsNames: [app.example.com]
              privateKey: {algorithm: ECDSA}
              issuerRef: {name: selfsigned, kind: Issuer}
            """;

    @Test
    void keepsOneRequestByDefault() {
        Scenario scenario = Scenario.create().apply(Scenario.SELF_SIGNED_ISSUER + "---\n" + CERTIFICATE);

        renewTwice(scenario);

        assertThat(scenario.requests("app")).extracting(r -> r.getMetadata().getName()).containsExactly("app-3");
    }

    @Test
    void keepsConfiguredNumberOfRequests() {
        Scenario scenario = Scenario.create().apply(Scenario.SELF_SIGNED_ISSUER + "---\n" + CERTIFICATE
                + "  revisionHistoryLimit: 2\n");

        renewTwice(scenario);

        assertThat(scenario.requests("app")).extracting(r -> r.getMetadata().getName())
                .containsExactlyInAnyOrder("app-2", "app-3");
    }

    private static void renewTwice(Scenario scenario) {
        for (int i = 0; i < 2; i++) {
            ManualRenewal.trigger(scenario.harness.cluster(), new ObjectKey("demo", "app"), scenario.harness.clock());
            scenario.harness.settle();
        }
        assertThat(scenario.revision("app")).isEqualTo(3);
    }
}
