package io.certwright.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFeatureGatesTest {
    @TempDir
    Path directory;

    @Test
    void acmeUseAriAccepted() {
        CliRun run = CliRun.of("local", directory.toString(), "--once", "--feature-gates=ACMEUseARI=true");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("0 of 0 Certificates Ready");
    }

    @Test
    void unknownGateIsUsageError() {
        CliRun run = CliRun.of("local", directory.toString(), "--once", "--feature-gates=NoSuchGate=true");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--feature-gates: ").contains("NoSuchGate");
    }

    @Test
    void helpDescribesFeatureGates() {
        CliRun help = CliRun.of("local", "--help");

        assertThat(help.out()).contains("--feature-gates=NAME=BOOL,...", "ACMEUseARI=true");
    }
}
