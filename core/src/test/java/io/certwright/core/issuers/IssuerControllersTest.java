package io.certwright.core.issuers;

import static io.certwright.core.issuers.CaFixtures.keyPem;
import static io.certwright.core.issuers.CaFixtures.pem;
import static io.certwright.core.issuers.CaFixtures.secret;
import static org.assertj.core.api.Assertions.assertThat;

import io.certwright.api.model.ClusterIssuer;
import io.certwright.api.model.Issuer;
import io.certwright.api.model.IssuerCondition;
import io.certwright.api.model.IssuerSpec;
import io.certwright.api.model.VaultIssuer;
import io.certwright.api.model.VenafiIssuer;
import io.certwright.api.model.ACMEIssuer;
import io.certwright.core.cluster.Event;
import io.certwright.core.cluster.ObjectKey;
import io.certwright.core.cluster.ResourceKind;
import io.certwright.core.testing.Fixtures;
import io.certwright.core.testing.Harness;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IssuerControllersTest {
    private static final String NS = "demo";

    private final Harness harness = Harness.create(IssuerControllers::register);
    private final CaFixtures.KeyedCertificate root = CaFixtures.root("Root CA", Harness.START);

    private Issuer caIssuer() {
        return harness.apply(Fixtures.issuer("ca", Fixtures.inNamespace(NS), Fixtures.withCa("ca-key-pair")));
    }

    private IssuerCondition ready(ResourceKind<? extends io.certwright.api.model.CertManagerResource<IssuerSpec,
            io.certwright.api.model.IssuerStatus>> kind, String namespace, String name) {
        List<IssuerCondition> conditions = harness.cluster().get(kind, namespace, name).orElseThrow()
                .getStatus().getConditions();
        assertThat(conditions).hasSize(1);
        return conditions.get(0);
    }

    private IssuerCondition issuerReady() {
        return ready(ResourceKind.ISSUER, NS, "ca");
    }

    private List<String> issuerEventReasons() {
        return harness.events(ResourceKind.ISSUER, NS, "ca").stream().map(Event::reason).toList();
    }

    @Test
    void selfSignedIssuerIsReadyWithEmptyMessage() {
        harness.apply(Fixtures.issuer("selfsigned", Fixtures.inNamespace(NS), Fixtures.withSelfSigned()));
        harness.settle();

        IssuerCondition condition = ready(ResourceKind.ISSUER, NS, "selfsigned");
        assertThat(condition.getStatus()).isEqualTo("True");
        assertThat(condition.getReason()).isEqualTo("IsReady");
        assertThat(condition.getMessage()).isEmpty();
        assertThat(condition.getObservedGeneration()).isEqualTo(1L);
        assertThat(condition.getLastTransitionTime()).isEqualTo(Harness.START);
    }

    @Test
    void caIssuerWithGoodSecretIsVerified() {
        harness.apply(secret(NS, "ca-key-pair", pem(root.certificate()), keyPem(root.keyPair()), null));
        caIssuer();
        harness.settle();

        IssuerCondition condition = issuerReady();
        assertThat(condition.getStatus()).isEqualTo("True");
        assertThat(condition.getReason()).isEqualTo("KeyPairVerified");
        assertThat(condition.getMessage()).isEqualTo("Signing CA verified");
        Event event = harness.events(ResourceKind.ISSUER, NS, "ca").get(0);
        assertThat(event.type()).isEqualTo("Normal");
        assertThat(event.reason()).isEqualTo("KeyPairVerified");
        assertThat(event.source()).isEqualTo("cert-manager-issuers");
    }

    @Test
    void caIssuerWithMissingSecretRetriesWithWarnings() {
        caIssuer();
        harness.settle();

        IssuerCondition condition = issuerReady();
        assertThat(condition.getStatus()).isEqualTo("False");
        assertThat(condition.getReason()).isEqualTo("ErrGetKeyPair");
        assertThat(condition.getMessage()).startsWith("Error getting keypair for CA issuer: ")
                .contains("Secret demo/ca-key-pair not found");
        assertThat(issuerEventReasons()).containsExactly("ErrGetKeyPair", "ErrInitIssuer");
        Event init = harness.events(ResourceKind.ISSUER, NS, "ca").get(1);
        assertThat(init.type()).isEqualTo("Warning");
        assertThat(init.message()).startsWith("Error initializing issuer: ");
        assertThat(harness.manager().syncErrors(IssuerControllers.ISSUERS)).isPositive();
    }

    @Test
    void caIssuerBecomesReadyWhenSecretArrives() {
        caIssuer();
        harness.settle();
        harness.clock().advance(Duration.ofMinutes(1));

        harness.apply(secret(NS, "ca-key-pair", pem(root.certificate()), keyPem(root.keyPair()), null));
        harness.settle();

        IssuerCondition condition = issuerReady();
        assertThat(condition.getStatus()).isEqualTo("True");
        assertThat(condition.getLastTransitionTime()).isEqualTo(Harness.START.plus(Duration.ofMinutes(1)));
    }

    @Test
    void caIssuerWithMismatchedKeyIsInvalid() {
        harness.apply(secret(NS, "ca-key-pair", pem(root.certificate()), keyPem(CaFixtures.newKey()), null));
        caIssuer();
        harness.settle();

        IssuerCondition condition = issuerReady();
        assertThat(condition.getStatus()).isEqualTo("False");
        assertThat(condition.getReason()).isEqualTo("ErrInvalidKeyPair");
        assertThat(condition.getMessage())
                .contains("Secret demo/ca-key-pair")
                .contains("tls.key")
                .contains("does not match the first certificate in tls.crt");
        assertThat(harness.manager().syncErrors(IssuerControllers.ISSUERS)).isZero();
    }

    @Test
    void caIssuerWithNonCaCertificateIsInvalid() {
        CaFixtures.KeyedCertificate leaf = CaFixtures.nonCa("not-a-ca", root, Harness.START);
        harness.apply(secret(NS, "ca-key-pair", pem(leaf.certificate()), keyPem(leaf.keyPair()), null));
        caIssuer();
        harness.settle();

        IssuerCondition condition = issuerReady();
        assertThat(condition.getReason()).isEqualTo("ErrInvalidKeyPair");
        assertThat(condition.getMessage()).startsWith("Error getting keypair for CA issuer: certificate is not a CA");
        assertThat(issuerEventReasons()).containsExactly("ErrInvalidKeyPair");
    }

    static Stream<Arguments> brokenSecrets() {
        CaFixtures.KeyedCertificate ca = CaFixtures.root("Root CA", Harness.START);
        String certificate = pem(ca.certificate());
        String key = keyPem(ca.keyPair());
        String truncatedCertificate = certificate.substring(0, certificate.length() / 2) + "\n-----END CERTIFICATE-----\n";
        String truncatedKey = key.substring(0, key.length() / 2);
        return Stream.of(
                Arguments.of("truncated tls.crt", certificate.substring(0, certificate.length() / 2), key, "tls.crt"),
                Arguments.of("tls.crt cut with its end line kept", truncatedCertificate, key, "tls.crt"),
                Arguments.of("truncated tls.key", certificate, truncatedKey, "tls.key"),
                Arguments.of("missing tls.crt", null, key, "tls.crt"),
                Arguments.of("missing tls.key", certificate, null, "tls.key"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenSecrets")
    void caIssuerWithBrokenSecretNamesTheEntry(String description, String tlsCrt, String tlsKey, String entry) {
        harness.apply(secret(NS, "ca-key-pair", tlsCrt, tlsKey, null));
        caIssuer();
        harness.settle();

        IssuerCondition condition = issuerReady();
        assertThat(condition.getStatus()).isEqualTo("False");
        assertThat(condition.getReason()).isEqualTo("ErrGetKeyPair");
        assertThat(condition.getMessage()).contains("Secret demo/ca-key-pair").contains(entry)
                .contains("store the PEM CA certificate");
    }

    @Test
    void clusterIssuerReadsSecretFromClusterResourceNamespace() {
        harness.apply(secret(Harness.CLUSTER_RESOURCE_NAMESPACE, "ca-key-pair", pem(root.certificate()),
                keyPem(root.keyPair()), null));
        harness.apply(Fixtures.clusterIssuer("ca", Fixtures.withCa("ca-key-pair")));
        harness.settle();

        IssuerCondition condition = ready(ResourceKind.CLUSTER_ISSUER, null, "ca");
        assertThat(condition.getReason()).isEqualTo("KeyPairVerified");
    }

    @Test
    void clusterIssuerIgnoresSecretInOtherNamespace() {
        harness.apply(secret(NS, "ca-key-pair", pem(root.certificate()), keyPem(root.keyPair()), null));
        harness.apply(Fixtures.clusterIssuer("ca", Fixtures.withCa("ca-key-pair")));
        harness.settle();

        IssuerCondition condition = ready(ResourceKind.CLUSTER_ISSUER, null, "ca");
        assertThat(condition.getReason()).isEqualTo("ErrGetKeyPair");
        assertThat(condition.getMessage()).contains("Secret cert-manager/ca-key-pair not found");
    }

    @Test
    void unchangedStatusIsNotRewritten() {
        harness.apply(secret(NS, "ca-key-pair", pem(root.certificate()), keyPem(root.keyPair()), null));
        caIssuer();
        harness.settle();
        String resourceVersion = harness.cluster().get(ResourceKind.ISSUER, NS, "ca").orElseThrow()
                .getMetadata().getResourceVersion();

        harness.clock().advance(Duration.ofHours(1));
        harness.manager().enqueue(IssuerControllers.ISSUERS, new ObjectKey(NS, "ca"));
        harness.settle();

        Issuer issuer = harness.cluster().get(ResourceKind.ISSUER, NS, "ca").orElseThrow();
        assertThat(issuer.getMetadata().getResourceVersion()).isEqualTo(resourceVersion);
        assertThat(issuer.getStatus().getConditions().get(0).getLastTransitionTime()).isEqualTo(Harness.START);
    }

    @Test
    void specChangeUpdatesObservedGeneration() {
        harness.apply(secret(NS, "ca-key-pair", pem(root.certificate()), keyPem(root.keyPair()), null));
        harness.apply(secret(NS, "other", pem(root.certificate()), keyPem(root.keyPair()), null));
        caIssuer();
        harness.settle();

        harness.apply(Fixtures.issuer("ca", Fixtures.inNamespace(NS), Fixtures.withCa("other")));
        harness.settle();

        assertThat(issuerReady().getObservedGeneration()).isEqualTo(2L);
    }

    static Stream<Arguments> unsupportedTypes() {
        return Stream.of(
                Arguments.of("vault", (Consumer<IssuerSpec>) spec -> spec.setVault(new VaultIssuer()), "VaultError"),
                Arguments.of("venafi", (Consumer<IssuerSpec>) spec -> spec.setVenafi(new VenafiIssuer()), "ErrorSetup"),
                Arguments.of("acme", (Consumer<IssuerSpec>) spec -> spec.setAcme(new ACMEIssuer()),
                        "ErrRegisterACMEAccount"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unsupportedTypes")
    void unsupportedIssuerTypeIsNotReady(String type, Consumer<IssuerSpec> configure, String reason) {
        Issuer issuer = Fixtures.issuer("ca", Fixtures.inNamespace(NS));
        configure.accept(issuer.getSpec());
        harness.apply(issuer);
        harness.settle();

        IssuerCondition condition = issuerReady();
        assertThat(condition.getStatus()).isEqualTo("False");
        assertThat(condition.getReason()).isEqualTo(reason);
        assertThat(condition.getMessage()).contains("The " + type + " issuer type is not supported");
    }

    @Test
    void issuerWithoutTypeRecordsInitError() {
        harness.apply(Fixtures.issuer("ca", Fixtures.inNamespace(NS)));
        harness.settle();

        assertThat(issuerEventReasons()).containsExactly("ErrInitIssuer");
        assertThat(harness.manager().syncErrors(IssuerControllers.ISSUERS)).isPositive();
    }

    @Test
    void clusterIssuerBecomesReadyWhenSecretArrives() {
        harness.apply(Fixtures.clusterIssuer("ca", Fixtures.withCa("ca-key-pair")));
        harness.apply(secret(Harness.CLUSTER_RESOURCE_NAMESPACE, "ca-key-pair", pem(root.certificate()),
                keyPem(root.keyPair()), null));
        harness.settle();

        ClusterIssuer issuer = harness.cluster().get(ResourceKind.CLUSTER_ISSUER, null, "ca").orElseThrow();
        assertThat(issuer.getStatus().getConditions().get(0).getReason()).isEqualTo("KeyPairVerified");
    }
}
