package io.certwright.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.certwright.api.model.CertificateRequest;
import io.certwright.api.model.CertificateRequestStatus;
import io.fabric8.kubernetes.api.model.FieldsV1;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ValueInternerTest {
    private final ValueInterner interner = new ValueInterner();

    /** Returns a string equal to {@code value} but a different instance, as a JSON parser produces. */
    private static String fresh(String value) {
        return new String(value.toCharArray());
    }

    private static Map<String, Object> tree(String message, String usage) {
        Map<String, Object> condition = new LinkedHashMap<>();
        condition.put("message", fresh(message));
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("conditions", new ArrayList<>(List.of(condition)));
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("usages", new ArrayList<>(List.of(fresh(usage))));
        spec.put("duration", 3600);
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("spec", spec);
        tree.put("status", status);
        return tree;
    }

    @SuppressWarnings("unchecked")
    private static Object conditionMessage(Map<String, Object> tree) {
        Map<String, Object> status = (Map<String, Object>) tree.get("status");
        List<Object> conditions = (List<Object>) status.get("conditions");
        return ((Map<String, Object>) conditions.get(0)).get("message");
    }

    @SuppressWarnings("unchecked")
    private static Object firstUsage(Map<String, Object> tree) {
        return ((List<Object>) ((Map<String, Object>) tree.get("spec")).get("usages")).get(0);
    }

    @Test
    void internTreeSharesNestedStrings() {
        Map<String, Object> first = tree("Certificate is up to date", "digital signature");
        Map<String, Object> second = tree("Certificate is up to date", "digital signature");

        interner.internTree(first);
        interner.internTree(second);

        assertThat(conditionMessage(second)).isSameAs(conditionMessage(first));
        assertThat(firstUsage(second)).isSameAs(firstUsage(first));
        assertThat(((Map<?, ?>) second.get("spec")).get("duration")).isEqualTo(3600);
    }

    @Test
    void internTreeLeavesLongStrings() {
        String longValue = "x".repeat(ValueInterner.MAX_INTERNED_LENGTH + 1);
        Map<String, Object> first = tree(longValue, "server auth");
        Map<String, Object> second = tree(longValue, "server auth");

        interner.internTree(first);
        interner.internTree(second);

        assertThat(conditionMessage(second)).isEqualTo(conditionMessage(first));
        assertThat(conditionMessage(second)).isNotSameAs(conditionMessage(first));
    }

    private static ObjectMeta metadata(String name) {
        FieldsV1 fields = new FieldsV1();
        fields.setAdditionalProperty("f:data", new LinkedHashMap<>(Map.of("f:tls.crt", Map.of())));
        return new ObjectMetaBuilder().withName(fresh(name)).withNamespace(fresh("team-a"))
                .withLabels(new LinkedHashMap<>(Map.of("app", fresh("web"))))
                .withAnnotations(new LinkedHashMap<>(Map.of("cert-manager.io/issuer-name", fresh("ca"))))
                .addNewOwnerReference().withApiVersion(fresh("cert-manager.io/v1")).withKind(fresh("Certificate"))
                .withName(fresh(name)).withUid(fresh("0b7c")).withController(true).endOwnerReference()
                .withManagedFields(new ArrayList<>(List.of(new ManagedFieldsEntryBuilder().withManager(fresh("issuing"))
                        .withOperation(fresh("Apply")).withFieldsV1(fields).build())))
                .build();
    }

    @Test
    void internMetadataSharesEqualStrings() {
        ObjectMeta first = metadata("web-tls");
        ObjectMeta second = metadata("web-tls");

        interner.internMetadata(first);
        interner.internMetadata(second);

        assertThat(second.getName()).isSameAs(first.getName());
        assertThat(second.getNamespace()).isSameAs(first.getNamespace());
        assertThat(second.getLabels().get("app")).isSameAs(first.getLabels().get("app"));
        assertThat(second.getAnnotations().get("cert-manager.io/issuer-name"))
                .isSameAs(first.getAnnotations().get("cert-manager.io/issuer-name"));
        assertThat(second.getOwnerReferences().get(0).getKind()).isSameAs(first.getOwnerReferences().get(0).getKind());
        assertThat(second.getOwnerReferences().get(0).getUid()).isSameAs(first.getOwnerReferences().get(0).getUid());
        assertThat(second.getManagedFields().get(0).getManager())
                .isSameAs(first.getManagedFields().get(0).getManager());
        assertThat(second.getManagedFields().get(0).getFieldsV1())
                .isSameAs(first.getManagedFields().get(0).getFieldsV1());
        assertThat(second.getOwnerReferences().get(0).getAdditionalProperties()).isSameAs(Map.of());
        assertThat(second.getManagedFields().get(0).getAdditionalProperties()).isSameAs(Map.of());
    }

    @Test
    void internMetadataAcceptsMissingParts() {
        ObjectMeta metadata = new ObjectMeta();

        interner.internMetadata(metadata);
        interner.internMetadata(null);

        assertThat(metadata.getName()).isNull();
        assertThat(metadata.getLabels()).isSameAs(Map.of());
        assertThat(metadata.getFinalizers()).isSameAs(List.of());
        assertThat(metadata.getOwnerReferences()).isSameAs(List.of());
        assertThat(metadata.getAdditionalProperties()).isSameAs(Map.of());
    }

    @Test
    void shareReturnsFirstEqualArray() {
        byte[] first = {1, 2, 3};
        byte[] second = {1, 2, 3};
        byte[] other = {1, 2, 4};

        assertThat(interner.share(first)).isSameAs(first);
        assertThat(interner.share(second)).isSameAs(first);
        assertThat(interner.share(other)).isSameAs(other);
        assertThat(interner.share((byte[]) null)).isNull();
    }

    @Test
    void shareForgetsLeastRecentValues() {
        byte[] first = {0, 0, 0, 0};
        interner.share(first);
        for (int i = 1; i <= ValueInterner.SHARED_VALUES; i++) {
            interner.share(new byte[] {(byte) (i >> 24), (byte) (i >> 16), (byte) (i >> 8), (byte) i});
        }

        byte[] again = {0, 0, 0, 0};

        assertThat(interner.share(again)).isSameAs(again);
    }

    @Test
    void shareKnownValuesSharesRequestCa() {
        CertificateRequest first = requestWithCa();
        CertificateRequest second = requestWithCa();

        interner.shareKnownValues(first);
        interner.shareKnownValues(second);
        interner.shareKnownValues(new CertificateRequest());

        assertThat(second.getStatus().getCa()).isSameAs(first.getStatus().getCa());
        assertThat(second.getStatus().getCertificate()).isNotSameAs(first.getStatus().getCertificate());
    }

    @Test
    void compactCopiesIntoImmutableMap() {
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put("cert-manager.io/issuer-name", fresh("ca"));
        annotations.put("cert-manager.io/common-name", fresh("web.example.com"));

        Map<String, String> compacted = ValueInterner.compact(annotations);
        Map<String, String> again = ValueInterner.compact(new LinkedHashMap<>(annotations));

        assertThat(compacted).isEqualTo(annotations);
        assertThat(again.get("cert-manager.io/issuer-name")).isSameAs(compacted.get("cert-manager.io/issuer-name"));
        assertThatThrownBy(() -> compacted.put("other", "value")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void compactKeepsMapWithNullValue() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("app", null);

        assertThat(ValueInterner.compact(labels)).isSameAs(labels);
        assertThat(ValueInterner.compact(new LinkedHashMap<>())).isSameAs(Map.of());
        assertThat(ValueInterner.compact(null)).isNull();
    }

    @Test
    void shareKnownValuesInternsApiVersionAndKind() {
        CertificateRequest first = requestWithCa();
        CertificateRequest second = requestWithCa();
        second.setApiVersion(fresh(first.getApiVersion()));
        second.setKind(fresh(first.getKind()));

        interner.shareKnownValues(first);
        interner.shareKnownValues(second);

        assertThat(second.getApiVersion()).isSameAs(first.getApiVersion());
        assertThat(second.getKind()).isSameAs(first.getKind());
    }

    @Test
    void shareKnownValuesInternsSecretKind() {
        Secret first = new SecretBuilder().withApiVersion(fresh("v1")).withKind(fresh("Secret")).build();
        Secret second = new SecretBuilder().withApiVersion(fresh("v1")).withKind(fresh("Secret")).build();

        interner.shareKnownValues(first);
        interner.shareKnownValues(second);

        assertThat(second.getApiVersion()).isSameAs(first.getApiVersion());
        assertThat(second.getKind()).isSameAs(first.getKind());
    }

    @Test
    void compactInternsNamedValuesOfAnyLength() {
        String longValue = "Y2E".repeat(ValueInterner.MAX_INTERNED_LENGTH);
        Map<String, String> first = new LinkedHashMap<>(Map.of("ca.crt", fresh(longValue), "tls.crt", fresh(longValue)));
        Map<String, String> second = new LinkedHashMap<>(Map.of("ca.crt", fresh(longValue), "tls.crt", fresh(longValue)));

        Map<String, String> compactedFirst = ValueInterner.compact(first, Set.of("ca.crt"));
        Map<String, String> compactedSecond = ValueInterner.compact(second, Set.of("ca.crt"));

        assertThat(compactedSecond.get("ca.crt")).isSameAs(compactedFirst.get("ca.crt"));
        assertThat(compactedSecond.get("tls.crt")).isNotSameAs(compactedFirst.get("tls.crt"));
        assertThat(compactedSecond).isEqualTo(second);
    }

    private static CertificateRequest requestWithCa() {
        CertificateRequest request = new CertificateRequest();
        CertificateRequestStatus status = new CertificateRequestStatus();
        status.setCa("-----BEGIN CERTIFICATE-----\nca\n".getBytes());
        status.setCertificate("-----BEGIN CERTIFICATE-----\nleaf\n".getBytes());
        request.setStatus(status);
        return request;
    }
}
