package io.certwright.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each kind of bad input gets one error that names the file, the object, the field and the fix. */
class ManifestProblemsTest {
    @TempDir
    static Path work;

    static List<InputProblem> problems;

    @BeforeAll
    static void load() throws IOException {
        Path directory = Fixtures.copyQuickstart(work.resolve("quickstart"));
        BadInput.writeAll(directory);
        try (LocalRuntime runtime = LocalRuntime.open(Fixtures.settings(directory, Fixtures.clockAtNow()))) {
            problems = runtime.problems();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unparsable YAML | bad-syntax.yaml | '' | '' | invalid YAML | correct the YAML syntax",
        "unknown kind | unknown-kind.yaml | Ingress web | kind | not a kind Certwright handles | use Certificate",
        "Certificate failing validation | invalid-certificate.yaml | Certificate demo/invalid | spec.secretName"
                + " | Required value | set spec.secretName",
        "CA key not matching certificate | mismatched-ca.yaml | Secret demo/mismatched-ca | data.tls.key"
                + " | does not match | put the private key of that certificate in tls.key",
        "truncated PEM | truncated-ca.yaml | Secret demo/truncated-ca | data.tls.crt | truncated"
                + " | paste the complete certificate"
    })
    void problemNamesFileObjectFieldAndFix(String description, String file, String object, String field,
            String message, String fix) {
        List<InputProblem> matching = problems.stream().filter(problem -> problem.file().equals(Path.of(file))).toList();

        assertThat(matching).hasSize(1);
        InputProblem problem = matching.get(0);
        assertThat(problem.object()).isEqualTo(object);
        assertThat(problem.field()).isEqualTo(field);
        assertThat(problem.message()).contains(message);
        assertThat(problem.fix() + " " + problem.message()).contains(fix);
        assertThat(problem.describe()).startsWith(file + " (document 1): ");
    }
}
