package io.certwright.core.certificates.issuing;

import io.certwright.api.Annotations;
import io.certwright.api.Defaults;
import io.certwright.api.model.Certificate;
import io.certwright.core.certificates.policies.Policies;
import io.certwright.core.certificates.policies.PolicyChain;
import io.certwright.core.certificates.policies.PolicyInput;
import io.certwright.core.certificates.requestmanager.CsrTemplates;
import io.certwright.core.certificates.secrets.IssuedData;
import io.certwright.core.cluster.Cluster;
import io.certwright.core.cluster.EventRecorder;
import io.certwright.core.cluster.ResourceKind;
import io.certwright.pki.KeyEncoding;
import io.certwright.pki.Pem;
import io.certwright.pki.PrivateKeys;
import io.certwright.pki.TemporaryCertificates;
import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Writes a temporary certificate, signed by a throw-away CA, into a Certificate's Secret while its real
 * certificate is pending, when the Certificate requests it with the annotation
 * {@code cert-manager.io/issue-temporary-certificate: "true"}. Workloads that mount the Secret can start
 * meanwhile. A Secret that already holds a matching key pair is left alone.
 */
final class TemporaryCertificateWriter {
    static final String MESSAGE_ISSUED_TEMPORARY = "Issued temporary certificate";

    private final Cluster cluster;
    private final Clock clock;
    private final EventRecorder events;
    private final SecretWriter secretWriter;
    private final PolicyChain temporaryCertificateChain = Policies.temporaryCertificate();

    TemporaryCertificateWriter(Cluster cluster, Clock clock, EventRecorder events, SecretWriter secretWriter) {
        this.cluster = cluster;
        this.clock = clock;
        this.events = events;
        this.secretWriter = secretWriter;
    }

    void ensure(Certificate certificate, PrivateKey nextKey) throws Exception {
        if (!requested(certificate)) {
            return;
        }
        Secret secret = cluster.get(ResourceKind.SECRET, certificate.getMetadata().getNamespace(),
                certificate.getSpec().getSecretName()).orElse(null);
        if (temporaryCertificateChain.evaluate(new PolicyInput(certificate, secret, null, null)).isEmpty()) {
            return;
        }

        KeyPair keyPair = new KeyPair(PrivateKeys.publicKeyOf(nextKey), nextKey);
        X509Certificate temporary = TemporaryCertificates.issue(CsrTemplates.fromCertificate(certificate), keyPair,
                Defaults.duration(certificate.getSpec()), clock.instant());
        KeyEncoding encoding = KeyEncoding.valueOf(Defaults.encoding(certificate.getSpec().getPrivateKey()));
        byte[] keyPem = PrivateKeys.encodePem(nextKey, encoding).getBytes(StandardCharsets.US_ASCII);
        byte[] certificatePem = Pem.encodeCertificates(List.of(temporary)).getBytes(StandardCharsets.US_ASCII);

        secretWriter.write(certificate, new IssuedData(keyPem, certificatePem, null, null));
        events.record(certificate, EventRecorder.NORMAL, IssuingController.EVENT_REASON_ISSUING,
                MESSAGE_ISSUED_TEMPORARY);
    }

    private static boolean requested(Certificate certificate) {
        Map<String, String> annotations = certificate.getMetadata().getAnnotations();
        return annotations != null && "true".equals(annotations.get(Annotations.ISSUE_TEMPORARY_CERTIFICATE));
    }
}
