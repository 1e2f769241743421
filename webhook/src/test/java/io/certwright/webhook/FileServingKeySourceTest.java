package io.certwright.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.certwright.pki.KeyEncoding;
import io.certwright.pki.Pem;
import io.certwright.pki.PrivateKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileServingKeySourceTest {
    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    @TempDir
    Path directory;

    @Test
    void changedFilesReloadedAfterCheckInterval() throws Exception {
        Path certificate = directory.resolve("tls.crt");
        Path key = directory.resolve("tls.key");
        write(GeneratedServingCertificate.generate(List.of("first.example"), List.of(), Duration.ofDays(1),
                Clock.fixed(NOW, ZoneOffset.UTC)), certificate, key, 1);
        MutableClock clock = new MutableClock(NOW);
        FileServingKeySource source = FileServingKeySource.load(certificate, key, clock);
        write(GeneratedServingCertificate.generate(List.of("second.example"), List.of(), Duration.ofDays(1),
                Clock.fixed(NOW, ZoneOffset.UTC)), certificate, key, 2);

        String before = subject(source);
        clock.now = NOW.plus(FileServingKeySource.CHECK_INTERVAL).plusSeconds(1);
        String after = subject(source);

        assertThat(before).contains("first.example");
        assertThat(after).contains("second.example");
    }

    @Test
    void missingCertificateFileNamedWithFlag() {
        Path certificate = directory.resolve("missing.pem");
        Path key = directory.resolve("tls.key");

        assertThatThrownBy(() -> FileServingKeySource.load(certificate, key, Clock.systemUTC()))
                .hasMessageContaining("--tls-cert-file " + certificate + " does not exist");
    }

    @Test
    void unsupportedCipherSuiteRejected() {
        assertThatThrownBy(() -> new WebhookServerSettings(new java.net.InetSocketAddress("127.0.0.1", 6443),
                new java.net.InetSocketAddress("127.0.0.1", 6080), "TLSv1.2", List.of("BOGUS_SUITE")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unsupported TLS cipher suites [BOGUS_SUITE]");
    }

    @Test
    void keyOfOtherCertificateRejected() throws Exception {
        Path certificate = directory.resolve("tls.crt");
        Path key = directory.resolve("tls.key");
        GeneratedServingCertificate first = GeneratedServingCertificate.generate(List.of("a.example"), List.of(),
                Duration.ofDays(1), Clock.systemUTC());
        GeneratedServingCertificate second = GeneratedServingCertificate.generate(List.of("b.example"), List.of(),
                Duration.ofDays(1), Clock.systemUTC());
        Files.writeString(certificate, Pem.encodeCertificates(first.keys().current().chain()));
        Files.writeString(key, PrivateKeys.encodePem(second.keys().current().privateKey(), KeyEncoding.PKCS8));

        assertThatThrownBy(() -> FileServingKeySource.load(certificate, key, Clock.systemUTC()))
                .hasMessageContaining("does not belong to the first certificate");
    }

    @Test
    void missingCertificateFileNamed() {
        Path certificate = directory.resolve("missing.crt");

        assertThatThrownBy(() -> FileServingKeySource.load(certificate, directory.resolve("tls.key"),
                Clock.systemUTC())).hasMessageContaining("missing.crt");
    }

    private static String subject(FileServingKeySource source) {
        return source.current().chain().get(0).getSubjectX500Principal().getName();
    }

    /** Writes the pair and stamps both files with a distinct modification time, since writes may share one. */
    private static void write(GeneratedServingCertificate generated, Path certificate, Path key, int stamp)
            throws Exception {
        Files.writeString(certificate, Pem.encodeCertificates(generated.keys().current().chain()));
        Files.writeString(key, PrivateKeys.encodePem(generated.keys().current().privateKey(), KeyEncoding.PKCS8));
        FileTime time = FileTime.from(NOW.plusSeconds(stamp));
        Files.setLastModifiedTime(certificate, time);
        Files.setLastModifiedTime(key, time);
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
