package io.certwright.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestDirectoryTest {
    @TempDir
    Path directory;

    @Test
    void fieldErrorShowsRuleSpecificFix() throws IOException {
        Files.writeString(directory.resolve("long-name.yaml"), """
                apiVersion: cert-manager.io/v1
                kind: Certificate
                metadata:
                  name: long-name
                  namespace: demo
                spec:
                  secretName: long-name-tls
                  commonName: %s
                  dnsNames: [web.demo.example]
                  issuerRef:
                    kind: ClusterIssuer
                    name: ca
                """.formatted("a".repeat(65)));

        InputProblem problem = onlyProblem();

        assertThat(problem.field()).isEqualTo("spec.commonName");
        assertThat(problem.fix()).isEqualTo("shorten spec.commonName to at most 64 bytes or leave it out and rely on"
                + " dnsNames");
    }

    @Test
    void fieldErrorWithoutSpecificFixHasNoGenericFix() throws IOException {
        Files.writeString(directory.resolve("bad-usage.yaml"), """
                apiVersion: cert-manager.io/v1
                kind: Certificate
                metadata:
                  name: bad-usage
                  namespace: demo
                spec:
                  secretName: bad-usage-tls
                  dnsNames: [web.demo.example]
                  usages: [not a usage]
                  issuerRef:
                    kind: ClusterIssuer
                    name: ca
                """);

        InputProblem problem = onlyProblem();

        assertThat(problem.describe()).doesNotContain("to a valid value");
        assertThat(problem.describe()).doesNotContain("to one of the supported values");
    }

    @Test
    void oversizedFileShowsSizeFixNotReadable() throws IOException {
        Files.write(directory.resolve("huge.yaml"), new byte[3 * 1024 * 1024 + 1]);

        InputProblem problem = onlyProblem();

        assertThat(problem.message()).contains("larger than the 3145728-byte (3 MiB) limit");
        assertThat(problem.fix()).startsWith("split the file");
        assertThat(problem.fix()).doesNotContain("readable");
    }

    @Test
    void nonUtf8FileShowsEncodingFixNotReadable() throws IOException {
        Files.write(directory.resolve("latin1.yaml"), new byte[] {'a', ':', ' ', (byte) 0xE9, '\n'});

        InputProblem problem = onlyProblem();

        assertThat(problem.message()).contains("not UTF-8");
        assertThat(problem.fix()).startsWith("save the file as UTF-8");
        assertThat(problem.fix()).doesNotContain("readable");
    }

    @Test
    void invalidYamlKeepsSyntaxFix() throws IOException {
        Files.writeString(directory.resolve("broken.yaml"), "kind: Certificate\nmetadata: [unclosed\n");

        InputProblem problem = onlyProblem();

        assertThat(problem.fix()).startsWith("correct the YAML syntax there");
    }

    private InputProblem onlyProblem() {
        List<InputProblem> problems = new ManifestDirectory(directory, directory.resolve(".certwright")).read()
                .problems();
        assertThat(problems).hasSize(1);
        return problems.get(0);
    }
}
