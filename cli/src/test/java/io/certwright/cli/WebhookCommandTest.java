package io.certwright.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.certwright.webhook.WebhookServerSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class WebhookCommandTest {
    @TempDir
    Path directory;

    @Test
    void defaultsMatchCertManagerPorts() {
        WebhookCommand command = parse();

        WebhookServerSettings settings = command.settings();

        assertThat(settings.secureAddress().getPort()).isEqualTo(6443);
        assertThat(settings.healthAddress().getPort()).isEqualTo(6080);
        assertThat(settings.tlsMinVersion()).isEqualTo("TLSv1.2");
    }

    @Test
    void bindAddressLimitsBothEndpoints() {
        WebhookServerSettings settings = parse("--bind-address=127.0.0.1").settings();

        assertThat(settings.secureAddress().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(settings.healthAddress().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(parse().settings().secureAddress().getAddress().isAnyLocalAddress()).isTrue();
    }

    @Test
    void bindAddressHostNameRejected() {
        WebhookCommand command = parse("--bind-address=webhook.example");

        assertThatThrownBy(command::settings).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--bind-address webhook.example is not an IP address");
    }

    @Test
    void tlsMinVersionTakesGoNames() {
        WebhookCommand command = parse("--tls-min-version=VersionTLS13");

        assertThat(command.settings().tlsMinVersion()).isEqualTo("TLSv1.3");
    }

    @Test
    void unknownTlsVersionIsUsageError() {
        CliRun run = CliRun.of("webhook", "--tls-min-version=TLS1.1", "--tls-cert-file=a", "--tls-private-key-file=b");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("invalid --tls-min-version TLS1.1; use VersionTLS12 or VersionTLS13");
    }

    @Test
    void missingTlsFilesIsUsageError() {
        CliRun run = CliRun.of("webhook");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--tls-cert-file and --tls-private-key-file are required");
    }

    @Test
    void unreadableCertificateFileIsUsageError() throws Exception {
        Path certificate = directory.resolve("tls.crt");
        Path key = directory.resolve("tls.key");
        Files.writeString(certificate, "not a certificate");
        Files.writeString(key, "not a key");

        CliRun run = CliRun.of("webhook", "--tls-cert-file=" + certificate, "--tls-private-key-file=" + key);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--tls-cert-file " + certificate);
    }

    @Test
    void dynamicServingIsUsageError() {
        CliRun run = CliRun.of("webhook", "--dynamic-serving-ca-secret-name=cert-manager-webhook-ca");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--dynamic-serving-* flags are not supported yet");
    }

    @Test
    void nonDefaultFeatureGateIsUsageError() {
        CliRun run = CliRun.of("webhook", "--feature-gates=OtherNames=false");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("feature gate OtherNames=false is not supported");
    }

    private static WebhookCommand parse(String... arguments) {
        WebhookCommand command = new WebhookCommand();
        new CommandLine(command).parseArgs(arguments);
        return command;
    }
}
