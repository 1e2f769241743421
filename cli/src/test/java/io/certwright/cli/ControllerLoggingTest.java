package io.certwright.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.certwright.api.Json;
import io.certwright.core.cluster.InMemoryCluster;
import io.certwright.core.cluster.ObjectKey;
import io.certwright.core.controller.ControllerDefinition;
import io.certwright.core.controller.ControllerManager;
import io.certwright.core.controller.RateLimit;
import io.certwright.core.controller.Result;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;

/** {@code --log-format} on {@code certwright controller} and the reconcile context in its log lines. */
class ControllerLoggingTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);

    @Test
    void logFormatAfterControllerSetsRootOption() {
        CommandLine commandLine = Main.commandLine();
        commandLine.parseArgs("controller", "--log-format", "json");

        CertwrightCommand root = commandLine.getCommand();
        assertThat(root.logging.format).isEqualTo(LoggingOptions.Format.json);
    }

    @Test
    void logFormatBeforeControllerSetsRootOption() {
        CommandLine commandLine = Main.commandLine();
        commandLine.parseArgs("--log-format", "json", "controller");

        CertwrightCommand root = commandLine.getCommand();
        assertThat(root.logging.format).isEqualTo(LoggingOptions.Format.json);
    }

    @Test
    void jsonReconcileLineCarriesResourceKeys() {
        JsonNode line = Json.json().readTree(reconcileLog(LoggingOptions.Format.json));

        assertThat(line.path("formattedMessage").asText()).isEqualTo("reconciled the object");
        assertThat(line.path("mdc").path("controller").asText()).isEqualTo("certificates-readiness");
        assertThat(line.path("mdc").path("resource_kind").asText()).isEqualTo("Certificate");
        assertThat(line.path("mdc").path("resource_namespace").asText()).isEqualTo("demo");
        assertThat(line.path("mdc").path("resource_name").asText()).isEqualTo("web");
    }

    @Test
    void textReconcileLineEndsWithObjectKey() {
        String line = reconcileLog(LoggingOptions.Format.text);

        assertThat(line).endsWith("reconciled the object [demo/web]\n");
    }

    /** Runs one reconcile through the real ControllerManager and returns what it logged. */
    private static String reconcileLog(LoggingOptions.Format format) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (ControllerManager manager = new ControllerManager(new InMemoryCluster(CLOCK), CLOCK)) {
            LoggingOptions options = new LoggingOptions();
            options.format = format;
            options.apply();
            manager.register(new ControllerDefinition("certificates-readiness", key -> {
                LoggerFactory.getLogger("io.certwright.core.certificates.Readiness").info("reconciled the object");
                return Result.done();
            }, RateLimit.CERTIFICATES, (kind, object) -> List.of()).withResourceKind("Certificate"));
            manager.enqueue("certificates-readiness", new ObjectKey("demo", "web"));
            manager.runUntilIdle();
        } finally {
            System.setErr(original);
            new LoggingOptions().apply();
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
