package io.certwright.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SecretApplyBodyTest {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private static Secret stored() {
        return new SecretBuilder()
                .withNewMetadata()
                .withNamespace("team-a").withName("web-tls")
                .withResourceVersion("41").withUid("0b7c").withCreationTimestamp("2026-12-01T00:00:00Z")
                .withGeneration(3L)
                .withManagedFields(new ManagedFieldsEntryBuilder().withManager("kubectl").withOperation("Update").build())
                .withLabels(Map.of("controller.cert-manager.io/fao", "true"))
                .withAnnotations(Map.of("cert-manager.io/certificate-name", "web"))
                .endMetadata()
                .withType("kubernetes.io/tls")
                .withData(Map.of("tls.crt", "Y2VydA=="))
                .build();
    }

    @Test
    void serverPopulatedMetadataIsLeftOut() {
        JsonNode body = MAPPER.valueToTree(SecretApplyBody.of(stored()));

        assertThat(body.get("metadata").propertyNames())
                .containsExactlyInAnyOrder("name", "namespace", "labels", "annotations");
    }

    @Test
    void managedFieldsAreNeverSent() {
        Secret body = SecretApplyBody.of(stored());

        assertThat(body.getMetadata().getManagedFields()).isNullOrEmpty();
    }

    @Test
    void typeAndDataAreKept() {
        Secret body = SecretApplyBody.of(stored());

        assertThat(body.getType()).isEqualTo("kubernetes.io/tls");
        assertThat(body.getData()).containsExactly(Map.entry("tls.crt", "Y2VydA=="));
    }

    @Test
    void stringDataIsFoldedIntoData() {
        Secret desired = new SecretBuilder(stored()).withStringData(Map.of("ca.crt", "pem")).build();

        Secret body = SecretApplyBody.of(desired);

        assertThat(body.getData()).containsEntry("ca.crt",
                Base64.getEncoder().encodeToString("pem".getBytes(StandardCharsets.UTF_8)));
        assertThat(body.getStringData()).isNullOrEmpty();
    }

    @Test
    void emptyLabelsAreNotSent() {
        Secret desired = new SecretBuilder(stored()).editMetadata().withLabels(Map.of()).endMetadata().build();

        JsonNode body = MAPPER.valueToTree(SecretApplyBody.of(desired));

        assertThat(body.get("metadata").has("labels")).isFalse();
    }

    @Test
    void bodyNamesApiVersionAndKind() {
        Secret desired = stored();
        desired.setApiVersion(null);
        desired.setKind(null);

        Secret body = SecretApplyBody.of(desired);

        assertThat(body.getApiVersion()).isEqualTo("v1");
        assertThat(body.getKind()).isEqualTo("Secret");
    }
}
