package io.certwright.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.certwright.webhook.WebhookServerSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Checks of the webhook's install manifests in deploy/webhook and of the Helm chart's webhook
 * templates: the registration that cert-manager's chart makes, and a Deployment that serves it.
 * The registration itself is exercised against kube-apiserver by {@code WebhookAdmissionIT}.
 */
class WebhookManifestsTest {
    private static final Path WEBHOOK = Path.of("..", "deploy", "webhook");
    private static final Path CHART_TEMPLATES = Path.of("..", "deploy", "helm", "certwright", "templates");
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

    private static JsonNode object(String file, String kind) throws IOException {
        return documents(WEBHOOK.resolve(file)).stream()
                .filter(document -> document.get("kind").asString().equals(kind))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " in " + file));
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }

    @Test
    void kustomizationListsEveryWebhookFile() throws IOException {
        List<String> files;
        try (Stream<Path> paths = Files.list(WEBHOOK)) {
            files = paths.map(path -> path.getFileName().toString())
                    .filter(name -> !name.equals("kustomization.yaml")).sorted().toList();
        }

        assertThat(strings(documents(WEBHOOK.resolve("kustomization.yaml")).get(0).get("resources")))
                .containsExactlyInAnyOrderElementsOf(files);
    }

    @Test
    void validatingWebhookMatchesCertManagerRegistration() throws IOException {
        JsonNode webhook = object("webhook-configurations.yaml", "ValidatingWebhookConfiguration").at("/webhooks/0");

        assertThat(webhook.get("name").asString()).isEqualTo("webhook.cert-manager.io");
        assertThat(strings(webhook.at("/rules/0/apiGroups"))).containsExactly("cert-manager.io", "acme.cert-manager.io");
        assertThat(strings(webhook.at("/rules/0/apiVersions"))).containsExactly("v1");
        assertThat(strings(webhook.at("/rules/0/operations"))).containsExactly("CREATE", "UPDATE");
        assertThat(strings(webhook.at("/rules/0/resources"))).containsExactly("*/*");
        assertThat(webhook.get("matchPolicy").asString()).isEqualTo("Equivalent");
        assertThat(webhook.get("failurePolicy").asString()).isEqualTo("Fail");
        assertThat(webhook.get("sideEffects").asString()).isEqualTo("None");
        assertThat(strings(webhook.get("admissionReviewVersions"))).containsExactly("v1");
        assertThat(webhook.at("/clientConfig/service/path").asString()).isEqualTo("/validate");
        assertThat(webhook.at("/namespaceSelector/matchExpressions/0/key").asString())
                .isEqualTo("cert-manager.io/disable-validation");
        assertThat(webhook.at("/namespaceSelector/matchExpressions/0/operator").asString()).isEqualTo("NotIn");
    }

    @Test
    void mutatingWebhookOnlyOnRequestCreate() throws IOException {
        JsonNode webhook = object("webhook-configurations.yaml", "MutatingWebhookConfiguration").at("/webhooks/0");

        assertThat(webhook.get("name").asString()).isEqualTo("webhook.cert-manager.io");
        assertThat(strings(webhook.at("/rules/0/apiGroups"))).containsExactly("cert-manager.io");
        assertThat(strings(webhook.at("/rules/0/operations"))).containsExactly("CREATE");
        assertThat(strings(webhook.at("/rules/0/resources"))).containsExactly("certificaterequests");
        assertThat(webhook.get("failurePolicy").asString()).isEqualTo("Fail");
        assertThat(webhook.get("sideEffects").asString()).isEqualTo("None");
        assertThat(webhook.at("/clientConfig/service/path").asString()).isEqualTo("/mutate");
    }

    @Test
    void serviceReachesDeploymentSecurePort() throws IOException {
        JsonNode service = object("webhook.yaml", "Service");
        JsonNode webhookService = object("webhook-configurations.yaml", "ValidatingWebhookConfiguration")
                .at("/webhooks/0/clientConfig/service");
        JsonNode container = object("webhook.yaml", "Deployment").at("/spec/template/spec/containers/0");

        assertThat(webhookService.get("name").asString()).isEqualTo(service.at("/metadata/name").asString());
        assertThat(service.at("/spec/ports/0/port").asInt()).isEqualTo(443);
        assertThat(service.at("/spec/ports/0/targetPort").asString()).isEqualTo("https");
        assertThat(strings(container.get("args"))).contains("webhook", "--secure-port=10250");
        assertThat(container.at("/ports/0/name").asString()).isEqualTo("https");
        assertThat(container.at("/ports/0/containerPort").asInt()).isEqualTo(10250);
    }

    @Test
    void deploymentProbesHealthPort() throws IOException {
        JsonNode container = object("webhook.yaml", "Deployment").at("/spec/template/spec/containers/0");

        assertThat(strings(container.get("args")))
                .contains("--healthz-port=" + WebhookServerSettings.DEFAULT_HEALTHZ_PORT);
        assertThat(container.at("/livenessProbe/httpGet/path").asString()).isEqualTo("/livez");
        assertThat(container.at("/readinessProbe/httpGet/path").asString()).isEqualTo("/healthz");
        assertThat(container.at("/ports/1/containerPort").asInt()).isEqualTo(WebhookServerSettings.DEFAULT_HEALTHZ_PORT);
    }

    @Test
    void webhookMayCreateSubjectAccessReviews() throws IOException {
        JsonNode role = documents(WEBHOOK.resolve("webhook.yaml")).stream()
                .filter(document -> document.at("/metadata/name").asString()
                        .equals("certwright-webhook:subjectaccessreviews"))
                .filter(document -> document.get("kind").asString().equals("ClusterRole"))
                .findFirst().orElseThrow();

        assertThat(strings(role.at("/rules/0/apiGroups"))).containsExactly("authorization.k8s.io");
        assertThat(strings(role.at("/rules/0/resources"))).containsExactly("subjectaccessreviews");
        assertThat(strings(role.at("/rules/0/verbs"))).containsExactly("create");
    }

    @Test
    void controllerMayApproveForIssuerTypes() throws IOException {
        JsonNode role = documents(WEBHOOK.resolve("webhook.yaml")).stream()
                .filter(document -> document.at("/metadata/name").asString().equals("certwright-controller:approve"))
                .filter(document -> document.get("kind").asString().equals("ClusterRole"))
                .findFirst().orElseThrow();

        assertThat(strings(role.at("/rules/0/verbs"))).containsExactly("approve");
        assertThat(strings(role.at("/rules/0/resources"))).containsExactly("signers");
        assertThat(strings(role.at("/rules/0/resourceNames")))
                .containsExactly("issuers.cert-manager.io/*", "clusterissuers.cert-manager.io/*");
    }

    @Test
    void chartWebhookRulesMatchDeployWebhook() throws IOException {
        assertThat(ruleBlocks(CHART_TEMPLATES.resolve("webhook.yaml")))
                .isEqualTo(ruleBlocks(WEBHOOK.resolve("webhook.yaml")));
        assertThat(ruleBlocks(CHART_TEMPLATES.resolve("webhook-configurations.yaml")))
                .isEqualTo(ruleBlocks(WEBHOOK.resolve("webhook-configurations.yaml")));
    }

    @Test
    void chartConfigurationsRequireCaBundle() throws IOException {
        String template = Files.readString(CHART_TEMPLATES.resolve("webhook-configurations.yaml"),
                StandardCharsets.UTF_8);

        assertThat(template).contains("required \"webhook.caBundle is required");
        assertThat(template).containsPattern("matchPolicy: Equivalent\\s+timeoutSeconds: \\{\\{ .Values.webhook"
                + ".timeoutSeconds }}\\s+failurePolicy: Fail\\s+sideEffects: None");
    }

    /** Returns every {@code rules:} block of a file (RBAC rules and webhook rules) with its indentation. */
    private static List<String> ruleBlocks(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Matcher matcher = Pattern.compile("(?m)^( *)rules:\\n((?:\\1  .*\\n)+)").matcher(text);
        List<String> blocks = new ArrayList<>();
        while (matcher.find()) {
            blocks.add(matcher.group(2));
        }
        assertThat(blocks).as("rules blocks in " + file).isNotEmpty();
        return blocks;
    }
}
