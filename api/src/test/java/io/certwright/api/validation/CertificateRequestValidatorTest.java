package io.certwright.api.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.certwright.api.model.CertificateRequest;
import io.certwright.api.model.CertificateRequestCondition;
import io.certwright.api.model.CertificateRequestSpec;
import io.certwright.api.model.CertificateRequestStatus;
import io.certwright.api.model.IssuerReference;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CertificateRequestValidatorTest {
    /** A DER SEQUENCE wrapping one INTEGER: framed like a CSR, which is all this module checks. */
    private static final byte[] DER_SEQUENCE = {0x30, 0x03, 0x02, 0x01, 0x00};
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getEncoder().encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static CertificateRequest request(String pem) {
        CertificateRequest request = new CertificateRequest();
        request.getMetadata().setName("app-1");
        request.setSpec(new CertificateRequestSpec()
                .withIssuerRef(new IssuerReference().withName("ca"))
                .withRequest(pem == null ? null : pem.getBytes(StandardCharsets.UTF_8)));
        return request;
    }

    private static List<String> errors(CertificateRequest request) {
        return CertificateRequestValidator.validate(request).errors().stream().map(FieldError::toString).toList();
    }

    private static CertificateRequestCondition condition(String type, String status) {
        return new CertificateRequestCondition().withType(type).withStatus(status).withReason("r")
                .withLastTransitionTime(T0);
    }

    private static CertificateRequest withConditions(CertificateRequest request, CertificateRequestCondition... conditions) {
        request.setStatus(new CertificateRequestStatus().withConditions(new ArrayList<>(List.of(conditions))));
        return request;
    }

    @Test
    void wellFramedRequestIsAccepted() {
        assertThat(errors(request(pem("CERTIFICATE REQUEST", DER_SEQUENCE)))).isEmpty();
    }

    @Test
    void missingRequestIsRequired() {
        assertThat(errors(request(null))).containsExactly("spec.request: Required value: must be specified");
    }

    @Test
    void missingIssuerNameIsRequired() {
        CertificateRequest request = request(pem("CERTIFICATE REQUEST", DER_SEQUENCE));
        request.getSpec().setIssuerRef(new IssuerReference().withKind("Issuer"));

        assertThat(errors(request)).containsExactly("spec.issuerRef.name: Required value: must be specified");
    }

    @Test
    void externalKindWithoutGroupGetsHint() {
        CertificateRequest request = request(pem("CERTIFICATE REQUEST", DER_SEQUENCE));
        request.getSpec().getIssuerRef().setKind("VaultIssuer");

        assertThat(errors(request)).containsExactly("spec.issuerRef.kind: Invalid value: \"VaultIssuer\": must be one of "
                + "Issuer or ClusterIssuer (did you forget to set spec.issuerRef.group?)");
    }

    @Test
    void textWithoutPemBlockIsInvalid() {
        assertThat(errors(request("not a csr"))).containsExactly(
                "spec.request: Invalid value: \"not a csr\": error decoding certificate request PEM block");
    }

    @Test
    void pemBodyThatIsNotDerIsInvalid() {
        String pem = pem("CERTIFICATE REQUEST", "hello".getBytes(StandardCharsets.UTF_8));

        assertThat(errors(request(pem))).singleElement().asString()
                .startsWith("spec.request: Invalid value: ")
                .endsWith(": error parsing certificate request: the PEM block is not a DER-encoded PKCS#10 request");
    }

    @Test
    void longRequestIsTruncatedInMessage() {
        String text = "x".repeat(200);

        assertThat(errors(request(text))).containsExactly("spec.request: Invalid value: \"" + "x".repeat(97)
                + "...\": error decoding certificate request PEM block");
    }

    @Test
    void unknownUsageIsInvalid() {
        CertificateRequest request = request(pem("CERTIFICATE REQUEST", DER_SEQUENCE));
        request.getSpec().setUsages(List.of("server auth", "teleport"));

        assertThat(errors(request)).containsExactly("spec.usages: Invalid value: []string{\"server auth\", \"teleport\"}: "
                + "unknown key usages: [teleport]");
    }

    @Test
    void approvedMayOnlyBeTrue() {
        CertificateRequest request = withConditions(request(pem("CERTIFICATE REQUEST", DER_SEQUENCE)),
                condition("Approved", "False"));

        assertThat(errors(request)).containsExactly(
                "status.conditions.Approved: Invalid value: \"False\": \"Approved\" condition may only be set to True");
    }

    @Test
    void approvedAndDeniedCannotCoexist() {
        CertificateRequest request = withConditions(request(pem("CERTIFICATE REQUEST", DER_SEQUENCE)),
                condition("Approved", "True"), condition("Denied", "True"));

        assertThat(errors(request)).containsExactly(
                "status.conditions: Forbidden: both 'Denied' and 'Approved' conditions cannot coexist");
    }

    @Test
    void duplicateApprovedIsForbidden() {
        CertificateRequest request = withConditions(request(pem("CERTIFICATE REQUEST", DER_SEQUENCE)),
                condition("Approved", "True"), condition("Approved", "True"));

        assertThat(errors(request)).containsExactly("status.conditions: Forbidden: multiple \"Approved\" conditions present");
    }

    @Test
    void updateMayNotChangeSpec() {
        CertificateRequest before = request(pem("CERTIFICATE REQUEST", DER_SEQUENCE));
        CertificateRequest after = request(pem("CERTIFICATE REQUEST", DER_SEQUENCE));
        after.getSpec().setDuration("1h");

        assertThat(CertificateRequestValidator.validateUpdate(before, after).errors()).extracting(FieldError::toString)
                .containsExactly("spec: Forbidden: cannot change spec after creation");
    }

    @Test
    void updateMayNotModifySetApproval() {
        CertificateRequest before = withConditions(request(pem("CERTIFICATE REQUEST", DER_SEQUENCE)),
                condition("Approved", "True"));
        CertificateRequest after = withConditions(request(pem("CERTIFICATE REQUEST", DER_SEQUENCE)),
                condition("Approved", "True").withReason("changed"));

        assertThat(CertificateRequestValidator.validateUpdate(before, after).errors()).extracting(FieldError::toString)
                .containsExactly("status.conditions: Forbidden: 'Approved' condition may not be modified once set");
    }

    @Test
    void updateMayNotChangeCertManagerAnnotations() {
        CertificateRequest before = request(pem("CERTIFICATE REQUEST", DER_SEQUENCE));
        before.getMetadata().setAnnotations(Map.of("cert-manager.io/certificate-revision", "1"));
        CertificateRequest after = request(pem("CERTIFICATE REQUEST", DER_SEQUENCE));
        after.getMetadata().setAnnotations(Map.of("cert-manager.io/certificate-revision", "2"));

        assertThat(CertificateRequestValidator.validateUpdate(before, after).errors()).extracting(FieldError::toString)
                .containsExactly(
                        "metadata.annotations.cert-manager.io/certificate-revision: Forbidden: cannot change cert-manager "
                                + "annotation after creation",
                        "metadata.annotations.cert-manager.io/certificate-revision: Forbidden: cannot change cert-manager "
                                + "annotation after creation");
    }

    @Test
    void updateMayAddOtherAnnotations() {
        CertificateRequest before = request(pem("CERTIFICATE REQUEST", DER_SEQUENCE));
        CertificateRequest after = request(pem("CERTIFICATE REQUEST", DER_SEQUENCE));
        after.getMetadata().setAnnotations(Map.of("example.com/note", "x"));

        assertThat(CertificateRequestValidator.validateUpdate(before, after).isValid()).isTrue();
    }
}
