package io.certwright.acme.ari;

import io.certwright.api.Annotations;
import io.certwright.api.SecretKeys;
import io.certwright.api.model.Certificate;
import io.certwright.api.model.CertificateRequest;
import io.certwright.core.certificates.policies.IssuerRefs;
import io.certwright.core.certificates.secrets.SecretData;
import io.certwright.core.cluster.Cluster;
import io.certwright.core.cluster.ResourceKind;
import io.certwright.pki.Pem;
import io.certwright.pki.PkiException;
import io.fabric8.kubernetes.api.model.Secret;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the certificate a CertificateRequest renews, for the {@code replaces} field of its ACME order
 * (RFC 9773 section 5): the leaf in the Secret of the request's Certificate, when that Secret's issuer
 * annotations name the request's issuer. Every failure only means "no replaces": it is logged at debug
 * level and the order is placed without one.
 */
public final class ReplacedCertificate {
    private static final Logger log = LoggerFactory.getLogger(ReplacedCertificate.class);

    private ReplacedCertificate() {
    }

    /** Returns the ARI CertID of the certificate that {@code request} replaces, or empty. */
    public static Optional<String> certId(Cluster cluster, CertificateRequest request) {
        Map<String, String> annotations = request.getMetadata().getAnnotations();
        String certificateName = annotations == null ? null : annotations.get(Annotations.CERTIFICATE_NAME);
        if (certificateName == null || certificateName.isEmpty()) {
            return Optional.empty();
        }
        String namespace = request.getMetadata().getNamespace();
        Optional<Certificate> certificate = cluster.get(ResourceKind.CERTIFICATE, namespace, certificateName);
        if (certificate.isEmpty() || certificate.get().getSpec() == null
                || certificate.get().getSpec().getSecretName() == null
                || certificate.get().getSpec().getSecretName().isEmpty()) {
            log.atDebug().addKeyValue("certificate", certificateName).log("no replaces: Certificate not found");
            return Optional.empty();
        }
        String secretName = certificate.get().getSpec().getSecretName();
        Optional<Secret> secret = cluster.get(ResourceKind.SECRET, namespace, secretName);
        if (secret.isEmpty()) {
            return Optional.empty();
        }
        if (!IssuerRefs.secretAnnotationsMatch(secret.get(), request.getSpec().getIssuerRef())) {
            log.atDebug().addKeyValue("secret", secretName)
                    .log("no replaces: the Secret's issuer annotations do not name the request's issuer");
            return Optional.empty();
        }
        byte[] pem = SecretData.get(secret.get(), SecretKeys.TLS_CERT);
        if (pem == null || pem.length == 0) {
            return Optional.empty();
        }
        try {
            List<X509Certificate> chain = Pem.parseCertificates(pem);
            if (chain.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(AriCertId.of(chain.get(0)));
        } catch (PkiException | IllegalArgumentException e) {
            log.atDebug().addKeyValue("secret", secretName).log("no replaces: {}", e.getMessage());
            return Optional.empty();
        }
    }
}
