package io.certwright.core.cluster;

import static io.certwright.core.cluster.InMemoryClusterTest.secret;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.certwright.api.Json;
import io.certwright.core.time.MutableClock;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Secret;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretApplyTest {
    private static final String ISSUING = "cert-manager-certificates-issuing";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final InMemoryCluster cluster = new InMemoryCluster(clock);

    @Test
    void applyCreatesMissingSecret() {
        Secret applied = cluster.applySecret(issued(Map.of("tls.crt", "Y2VydA==", "tls.key", "a2V5")), ISSUING);

        assertThat(applied.getMetadata().getUid()).isNotEmpty();
        assertThat(applied.getData()).containsOnlyKeys("tls.crt", "tls.key");
        assertThat(applied.getType()).isEqualTo("kubernetes.io/tls");
    }

    @Test
    void managedFieldsEntryHasKubernetesShape() throws Exception {
        Secret applied = cluster.applySecret(issued(Map.of("tls.crt", "Y2VydA==", "tls.key", "a2V5")), ISSUING);

        ManagedFieldsEntry entry = applied.getMetadata().getManagedFields().get(0);
        assertThat(entry.getManager()).isEqualTo(ISSUING);
        assertThat(entry.getOperation()).isEqualTo("Apply");
        assertThat(entry.getApiVersion()).isEqualTo("v1");
        assertThat(entry.getFieldsType()).isEqualTo("FieldsV1");
        assertThat(entry.getTime()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(Json.json().writeValueAsString(entry.getFieldsV1())).isEqualTo(
                "{\"f:metadata\":{\"f:labels\":{\"f:controller.cert-manager.io/fao\":{}},"
                        + "\"f:annotations\":{\"f:cert-manager.io/certificate-name\":{}}},"
                        + "\"f:data\":{\"f:tls.crt\":{},\"f:tls.key\":{}},\"f:type\":{}}");
    }

    @Test
    void applyKeepsLabelAddedByUserUpdate() {
        cluster.applySecret(issued(Map.of("tls.crt", "Y2VydA==")), ISSUING);
        Secret stored = cluster.get(ResourceKind.SECRET, "default", "web-tls").orElseThrow();
        Map<String, String> labels = new LinkedHashMap<>(stored.getMetadata().getLabels());
        labels.put("team", "payments");
        stored.getMetadata().setLabels(labels);
        cluster.update(ResourceKind.SECRET, stored);

        Secret reapplied = cluster.applySecret(issued(Map.of("tls.crt", "bmV3")), ISSUING);

        assertThat(reapplied.getMetadata().getLabels()).containsEntry("team", "payments");
        assertThat(reapplied.getData()).containsEntry("tls.crt", "bmV3");
    }

    @Test
    void userUpdateIsRecordedForUnknownManager() {
        cluster.applySecret(issued(Map.of("tls.crt", "Y2VydA==")), ISSUING);
        Secret stored = cluster.get(ResourceKind.SECRET, "default", "web-tls").orElseThrow();
        Map<String, String> labels = new LinkedHashMap<>(stored.getMetadata().getLabels());
        labels.put("team", "payments");
        stored.getMetadata().setLabels(labels);

        Secret updated = cluster.update(ResourceKind.SECRET, stored);

        assertThat(ManagedFields.ownedPaths(updated, "unknown")).containsExactly("metadata.labels.team");
        assertThat(ManagedFields.ownedPaths(updated, ISSUING)).doesNotContain("metadata.labels.team");
    }

    @Test
    void applyPrunesKeysItNoLongerSends() {
        cluster.applySecret(issued(Map.of("tls.crt", "Y2VydA==", "ca.crt", "Y2E=")), ISSUING);

        Secret reapplied = cluster.applySecret(issued(Map.of("tls.crt", "Y2VydA==")), ISSUING);

        assertThat(reapplied.getData()).containsOnlyKeys("tls.crt");
        assertThat(ManagedFields.ownedPaths(reapplied, ISSUING)).doesNotContain("data.ca.crt");
    }

    @Test
    void applyKeepsPrunedKeyOwnedByAnotherManager() {
        cluster.applySecret(issued(Map.of("tls.crt", "Y2VydA==", "ca.crt", "Y2E=")), ISSUING);
        Secret other = secret("default", "web-tls", Map.of("ca.crt", "Y2E="));
        cluster.applySecret(other, "trust-manager");

        Secret reapplied = cluster.applySecret(issued(Map.of("tls.crt", "Y2VydA==")), ISSUING);

        assertThat(reapplied.getData()).containsKey("ca.crt");
    }

    @Test
    void applyKeepsForeignDataKeys() {
        Secret existing = secret("default", "web-tls", Map.of("extra", "ZXh0cmE="));
        existing.setType("kubernetes.io/tls");
        cluster.create(ResourceKind.SECRET, existing);

        Secret applied = cluster.applySecret(issued(Map.of("tls.crt", "Y2VydA==")), ISSUING);

        assertThat(applied.getData()).containsOnlyKeys("extra", "tls.crt");
    }

    @Test
    void forcedApplyTakesOwnershipFromOtherManagers() {
        Secret existing = secret("default", "web-tls", Map.of("tls.crt", "b2xk"));
        existing.setType("kubernetes.io/tls");
        cluster.create(ResourceKind.SECRET, existing);

        Secret applied = cluster.applySecret(issued(Map.of("tls.crt", "bmV3")), ISSUING);

        assertThat(ManagedFields.ownedPaths(applied, ISSUING)).contains("data.tls.crt");
        assertThat(ManagedFields.ownedPaths(applied, "unknown")).doesNotContain("data.tls.crt");
    }

    @Test
    void ownedPathsListsEveryKind() {
        Secret desired = issued(Map.of("tls.crt", "Y2VydA=="));
        OwnerReference reference = new OwnerReference();
        reference.setUid("c0ffee");
        reference.setKind("Certificate");
        reference.setName("web");
        reference.setController(true);
        desired.getMetadata().setOwnerReferences(List.of(reference));

        Secret applied = cluster.applySecret(desired, ISSUING);

        assertThat(ManagedFields.ownedPaths(applied, ISSUING)).containsExactly(
                "metadata.labels.controller.cert-manager.io/fao",
                "metadata.annotations.cert-manager.io/certificate-name",
                "metadata.ownerReferences",
                "data.tls.crt",
                "type");
    }

    @Test
    void applyRemovesOwnerReferenceItNoLongerSends() {
        Secret desired = issued(Map.of("tls.crt", "Y2VydA=="));
        OwnerReference reference = new OwnerReference();
        reference.setUid("c0ffee");
        reference.setKind("Certificate");
        reference.setName("web");
        desired.getMetadata().setOwnerReferences(List.of(reference));
        cluster.applySecret(desired, ISSUING);

        Secret reapplied = cluster.applySecret(issued(Map.of("tls.crt", "Y2VydA==")), ISSUING);

        assertThat(reapplied.getMetadata().getOwnerReferences()).isEmpty();
    }

    @Test
    void unchangedApplyKeepsResourceVersionAndTime() {
        Secret first = cluster.applySecret(issued(Map.of("tls.crt", "Y2VydA==")), ISSUING);
        clock.advance(Duration.ofMinutes(5));

        Secret second = cluster.applySecret(issued(Map.of("tls.crt", "Y2VydA==")), ISSUING);

        assertThat(second.getMetadata().getResourceVersion()).isEqualTo(first.getMetadata().getResourceVersion());
        assertThat(second.getMetadata().getManagedFields().get(0).getTime()).isEqualTo("2026-01-01T00:00:00Z");
    }

    @Test
    void changedApplyMovesEntryTime() {
        cluster.applySecret(issued(Map.of("tls.crt", "Y2VydA==")), ISSUING);
        clock.advance(Duration.ofMinutes(5));

        Secret second = cluster.applySecret(issued(Map.of("tls.crt", "bmV3")), ISSUING);

        assertThat(second.getMetadata().getManagedFields().get(0).getTime()).isEqualTo("2026-01-01T00:05:00Z");
    }

    @Test
    void applyCannotChangeSecretType() {
        cluster.applySecret(issued(Map.of("tls.crt", "Y2VydA==")), ISSUING);
        Secret opaque = issued(Map.of("tls.crt", "Y2VydA=="));
        opaque.setType("Opaque");

        assertThatThrownBy(() -> cluster.applySecret(opaque, ISSUING))
                .isInstanceOf(ClusterException.Invalid.class)
                .hasMessageContaining("type is immutable");
    }

    @Test
    void ownedPathsIsEmptyWithoutManagedFields() {
        assertThat(ManagedFields.ownedPaths(secret("default", "plain", Map.of()), ISSUING)).isEmpty();
    }

    private static Secret issued(Map<String, String> data) {
        Secret secret = secret("default", "web-tls", new LinkedHashMap<>(data));
        secret.setType("kubernetes.io/tls");
        secret.getMetadata().setLabels(Map.of("controller.cert-manager.io/fao", "true"));
        secret.getMetadata().setAnnotations(Map.of("cert-manager.io/certificate-name", "web"));
        return secret;
    }
}
