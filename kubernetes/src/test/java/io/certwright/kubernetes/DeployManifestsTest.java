package io.certwright.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.certwright.kubernetes.crd.CertManagerCrds;
import io.certwright.kubernetes.crd.CrdDefinition;
import io.certwright.kubernetes.crd.CrdGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.yaml.YAMLMapper;

class DeployManifestsTest {
    private static final Path DEPLOY = Path.of("..", "deploy");
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

    private static List<String> kustomizationResources() throws IOException {
        List<String> resources = new ArrayList<>();
        documents(DEPLOY.resolve("kustomization.yaml")).get(0).get("resources")
                .forEach(resource -> resources.add(resource.asString()));
        return resources;
    }

    @Test
    void kustomizationListsEveryCrd() throws IOException {
        List<String> resources = kustomizationResources();

        for (CrdDefinition definition : CertManagerCrds.ALL) {
            assertThat(resources).contains("crds/" + CrdGenerator.fileName(definition));
        }
    }

    @Test
    void kustomizationListsEveryInstallFile() throws IOException {
        List<String> files;
        try (Stream<Path> paths = Files.list(DEPLOY.resolve("install"))) {
            files = paths.map(path -> "install/" + path.getFileName()).sorted().toList();
        }

        assertThat(kustomizationResources()).containsAll(files);
    }

    @Test
    void deploymentRunsControllerImage() throws IOException {
        JsonNode container = documents(DEPLOY.resolve("install/deployment.yaml")).get(0)
                .at("/spec/template/spec/containers/0");

        assertThat(container.get("image").asString()).isEqualTo("certwright/certwright:dev");
        assertThat(container.at("/args/0").asString()).isEqualTo("controller");
    }

    @Test
    void clusterRoleGrantsNoWildcards() throws IOException {
        JsonNode clusterRole = documents(DEPLOY.resolve("install/rbac.yaml")).stream()
                .filter(document -> document.get("kind").asString().equals("ClusterRole"))
                .findFirst().orElseThrow();

        for (JsonNode rule : clusterRole.get("rules")) {
            assertThat(rule.toString()).as(rule.toString()).doesNotContain("\"*\"");
        }
    }

    @Test
    void controllerMayNotCreateCertificates() throws IOException {
        JsonNode clusterRole = documents(DEPLOY.resolve("install/rbac.yaml")).stream()
                .filter(document -> document.get("kind").asString().equals("ClusterRole"))
                .findFirst().orElseThrow();

        for (JsonNode rule : clusterRole.get("rules")) {
            if (rule.get("resources").toString().contains("\"certificates\"")) {
                assertThat(rule.get("verbs").toString()).as(rule.toString()).doesNotContain("create");
            }
        }
    }

    @Test
    void clusterRoleCoversAcmeOrdersChallengesAndSolverObjects() throws IOException {
        JsonNode clusterRole = documents(DEPLOY.resolve("install/rbac.yaml")).stream()
                .filter(document -> document.get("kind").asString().equals("ClusterRole"))
                .findFirst().orElseThrow();

        assertThat(verbs(clusterRole, "acme.cert-manager.io", "orders"))
                .contains("get", "list", "watch", "create", "update", "delete");
        assertThat(verbs(clusterRole, "acme.cert-manager.io", "challenges"))
                .contains("get", "list", "watch", "create", "update", "delete");
        assertThat(verbs(clusterRole, "acme.cert-manager.io", "orders/status")).contains("update");
        assertThat(verbs(clusterRole, "acme.cert-manager.io", "challenges/status")).contains("update");
        assertThat(verbs(clusterRole, "acme.cert-manager.io", "challenges/finalizers")).contains("update");
        assertThat(verbs(clusterRole, "cert-manager.io", "certificaterequests/finalizers")).contains("update");
        assertThat(verbs(clusterRole, "", "pods")).contains("get", "list", "watch", "create", "delete");
        assertThat(verbs(clusterRole, "", "services")).contains("get", "list", "watch", "create", "delete");
        assertThat(verbs(clusterRole, "networking.k8s.io", "ingresses"))
                .contains("get", "list", "watch", "create", "update", "delete");
    }

    /** Returns the verbs that the rules of a role grant on one resource of one API group. */
    private static List<String> verbs(JsonNode role, String group, String resource) {
        List<String> verbs = new ArrayList<>();
        for (JsonNode rule : role.get("rules")) {
            boolean groupMatches = false;
            for (JsonNode candidate : rule.get("apiGroups")) {
                groupMatches |= candidate.asString().equals(group);
            }
            boolean resourceMatches = false;
            for (JsonNode candidate : rule.get("resources")) {
                resourceMatches |= candidate.asString().equals(resource);
            }
            if (groupMatches && resourceMatches) {
                rule.get("verbs").forEach(verb -> verbs.add(verb.asString()));
            }
        }
        return verbs;
    }
}
