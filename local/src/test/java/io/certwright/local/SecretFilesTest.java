package io.certwright.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SecretFilesTest {
    @TempDir
    Path root;

    @Test
    void writtenSecretReadsBackWithMetadata() {
        SecretFiles files = new SecretFiles(new StateLayout(root));
        Secret secret = secret("web-tls", Map.of("tls.crt", "CERT", "tls.key", "KEY"));
        secret.getMetadata().setLabels(Map.of("controller.cert-manager.io/fao", "true"));
        secret.getMetadata().setResourceVersion("42");

        files.write(secret);
        Secret read = files.read("demo", "web-tls");

        assertThat(decoded(read, "tls.crt")).isEqualTo("CERT");
        assertThat(decoded(read, "tls.key")).isEqualTo("KEY");
        assertThat(read.getMetadata().getLabels()).containsEntry("controller.cert-manager.io/fao", "true");
        assertThat(read.getMetadata().getResourceVersion()).isEqualTo("42");
        assertThat(read.getType()).isEqualTo("kubernetes.io/tls");
    }

    @Test
    void privateKeyFilesAreOwnerOnly() throws IOException {
        SecretFiles files = new SecretFiles(new StateLayout(root));
        files.write(secret("web-tls", Map.of("tls.crt", "C", "tls.key", "K", "key.der", "D",
                "tls-combined.pem", "P", "keystore.p12", "S", "ca.crt", "A", "truststore.p12", "T")));
        Path directory = files.path("demo", "web-tls").toRealPath();

        assertThat(mode(directory.resolve("tls.key"))).isEqualTo("rw-------");
        assertThat(mode(directory.resolve("key.der"))).isEqualTo("rw-------");
        assertThat(mode(directory.resolve("tls-combined.pem"))).isEqualTo("rw-------");
        assertThat(mode(directory.resolve("keystore.p12"))).isEqualTo("rw-------");
        assertThat(mode(directory.resolve("tls.crt"))).isEqualTo("rw-r--r--");
        assertThat(mode(directory.resolve("ca.crt"))).isEqualTo("rw-r--r--");
        assertThat(mode(directory.resolve("truststore.p12"))).isEqualTo("rw-------");
        assertThat(mode(directory)).isEqualTo("rwx------");
        assertThat(mode(root.resolve("secrets").resolve("demo"))).isEqualTo("rwx------");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tls.key", "key.der", "tls-combined.pem", "keystore.p12", "truststore.p12", "password",
            "token"})
    void dataFileOtherThanCertificatesIsOwnerOnly(String key) throws IOException {
        SecretFiles files = new SecretFiles(new StateLayout(root));
        files.write(secret("opaque", Map.of(key, "value")));

        assertThat(mode(files.path("demo", "opaque").toRealPath().resolve(key))).isEqualTo("rw-------");
    }

    @Test
    void rewriteSetsModesOfFilesChangedOnDisk() throws IOException {
        SecretFiles files = new SecretFiles(new StateLayout(root));
        files.write(secret("web-tls", Map.of("tls.crt", "C1", "tls.key", "K1")));
        Path first = files.path("demo", "web-tls").toRealPath();
        Files.setPosixFilePermissions(first.resolve("tls.key"), PosixFilePermissions.fromString("---------"));
        Files.setPosixFilePermissions(first.resolve("tls.crt"), PosixFilePermissions.fromString("rwxrwxrwx"));

        files.write(secret("web-tls", Map.of("tls.crt", "C2", "tls.key", "K2")));
        Path second = files.path("demo", "web-tls").toRealPath();

        assertThat(mode(second.resolve("tls.key"))).isEqualTo("rw-------");
        assertThat(mode(second.resolve("tls.crt"))).isEqualTo("rw-r--r--");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "name climbing out of the state directory, demo, ../../../x",
        "name climbing out of secrets, demo, ../../x",
        "name climbing into another namespace, demo, ../other",
        "name with a slash, demo, nested/x",
        "namespace climbing out, .., x",
        "namespace climbing two levels, ../.., x"
    })
    void nameLeavingSecretsDirectoryIsRejected(String description, String namespace, String name) {
        SecretFiles files = new SecretFiles(new StateLayout(root.resolve("state")));
        Secret secret = secret(name, Map.of("tls.key", "K"));
        secret.getMetadata().setNamespace(namespace);

        assertThatThrownBy(() -> files.write(secret)).isInstanceOf(StateLayout.PathOutsideStateException.class);
        assertThatThrownBy(() -> files.read(namespace, name))
                .isInstanceOf(StateLayout.PathOutsideStateException.class);
        assertThatThrownBy(() -> files.delete(namespace, name))
                .isInstanceOf(StateLayout.PathOutsideStateException.class);
        assertThatThrownBy(() -> files.path(namespace, name))
                .isInstanceOf(StateLayout.PathOutsideStateException.class);
    }

    @Test
    void rejectedNameWritesNoFile() throws IOException {
        SecretFiles files = new SecretFiles(new StateLayout(root.resolve("state")));

        assertThatThrownBy(() -> files.write(secret("../../../x", Map.of("tls.key", "K"))))
                .isInstanceOf(StateLayout.PathOutsideStateException.class);

        try (var entries = Files.walk(root)) {
            assertThat(entries.filter(path -> !Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS))).isEmpty();
        }
    }

    @Test
    void rewriteReplacesKeysAndRemovesOldVersion() throws IOException {
        SecretFiles files = new SecretFiles(new StateLayout(root));
        files.write(secret("web-tls", Map.of("tls.crt", "C1", "tls.key", "K1", "ca.crt", "A1")));
        files.write(secret("web-tls", Map.of("tls.crt", "C2", "tls.key", "K2")));

        Secret read = files.read("demo", "web-tls");

        assertThat(read.getData()).containsOnlyKeys("tls.crt", "tls.key");
        assertThat(decoded(read, "tls.crt")).isEqualTo("C2");
        try (var entries = Files.list(root.resolve("secrets").resolve("demo"))) {
            assertThat(entries.count()).as("symlink plus one version directory").isEqualTo(2);
        }
    }

    @Test
    void startUpRemovesLeftoversOfInterruptedWrite() throws IOException {
        SecretFiles files = new SecretFiles(new StateLayout(root));
        files.write(secret("web-tls", Map.of("tls.crt", "C1", "tls.key", "K1")));
        Path orphan = root.resolve("secrets").resolve("demo").resolve("..web-tls.deadbeef");
        Files.createDirectories(orphan);
        Files.writeString(orphan.resolve("tls.key"), "half");
        Files.createSymbolicLink(root.resolve("secrets").resolve("demo").resolve("..web-tls.link-x.tmp"), Path.of("..web-tls.deadbeef"));

        assertThat(files.readAllAndCleanUp()).hasSize(1);

        assertThat(orphan).doesNotExist();
        assertThat(root.resolve("secrets").resolve("demo").resolve("..web-tls.link-x.tmp")).doesNotExist();
        assertThat(decoded(files.read("demo", "web-tls"), "tls.key")).isEqualTo("K1");
    }

    @Test
    void unreadableVersionIsSetAsideWithItsKey() throws IOException {
        SecretFiles files = new SecretFiles(new StateLayout(root));
        files.write(secret("web-tls", Map.of("tls.crt", "C1", "tls.key", "K1")));
        files.write(secret("api-tls", Map.of("tls.crt", "C2", "tls.key", "K2")));
        Path link = root.resolve("secrets").resolve("demo").resolve("web-tls");
        Path version = link.resolveSibling(Files.readSymbolicLink(link));
        Files.delete(version.resolve(SecretFiles.METADATA_DIRECTORY).resolve(SecretFiles.METADATA_FILE));

        assertThat(files.readAllAndCleanUp()).extracting(read -> read.getMetadata().getName())
                .containsExactly("api-tls");

        Path aside = root.resolve("unreadable").resolve("secrets").resolve("demo")
                .resolve(version.getFileName().toString().substring(2));
        assertThat(aside.resolve("tls.key")).hasContent("K1");
        assertThat(aside.resolve("tls.crt")).hasContent("C1");
        assertThat(version).doesNotExist();
        assertThat(link).doesNotExist();
        assertThat(files.read("demo", "web-tls")).isNull();
    }

    @Test
    void invalidMetadataIsSetAside() throws IOException {
        SecretFiles files = new SecretFiles(new StateLayout(root));
        files.write(secret("web-tls", Map.of("tls.crt", "C1", "tls.key", "K1")));
        Path link = root.resolve("secrets").resolve("demo").resolve("web-tls");
        Path version = link.resolveSibling(Files.readSymbolicLink(link));
        Files.writeString(version.resolve(SecretFiles.METADATA_DIRECTORY).resolve(SecretFiles.METADATA_FILE),
                "garbage: [");

        assertThatThrownBy(() -> files.read("demo", "web-tls"))
                .hasMessageContaining("stored Secret demo/web-tls")
                .hasMessageContaining("cannot be read");
        assertThat(files.readAllAndCleanUp()).isEmpty();
        assertThat(root.resolve("unreadable").resolve("secrets").resolve("demo")
                .resolve(version.getFileName().toString().substring(2)).resolve("tls.key")).hasContent("K1");
    }

    @Test
    void symlinkOutsideNamespaceIsNeitherReadNorMoved() throws IOException {
        SecretFiles files = new SecretFiles(new StateLayout(root));
        Path elsewhere = Files.createDirectories(root.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("tls.key"), "keep");
        Path namespace = Files.createDirectories(root.resolve("secrets").resolve("demo"));
        Files.createSymbolicLink(namespace.resolve("web-tls"), elsewhere);

        assertThat(files.readAllAndCleanUp()).isEmpty();

        assertThat(elsewhere.resolve("tls.key")).hasContent("keep");
        assertThat(namespace.resolve("web-tls")).isSymbolicLink();
    }

    @Test
    void deleteRemovesLinkAndFiles() throws IOException {
        SecretFiles files = new SecretFiles(new StateLayout(root));
        files.write(secret("web-tls", Map.of("tls.crt", "C1")));

        files.delete("demo", "web-tls");

        assertThat(files.read("demo", "web-tls")).isNull();
        try (var entries = Files.list(root.resolve("secrets").resolve("demo"))) {
            assertThat(entries.count()).isZero();
        }
    }

    @Test
    void concurrentReaderNeverSeesMismatchedPair() throws Exception {
        SecretFiles files = new SecretFiles(new StateLayout(root));
        files.write(secret("web-tls", Map.of("tls.crt", "cert-0", "tls.key", "key-0")));
        Path link = files.path("demo", "web-tls");
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger consistentReads = new AtomicInteger();
        AtomicReference<String> mismatch = new AtomicReference<>();

        Thread reader = new Thread(() -> {
            while (!stop.get()) {
                try {
                    Path version = link.toRealPath();
                    String key = Files.readString(version.resolve("tls.key"));
                    String certificate = Files.readString(version.resolve("tls.crt"));
                    if (!key.substring("key-".length()).equals(certificate.substring("cert-".length()))) {
                        mismatch.compareAndSet(null, key + " next to " + certificate);
                    }
                    consistentReads.incrementAndGet();
                } catch (NoSuchFileException e) {
                    // The version was replaced after resolving; a real reader resolves again.
                } catch (IOException e) {
                    mismatch.compareAndSet(null, e.toString());
                }
            }
        });
        reader.start();
        for (int i = 1; i <= 300; i++) {
            files.write(secret("web-tls", Map.of("tls.crt", "cert-" + i, "tls.key", "key-" + i)));
        }
        stop.set(true);
        reader.join();

        assertThat(mismatch.get()).isNull();
        assertThat(consistentReads.get()).isPositive();
    }

    static Secret secret(String name, Map<String, String> plainData) {
        Secret secret = new Secret();
        ObjectMeta metadata = new ObjectMeta();
        metadata.setName(name);
        metadata.setNamespace("demo");
        secret.setMetadata(metadata);
        secret.setType("kubernetes.io/tls");
        Map<String, String> data = new LinkedHashMap<>();
        plainData.forEach((key, value) -> data.put(key,
                Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))));
        secret.setData(data);
        return secret;
    }

    static String decoded(Secret secret, String key) {
        return new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
    }

    static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
