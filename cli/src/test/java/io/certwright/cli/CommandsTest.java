package io.certwright.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.certwright.api.model.Certificate;
import io.certwright.api.model.CertificateCondition;
import io.certwright.core.cluster.ResourceKind;
import io.certwright.local.LocalRuntime;
import io.certwright.local.StateLayout;
import io.certwright.local.StoredState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommandsTest {
    static final Path QUICKSTART = Path.of("..", "examples", "quickstart");

    @TempDir
    Path work;

    Path directory;

    @BeforeEach
    void copyQuickstart() throws IOException {
        directory = work.resolve("quickstart");
        Files.createDirectories(directory);
        try (Stream<Path> files = Files.list(QUICKSTART)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.copy(file, directory.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    @Test
    void localOnceExitsZeroWhenAllReady() {
        CliRun run = CliRun.of("local", directory.toString(), "--once");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("4 of 4 Certificates Ready");
    }

    @Test
    void localOnceNamesEachCertificateNotReady() throws IOException {
        Files.writeString(directory.resolve("orphan.yaml"), """
                apiVersion: cert-manager.io/v1
                kind: Certificate
                metadata:
                  name: orphan
                  namespace: demo
                spec:
                  secretName: orphan-tls
                  dnsNames: [orphan.demo.example]
                  issuerRef:
                    name: missing-issuer
                """);

        CliRun run = CliRun.of("local", directory.toString(), "--once");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).containsPattern("Certificate demo/orphan is not Ready: \\w+: .+");
        assertThat(run.err()).doesNotContain("Certificate demo/web is not Ready");
    }

    @Test
    void localOnceFailsWhenStateIsLocked() {
        try (LocalRuntime holder = LocalRuntime.open(LocalRuntime.Settings.of(directory))) {
            CliRun run = CliRun.of("local", directory.toString(), "--once");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains(".certwright").contains("PID " + ProcessHandle.current().pid());
        }
    }

    @Test
    void statusShowsConditionsEventsIssuerAndRequest() {
        issueQuickstart();

        CliRun run = CliRun.of("status", "certificate", "web", "--dir", directory.toString(), "-n", "demo");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Name: web", "Namespace: demo");
        assertThat(run.out()).contains("Ready: True, Reason: Ready, Message: Certificate is up to date and has not expired");
        assertThat(run.out()).contains("- web.demo.example");
        assertThat(run.out()).containsPattern("Normal\\s+Issuing\\s+\\S+\\s+cert-manager-certificates-issuing\\s+"
                + "The certificate has been successfully issued");
        assertThat(run.out()).contains("Issuer:\n  Name: quickstart-ca\n  Kind: ClusterIssuer");
        assertThat(run.out()).contains("Ready: True, Reason: KeyPairVerified");
        assertThat(run.out()).contains("Issuer Common Name: Certwright Quickstart Root CA");
        assertThat(run.out()).contains("Renewal Time: ");
        assertThat(run.out()).contains("CertificateRequest:\n  Name: web-1");
    }

    @Test
    void statusOfMissingCertificateFails() {
        issueQuickstart();

        CliRun run = CliRun.of("status", "certificate", "nope", "--dir", directory.toString(), "-n", "demo");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("Certificate demo/nope not found");
    }

    @Test
    void inspectSecretPrintsSubjectAlternativeNames() {
        issueQuickstart();

        CliRun run = CliRun.of("inspect", "secret", "web-tls", "--dir", directory.toString(), "-n", "demo");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("web.demo.example, localhost");
        assertThat(run.out()).contains("127.0.0.1, ::1");
        assertThat(run.out()).contains("Certwright Quickstart Root CA");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "names with --all | web --all | cannot specify Certificate names in conjunction with --all flag",
        "names with -A | web -A | cannot specify Certificate names in conjunction with --all-namespaces flag",
        "neither names nor --all | -n demo | please supply one or more Certificate resource names or use the --all flag"
    })
    void renewRejectsFlagCombination(String description, String arguments, String message) {
        String[] args = Stream.concat(Stream.of("renew", "--dir", directory.toString()),
                Stream.of(arguments.split(" "))).toArray(String[]::new);

        CliRun run = CliRun.of(args);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: " + message + "\n");
    }

    @Test
    void offlineRenewIssuesOnNextRun() {
        issueQuickstart();

        CliRun renew = CliRun.of("renew", "web", "--dir", directory.toString(), "-n", "demo");

        assertThat(renew.exitCode()).as(renew.err()).isZero();
        assertThat(renew.out()).isEqualTo("Manually triggered issuance of Certificate demo/web\n");
        Certificate marked = stored("web");
        assertThat(marked.getStatus().getConditions()).anySatisfy(condition -> {
            assertThat(condition.getType()).isEqualTo("Issuing");
            assertThat(condition.getReason()).isEqualTo("ManuallyTriggered");
        });

        CliRun local = CliRun.of("local", directory.toString(), "--once");

        assertThat(local.exitCode()).as(local.err()).isZero();
        assertThat(stored("web").getStatus().getRevision()).isEqualTo(2);
        assertThat(stored("java-app").getStatus().getRevision()).isEqualTo(1);
    }

    @Test
    void renewHandsRequestsToRunningRuntime() throws Exception {
        try (LocalRuntime runtime = LocalRuntime.open(LocalRuntime.Settings.of(directory))) {
            runtime.runOnce();
            runtime.start();

            CliRun renew = CliRun.of("renew", "--all", "-A", "--dir", directory.toString());

            assertThat(renew.exitCode()).as(renew.err()).isZero();
            assertThat(renew.out()).contains("Manually triggered issuance of Certificate demo/web",
                    "Manually triggered issuance of Certificate cert-manager/root-ca");
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (revision(runtime, "web") < 2 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(revision(runtime, "web")).isEqualTo(2);
        }
    }

    @Test
    void versionAndHelpExitZero() {
        CliRun version = CliRun.of("--version");
        CliRun help = CliRun.of("--help");

        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("certwright ");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("local", "status", "renew", "inspect");
    }

    @Test
    void unknownFlagIsUsageError() {
        CliRun run = CliRun.of("local", directory.toString(), "--no-such-flag");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("error: Unknown option: '--no-such-flag'");
    }

    private void issueQuickstart() {
        try (LocalRuntime runtime = LocalRuntime.open(LocalRuntime.Settings.of(directory))) {
            runtime.runOnce();
        }
    }

    private Certificate stored(String name) {
        return new StoredState(StateLayout.resolve(directory, null)).get(ResourceKind.CERTIFICATE, "demo", name)
                .orElseThrow();
    }

    private static int revision(LocalRuntime runtime, String name) {
        Certificate certificate = runtime.cluster().get(ResourceKind.CERTIFICATE, "demo", name).orElseThrow();
        Integer revision = certificate.getStatus().getRevision();
        return revision == null ? 0 : revision;
    }

    static boolean hasCondition(Certificate certificate, String type) {
        return certificate.getStatus().getConditions().stream().map(CertificateCondition::getType)
                .anyMatch(type::equals);
    }
}
