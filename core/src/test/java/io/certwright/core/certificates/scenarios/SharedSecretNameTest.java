package io.certwright.core.certificates.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.certwright.api.Annotations;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Two Certificates naming the same Secret: only the owner (the one the Secret names, else the oldest)
 * issues, so they do not overwrite each other's certificate in a loop.
 */
class SharedSecretNameTest {
    private static final String FIRST = """
            apiVersion: cert-manager.io/v1
            kind: Certificate
            metadata: {name: first, namespace: demo}
            spec:
              secretName: shared-tls
              dnsNames: [first.example.com]
              privateKey: {algorithm: ECDSA}
              issuerRef: {name: selfsigned, kind: Issuer}
            """;

    @Test
    void onlyOwnerIssues() {
        Scenario scenario = Scenario.create().apply(Scenario.SELF_SIGNED_ISSUER + "---\n" + FIRST);
        scenario.advance(Duration.ofSeconds(1));

        scenario.apply(FIRST.replace("first", "second"));
        scenario.advance(Duration.ofMinutes(30));

        assertThat(scenario.createdRequests()).containsExactly("first-1");
        assertThat(scenario.issuingStarts("second")).isEmpty();
        assertThat(Scenario.annotations(scenario.secret("shared-tls")))
                .containsEntry(Annotations.CERTIFICATE_NAME, "first");
    }
}
