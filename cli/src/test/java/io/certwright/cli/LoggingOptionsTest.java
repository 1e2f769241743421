package io.certwright.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LoggingOptionsTest {
    @Test
    void failedWriteIsOneLineAtInfo() {
        String log = logWriteFailure("info");

        assertThat(log.lines()).hasSize(1);
        assertThat(log).contains("storing Secret demo/web-tls failed (IOException: No space left on device)");
    }

    @Test
    void failedWriteHasStackTraceAtDebug() {
        String log = logWriteFailure("debug");

        assertThat(log).contains("\tat ");
        assertThat(log).contains("No space left on device");
    }

    private static String logWriteFailure(String level) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            LoggingOptions options = new LoggingOptions();
            options.level = level;
            options.apply();
            LoggerFactory.getLogger("io.certwright.local.DirectoryCluster").error("storing {} {}/{} failed", "Secret",
                    "demo", "web-tls", new UncheckedIOException("writing /state/secrets/demo/..web-tls.1/tls.crt",
                            new IOException("No space left on device")));
        } finally {
            System.setErr(original);
            new LoggingOptions().apply();
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
