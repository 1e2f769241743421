package io.certwright.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.FieldsV1;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecretItemStoreTest {
    private static final String ISSUING = "cert-manager-certificates-issuing";

    private final SecretItemStore store = new SecretItemStore(Set.of(ISSUING));

    @Test
    void putKeepsOnlyEntriesOfKeptManagers() {
        Secret secret = secret(entry(ISSUING, "Apply"), entry("kubectl-edit", "Update"), entry("helm", "Update"));

        store.put(store.getKey(secret), secret);

        assertThat(store.get("team-a/web-tls").getMetadata().getManagedFields())
                .extracting(ManagedFieldsEntry::getManager).containsExactly(ISSUING);
    }

    @Test
    void equalFieldSetsAreShared() {
        Secret first = secret(entry(ISSUING, "Apply", "tls.crt"));
        Secret second = secret(entry(ISSUING, "Apply", "tls.crt"));
        second.getMetadata().setName("api-tls");

        store.put(store.getKey(first), first);
        store.put(store.getKey(second), second);

        FieldsV1 firstFields = store.get("team-a/web-tls").getMetadata().getManagedFields().get(0).getFieldsV1();
        FieldsV1 secondFields = store.get("team-a/api-tls").getMetadata().getManagedFields().get(0).getFieldsV1();
        assertThat(secondFields).isSameAs(firstFields);
    }

    @Test
    void differentFieldSetsStayApart() {
        Secret first = secret(entry(ISSUING, "Apply", "tls.crt"));
        Secret second = secret(entry(ISSUING, "Apply", "ca.crt"));
        second.getMetadata().setName("api-tls");

        store.put(store.getKey(first), first);
        store.put(store.getKey(second), second);

        FieldsV1 secondFields = store.get("team-a/api-tls").getMetadata().getManagedFields().get(0).getFieldsV1();
        assertThat(secondFields.getAdditionalProperties()).containsOnlyKeys("f:data");
        assertThat(secondFields.getAdditionalProperties().get("f:data")).isEqualTo(Map.of("f:ca.crt", Map.of()));
    }

    @Test
    void putWithoutKeptManagerLeavesNoManagedFields() {
        Secret secret = secret(entry("kubectl-create", "Update"));

        store.put(store.getKey(secret), secret);

        assertThat(store.get("team-a/web-tls").getMetadata().getManagedFields()).isNull();
    }

    @Test
    void putKeepsDataAndOtherMetadata() {
        Secret secret = secret(entry("kubectl-create", "Update"));

        store.put(store.getKey(secret), secret);

        Secret stored = store.get("team-a/web-tls");
        assertThat(stored.getData()).containsEntry("tls.crt", "Y2VydA==");
        assertThat(stored.getMetadata().getLabels()).containsEntry("controller.cert-manager.io/fao", "true");
    }

    @Test
    void caCertificateAndMetadataAreShared() {
        Secret first = secret(entry(ISSUING, "Apply"));
        Secret second = secret(entry(ISSUING, "Apply"));
        second.getMetadata().setName("api-tls");
        first.getData().put("ca.crt", new String("Y2E=".toCharArray()));
        second.getData().put("ca.crt", new String("Y2E=".toCharArray()));

        store.put(store.getKey(first), first);
        store.put(store.getKey(second), second);

        Secret storedFirst = store.get("team-a/web-tls");
        Secret storedSecond = store.get("team-a/api-tls");
        assertThat(storedSecond.getData().get("ca.crt")).isSameAs(storedFirst.getData().get("ca.crt"));
        assertThat(storedSecond.getMetadata().getNamespace()).isSameAs(storedFirst.getMetadata().getNamespace());
        assertThat(storedSecond.getData().get("tls.crt")).isEqualTo("Y2VydA==");
        assertThat(storedSecond.getData()).containsOnlyKeys("tls.crt", "ca.crt");
        assertThat(storedSecond.getStringData()).isSameAs(Map.of());
    }

    private static ManagedFieldsEntry entry(String manager, String operation) {
        return new ManagedFieldsEntryBuilder().withManager(manager).withOperation(operation).build();
    }

    private static ManagedFieldsEntry entry(String manager, String operation, String dataKey) {
        FieldsV1 fields = new FieldsV1();
        fields.setAdditionalProperty("f:data", new LinkedHashMap<>(Map.of("f:" + dataKey, Map.of())));
        return new ManagedFieldsEntryBuilder().withManager(manager).withOperation(operation)
                .withFieldsType("FieldsV1").withFieldsV1(fields).build();
    }

    private static Secret secret(ManagedFieldsEntry... entries) {
        return new SecretBuilder()
                .withNewMetadata().withNamespace(new String("team-a".toCharArray())).withName("web-tls")
                .addToLabels("controller.cert-manager.io/fao", "true")
                .withManagedFields(Arrays.asList(entries)).endMetadata()
                .addToData("tls.crt", "Y2VydA==")
                .build();
    }
}
