package io.certwright.local;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** What the runtime reports about a Certificate that is not Ready, beyond its Ready condition. */
class NotReadyDetailsTest {
    private static final String CERTIFICATE = """
            apiVersion: cert-manager.io/v1
            kind: Certificate
            metadata:
              name: app
              namespace: demo
            spec:
              secretName: app-tls
              dnsNames: [app.demo.example]
              issuerRef:
                name: %s
            """;

    /** A CA Issuer whose Secret does not exist, so it never becomes Ready. */
    private static final String CA_ISSUER_WITHOUT_SECRET = """
            apiVersion: cert-manager.io/v1
            kind: Issuer
            metadata:
              name: ca
              namespace: demo
            spec:
              ca:
                secretName: no-such-secret
            """;

    @TempDir
    Path work;

    @Test
    void missingIssuerIsNamed() throws IOException {
        Path directory = manifests(CERTIFICATE.formatted("missing-issuer"));

        List<String> details = detailsOfApp(directory);

        assertThat(details).contains("Issuer demo/missing-issuer: not found; add its manifest or correct"
                + " spec.issuerRef of the Certificate");
        assertThat(details).anyMatch(line -> line.startsWith("CertificateRequest demo/app-1: not Ready: Pending: ")
                && line.contains("missing-issuer"));
    }

    @Test
    void rejectedIssuerNamesItsProblem() throws IOException {
        Path directory = manifests(CERTIFICATE.formatted("ca"), CA_ISSUER_WITHOUT_SECRET.replace(
                "secretName: no-such-secret", "secretName: \"\""));

        List<String> details = detailsOfApp(directory);

        assertThat(details).anyMatch(line -> line.startsWith("Issuer demo/ca: its manifest was rejected, so it does"
                + " not exist: ") && line.contains("spec.ca.secretName"));
        assertThat(details).noneMatch(line -> line.contains("not found; add its manifest"));
    }

    @Test
    void issuerNotReadyShowsItsMessage() throws IOException {
        Path directory = manifests(CERTIFICATE.formatted("ca"), CA_ISSUER_WITHOUT_SECRET);

        List<String> details = detailsOfApp(directory);

        assertThat(details).anyMatch(line -> line.startsWith("Issuer demo/ca: not Ready: ")
                && line.contains("no-such-secret"));
    }

    @Test
    void warningEventsAreLogged() throws IOException {
        Path directory = manifests(CERTIFICATE.formatted("ca"), CA_ISSUER_WITHOUT_SECRET);
        Logger logger = (Logger) LoggerFactory.getLogger(WarningEventLogging.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            detailsOfApp(directory);
        } finally {
            logger.detachAppender(appender);
        }

        assertThat(appender.list).anySatisfy(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage()).startsWith("Issuer demo/ca: ").contains("no-such-secret");
        });
    }

    @Test
    void manifestProblemsAreStoredForStatus() throws IOException {
        Path directory = manifests(CERTIFICATE.formatted("ca").replace("  secretName: app-tls\n", ""));
        try (LocalRuntime runtime = LocalRuntime.open(Fixtures.settings(directory, Fixtures.clockAtNow()))) {
            assertThat(runtime.problems()).isNotEmpty();
        }

        List<InputProblem> stored = ManifestProblems.about(StateLayout.resolve(directory, null),
                "Certificate demo/app");

        assertThat(stored).isNotEmpty();
        assertThat(stored.get(0).field()).isEqualTo("spec.secretName");
        assertThat(stored.get(0).file()).isEqualTo(Path.of("manifest-1.yaml"));
    }

    private List<String> detailsOfApp(Path directory) {
        try (LocalRuntime runtime = LocalRuntime.open(Fixtures.settings(directory, Fixtures.clockAtNow()))) {
            CertificateReadiness app = runtime.runOnce().stream().filter(entry -> entry.name().equals("app"))
                    .findFirst().orElseThrow();
            assertThat(app.ready()).isFalse();
            return runtime.notReadyDetails(app);
        }
    }

    private Path manifests(String... documents) throws IOException {
        Path directory = work.resolve("manifests");
        Files.createDirectories(directory);
        for (int i = 0; i < documents.length; i++) {
            Files.writeString(directory.resolve("manifest-" + (i + 1) + ".yaml"), documents[i]);
        }
        return directory;
    }
}
