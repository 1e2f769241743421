package io.certwright.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.certwright.api.model.Certificate;
import io.certwright.core.cluster.InMemoryCluster;
import io.certwright.core.cluster.ResourceKind;
import io.certwright.pki.Pem;
import io.certwright.pki.PrivateKeys;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The running runtime notices Secret files damaged on disk and issues again. */
class SecretDriftCheckTest {
    private static final Duration CHECK_INTERVAL = Duration.ofMillis(200);

    @TempDir
    Path work;

    @Test
    void keyOverwrittenOnDiskIsReissued() throws Exception {
        Path directory = Fixtures.copyQuickstart(work.resolve("quickstart"));
        try (LocalRuntime runtime = LocalRuntime.open(Fixtures.settings(directory, Fixtures.clockAtNow())
                .withSecretCheckInterval(CHECK_INTERVAL))) {
            runtime.start();
            awaitTrue("quickstart issued", () -> runtime.readiness().stream().allMatch(CertificateReadiness::ready));
            Path secret = runtime.layout().secret("demo", "web-tls");

            Files.copy(runtime.layout().secret("cert-manager", "root-ca").resolve("tls.key"), secret.resolve("tls.key"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);

            awaitTrue("web issued again", () -> revision(runtime) == 2 && runtime.readiness().stream()
                    .allMatch(CertificateReadiness::ready));
            assertThat(keyMatchesCertificate(secret)).isTrue();
        }
    }

    @Test
    void deletedSecretSymlinkIsReissued() throws Exception {
        Path directory = Fixtures.copyQuickstart(work.resolve("quickstart"));
        try (LocalRuntime runtime = LocalRuntime.open(Fixtures.settings(directory, Fixtures.clockAtNow())
                .withSecretCheckInterval(CHECK_INTERVAL))) {
            runtime.start();
            awaitTrue("quickstart issued", () -> runtime.readiness().stream().allMatch(CertificateReadiness::ready));
            Path secret = runtime.layout().secret("demo", "web-tls");

            Files.delete(secret);

            awaitTrue("web issued again", () -> revision(runtime) == 2 && Files.exists(secret, LinkOption.NOFOLLOW_LINKS)
                    && runtime.readiness().stream().allMatch(CertificateReadiness::ready));
            assertThat(keyMatchesCertificate(secret)).isTrue();
        }
    }

    @Test
    void untouchedFilesAreLeftAlone() {
        Path directory = Fixtures.copyQuickstart(work.resolve("quickstart"));
        try (LocalRuntime runtime = LocalRuntime.open(Fixtures.settings(directory, Fixtures.clockAtNow()))) {
            runtime.runOnce();

            assertThat(runtime.checkSecretFiles()).isZero();
            assertThat(revision(runtime)).isEqualTo(1);
        }
    }

    @Test
    void secretBeingDeletedIsNotRemovedAgain() {
        InMemoryCluster cluster = new InMemoryCluster(Fixtures.clockAtNow());
        cluster.create(ResourceKind.SECRET, secret("gone-tls"));
        SecretDriftCheck check = new SecretDriftCheck(cluster, (namespace, name) -> null, key -> true);

        int loaded = check.run();

        assertThat(loaded).isZero();
        assertThat(cluster.get(ResourceKind.SECRET, "demo", "gone-tls")).isPresent();
    }

    @Test
    void secretMissingFromDiskIsRemoved() {
        InMemoryCluster cluster = new InMemoryCluster(Fixtures.clockAtNow());
        cluster.create(ResourceKind.SECRET, secret("gone-tls"));
        SecretDriftCheck check = new SecretDriftCheck(cluster, (namespace, name) -> null, key -> false);

        int loaded = check.run();

        assertThat(loaded).isEqualTo(1);
        assertThat(cluster.get(ResourceKind.SECRET, "demo", "gone-tls")).isEmpty();
    }

    private static Secret secret(String name) {
        return new SecretBuilder().withNewMetadata().withNamespace("demo").withName(name).endMetadata()
                .addToData("tls.crt", "Y2VydA==").build();
    }

    private static boolean keyMatchesCertificate(Path secret) throws Exception {
        X509Certificate certificate = Pem.parseCertificates(Files.readAllBytes(secret.resolve("tls.crt"))).get(0);
        PrivateKey key = PrivateKeys.parsePem(Files.readAllBytes(secret.resolve("tls.key")));
        return PrivateKeys.publicKeysEqual(PrivateKeys.publicKeyOf(key), certificate.getPublicKey());
    }

    private static int revision(LocalRuntime runtime) {
        Certificate web = runtime.cluster().get(ResourceKind.CERTIFICATE, "demo", "web").orElseThrow();
        return web.getStatus() == null || web.getStatus().getRevision() == null ? 0 : web.getStatus().getRevision();
    }

    private static void awaitTrue(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            Thread.sleep(50);
        }
    }
}
