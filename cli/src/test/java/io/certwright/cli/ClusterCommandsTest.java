package io.certwright.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Checks of the cluster commands that fail before any request is sent, so they need no API server. */
class ClusterCommandsTest {
    @TempDir
    Path work;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "status  | status certificate web --kubeconfig FILE --dir DIR",
        "renew   | renew web --context admin --state DIR",
        "inspect | inspect secret web-tls --kubeconfig FILE --dir DIR"
    })
    void clusterAndStateOptionsConflict(String description, String arguments) {
        CliRun run = CliRun.of(arguments.replace("FILE", work.resolve("config").toString())
                .replace("DIR", work.toString()).split(" "));

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("error: --kubeconfig and --context address a cluster, --dir and --state a"
                + " state directory; give options of one kind only\n");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "status    | status certificate web",
        "renew     | renew web",
        "approve   | approve web-1",
        "check api | check api"
    })
    void missingKubeconfigFileIsNamed(String description, String arguments) {
        Path missing = work.resolve("missing-kubeconfig");
        String[] args = Stream.concat(Stream.of(arguments.split(" ")), Stream.of("--kubeconfig", missing.toString()))
                .toArray(String[]::new);

        CliRun run = CliRun.of(args);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.err()).isEqualTo("error: kubeconfig file " + missing
                + " does not exist or is not a file; check --kubeconfig\n");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "approve without reason  | approve web-1 --reason= | a reason must be given as to who approved this"
                + " CertificateRequest",
        "deny without message    | deny web-1 --message=   | a message must be given as to why this"
                + " CertificateRequest is denied"
    })
    void decisionRequiresReasonAndMessage(String description, String arguments, String message) throws IOException {
        Path kubeconfig = Files.writeString(work.resolve("config"), "apiVersion: v1\nkind: Config\n");
        String[] args = Stream.concat(Stream.of(arguments.split(" ")), Stream.of("--kubeconfig", kubeconfig.toString()))
                .toArray(String[]::new);

        CliRun run = CliRun.of(args);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("error: " + message + "\n");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no template      | create certificaterequest cr1 | the path to a YAML manifest of a Certificate resource"
                + " cannot be empty, please specify by using --from-certificate-file flag",
        "same files       | create cr cr1 --from-certificate-file c.yaml --fetch-certificate --output-key-file x"
                + " --output-certificate-file x | the file to store private key cannot be the same as the file to"
                + " store certificate",
        "cert without fetch | create cr cr1 --from-certificate-file c.yaml --output-certificate-file x.crt"
                + " | cannot specify file to store certificate if not waiting for and fetching certificate, please"
                + " set --fetch-certificate flag"
    })
    void createRequestRejectsFlagCombination(String description, String arguments, String message) {
        CliRun run = CliRun.of(arguments.split(" "));

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("error: " + message + "\n");
    }

    @Test
    void createRequestWritesNoKeyForInvalidTemplate() throws IOException {
        Path template = Files.writeString(work.resolve("issuer.yaml"), "apiVersion: v1\nkind: ConfigMap\n");
        Path key = work.resolve("cr1.key");

        CliRun run = CliRun.of("create", "cr", "cr1", "--from-certificate-file", template.toString(),
                "--output-key-file", key.toString(), "--kubeconfig", work.resolve("missing").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.err()).startsWith("error: decoded object is not a v1 Certificate");
        assertThat(key).doesNotExist();
    }
}
