package io.certwright.webhook;

import static io.certwright.webhook.Reviews.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import io.certwright.pki.CsrSpec;
import io.certwright.pki.Csrs;
import io.certwright.pki.KeyAlgorithm;
import io.certwright.pki.PrivateKeys;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AdmissionHandlerTest {
    private static final String CERTIFICATE = """
            apiVersion: cert-manager.io/v1
            kind: Certificate
            metadata: {name: web, namespace: demo}
            spec:
              secretName: web-tls
              dnsNames: [web.example.com]
              issuerRef: {name: ca}
            """;

    private final FakeAccess access = FakeAccess.allowing();
    private final AdmissionHandler handler = new AdmissionHandler(access, access);

    @Test
    void validCertificateAllowed() throws Exception {
        AdmissionResponse response = validate("CREATE", "certificates", CERTIFICATE, null);

        assertThat(response.allowed()).isTrue();
        assertThat(response.uid()).isEqualTo("0df28fbd-5f5f-11e8-9e1c-123456789abc");
    }

    @Test
    void longCommonNameDenied() throws Exception {
        String certificate = CERTIFICATE + "  commonName: " + "a".repeat(65) + "\n";

        AdmissionResponse response = validate("CREATE", "certificates", certificate, null);

        assertThat(response.allowed()).isFalse();
        assertThat(response.code()).isEqualTo(403);
        assertThat(response.reason()).isEqualTo("Forbidden");
        assertThat(response.message()).isEqualTo("spec.commonName: Too long: may not be more than 64 bytes");
    }

    @Test
    void everyErrorListedInOneMessage() throws Exception {
        String certificate = CERTIFICATE + """
                  ipAddresses: ["300.1.1.1"]
                  additionalOutputFormats: [{type: DER}, {type: DER}]
                """;

        AdmissionResponse response = validate("UPDATE", "certificates", certificate, CERTIFICATE);

        assertThat(response.allowed()).isFalse();
        assertThat(response.message()).isEqualTo("[spec.ipAddresses[0]: Invalid value: \"300.1.1.1\": invalid IP"
                + " address, spec.additionalOutputFormats[type]: Duplicate value: \"DER\"]");
    }

    @Test
    void certManagerTemplateAnnotationDenied() throws Exception {
        String certificate = CERTIFICATE + """
                  secretTemplate:
                    annotations:
                      cert-manager.io/secret-copy-tls.crt: ca.crt
                      cert-manager.io/allow-direct-injection: "true"
                """;

        AdmissionResponse response = validate("CREATE", "certificates", certificate, null);

        assertThat(response.message()).isEqualTo("spec.secretTemplate.annotations: Invalid value:"
                + " \"cert-manager.io/secret-copy-tls.crt\": cert-manager.io/* annotations are not allowed");
    }

    @Test
    void deleteAllowedWithoutValidation() throws Exception {
        AdmissionResponse response = validate("DELETE", "certificates", null, CERTIFICATE + "  commonName: "
                + "a".repeat(65) + "\n");

        assertThat(response.allowed()).isTrue();
    }

    @Test
    void otherGroupAllowed() throws Exception {
        AdmissionResponse response = handler.validate(Reviews.parse(Reviews.review("CREATE", "", "configmaps", null,
                "demo", "{apiVersion: v1, kind: ConfigMap, metadata: {name: x}}", null, ALICE)));

        assertThat(response.allowed()).isTrue();
    }

    @Test
    void undecodableObjectRejectedWithBadRequest() throws Exception {
        AdmissionResponse response = validate("CREATE", "certificates",
                "{apiVersion: cert-manager.io/v1, kind: Certificate, spec: {dnsNames: 5}}", null);

        assertThat(response.allowed()).isFalse();
        assertThat(response.code()).isEqualTo(400);
        assertThat(response.message()).startsWith("request.object is not a valid Certificate");
    }

    @Test
    void createWithoutObjectRejectedWithBadRequest() throws Exception {
        AdmissionResponse response = validate("CREATE", "certificates", null, null);

        assertThat(response.allowed()).isFalse();
        assertThat(response.code()).isEqualTo(400);
        assertThat(response.message()).startsWith("request.object is missing");
    }

    @Test
    void issuerWarningReturnedWhenAllowed() throws Exception {
        String issuer = """
                apiVersion: cert-manager.io/v1
                kind: Issuer
                metadata: {name: acme, namespace: demo}
                spec:
                  acme:
                    server: https://acme.example.com/directory
                    privateKeySecretRef: {name: acme-key}
                    externalAccountBinding:
                      keyID: kid-1
                      keySecretRef: {name: eab, key: secret}
                      keyAlgorithm: HS256
                    solvers: [{http01: {ingress: {}}}]
                """;

        AdmissionResponse response = validate("CREATE", "issuers", issuer, null);

        assertThat(response.allowed()).as(response.message()).isTrue();
        assertThat(response.warnings()).singleElement().asString().contains("externalAccount.keyAlgorithm");
    }

    @Test
    void requestWithRequesterIdentityAllowed() throws Exception {
        AdmissionResponse response = validate("CREATE", "certificaterequests", request("web", ALICE), null);

        assertThat(response.allowed()).as(response.message()).isTrue();
    }

    @Test
    void requestWithOtherIdentityDenied() throws Exception {
        UserInfo admin = new UserInfo("admin", "uid-admin", List.of("system:masters"), Map.of("scopes", List.of("x")));

        AdmissionResponse response = validate("CREATE", "certificaterequests", request("web", admin), null);

        assertThat(response.allowed()).isFalse();
        assertThat(response.message()).isEqualTo("[spec.uid: Forbidden: uid identity must be that of the requester,"
                + " spec.username: Forbidden: username identity must be that of the requester,"
                + " spec.groups: Forbidden: groups identity must be that of the requester,"
                + " spec.extra: Forbidden: extra identity must be that of the requester]");
    }

    @Test
    void requestGroupsComparedUnordered() throws Exception {
        UserInfo reordered = new UserInfo("alice", "uid-alice", List.of("system:authenticated", "team-a"), Map.of());

        AdmissionResponse response = validate("CREATE", "certificaterequests", request("web", reordered), null);

        assertThat(response.allowed()).as(response.message()).isTrue();
    }

    @Test
    void requestWithBadSignatureDenied() throws Exception {
        String pem = Csrs.buildPem(CsrSpec.builder().commonName("web.example.com").build(),
                PrivateKeys.generate(KeyAlgorithm.ECDSA, PrivateKeys.DEFAULT_ECDSA_SIZE));
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        der[der.length - 1] ^= 0x01;
        String tampered = "-----BEGIN CERTIFICATE REQUEST-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END CERTIFICATE REQUEST-----\n";

        AdmissionResponse response = validate("CREATE", "certificaterequests",
                requestWithCsr("web", tampered, ALICE), null);

        assertThat(response.allowed()).isFalse();
        assertThat(response.message()).startsWith("spec.request: Invalid value:");
        assertThat(response.message()).contains("failed to decode csr:");
    }

    @Test
    void requestSpecChangeDenied() throws Exception {
        String original = request("web", ALICE);
        String changed = original.replace("spec:\n", "spec:\n  duration: 2h\n");

        AdmissionResponse response = validate("UPDATE", "certificaterequests", changed, original);

        assertThat(response.message()).isEqualTo("spec: Forbidden: cannot change spec after creation");
    }

    @Test
    void requestIdentityChangeDenied() throws Exception {
        String original = request("web", ALICE);
        String changed = original.replace("username: alice", "username: mallory");

        AdmissionResponse response = validate("UPDATE", "certificaterequests", changed, original);

        assertThat(response.message()).isEqualTo("[spec.username: Forbidden: username identity cannot be changed once"
                + " set, spec: Forbidden: cannot change spec after creation]");
    }

    @Test
    void spelledOutIssuerDefaultsAreNoSpecChange() throws Exception {
        String original = request("web", ALICE);
        String changed = original.replace("issuerRef: {name: ca}",
                "issuerRef: {name: ca, kind: Issuer, group: cert-manager.io}");

        AdmissionResponse response = validate("UPDATE", "certificaterequests", changed, original);

        assertThat(response.allowed()).as(response.message()).isTrue();
    }

    @Test
    void approvalWithoutPermissionDenied() throws Exception {
        String pending = request("web", ALICE);

        AdmissionResponse response = validateStatus(approved(pending), pending, handler);

        assertThat(response.allowed()).isFalse();
        assertThat(response.message()).isEqualTo("status.conditions: Forbidden: user \"alice\" does not have"
                + " permissions to set approved/denied conditions for issuer {ca Issuer cert-manager.io}");
        assertThat(access.reviewedSignerNames)
                .containsExactly("issuers.cert-manager.io/*", "issuers.cert-manager.io/demo.ca");
    }

    @Test
    void approvalWithNamedSignerPermissionAllowed() throws Exception {
        FakeAccess named = FakeAccess.allowing("issuers.cert-manager.io/demo.ca");
        String pending = request("web", ALICE);

        AdmissionResponse response = validateStatus(approved(pending), pending, new AdmissionHandler(named, named));

        assertThat(response.allowed()).as(response.message()).isTrue();
    }

    @Test
    void clusterIssuerSignerNameHasNoNamespace() throws Exception {
        FakeAccess cluster = FakeAccess.allowing("clusterissuers.cert-manager.io/ca");
        String pending = request("web", ALICE).replace("issuerRef: {name: ca}", "issuerRef: {name: ca, kind: ClusterIssuer}");

        AdmissionResponse response = validateStatus(approved(pending), pending, new AdmissionHandler(cluster, cluster));

        assertThat(response.allowed()).as(response.message()).isTrue();
        assertThat(cluster.reviewedSignerNames)
                .containsExactly("clusterissuers.cert-manager.io/*", "clusterissuers.cert-manager.io/ca");
    }

    @Test
    void failedAccessReviewDenies() throws Exception {
        FakeAccess failing = FakeAccess.failing();
        String pending = request("web", ALICE);

        AdmissionResponse response = validateStatus(approved(pending), pending, new AdmissionHandler(failing, failing));

        assertThat(response.allowed()).isFalse();
        assertThat(response.message()).contains("does not have permissions to set approved/denied conditions");
    }

    @Test
    void unknownIssuerKindDeniedOnApproval() throws Exception {
        String pending = request("web", ALICE).replace("issuerRef: {name: ca}",
                "issuerRef: {name: ca, kind: VaultIssuer, group: example.com}");

        AdmissionResponse response = validateStatus(approved(pending), pending, handler);

        assertThat(response.message()).isEqualTo("spec.issuerRef: Forbidden: referenced signer resource does not"
                + " exist: {ca VaultIssuer example.com}");
    }

    @Test
    void approvalOnMainResourceNotReviewed() throws Exception {
        String pending = request("web", ALICE);

        AdmissionResponse response = validate("UPDATE", "certificaterequests", approved(pending), pending);

        assertThat(response.allowed()).as(response.message()).isTrue();
        assertThat(access.reviewedSignerNames).isEmpty();
    }

    @Test
    void approvedConditionChangeDenied() throws Exception {
        String approved = approved(request("web", ALICE));
        String changed = approved.replace("reason: Test", "reason: Other");

        AdmissionResponse response = validateStatus(changed, approved, handler);

        assertThat(response.message()).isEqualTo("status.conditions: Forbidden: 'Approved' condition may not be"
                + " modified once set");
    }

    @Test
    void orderUrlChangeDenied() throws Exception {
        String order = """
                apiVersion: acme.cert-manager.io/v1
                kind: Order
                metadata: {name: web-1, namespace: demo}
                spec: {request: aGVsbG8=, issuerRef: {name: acme}}
                status: {url: "https://acme.example.com/order/1"}
                """;

        AdmissionResponse response = handler.validate(Reviews.parse(Reviews.review("UPDATE", "acme.cert-manager.io",
                "orders", "status", "demo", order.replace("order/1", "order/2"), order, ALICE)));

        assertThat(response.message()).isEqualTo("status.url: Forbidden: field is immutable once set");
    }

    @Test
    void challengeSpecChangeDenied() throws Exception {
        String challenge = """
                apiVersion: acme.cert-manager.io/v1
                kind: Challenge
                metadata: {name: web-1-0, namespace: demo}
                spec: {url: "https://acme.example.com/chall/1", type: HTTP-01, token: abc, key: abc.def,
                       dnsName: web.example.com, issuerRef: {name: acme}}
                """;

        AdmissionResponse response = handler.validate(Reviews.parse(Reviews.review("UPDATE", "acme.cert-manager.io",
                "challenges", null, "demo", challenge.replace("token: abc", "token: xyz"), challenge, ALICE)));

        assertThat(response.message()).isEqualTo("spec: Forbidden: challenge spec is immutable after creation");
    }

    @Test
    void mutationSetsRequesterIdentity() throws Exception {
        String request = requestWithCsr("web", csr(), null);

        AdmissionResponse response = handler.mutate(Reviews.parse(Reviews.review("CREATE", "cert-manager.io",
                "certificaterequests", null, "demo", request, null, ALICE)));

        JsonNode written = Reviews.written(response);
        assertThat(written.get("allowed").asBoolean()).isTrue();
        assertThat(written.get("patchType").asString()).isEqualTo("JSONPatch");
        assertThat(Reviews.patch(written).toString()).isEqualTo("[{\"op\":\"add\",\"path\":\"/spec/uid\","
                + "\"value\":\"uid-alice\"},{\"op\":\"add\",\"path\":\"/spec/username\",\"value\":\"alice\"},"
                + "{\"op\":\"add\",\"path\":\"/spec/groups\",\"value\":[\"team-a\",\"system:authenticated\"]}]");
    }

    @Test
    void mutationRemovesExtraWhenRequesterHasNone() throws Exception {
        String request = requestWithCsr("web", csr(), null).replace("spec:\n", "spec:\n  extra: {scopes: [admin]}\n");

        AdmissionResponse response = handler.mutate(Reviews.parse(Reviews.review("CREATE", "cert-manager.io",
                "certificaterequests", null, "demo", request, null, ALICE)));

        assertThat(Reviews.patch(Reviews.written(response)).get(3).toString())
                .isEqualTo("{\"op\":\"remove\",\"path\":\"/spec/extra\"}");
    }

    @Test
    void mutationReplacesExtra() throws Exception {
        UserInfo scoped = new UserInfo("bob", "", List.of(), Map.of("scopes", List.of("read")));

        AdmissionResponse response = handler.mutate(Reviews.parse(Reviews.review("CREATE", "cert-manager.io",
                "certificaterequests", null, "demo", requestWithCsr("web", csr(), null), null, scoped)));

        assertThat(Reviews.patch(Reviews.written(response)).get(3).toString())
                .isEqualTo("{\"op\":\"add\",\"path\":\"/spec/extra\",\"value\":{\"scopes\":[\"read\"]}}");
    }

    @Test
    void mutationLeavesOtherKindsAlone() throws Exception {
        AdmissionResponse response = handler.mutate(Reviews.parse(Reviews.review("CREATE", "cert-manager.io",
                "certificates", null, "demo", CERTIFICATE, null, ALICE)));

        assertThat(response.allowed()).isTrue();
        assertThat(response.patch()).isNull();
        assertThat(Reviews.written(response).has("patch")).isFalse();
    }

    private AdmissionResponse validate(String operation, String resource, String object, String oldObject)
            throws Exception {
        return handler.validate(Reviews.parse(Reviews.review(operation, "cert-manager.io", resource, null, "demo",
                object, oldObject, ALICE)));
    }

    private static AdmissionResponse validateStatus(String object, String oldObject, AdmissionHandler handler)
            throws Exception {
        return handler.validate(Reviews.parse(Reviews.review("UPDATE", "cert-manager.io", "certificaterequests",
                "status", "demo", object, oldObject, ALICE)));
    }

    private static String approved(String request) {
        return request + """
                status:
                  conditions:
                    - {type: Approved, status: "True", reason: Test, message: ok,
                       lastTransitionTime: "2026-01-01T00:00:00Z"}
                """;
    }

    private static String request(String name, UserInfo identity) throws Exception {
        return requestWithCsr(name, csr(), identity);
    }

    private static String csr() throws Exception {
        return Csrs.buildPem(CsrSpec.builder().commonName("web.example.com").build(),
                PrivateKeys.generate(KeyAlgorithm.ECDSA, PrivateKeys.DEFAULT_ECDSA_SIZE));
    }

    private static String requestWithCsr(String name, String csrPem, UserInfo identity) {
        StringBuilder yaml = new StringBuilder("""
                apiVersion: cert-manager.io/v1
                kind: CertificateRequest
                metadata: {name: %s, namespace: demo}
                spec:
                  issuerRef: {name: ca}
                  request: %s
                """.formatted(name, Base64.getEncoder().encodeToString(csrPem.getBytes(StandardCharsets.US_ASCII))));
        if (identity != null) {
            yaml.append("  username: ").append(identity.username()).append('\n');
            yaml.append("  uid: ").append(identity.uid()).append('\n');
            yaml.append("  groups: [").append(String.join(", ", identity.groups())).append("]\n");
            if (!identity.extra().isEmpty()) {
                identity.extra().forEach((key, values) -> yaml.append("  extra: {").append(key).append(": [")
                        .append(String.join(", ", values)).append("]}\n"));
            }
        }
        return yaml.toString();
    }
}
