package io.certwright.kubernetes;

import io.certwright.api.model.Certificate;
import io.certwright.api.model.CertificateCondition;
import io.certwright.api.model.CertificateRequest;
import io.certwright.api.model.CertificateRequestSpec;
import io.certwright.api.model.CertificateRequestStatus;
import io.certwright.api.model.CertificateSpec;
import io.certwright.api.model.CertificateStatus;
import io.certwright.api.model.IssuerReference;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** Model objects shared by the tests of this module. */
final class TestObjects {
    static final Instant NOT_AFTER = Instant.parse("2027-03-04T05:06:07Z");

    private TestObjects() {
    }

    static Certificate certificate(String namespace, String name) {
        Certificate certificate = new Certificate();
        ObjectMeta metadata = new ObjectMeta();
        metadata.setNamespace(namespace);
        metadata.setName(name);
        certificate.setMetadata(metadata);
        certificate.setSpec(new CertificateSpec()
                .withSecretName(name + "-tls")
                .withDnsNames(List.of("example.test"))
                .withIssuerRef(new IssuerReference().withName("ca-issuer")));
        return certificate;
    }

    static Certificate certificateWithStatus(String namespace, String name) {
        Certificate certificate = certificate(namespace, name);
        certificate.setStatus(new CertificateStatus()
                .withNotAfter(NOT_AFTER)
                .withRevision(3)
                .withConditions(List.of(new CertificateCondition()
                        .withType("Ready").withStatus("True").withReason("Ready")
                        .withMessage("Certificate is up to date and has not expired")
                        .withLastTransitionTime(Instant.parse("2026-12-01T00:00:00Z"))
                        .withObservedGeneration(1L))));
        return certificate;
    }

    static CertificateRequest certificateRequest(String namespace, String name) {
        CertificateRequest request = new CertificateRequest();
        ObjectMeta metadata = new ObjectMeta();
        metadata.setNamespace(namespace);
        metadata.setName(name);
        request.setMetadata(metadata);
        request.setSpec(new CertificateRequestSpec()
                .withIssuerRef(new IssuerReference().withName("ca-issuer"))
                .withRequest("-----BEGIN CERTIFICATE REQUEST-----\n".getBytes(StandardCharsets.US_ASCII)));
        request.setStatus(new CertificateRequestStatus()
                .withCertificate("-----BEGIN CERTIFICATE-----\n".getBytes(StandardCharsets.US_ASCII)));
        return request;
    }
}
