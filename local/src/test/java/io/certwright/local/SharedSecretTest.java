package io.certwright.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.certwright.api.model.Certificate;
import io.certwright.core.cluster.ResourceKind;
import io.certwright.core.time.MutableClock;
import io.fabric8.kubernetes.api.model.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Certificate whose secretName names a Secret that a manifest also defines. */
class SharedSecretTest {
    private static final String ISSUER = """
            apiVersion: cert-manager.io/v1
            kind: Issuer
            metadata:
              name: selfsigned
              namespace: demo
            spec:
              selfSigned: {}
            """;
    private static final String CERTIFICATE = """
            apiVersion: cert-manager.io/v1
            kind: Certificate
            metadata:
              name: app
              namespace: demo
            spec:
              secretName: app-credentials
              dnsNames: [app.demo.example]
              issuerRef:
                name: selfsigned
            """;
    private static final String SECRET = """
            apiVersion: v1
            kind: Secret
            metadata:
              name: app-credentials
              namespace: demo
            stringData:
              password: s3cret
            """;

    @TempDir
    Path work;

    @Test
    void issuedKeysSurviveRestarts() throws IOException {
        Path directory = writeManifests();
        MutableClock clock = Fixtures.clockAtNow();
        String keyAfterFirstRun;
        try (LocalRuntime runtime = LocalRuntime.open(Fixtures.settings(directory, clock))) {
            assertThat(runtime.runOnce()).allMatch(CertificateReadiness::ready);
            keyAfterFirstRun = data(runtime, "tls.key");
        }
        clock.advance(Duration.ofMinutes(1));

        try (LocalRuntime runtime = LocalRuntime.open(Fixtures.settings(directory, clock))) {
            assertThat(data(runtime, "tls.key")).isEqualTo(keyAfterFirstRun);

            assertThat(runtime.runOnce()).allMatch(CertificateReadiness::ready);

            assertThat(data(runtime, "tls.key")).isEqualTo(keyAfterFirstRun);
            assertThat(revision(runtime)).isEqualTo(1);
            assertThat(data(runtime, "password")).isEqualTo("s3cret");
        }
    }

    @Test
    void editedManifestKeepsIssuedKeys() throws IOException {
        Path directory = writeManifests();
        try (LocalRuntime runtime = LocalRuntime.open(Fixtures.settings(directory, Fixtures.clockAtNow()))) {
            runtime.runOnce();
            String key = data(runtime, "tls.key");
            Files.writeString(directory.resolve("secret.yaml"), SECRET.replace("s3cret", "changed"));

            runtime.reload();
            runtime.runOnce();

            assertThat(data(runtime, "password")).isEqualTo("changed");
            assertThat(data(runtime, "tls.key")).isEqualTo(key);
            assertThat(revision(runtime)).isEqualTo(1);
        }
    }

    @Test
    void removedManifestTakesOnlyItsKeys() throws IOException {
        Path directory = writeManifests();
        try (LocalRuntime runtime = LocalRuntime.open(Fixtures.settings(directory, Fixtures.clockAtNow()))) {
            runtime.runOnce();
            String key = data(runtime, "tls.key");
            Files.delete(directory.resolve("secret.yaml"));

            runtime.reload();
            runtime.runOnce();

            Secret secret = runtime.cluster().get(ResourceKind.SECRET, "demo", "app-credentials").orElseThrow();
            assertThat(secret.getData()).doesNotContainKey("password");
            assertThat(data(runtime, "tls.key")).isEqualTo(key);
            assertThat(revision(runtime)).isEqualTo(1);
        }
    }

    @Test
    void removedManifestOfOwnSecretDeletesIt() throws IOException {
        Path directory = writeManifests();
        Files.delete(directory.resolve("certificate.yaml"));
        try (LocalRuntime runtime = LocalRuntime.open(Fixtures.settings(directory, Fixtures.clockAtNow()))) {
            Files.delete(directory.resolve("secret.yaml"));

            runtime.reload();

            assertThat(runtime.cluster().get(ResourceKind.SECRET, "demo", "app-credentials")).isEmpty();
        }
    }

    private Path writeManifests() throws IOException {
        Path directory = work.resolve("manifests");
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("issuer.yaml"), ISSUER);
        Files.writeString(directory.resolve("certificate.yaml"), CERTIFICATE);
        Files.writeString(directory.resolve("secret.yaml"), SECRET);
        return directory;
    }

    private static String data(LocalRuntime runtime, String key) {
        Secret secret = runtime.cluster().get(ResourceKind.SECRET, "demo", "app-credentials").orElseThrow();
        String value = secret.getData().get(key);
        return value == null ? null : new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
    }

    private static int revision(LocalRuntime runtime) {
        Certificate certificate = runtime.cluster().get(ResourceKind.CERTIFICATE, "demo", "app").orElseThrow();
        return certificate.getStatus().getRevision();
    }
}
