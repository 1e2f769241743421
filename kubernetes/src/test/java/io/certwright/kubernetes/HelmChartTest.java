package io.certwright.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Checks of deploy/helm/certwright that need no helm binary: the plain YAML files parse, every value is
 * read by a template, the CRDs and RBAC rules match deploy/, and the Deployment probes /livez. The
 * templates themselves are not rendered.
 */
class HelmChartTest {
    private static final Path DEPLOY = Path.of("..", "deploy");
    private static final Path CHART = DEPLOY.resolve("helm/certwright");
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private static List<JsonNode> documents(Path file) throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> iterator = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            while (iterator.hasNext()) {
                documents.add(iterator.next());
            }
        }
        return documents;
    }

    /** Returns every YAML file of the chart outside templates/, which contains Go templates. */
    static Stream<Path> plainYamlFiles() throws IOException {
        try (Stream<Path> paths = Files.walk(CHART)) {
            return paths.filter(path -> path.toString().endsWith(".yaml"))
                    .filter(path -> !CHART.relativize(path).startsWith("templates"))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    /** Returns the dotted path of every leaf of values.yaml, such as {@code image.repository}. */
    static Stream<String> valuePaths() throws IOException {
        List<String> paths = new ArrayList<>();
        collectLeaves("", documents(CHART.resolve("values.yaml")).get(0), paths);
        return paths.stream();
    }

    private static void collectLeaves(String prefix, JsonNode node, List<String> paths) {
        if (!node.isObject() || node.isEmpty()) {
            paths.add(prefix);
            return;
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            collectLeaves(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), paths);
        }
    }

    private static String templates() throws IOException {
        StringBuilder text = new StringBuilder();
        try (Stream<Path> paths = Files.list(CHART.resolve("templates"))) {
            for (Path path : paths.sorted().toList()) {
                text.append(Files.readString(path, StandardCharsets.UTF_8)).append('\n');
            }
        }
        return text.toString();
    }

    /** Returns the text of a template between {@code rules:} and the next document separator. */
    private static String clusterRoleRules(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int start = text.indexOf("rules:");
        int end = text.indexOf("---", start);
        return text.substring(start, end);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plainYamlFiles")
    void plainYamlFileParses(Path file) throws IOException {
        assertThat(documents(file)).as(file.toString()).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valuePaths")
    void valueIsUsedByTemplate(String path) throws IOException {
        // A map value such as resources is used whole, through its parent key.
        String parent = path.contains(".") ? path.substring(0, path.indexOf('.')) : path;

        assertThat(templates()).containsAnyOf(".Values." + path + " ", ".Values." + path + "\n",
                ".Values." + path + "}", ".Values." + parent + " |");
    }

    @Test
    void chartIsApplicationChart() throws IOException {
        JsonNode chart = documents(CHART.resolve("Chart.yaml")).get(0);

        assertThat(chart.get("apiVersion").asString()).isEqualTo("v2");
        assertThat(chart.get("name").asString()).isEqualTo("certwright");
    }

    @Test
    void chartCrdsMatchDeployCrds() throws IOException {
        List<Path> crds;
        try (Stream<Path> paths = Files.list(DEPLOY.resolve("crds"))) {
            crds = paths.sorted().toList();
        }

        assertThat(crds).isNotEmpty();
        for (Path crd : crds) {
            Path copy = CHART.resolve("crds").resolve(crd.getFileName());
            assertThat(copy).as(copy + " must be a copy of " + crd).hasSameTextualContentAs(crd);
        }
    }

    @Test
    void chartHasNoOtherCrds() throws IOException {
        try (Stream<Path> paths = Files.list(CHART.resolve("crds"))) {
            for (Path crd : paths.toList()) {
                assertThat(DEPLOY.resolve("crds").resolve(crd.getFileName())).exists();
            }
        }
    }

    @Test
    void clusterRoleRulesMatchDeployInstall() throws IOException {
        assertThat(clusterRoleRules(CHART.resolve("templates/rbac.yaml")))
                .isEqualTo(clusterRoleRules(DEPLOY.resolve("install/rbac.yaml")));
    }

    @Test
    void deploymentProbesLivezOnHealthzPort() throws IOException {
        String deployment = Files.readString(CHART.resolve("templates/deployment.yaml"), StandardCharsets.UTF_8);

        assertThat(deployment).containsPattern("livenessProbe:\\s+httpGet:\\s+port: http-healthz\\s+path: /livez");
        assertThat(deployment).containsPattern("name: http-healthz\\s+containerPort: "
                + defaultPort(KubernetesRuntimeSettings.DEFAULT_HEALTHZ_LISTEN_ADDRESS));
    }

    @Test
    void deploymentExposesMetricsPort() throws IOException {
        String deployment = Files.readString(CHART.resolve("templates/deployment.yaml"), StandardCharsets.UTF_8);

        assertThat(deployment).containsPattern("name: http-metrics\\s+containerPort: "
                + defaultPort(KubernetesRuntimeSettings.DEFAULT_METRICS_LISTEN_ADDRESS));
    }

    @Test
    void deploymentRunsControllerCommand() throws IOException {
        String deployment = Files.readString(CHART.resolve("templates/deployment.yaml"), StandardCharsets.UTF_8);

        assertThat(deployment).containsPattern("args:\\s+- controller\\n");
    }

    @Test
    void dockerfileRunsJarAsNonRoot() throws IOException {
        String dockerfile = Files.readString(DEPLOY.resolve("Dockerfile"), StandardCharsets.UTF_8);

        assertThat(dockerfile).contains("FROM eclipse-temurin:17-jre");
        assertThat(dockerfile).contains("COPY cli/target/certwright.jar ");
        assertThat(dockerfile).containsPattern("(?m)^USER [1-9][0-9]*");
        assertThat(dockerfile).contains("ENTRYPOINT [\"java\"");
    }

    @Test
    void solverImageDefaultMatchesControllerDefault() throws IOException {
        JsonNode values = YAML.readTree(CHART.resolve("values.yaml").toFile());

        assertThat(values.at("/acme/http01SolverImage").asString())
                .isEqualTo(io.certwright.kubernetes.http01.SolverSettings.DEFAULT_IMAGE);
        assertThat(values.at("/acme/maxConcurrentChallenges").asInt())
                .isEqualTo(io.certwright.acme.challenges.ChallengeScheduler.DEFAULT_MAX_CONCURRENT);
    }

    private static String defaultPort(String listenAddress) {
        return listenAddress.substring(listenAddress.lastIndexOf(':') + 1);
    }
}
