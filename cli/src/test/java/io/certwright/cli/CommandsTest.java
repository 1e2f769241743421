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
        assertThat(run.out()).isEqualTo("4 of 4 Certificates Ready\n");
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
        assertThat(run.out()).containsPattern("Certificate demo/orphan is not Ready: \\w+: .+\n"
                + "  CertificateRequest demo/orphan-1: not Ready: Pending: .*missing-issuer.*\n"
                + "  Issuer demo/missing-issuer: not found; .+\n");
        assertThat(run.out()).doesNotContain("Certificate demo/web is not Ready");
        assertThat(run.out()).endsWith("4 of 5 Certificates Ready\n");
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
        "names with --all | web --all | cannot specify the Certificate resource names [\"web\"] in conjunction with"
                + " the --all flag",
        "names with selector | web api -l app=web | cannot specify the Certificate resource names [\"web\" \"api\"] in"
                + " conjunction with a label selector",
        "all three | web --all -l app=web | cannot specify the Certificate resource names [\"web\"] in conjunction"
                + " with the --all flag and a label selector",
        "names with -A | web -A | cannot specify Certificate names in conjunction with --all-namespaces flag",
        "neither names nor --all | -n demo | please either supply one or more Certificate resource names, label"
                + " selectors, or use the --all flag to renew all Certificate resources"
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
        assertThat(renew.out()).startsWith("Manually triggered issuance of Certificate demo/web\n");
        assertThat(renew.out()).contains("the renewal takes effect on the next 'certwright local' run");
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

    @ParameterizedTest(name = "{0}")
    @CsvSource({"local", "status certificate", "renew", "inspect secret"})
    void subcommandHelpHasNoVersionOption(String command) {
        String[] args = (command + " --help").split(" ");

        CliRun help = CliRun.of(args);

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("-h, --help");
        assertThat(help.out()).doesNotContain("--version");
    }

    @Test
    void rootHelpDescribesLocalRuntime() {
        CliRun help = CliRun.of("--help");

        assertThat(help.out()).contains("'certwright local DIR' issues and renews the certificates");
        assertThat(help.out()).doesNotContain("for Kubernetes or a plain directory");
    }

    @Test
    void unknownFlagIsUsageError() {
        CliRun run = CliRun.of("local", directory.toString(), "--no-such-flag");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("error: Unknown option: '--no-such-flag'");
    }

    @Test
    void statusSecretShowsUsagesAndKeyIdentifiers() {
        issueQuickstart();

        CliRun root = CliRun.of("status", "certificate", "root-ca", "--dir", directory.toString(), "-n",
                "cert-manager");
        CliRun javaApp = CliRun.of("status", "certificate", "java-app", "--dir", directory.toString(), "-n", "demo");

        assertThat(root.exitCode()).as(root.err()).isZero();
        assertThat(root.out()).contains("  Key Usage: Digital Signature, Key Encipherment, Cert Sign\n");
        assertThat(root.out()).contains("  Extended Key Usages: \n");
        assertThat(root.out()).contains("  Public Key Algorithm: ECDSA\n");
        assertThat(javaApp.out()).contains("  Extended Key Usages: Server Authentication, Client Authentication\n");
        assertThat(javaApp.out()).contains("  Public Key Algorithm: RSA\n");
        assertThat(javaApp.out()).containsPattern("  Subject Key ID: [0-9a-f]{40}\n");
        assertThat(javaApp.out()).containsPattern("  Authority Key ID: [0-9a-f]{40}\n");
    }

    @Test
    void statusOfRejectedCertificateNamesProblem() throws IOException {
        Files.writeString(directory.resolve("invalid.yaml"), """
                apiVersion: cert-manager.io/v1
                kind: Certificate
                metadata:
                  name: invalid
                  namespace: demo
                spec:
                  dnsNames: [invalid.demo.example]
                  issuerRef:
                    name: quickstart-ca
                    kind: ClusterIssuer
                """);
        CliRun.of("local", directory.toString(), "--once");

        CliRun run = CliRun.of("status", "certificate", "invalid", "--dir", directory.toString(), "-n", "demo");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("error: the manifest for Certificate demo/invalid was rejected: invalid.yaml");
        assertThat(run.err()).contains("spec.secretName");
    }

    @Test
    void renewWithoutRuntimeSaysWhenItTakesEffect() {
        issueQuickstart();

        CliRun renew = CliRun.of("renew", "web", "--dir", directory.toString(), "-n", "demo");

        assertThat(renew.out()).endsWith("; the renewal takes effect on the next 'certwright local' run.\n");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "one namespace | --all -n nowhere | No Certificates found in namespace nowhere",
        "selector      | -l app=none -n demo | No Certificates found in namespace demo matching label selector app=none"
    })
    void renewFindingNothingSucceeds(String description, String arguments, String message) {
        issueQuickstart();
        String[] args = Stream.concat(Stream.of("renew", "--dir", directory.toString()),
                Stream.of(arguments.split(" "))).toArray(String[]::new);

        CliRun run = CliRun.of(args);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo(message + "\n");
    }

    @Test
    void renewAllNamespacesFindingNothingSucceeds() throws IOException {
        Path empty = work.resolve("empty");
        Files.createDirectories(empty);
        CliRun.of("local", empty.toString(), "--once");

        CliRun run = CliRun.of("renew", "--all", "-A", "--dir", empty.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("No Certificates found across all namespaces\n");
    }

    @Test
    void renewOfMissingCertificateSuggestsChecks() {
        issueQuickstart();

        CliRun run = CliRun.of("renew", "nope", "--dir", directory.toString(), "-n", "demo");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("Certificate demo/nope not found")
                .contains("check the name, the namespace (-n) and --dir/--state");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "local   | local DIR --once --state FILE",
        "status  | status certificate web --dir DIR --state FILE",
        "renew   | renew web --dir DIR --state FILE"
    })
    void stateThatIsAFileIsExplained(String description, String arguments) throws IOException {
        Path file = Files.writeString(work.resolve("state.txt"), "not a directory");
        String[] args = arguments.replace("DIR", directory.toString()).replace("FILE", file.toString()).split(" ");

        CliRun run = CliRun.of(args);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("error: state directory " + file + " is a file, not a directory; pass"
                + " --state a directory path (it is created when missing), or move the file away\n");
    }

    @Test
    void inspectOfGarbageCertificateNamesSecretAndFile() throws IOException {
        issueQuickstart();
        Path secret = StateLayout.resolve(directory, null).secret("demo", "web-tls");
        Files.writeString(secret.resolve("tls.crt"), "garbage\n");

        CliRun run = CliRun.of("inspect", "secret", "web-tls", "--dir", directory.toString(), "-n", "demo");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("error: Secret demo/web-tls: tls.crt (" + secret.resolve("tls.crt") + ") ");
        assertThat(run.err()).contains("renew the Certificate that writes this Secret");
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
