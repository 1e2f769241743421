package io.certwright.acme.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.certwright.acme.client.AcmeClient;
import io.certwright.acme.client.AcmeClientException;
import io.certwright.acme.client.ExternalAccountKey;
import io.certwright.acme.client.TlsTrust;
import io.certwright.acme.testing.AcmeFixtures;
import io.certwright.acme.testing.FakeAcmeClient;
import io.certwright.api.model.ACMEExternalAccountBinding;
import io.certwright.api.model.ACMEIssuerStatus;
import io.certwright.api.model.ClusterIssuer;
import io.certwright.api.model.IssuerStatus;
import io.certwright.api.model.SecretKeySelector;
import io.certwright.core.cluster.InMemoryCluster;
import io.certwright.core.cluster.ResourceKind;
import io.certwright.core.issuers.IssuerConditions;
import io.certwright.core.issuers.IssuerContext;
import io.certwright.core.issuers.IssuerSetupResult;
import io.certwright.pki.KeyAlgorithm;
import io.certwright.pki.KeyEncoding;
import io.certwright.pki.PrivateKeys;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Secret;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccountSetupTest {
    private static final String NAMESPACE = "cert-manager";

    private final InMemoryCluster cluster = new InMemoryCluster(Clock.fixed(AcmeFixtures.NOW, ZoneOffset.UTC));
    private final FakeRegistrar registrar = new FakeRegistrar();
    private final AccountRegistry registry = new AccountRegistry();
    private final AccountSetup setup = new AccountSetup(cluster, registrar, registry);
    private final ClusterIssuer issuer = AcmeFixtures.clusterIssuer("acme-test", "[]");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "https://acme-v01.api.letsencrypt.org/directory",
            "https://acme-v01.api.letsencrypt.org/directory/",
            "https://acme-staging.api.letsencrypt.org/directory",
            "https://acme-staging.api.letsencrypt.org/directory/"})
    void letsEncryptV1UrlIsInvalidConfig(String server) {
        issuer.getSpec().getAcme().setServer(server);

        IssuerSetupResult result = setup.setup(context());

        assertThat(result.ready()).isEqualTo(IssuerSetupResult.FALSE);
        assertThat(result.reason()).isEqualTo(AccountSetup.REASON_INVALID_CONFIG);
        assertThat(result.message()).startsWith("Your ACME server URL is set to a v1 endpoint (" + server + ")");
        assertThat(result.error()).isNull();
        assertThat(registrar.calls).isEmpty();
        assertThat(cluster.list(ResourceKind.SECRET, null)).isEmpty();
    }

    @Test
    void missingKeyIsGeneratedAndAccountRegistered() throws Exception {
        issuer.getSpec().getAcme().setEmail("Admin@Example.com");

        IssuerSetupResult result = setup.setup(context());

        assertThat(result.reason()).isEqualTo(AccountSetup.REASON_REGISTERED);
        assertThat(result.message()).isEqualTo("The ACME account was registered with the ACME server");
        assertThat(registrar.calls).containsExactly("register admin@example.com");
        Secret secret = cluster.get(ResourceKind.SECRET, NAMESPACE, "acme-test-account").orElseThrow();
        assertThat(secret.getMetadata().getLabels()).containsEntry("app.kubernetes.io/managed-by", "cert-manager");
        String pem = new String(Base64.getDecoder().decode(secret.getData().get("tls.key")), StandardCharsets.US_ASCII);
        assertThat(pem).startsWith("-----BEGIN RSA PRIVATE KEY-----");
        ACMEIssuerStatus status = result.acmeStatus();
        assertThat(issuer.getStatus().getAcme()).as("the issuer in the context is left unchanged").isNull();
        assertThat(status.getUri()).isEqualTo("https://acme.test/account/1");
        assertThat(status.getLastRegisteredEmail()).isEqualTo("Admin@Example.com");
        assertThat(status.getLastPrivateKeyHash()).isEqualTo(pkcs1Hash(pem));
        assertThat(registry.get("acme-test-uid")).isPresent();
    }

    @Test
    void disabledKeyGenerationWithoutSecretFailsVerify() {
        issuer.getSpec().getAcme().setDisableAccountKeyGeneration(true);

        IssuerSetupResult result = setup.setup(context());

        assertThat(result.reason()).isEqualTo(AccountSetup.REASON_VERIFY_FAILED);
        assertThat(result.message()).contains("'disableAccountKeyGeneration' set to true, but the secret was not found");
        assertThat(registrar.calls).isEmpty();
    }

    @Test
    void ecdsaAccountKeyIsRejected() {
        givenKeySecret(PrivateKeys.generate(KeyAlgorithm.ECDSA, 256));

        IssuerSetupResult result = setup.setup(context());

        assertThat(result.reason()).isEqualTo(AccountSetup.REASON_VERIFY_FAILED);
        assertThat(result.message()).isEqualTo("Failed to verify ACME account: ACME private key in \"acme-test-account\""
                + " is not of type RSA");
        assertThat(result.error()).isNull();
    }

    @Test
    void rejectedRegistrationIsNotRetried() {
        registrar.failure = new AcmeClientException("registering the ACME account failed: invalid contact", true,
                "urn:ietf:params:acme:error:invalidContact");

        IssuerSetupResult result = setup.setup(context());

        assertThat(result.reason()).isEqualTo(AccountSetup.REASON_REGISTER_FAILED);
        assertThat(result.error()).isNull();
        assertThat(registry.get("acme-test-uid")).isEmpty();
    }

    @Test
    void unreachableServerIsRetried() {
        registrar.failure = new AcmeClientException("registering the ACME account failed: connection refused", false, null);

        IssuerSetupResult result = setup.setup(context());

        assertThat(result.reason()).isEqualTo(AccountSetup.REASON_REGISTER_FAILED);
        assertThat(result.error()).contains("connection refused");
    }

    @Test
    void readyIssuerWithSameAccountSkipsRegistration() {
        applyAcmeStatus(setup.setup(context()));
        IssuerConditions.set(issuer, IssuerConditions.READY, "True", AccountSetup.REASON_REGISTERED, "", 1, AcmeFixtures.NOW);
        registrar.calls.clear();

        IssuerSetupResult result = setup.setup(context());

        assertThat(result.isReady()).isTrue();
        assertThat(registrar.calls).containsExactly("login https://acme.test/account/1");
    }

    @Test
    void changedEmailRegistersAgain() {
        applyAcmeStatus(setup.setup(context()));
        IssuerConditions.set(issuer, IssuerConditions.READY, "True", AccountSetup.REASON_REGISTERED, "", 1, AcmeFixtures.NOW);
        registrar.calls.clear();
        issuer.getSpec().getAcme().setEmail("new@example.com");

        IssuerSetupResult result = setup.setup(context());

        assertThat(registrar.calls).containsExactly("register new@example.com");
        assertThat(result.acmeStatus().getLastRegisteredEmail()).isEqualTo("new@example.com");
    }

    /** Writes the result's {@code status.acme} to the issuer, as the issuer controller does. */
    private void applyAcmeStatus(IssuerSetupResult result) {
        issuer.getStatus().setAcme(result.acmeStatus());
    }

    @Test
    void externalAccountBindingKeyIsPassedToRegistration() {
        byte[] hmacKey = "a-32-byte-hmac-key-for-the-test!".getBytes(StandardCharsets.US_ASCII);
        givenExternalAccountBinding("kid-7", Base64.getUrlEncoder().withoutPadding().encodeToString(hmacKey));

        IssuerSetupResult result = setup.setup(context());

        assertThat(result.reason()).isEqualTo(AccountSetup.REASON_REGISTERED);
        assertThat(registrar.externalAccount.keyId()).isEqualTo("kid-7");
        assertThat(registrar.externalAccount.hmacKey()).isEqualTo(hmacKey);
        assertThat(registrar.externalAccount.toString()).doesNotContain("a-32-byte");
    }

    @Test
    void missingExternalAccountBindingSecretFailsRegistration() {
        givenExternalAccountBinding("kid-7", null);

        IssuerSetupResult result = setup.setup(context());

        assertThat(result.ready()).isEqualTo(IssuerSetupResult.FALSE);
        assertThat(result.reason()).isEqualTo(AccountSetup.REASON_REGISTER_FAILED);
        assertThat(result.message()).isEqualTo("Failed to register ACME account: external account binding key not"
                + " found: key \"secret\" of Secret cert-manager/eab does not exist; store the HMAC key your ACME CA"
                + " issued there");
        assertThat(result.error()).as("no retry until the issuer or the Secret changes").isNull();
        assertThat(registrar.calls).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"YWJjZA==", "not base64url!"})
    void undecodableExternalAccountBindingKeyFailsRegistration(String value) {
        givenExternalAccountBinding("kid-7", value);

        IssuerSetupResult result = setup.setup(context());

        assertThat(result.reason()).isEqualTo(AccountSetup.REASON_REGISTER_FAILED);
        assertThat(result.message()).startsWith("Failed to register ACME account: external account binding key in"
                + " key \"secret\" of Secret cert-manager/eab is not base64url without padding");
        assertThat(result.message()).doesNotContain(value);
        assertThat(registrar.calls).isEmpty();
    }

    @Test
    void missingDns01SolverSecretIsInvalidSolver() {
        ClusterIssuer withSolver = AcmeFixtures.clusterIssuer("acme-test", "[{dns01: {rfc2136: {nameserver: \"127.0.0.1:53\","
                + " tsigKeyName: k, tsigSecretSecretRef: {name: tsig, key: secret}}}}]");
        withSolver.setStatus(new IssuerStatus());

        IssuerSetupResult result = setup.setup(new IssuerContext(withSolver, NAMESPACE));

        assertThat(result.ready()).isEqualTo(IssuerSetupResult.FALSE);
        assertThat(result.reason()).isEqualTo("InvalidSolver");
        assertThat(result.message()).contains("spec.acme.solvers[0].dns01.rfc2136.tsigSecretSecretRef")
                .contains("Secret cert-manager/tsig not found");
        assertThat(registrar.calls).isEmpty();
    }

    @Test
    void dns01SolverSecretWithoutKeyIsInvalidSolver() {
        ClusterIssuer withSolver = AcmeFixtures.clusterIssuer("acme-test", "[{dns01: {rfc2136: {nameserver: \"127.0.0.1:53\","
                + " tsigKeyName: k, tsigSecretSecretRef: {name: tsig, key: secret}}}}]");
        withSolver.setStatus(new IssuerStatus());
        Secret tsig = new Secret();
        tsig.setMetadata(new ObjectMeta());
        tsig.getMetadata().setNamespace(NAMESPACE);
        tsig.getMetadata().setName("tsig");
        tsig.setData(Map.of("other", "eA=="));
        cluster.create(ResourceKind.SECRET, tsig);

        IssuerSetupResult first = setup.setup(new IssuerContext(withSolver, NAMESPACE));
        tsig = cluster.get(ResourceKind.SECRET, NAMESPACE, "tsig").orElseThrow();
        tsig.setData(Map.of("secret", "eA=="));
        cluster.update(ResourceKind.SECRET, tsig);
        IssuerSetupResult second = setup.setup(new IssuerContext(withSolver, NAMESPACE));

        assertThat(first.reason()).isEqualTo("InvalidSolver");
        assertThat(first.message()).contains("Secret cert-manager/tsig has no key \"secret\"");
        assertThat(second.reason()).isEqualTo(AccountSetup.REASON_REGISTERED);
    }

    private void givenExternalAccountBinding(String keyId, String secretValue) {
        ACMEExternalAccountBinding binding = new ACMEExternalAccountBinding();
        binding.setKeyID(keyId);
        SecretKeySelector reference = new SecretKeySelector();
        reference.setName("eab");
        reference.setKey("secret");
        binding.setKeySecretRef(reference);
        issuer.getSpec().getAcme().setExternalAccountBinding(binding);
        if (secretValue != null) {
            Secret secret = new Secret();
            secret.setMetadata(new ObjectMeta());
            secret.getMetadata().setNamespace(NAMESPACE);
            secret.getMetadata().setName("eab");
            secret.setData(Map.of("secret",
                    Base64.getEncoder().encodeToString(secretValue.getBytes(StandardCharsets.US_ASCII))));
            cluster.create(ResourceKind.SECRET, secret);
        }
    }

    private IssuerContext context() {
        if (issuer.getStatus() == null) {
            issuer.setStatus(new IssuerStatus());
        }
        return new IssuerContext(issuer, NAMESPACE);
    }

    private void givenKeySecret(KeyPair key) {
        Secret secret = new Secret();
        secret.setMetadata(new ObjectMeta());
        secret.getMetadata().setNamespace(NAMESPACE);
        secret.getMetadata().setName("acme-test-account");
        String pem = PrivateKeys.encodePem(key.getPrivate(), KeyEncoding.PKCS1);
        secret.setData(Map.of("tls.key", Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII))));
        cluster.create(ResourceKind.SECRET, secret);
    }

    /** base64(SHA-256(DER)), where the DER is the body of the PKCS#1 PEM block. */
    private static String pkcs1Hash(String pem) throws Exception {
        String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        byte[] der = Base64.getDecoder().decode(body);
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(der));
    }

    private static final class FakeRegistrar implements AccountRegistrar {
        final List<String> calls = new ArrayList<>();
        AcmeClientException failure;
        ExternalAccountKey externalAccount;

        @Override
        public AcmeClient register(URI directory, TlsTrust trust, KeyPair keyPair, String email,
                ExternalAccountKey externalAccount) throws AcmeClientException {
            calls.add("register " + email);
            this.externalAccount = externalAccount;
            if (failure != null) {
                throw failure;
            }
            return new FakeAcmeClient();
        }

        @Override
        public AcmeClient login(URI directory, TlsTrust trust, KeyPair keyPair, URI accountUri) {
            calls.add("login " + accountUri);
            return new FakeAcmeClient();
        }
    }
}
