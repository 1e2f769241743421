package io.certwright.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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

class SecretFilesTest {
    @TempDir
    Path root;

    @Test
    void writtenSecretReadsBackWithMetadata() {
        SecretFiles files = new SecretFiles(root);
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
        SecretFiles files = new SecretFiles(root);
        files.write(secret("web-tls", Map.of("tls.crt", "C", "tls.key", "K", "key.der", "D",
                "tls-combined.pem", "P", "keystore.p12", "S", "ca.crt", "A", "truststore.p12", "T")));
        Path directory = files.path("demo", "web-tls").toRealPath();

        assertThat(mode(directory.resolve("tls.key"))).isEqualTo("rw-------");
        assertThat(mode(directory.resolve("key.der"))).isEqualTo("rw-------");
        assertThat(mode(directory.resolve("tls-combined.pem"))).isEqualTo("rw-------");
        assertThat(mode(directory.resolve("keystore.p12"))).isEqualTo("rw-------");
        assertThat(mode(directory.resolve("tls.crt"))).isEqualTo("rw-r--r--");
        assertThat(mode(directory.resolve("ca.crt"))).isEqualTo("rw-r--r--");
        assertThat(mode(directory.resolve("truststore.p12"))).isEqualTo("rw-r--r--");
        assertThat(mode(directory)).isEqualTo("rwx------");
        assertThat(mode(root.resolve("demo"))).isEqualTo("rwx------");
    }

    @Test
    void rewriteReplacesKeysAndRemovesOldVersion() throws IOException {
        SecretFiles files = new SecretFiles(root);
        files.write(secret("web-tls", Map.of("tls.crt", "C1", "tls.key", "K1", "ca.crt", "A1")));
        files.write(secret("web-tls", Map.of("tls.crt", "C2", "tls.key", "K2")));

        Secret read = files.read("demo", "web-tls");

        assertThat(read.getData()).containsOnlyKeys("tls.crt", "tls.key");
        assertThat(decoded(read, "tls.crt")).isEqualTo("C2");
        try (var entries = Files.list(root.resolve("demo"))) {
            assertThat(entries.count()).as("symlink plus one version directory").isEqualTo(2);
        }
    }

    @Test
    void startUpRemovesLeftoversOfInterruptedWrite() throws IOException {
        SecretFiles files = new SecretFiles(root);
        files.write(secret("web-tls", Map.of("tls.crt", "C1", "tls.key", "K1")));
        Path orphan = root.resolve("demo").resolve("..web-tls.deadbeef");
        Files.createDirectories(orphan);
        Files.writeString(orphan.resolve("tls.key"), "half");
        Files.createSymbolicLink(root.resolve("demo").resolve("..web-tls.link-x.tmp"), Path.of("..web-tls.deadbeef"));

        assertThat(files.readAllAndCleanUp()).hasSize(1);

        assertThat(orphan).doesNotExist();
        assertThat(root.resolve("demo").resolve("..web-tls.link-x.tmp")).doesNotExist();
        assertThat(decoded(files.read("demo", "web-tls"), "tls.key")).isEqualTo("K1");
    }

    @Test
    void deleteRemovesLinkAndFiles() throws IOException {
        SecretFiles files = new SecretFiles(root);
        files.write(secret("web-tls", Map.of("tls.crt", "C1")));

        files.delete("demo", "web-tls");

        assertThat(files.read("demo", "web-tls")).isNull();
        try (var entries = Files.list(root.resolve("demo"))) {
            assertThat(entries.count()).isZero();
        }
    }

    @Test
    void concurrentReaderNeverSeesMismatchedPair() throws Exception {
        SecretFiles files = new SecretFiles(root);
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
