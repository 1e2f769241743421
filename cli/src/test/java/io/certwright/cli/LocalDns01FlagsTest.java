package io.certwright.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LocalDns01FlagsTest {
    @TempDir
    Path directory;

    @Test
    void helpDescribesDns01Flags() {
        CliRun help = CliRun.of("local", "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--dns01-recursive-nameservers=HOST:PORT", "--dns01-recursive-nameservers-only",
                "--dns01-check-retry-period=DURATION", "(default: 10s)", "--dns01-propagation-wait=DURATION",
                "60s, cert-manager's fixed value");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "--dns01-recursive-nameservers | 127.0.0.1 | --dns01-recursive-nameservers: invalid nameserver '127.0.0.1':"
                + " the port is missing",
        "--dns01-recursive-nameservers | ::1:53 | put an IPv6 address in brackets",
        "--dns01-recursive-nameservers | https://dns.example/dns-query | DNS-over-HTTPS nameservers are not supported yet",
        "--dns01-check-retry-period | 10 | --dns01-check-retry-period: ",
        "--dns01-check-retry-period | 0s | --dns01-check-retry-period: must be greater than 0, got 0s",
        "--dns01-propagation-wait | -1s | --dns01-propagation-wait: must not be negative, got -1s",
    })
    void invalidValueIsUsageErrorNamingFlag(String flag, String value, String message) {
        CliRun run = CliRun.of("local", directory.toString(), "--once", flag + "=" + value);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(message);
    }

    @Test
    void validValuesAccepted() {
        CliRun run = CliRun.of("local", directory.toString(), "--once",
                "--dns01-recursive-nameservers=127.0.0.1:5353,[::1]:5353", "--dns01-recursive-nameservers-only",
                "--dns01-check-retry-period=2s", "--dns01-propagation-wait=0s");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("0 of 0 Certificates Ready");
    }
}
