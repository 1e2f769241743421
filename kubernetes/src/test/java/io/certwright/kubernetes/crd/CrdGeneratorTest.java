package io.certwright.kubernetes.crd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

class CrdGeneratorTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private static JsonNode crd(CrdDefinition definition) {
        return YAML.readTree(CrdGenerator.yaml(definition));
    }

    private static JsonNode version(CrdDefinition definition) {
        return crd(definition).at("/spec/versions/0");
    }

    private static JsonNode schema(CrdDefinition definition) {
        return version(definition).at("/schema/openAPIV3Schema");
    }

    @Test
    void yamlReadsBackAsTheDocument() {
        JsonNode expected = JSON.valueToTree(CrdGenerator.document(CertManagerCrds.CERTIFICATE));

        assertThat(crd(CertManagerCrds.CERTIFICATE)).isEqualTo(expected);
    }

    @Test
    void onlyV1IsServedAndStored() {
        JsonNode versions = crd(CertManagerCrds.CERTIFICATE).at("/spec/versions");

        assertThat(versions.size()).isEqualTo(1);
        assertThat(versions.get(0).get("name").asString()).isEqualTo("v1");
        assertThat(versions.get(0).get("served").asBoolean()).isTrue();
        assertThat(versions.get(0).get("storage").asBoolean()).isTrue();
    }

    @Test
    void statusSubresourceIsEnabled() {
        for (CrdDefinition definition : CertManagerCrds.ALL) {
            assertThat(version(definition).at("/subresources/status").isObject()).as(definition.crdName()).isTrue();
        }
    }

    @Test
    void shortNamesMatchCertManager() {
        assertThat(names(CertManagerCrds.CERTIFICATE, "shortNames")).containsExactly("cert", "certs");
        assertThat(names(CertManagerCrds.CERTIFICATE_REQUEST, "shortNames")).containsExactly("cr", "crs");
        assertThat(names(CertManagerCrds.ISSUER, "shortNames")).containsExactly("iss");
        assertThat(names(CertManagerCrds.CLUSTER_ISSUER, "shortNames")).containsExactly("ciss");
    }

    @Test
    void acmeKindsHaveNoShortNames() {
        for (CrdDefinition definition : List.of(CertManagerCrds.ORDER, CertManagerCrds.CHALLENGE)) {
            assertThat(crd(definition).at("/spec/names").has("shortNames")).as(definition.crdName()).isFalse();
        }
    }

    @Test
    void certManagerKindsAreInCertManagerCategory() {
        for (CrdDefinition definition : List.of(CertManagerCrds.CERTIFICATE, CertManagerCrds.CERTIFICATE_REQUEST,
                CertManagerCrds.ISSUER, CertManagerCrds.CLUSTER_ISSUER)) {
            assertThat(names(definition, "categories")).as(definition.crdName()).containsExactly("cert-manager");
        }
    }

    @Test
    void acmeKindsAreInBothCategories() {
        for (CrdDefinition definition : List.of(CertManagerCrds.ORDER, CertManagerCrds.CHALLENGE)) {
            assertThat(names(definition, "categories")).as(definition.crdName())
                    .containsExactly("cert-manager", "cert-manager-acme");
        }
    }

    @Test
    void acmeKindsAreNamespacedInAcmeGroup() {
        for (CrdDefinition definition : List.of(CertManagerCrds.ORDER, CertManagerCrds.CHALLENGE)) {
            JsonNode spec = crd(definition).at("/spec");

            assertThat(spec.get("group").asString()).as(definition.crdName()).isEqualTo("acme.cert-manager.io");
            assertThat(spec.get("scope").asString()).as(definition.crdName()).isEqualTo("Namespaced");
        }
    }

    @Test
    void acmeCrdNamesMatchCertManager() {
        assertThat(crd(CertManagerCrds.ORDER).at("/metadata/name").asString())
                .isEqualTo("orders.acme.cert-manager.io");
        assertThat(crd(CertManagerCrds.CHALLENGE).at("/metadata/name").asString())
                .isEqualTo("challenges.acme.cert-manager.io");
    }

    @Test
    void everyCrdServesOnlyV1() {
        for (CrdDefinition definition : CertManagerCrds.ALL) {
            JsonNode versions = crd(definition).at("/spec/versions");

            assertThat(versions.size()).as(definition.crdName()).isEqualTo(1);
            assertThat(versions.get(0).get("name").asString()).as(definition.crdName()).isEqualTo("v1");
            assertThat(versions.get(0).get("storage").asBoolean()).as(definition.crdName()).isTrue();
        }
    }

    @Test
    void clusterIssuerIsClusterScoped() {
        assertThat(crd(CertManagerCrds.CLUSTER_ISSUER).at("/spec/scope").asString()).isEqualTo("Cluster");
        assertThat(crd(CertManagerCrds.ISSUER).at("/spec/scope").asString()).isEqualTo("Namespaced");
    }

    @Test
    void certificatePrinterColumnsMatchCertManager() {
        JsonNode columns = version(CertManagerCrds.CERTIFICATE).get("additionalPrinterColumns");

        List<String> rendered = new ArrayList<>();
        for (JsonNode column : columns) {
            rendered.add(column.get("name").asString() + "|" + column.get("jsonPath").asString() + "|"
                    + column.get("type").asString() + "|" + column.path("priority").asInt(0));
        }

        assertThat(rendered).containsExactly(
                "Ready|.status.conditions[?(@.type == \"Ready\")].status|string|0",
                "Secret|.spec.secretName|string|0",
                "Issuer|.spec.issuerRef.name|string|1",
                "Status|.status.conditions[?(@.type == \"Ready\")].message|string|1",
                "Expiration|.status.notAfter|string|1",
                "Age|.metadata.creationTimestamp|date|0");
    }

    @Test
    void certificateRequestPrinterColumnsMatchCertManager() {
        JsonNode columns = version(CertManagerCrds.CERTIFICATE_REQUEST).get("additionalPrinterColumns");

        List<String> names = new ArrayList<>();
        columns.forEach(column -> names.add(column.get("name").asString()));

        assertThat(names).containsExactly("Approved", "Denied", "Ready", "Issuer", "Requester", "Status", "Age");
    }

    @Test
    void orderPrinterColumnsMatchCertManager() {
        assertThat(columns(CertManagerCrds.ORDER)).containsExactly(
                "State|.status.state|string|0",
                "Issuer|.spec.issuerRef.name|string|1",
                "Reason|.status.reason|string|1",
                "Age|.metadata.creationTimestamp|date|0");
    }

    @Test
    void challengePrinterColumnsMatchCertManager() {
        assertThat(columns(CertManagerCrds.CHALLENGE)).containsExactly(
                "State|.status.state|string|0",
                "Domain|.spec.dnsName|string|0",
                "Reason|.status.reason|string|1",
                "Age|.metadata.creationTimestamp|date|0");
    }

    @Test
    void acmeStatesAreEnums() {
        String states = "[\"valid\",\"ready\",\"pending\",\"processing\",\"invalid\",\"expired\",\"errored\"]";

        assertThat(schema(CertManagerCrds.ORDER).at("/properties/status/properties/state/enum").toString())
                .isEqualTo(states);
        assertThat(schema(CertManagerCrds.ORDER)
                .at("/properties/status/properties/authorizations/items/properties/initialState/enum").toString())
                .isEqualTo(states);
        assertThat(schema(CertManagerCrds.CHALLENGE).at("/properties/status/properties/state/enum").toString())
                .isEqualTo(states);
    }

    @Test
    void challengeTypeIsEnum() {
        JsonNode type = schema(CertManagerCrds.CHALLENGE).at("/properties/spec/properties/type");

        assertThat(type.get("enum").toString()).isEqualTo("[\"HTTP-01\",\"DNS-01\"]");
    }

    @Test
    void acmeChallengeTypeIsFreeString() {
        JsonNode type = schema(CertManagerCrds.ORDER)
                .at("/properties/status/properties/authorizations/items/properties/challenges/items/properties/type");

        assertThat(type.get("type").asString()).isEqualTo("string");
        assertThat(type.has("enum")).isFalse();
    }

    @Test
    void orderSpecRequiresIssuerRefAndRequest() {
        JsonNode required = schema(CertManagerCrds.ORDER).at("/properties/spec/required");

        assertThat(required.toString()).isEqualTo("[\"issuerRef\",\"request\"]");
    }

    @Test
    void challengeSpecRequiresEveryFieldButWildcard() {
        JsonNode required = schema(CertManagerCrds.CHALLENGE).at("/properties/spec/required");

        assertThat(required.toString()).isEqualTo(
                "[\"authorizationURL\",\"dnsName\",\"issuerRef\",\"key\",\"solver\",\"token\",\"type\",\"url\"]");
    }

    @Test
    void orderCertificateIsBase64String() {
        JsonNode certificate = schema(CertManagerCrds.ORDER).at("/properties/status/properties/certificate");

        assertThat(certificate.get("format").asString()).isEqualTo("byte");
    }

    @Test
    void issuerRefFieldsAreSelectable() {
        for (CrdDefinition definition : List.of(CertManagerCrds.CERTIFICATE, CertManagerCrds.CERTIFICATE_REQUEST,
                CertManagerCrds.ORDER, CertManagerCrds.CHALLENGE)) {
            List<String> paths = new ArrayList<>();
            version(definition).get("selectableFields").forEach(field -> paths.add(field.get("jsonPath").asString()));

            assertThat(paths).as(definition.crdName())
                    .containsExactly(".spec.issuerRef.group", ".spec.issuerRef.kind", ".spec.issuerRef.name");
        }
    }

    @Test
    void issuersHaveNoSelectableFields() {
        assertThat(version(CertManagerCrds.ISSUER).has("selectableFields")).isFalse();
    }

    @Test
    void preserveUnknownFieldsOnlyOnSolverConfigs() {
        List<String> paths = new ArrayList<>();
        for (CrdDefinition definition : CertManagerCrds.ALL) {
            collectPreserved(schema(definition), definition.kind().kind(), paths);
        }

        assertThat(paths).containsExactlyInAnyOrder(
                "Issuer.spec.acme.solvers[].dns01", "Issuer.spec.acme.solvers[].http01",
                "ClusterIssuer.spec.acme.solvers[].dns01", "ClusterIssuer.spec.acme.solvers[].http01",
                "Challenge.spec.solver.dns01", "Challenge.spec.solver.http01");
    }

    @Test
    void byteFieldsAreBase64Strings() {
        JsonNode request = schema(CertManagerCrds.CERTIFICATE_REQUEST).at("/properties/spec/properties/request");

        assertThat(request.get("type").asString()).isEqualTo("string");
        assertThat(request.get("format").asString()).isEqualTo("byte");
    }

    @Test
    void timesAreDateTimeStrings() {
        JsonNode notAfter = schema(CertManagerCrds.CERTIFICATE).at("/properties/status/properties/notAfter");

        assertThat(notAfter.get("format").asString()).isEqualTo("date-time");
    }

    @Test
    void conditionsAreListMapsKeyedByType() {
        JsonNode conditions = schema(CertManagerCrds.CERTIFICATE).at("/properties/status/properties/conditions");

        assertThat(conditions.get("x-kubernetes-list-type").asString()).isEqualTo("map");
        assertThat(conditions.get("x-kubernetes-list-map-keys").get(0).asString()).isEqualTo("type");
    }

    @Test
    void conditionStatusIsEnum() {
        JsonNode status = schema(CertManagerCrds.ISSUER)
                .at("/properties/status/properties/conditions/items/properties/status");

        assertThat(status.get("enum").toString()).isEqualTo("[\"True\",\"False\",\"Unknown\"]");
    }

    @Test
    void certificateSpecRequiresSecretNameAndIssuerRef() {
        JsonNode required = schema(CertManagerCrds.CERTIFICATE).at("/properties/spec/required");

        assertThat(required.toString()).isEqualTo("[\"issuerRef\",\"secretName\"]");
    }

    @Test
    void usagesItemsAreKeyUsageEnum() {
        JsonNode items = schema(CertManagerCrds.CERTIFICATE).at("/properties/spec/properties/usages/items");

        assertThat(items.get("enum").size()).isEqualTo(23);
    }

    @Test
    void secretTemplateLabelsAreStringMaps() {
        JsonNode labels = schema(CertManagerCrds.CERTIFICATE)
                .at("/properties/spec/properties/secretTemplate/properties/labels");

        assertThat(labels.at("/additionalProperties/type").asString()).isEqualTo("string");
    }

    @Test
    void requestExtraIsMapOfStringLists() {
        JsonNode extra = schema(CertManagerCrds.CERTIFICATE_REQUEST).at("/properties/spec/properties/extra");

        assertThat(extra.at("/additionalProperties/type").asString()).isEqualTo("array");
        assertThat(extra.at("/additionalProperties/items/type").asString()).isEqualTo("string");
    }

    @Test
    void crdNameIsPluralDotGroup() {
        assertThat(crd(CertManagerCrds.CERTIFICATE_REQUEST).at("/metadata/name").asString())
                .isEqualTo("certificaterequests.cert-manager.io");
    }

    private static List<String> columns(CrdDefinition definition) {
        List<String> rendered = new ArrayList<>();
        for (JsonNode column : version(definition).get("additionalPrinterColumns")) {
            rendered.add(column.get("name").asString() + "|" + column.get("jsonPath").asString() + "|"
                    + column.get("type").asString() + "|" + column.path("priority").asInt(0));
        }
        return rendered;
    }

    private static List<String> names(CrdDefinition definition, String field) {
        List<String> values = new ArrayList<>();
        crd(definition).at("/spec/names/" + field).forEach(value -> values.add(value.asString()));
        return values;
    }

    private static void collectPreserved(JsonNode schema, String path, List<String> found) {
        if (schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
            found.add(path);
        }
        JsonNode properties = schema.get("properties");
        if (properties != null) {
            for (Map.Entry<String, JsonNode> property : properties.properties()) {
                collectPreserved(property.getValue(), path + "." + property.getKey(), found);
            }
        }
        if (schema.has("items")) {
            collectPreserved(schema.get("items"), path + "[]", found);
        }
        if (schema.has("additionalProperties") && schema.get("additionalProperties").isObject()) {
            collectPreserved(schema.get("additionalProperties"), path + "{}", found);
        }
    }
}
