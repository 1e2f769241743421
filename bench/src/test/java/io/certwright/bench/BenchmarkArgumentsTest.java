package io.certwright.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BenchmarkArgumentsTest {
    @Test
    void defaultsMatchLocalRuntimeAndControllerLimits() {
        BenchmarkArguments arguments = BenchmarkArguments.parse(new String[0]);

        assertThat(arguments.runtime()).isEqualTo("local");
        assertThat(arguments.count()).isEqualTo(1000);
        assertThat(arguments.key()).isEqualTo("ecdsa");
        assertThat(arguments.workers()).isEqualTo(5);
        assertThat(arguments.unrelatedSecrets()).isZero();
        assertThat(arguments.singleSamples()).isEqualTo(20);
        assertThat(arguments.kubeApiQps()).isEqualTo(20.0);
        assertThat(arguments.kubeApiBurst()).isEqualTo(50);
        assertThat(arguments.restart()).isTrue();
        assertThat(arguments.namespaces()).isEqualTo(1);
        assertThat(arguments.renewalStorm()).isFalse();
        assertThat(arguments.heapDump()).isNull();
    }

    @Test
    void kubernetesOptionsAreParsed() {
        BenchmarkArguments arguments = BenchmarkArguments.parse(new String[] {
            "--runtime", "kubernetes", "--count", "10000", "--key", "rsa", "--workers", "8",
            "--unrelated-secrets", "100000", "--single-samples", "0", "--kube-api-qps", "2500.5",
            "--kube-api-burst", "5000", "--namespaces", "100", "--no-restart", "--renewal-storm",
            "--heap-dump", "/tmp/certwright-bench-arguments-test.hprof"});

        assertThat(arguments.runtime()).isEqualTo("kubernetes");
        assertThat(arguments.count()).isEqualTo(10000);
        assertThat(arguments.key()).isEqualTo("rsa");
        assertThat(arguments.workers()).isEqualTo(8);
        assertThat(arguments.unrelatedSecrets()).isEqualTo(100000);
        assertThat(arguments.singleSamples()).isZero();
        assertThat(arguments.kubeApiQps()).isEqualTo(2500.5);
        assertThat(arguments.kubeApiBurst()).isEqualTo(5000);
        assertThat(arguments.restart()).isFalse();
        assertThat(arguments.namespaces()).isEqualTo(100);
        assertThat(arguments.renewalStorm()).isTrue();
        assertThat(arguments.heapDump()).isEqualTo(Path.of("/tmp/certwright-bench-arguments-test.hprof"));
    }

    @ParameterizedTest(name = "{0} is rejected")
    @CsvSource(delimiter = '|', value = {
        "--runtime docker                          | --runtime must be local or kubernetes, not docker",
        "--count 0                                 | --count must be a positive integer, not 0",
        "--count ten                               | --count must be an integer, not ten",
        "--key ed25519                             | --key must be ecdsa or rsa, not ed25519",
        "--kube-api-qps 0                          | --kube-api-qps must be a positive number, not 0",
        "--kube-api-qps NaN                        | --kube-api-qps must be a positive number, not NaN",
        "--single-samples -1                       | --single-samples must be 0 or a positive integer, not -1",
        "--count                                   | --count needs a value",
        "--verbose                                 | unknown option --verbose",
        "--unrelated-secrets 10                    | --unrelated-secrets needs --runtime kubernetes",
        "--namespaces 4                            | --namespaces needs --runtime kubernetes",
        "--renewal-storm                           | --renewal-storm needs --runtime kubernetes",
        "--heap-dump /tmp/certwright-bench.hprof   | --heap-dump needs --runtime kubernetes",
        "--runtime kubernetes --heap-dump /nonexistent-dir/bench.hprof | directory /nonexistent-dir does not exist",
        "--runtime kubernetes --heap-dump /tmp      | --heap-dump /tmp already exists; name a new file",
    })
    void invalidArgumentIsRejected(String commandLine, String message) {
        String[] args = commandLine.trim().split("\\s+");

        assertThatThrownBy(() -> BenchmarkArguments.parse(args))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
