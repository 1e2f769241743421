package io.certwright.acme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.certwright.acme.account.AccountRegistry;
import io.certwright.acme.account.AccountSetup;
import io.certwright.acme.account.Acme4jRegistrar;
import io.certwright.acme.testing.PebbleServer;
import io.certwright.api.Json;
import io.certwright.api.model.ClusterIssuer;
import io.certwright.api.model.IssuerStatus;
import io.certwright.core.cluster.InMemoryCluster;
import io.certwright.core.cluster.ResourceKind;
import io.certwright.core.issuers.IssuerContext;
import io.certwright.core.issuers.IssuerSetupResult;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Registers ACME accounts with a Pebble that requires External Account Binding, as commercial ACME
 * CAs do. A ClusterIssuer with the CA's key identifier and HMAC key registers. One without a binding
 * or with a wrong key is rejected with ErrRegisterACMEAccount. Skipped when Pebble is not installed.
 */
class PebbleExternalAccountIT {
    private static final String RESOURCE_NAMESPACE = "cert-manager";
    private static final String KEY_ID = "kid-certwright";
    /** 48 random bytes, base64url without padding, as CAs hand out EAB keys. */
    private static final String HMAC_KEY = "zWNDZM6eQGHWpSRTPal5eIUYFTu7EajVIoguysqZ9wG44nMEtx3MUAsUDkMTQ12W";
    private static final String WRONG_HMAC_KEY = "AAAAZM6eQGHWpSRTPal5eIUYFTu7EajVIoguysqZ9wG44nMEtx3MUAsUDkMTQ12W";

    @TempDir
    static Path pebbleDirectory;

    private static PebbleServer pebble;

    private final InMemoryCluster cluster = new InMemoryCluster(Clock.systemUTC());
    private final AccountSetup setup = new AccountSetup(cluster, new Acme4jRegistrar(), new AccountRegistry());

    @BeforeAll
    static void startPebble() throws Exception {
        if (!PebbleServer.installed()) {
            // JUnit reports an aborted @BeforeAll as zero tests, so print the reason in the test output too.
            System.err.println("PebbleExternalAccountIT skipped: " + PebbleServer.SKIP_MESSAGE);
        }
        assumeTrue(PebbleServer.installed(), PebbleServer.SKIP_MESSAGE);
        pebble = PebbleServer.start(pebbleDirectory, Map.of("PEBBLE_EAB_KID", KEY_ID, "PEBBLE_EAB_HMAC_KEY", HMAC_KEY));
    }

    @AfterAll
    static void stopPebble() throws Exception {
        if (pebble != null) {
            pebble.close();
        }
    }

    @Test
    void bindingWithIssuedKeyRegisters() throws Exception {
        givenHmacSecret("eab-hmac", HMAC_KEY);

        IssuerSetupResult result = setup.setup(context(issuer("bound", "eab-hmac")));

        assertThat(result.message()).isEqualTo("The ACME account was registered with the ACME server");
        assertThat(result.reason()).isEqualTo(AccountSetup.REASON_REGISTERED);
        assertThat(result.acmeStatus().getUri()).startsWith(pebble.directoryUrl().replace("/dir", ""));
    }

    @Test
    void missingBindingIsRejectedByServer() throws Exception {
        IssuerSetupResult result = setup.setup(context(issuer("unbound", null)));

        assertThat(result.reason()).isEqualTo(AccountSetup.REASON_REGISTER_FAILED);
        assertThat(result.message()).startsWith("Failed to register ACME account: ").containsIgnoringCase("external");
    }

    @Test
    void bindingWithWrongKeyIsRejectedByServer() throws Exception {
        givenHmacSecret("eab-wrong", WRONG_HMAC_KEY);

        IssuerSetupResult result = setup.setup(context(issuer("wrong-key", "eab-wrong")));

        assertThat(result.reason()).isEqualTo(AccountSetup.REASON_REGISTER_FAILED);
        assertThat(result.message()).startsWith("Failed to register ACME account: ");
        assertThat(result.message()).doesNotContain(WRONG_HMAC_KEY);
    }

    private ClusterIssuer issuer(String name, String hmacSecretName) throws Exception {
        String binding = hmacSecretName == null ? "" : """
                    externalAccountBinding:
                      keyID: %s
                      keySecretRef: {name: %s, key: secret}
                """.formatted(KEY_ID, hmacSecretName);
        ClusterIssuer issuer = Json.yaml().readValue("""
                apiVersion: cert-manager.io/v1
                kind: ClusterIssuer
                metadata: {name: %s, uid: %s}
                spec:
                  acme:
                    server: %s
                    caBundle: %s
                    privateKeySecretRef: {name: %s-account}
                %s    solvers:
                    - http01: {ingress: {}}
                """.formatted(name, java.util.UUID.randomUUID(), pebble.directoryUrl(), pebble.caBundle(), name,
                binding), ClusterIssuer.class);
        issuer.setStatus(new IssuerStatus());
        return issuer;
    }

    private void givenHmacSecret(String name, String hmacKey) {
        Secret secret = new Secret();
        secret.setMetadata(new ObjectMeta());
        secret.getMetadata().setNamespace(RESOURCE_NAMESPACE);
        secret.getMetadata().setName(name);
        secret.setData(Map.of("secret", Base64.getEncoder().encodeToString(hmacKey.getBytes(StandardCharsets.US_ASCII))));
        cluster.create(ResourceKind.SECRET, secret);
    }

    private static IssuerContext context(ClusterIssuer issuer) {
        return new IssuerContext(issuer, RESOURCE_NAMESPACE);
    }
}
