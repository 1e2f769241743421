package io.certwright.kubernetes.crd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks that deploy/crds holds exactly what the generator writes today. To rewrite the files after a
 * model change, run {@code mvn -o -f kubernetes/pom.xml test -Dtest=CrdFilesTest -Dcertwright.crds.write=true}.
 */
class CrdFilesTest {
    private static final Path CRD_DIRECTORY = Path.of("..", "deploy", "crds");

    static Stream<CrdDefinition> definitions() {
        return CertManagerCrds.ALL.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("definitions")
    void committedCrdMatchesGenerator(CrdDefinition definition) throws IOException {
        Path file = CRD_DIRECTORY.resolve(CrdGenerator.fileName(definition));
        String generated = CrdGenerator.yaml(definition);
        if (Boolean.getBoolean("certwright.crds.write")) {
            Files.createDirectories(CRD_DIRECTORY);
            Files.writeString(file, generated, StandardCharsets.UTF_8);
        }

        assertThat(file).as("%s is missing; rewrite it with -Dcertwright.crds.write=true", file).exists();
        assertThat(Files.readString(file, StandardCharsets.UTF_8))
                .as("%s is out of date; rewrite it with -Dcertwright.crds.write=true", file)
                .isEqualTo(generated);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("definitions")
    void generationIsRepeatable(CrdDefinition definition) {
        assertThat(CrdGenerator.yaml(definition)).isEqualTo(CrdGenerator.yaml(definition));
    }
}
