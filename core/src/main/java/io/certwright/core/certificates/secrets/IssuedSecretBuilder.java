package io.certwright.core.certificates.secrets;

import io.certwright.api.Annotations;
import io.certwright.api.Defaults;
import io.certwright.api.SecretKeys;
import io.certwright.api.model.Certificate;
import io.certwright.api.model.CertificateAdditionalOutputFormat;
import io.certwright.api.model.CertificateKeystores;
import io.certwright.api.model.CertificateSecretTemplate;
import io.certwright.api.model.IssuerReference;
import io.certwright.core.ControllerOptions;
import io.certwright.pki.Pem;
import io.certwright.pki.PkiException;
import io.certwright.pki.Pkcs12Profile;
import io.certwright.pki.PrivateKeys;
import io.certwright.pki.Keystores;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Secret;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the desired state of an issued Secret, for {@code Cluster.applySecret} with
 * {@link #FIELD_MANAGER}. The result holds only the fields cert-manager manages, so server-side
 * apply removes keys it set before and no longer sets (for example {@code ca.crt}, a keystore or an
 * output format that was turned off) and keeps labels, annotations and data that others set.
 *
 * <p>Contents: type {@code kubernetes.io/tls} for a new Secret, or the existing Secret's type, which
 * is immutable; {@code tls.crt}, {@code tls.key}, and {@code ca.crt} when the issuer returned a CA;
 * the keystores and additional output formats the spec requests; the label
 * {@code controller.cert-manager.io/fao=true} plus the template labels; the template annotations,
 * the certificate detail annotations, {@code cert-manager.io/certificate-name} and the issuer
 * annotations; and, when enabled, a controller owner reference to the Certificate.
 */
public final class IssuedSecretBuilder {

    /** Server-side apply field manager of the issuing controller, shared with cert-manager so ownership carries over. */
    public static final String FIELD_MANAGER = "cert-manager-certificates-issuing";

    private IssuedSecretBuilder() {}

    /**
     * Builds the Secret for a newly issued (or temporary) certificate.
     *
     * @param existing the current Secret, or null when it does not exist yet; only its type is kept
     * @throws KeystorePasswordException when a keystore is requested and its password cannot be resolved
     * @throws PkiException when the key or certificates in {@code data} cannot be decoded
     */
    public static Secret build(Certificate certificate, Secret existing, IssuedData data, KeystorePasswords passwords,
                               ControllerOptions options) throws KeystorePasswordException, PkiException {
        return assemble(certificate, existing, data, certificate.getMetadata().getName(), passwords, options);
    }

    /**
     * Rebuilds the Secret from its own key, certificate and CA, so that metadata, keystores and output
     * formats follow the spec without a new certificate. The certificate-name and issuer annotations
     * are taken from the existing Secret, because this path does not know which request issued it.
     *
     * @throws KeystorePasswordException when a keystore is requested and its password cannot be resolved
     * @throws PkiException when the Secret's key or certificates cannot be decoded
     */
    public static Secret rebuildFromExisting(Certificate certificate, Secret existing, KeystorePasswords passwords,
                                             ControllerOptions options) throws KeystorePasswordException, PkiException {
        Map<String, String> annotations = existing.getMetadata() == null || existing.getMetadata().getAnnotations() == null
                ? Map.of() : existing.getMetadata().getAnnotations();
        IssuerReference issuerRef = new IssuerReference();
        issuerRef.setName(annotations.getOrDefault(Annotations.ISSUER_NAME, ""));
        issuerRef.setKind(annotations.getOrDefault(Annotations.ISSUER_KIND, ""));
        issuerRef.setGroup(annotations.getOrDefault(Annotations.ISSUER_GROUP, ""));
        IssuedData data = new IssuedData(
                SecretData.get(existing, SecretKeys.TLS_KEY),
                SecretData.get(existing, SecretKeys.TLS_CERT),
                SecretData.get(existing, SecretKeys.CA_CERT),
                issuerRef);
        return assemble(certificate, existing, data, annotations.get(Annotations.CERTIFICATE_NAME), passwords, options);
    }

    private static Secret assemble(Certificate certificate, Secret existing, IssuedData data, String certificateName,
                                   KeystorePasswords passwords, ControllerOptions options)
            throws KeystorePasswordException, PkiException {
        Map<String, String> secretData = new TreeMap<>();
        addKeystores(certificate, data, passwords, secretData);
        addAdditionalOutputFormats(certificate, data, secretData);
        secretData.put(SecretKeys.TLS_KEY, SecretData.encode(data.privateKeyPem()));
        secretData.put(SecretKeys.TLS_CERT, SecretData.encode(data.certificatePem()));
        if (data.hasCa()) {
            secretData.put(SecretKeys.CA_CERT, SecretData.encode(data.caPem()));
        }

        ObjectMeta metadata = new ObjectMeta();
        metadata.setName(certificate.getSpec().getSecretName());
        metadata.setNamespace(certificate.getMetadata().getNamespace());
        metadata.setLabels(labels(certificate));
        metadata.setAnnotations(annotations(certificate, data, certificateName));
        if (options.enableCertificateOwnerRef()) {
            metadata.setOwnerReferences(List.of(SecretOwnerReferences.controllerReference(certificate)));
        }

        Secret secret = new Secret();
        secret.setApiVersion("v1");
        secret.setKind("Secret");
        secret.setMetadata(metadata);
        secret.setType(existing == null ? SecretKeys.TLS_SECRET_TYPE : existing.getType());
        secret.setData(secretData);
        return secret;
    }

    private static Map<String, String> labels(Certificate certificate) {
        Map<String, String> labels = new TreeMap<>();
        CertificateSecretTemplate template = certificate.getSpec().getSecretTemplate();
        if (template != null && template.getLabels() != null) {
            labels.putAll(template.getLabels());
        }
        labels.put(Annotations.FAO_LABEL, Annotations.LABEL_TRUE);
        return labels;
    }

    /** Template annotations first, so the certificate details, name and issuer always win over them. */
    private static Map<String, String> annotations(Certificate certificate, IssuedData data, String certificateName)
            throws PkiException {
        Map<String, String> annotations = new TreeMap<>();
        CertificateSecretTemplate template = certificate.getSpec().getSecretTemplate();
        if (template != null && template.getAnnotations() != null) {
            annotations.putAll(template.getAnnotations());
        }
        X509Certificate leaf = data.certificatePem().length == 0 ? null : Pem.parseCertificates(data.certificatePem()).get(0);
        annotations.putAll(CertificateAnnotations.forCertificate(leaf));
        if (certificateName != null && !certificateName.isEmpty()) {
            annotations.put(Annotations.CERTIFICATE_NAME, certificateName);
        }

        IssuerReference issuerRef = data.issuerRef();
        if (issuerRef != null) {
            String name = orEmpty(issuerRef.getName());
            String kind = orEmpty(issuerRef.getKind());
            String group = orEmpty(issuerRef.getGroup());
            if (!name.isEmpty() || !kind.isEmpty() || !group.isEmpty()) {
                annotations.put(Annotations.ISSUER_NAME, name);
                annotations.put(Annotations.ISSUER_KIND, kind);
                annotations.put(Annotations.ISSUER_GROUP, group);
            }
        }
        return annotations;
    }

    /**
     * Adds the keystores with {@code create: true}. A PKCS#12 keystore contains the key, the leaf and, as
     * CA certificates, the rest of the chain plus {@code ca.crt}; a JKS keystore contains the key with
     * the full chain plus {@code ca.crt} as trusted entries. Truststores are written only with a CA.
     */
    private static void addKeystores(Certificate certificate, IssuedData data, KeystorePasswords passwords,
                                     Map<String, String> secretData) throws KeystorePasswordException, PkiException {
        CertificateKeystores keystores = certificate.getSpec().getKeystores();
        if (keystores == null) {
            return;
        }
        boolean pkcs12 = keystores.getPkcs12() != null && Boolean.TRUE.equals(keystores.getPkcs12().getCreate());
        boolean jks = keystores.getJks() != null && Boolean.TRUE.equals(keystores.getJks().getCreate());
        if (!pkcs12 && !jks) {
            return;
        }

        PrivateKey key = PrivateKeys.parsePem(data.privateKeyPem());
        List<X509Certificate> chain = Pem.parseCertificates(data.certificatePem());
        List<X509Certificate> cas = data.hasCa() ? distinct(Pem.parseCertificates(data.caPem())) : List.of();

        if (pkcs12) {
            char[] password = passwords.pkcs12(certificate);
            Pkcs12Profile profile = Pkcs12Profile.fromSpec(keystores.getPkcs12().getProfile());
            secretData.put(SecretKeys.KEYSTORE_PKCS12, SecretData.encode(Keystores.pkcs12Keystore(key, chain, cas, password, profile)));
            if (data.hasCa()) {
                secretData.put(SecretKeys.TRUSTSTORE_PKCS12, SecretData.encode(Keystores.pkcs12Truststore(cas, password, profile)));
            }
            Arrays.fill(password, '\0');
        }
        if (jks) {
            char[] password = passwords.jks(certificate);
            String alias = Defaults.jksAlias(keystores.getJks());
            secretData.put(SecretKeys.KEYSTORE_JKS, SecretData.encode(Keystores.jksKeystore(key, chain, cas, password, alias)));
            if (data.hasCa()) {
                secretData.put(SecretKeys.TRUSTSTORE_JKS, SecretData.encode(Keystores.jksTruststore(cas, password)));
            }
            Arrays.fill(password, '\0');
        }
    }

    private static void addAdditionalOutputFormats(Certificate certificate, IssuedData data, Map<String, String> secretData)
            throws PkiException {
        List<CertificateAdditionalOutputFormat> formats = certificate.getSpec().getAdditionalOutputFormats();
        if (formats == null) {
            return;
        }
        for (CertificateAdditionalOutputFormat format : formats) {
            String type = format.getType();
            if (AdditionalOutputFormats.DER.equals(type)) {
                try {
                    secretData.put(SecretKeys.KEY_DER, SecretData.encode(AdditionalOutputFormats.der(data.privateKeyPem())));
                } catch (IllegalArgumentException e) {
                    throw new PkiException("encoding tls.key as DER for additionalOutputFormats failed: " + e.getMessage(), e);
                }
            } else if (AdditionalOutputFormats.COMBINED_PEM.equals(type)) {
                secretData.put(SecretKeys.TLS_COMBINED_PEM,
                        SecretData.encode(AdditionalOutputFormats.combinedPem(data.privateKeyPem(), data.certificatePem())));
            } else {
                throw new PkiException("unknown additional output format \"" + type
                        + "\" in spec.additionalOutputFormats: use DER or CombinedPEM");
            }
        }
    }

    /** Removes repeated certificates, keeping the first occurrence, as a certificate set. */
    private static List<X509Certificate> distinct(List<X509Certificate> certificates) throws PkiException {
        List<X509Certificate> result = new ArrayList<>();
        List<byte[]> seen = new ArrayList<>();
        for (X509Certificate certificate : certificates) {
            byte[] encoded;
            try {
                encoded = certificate.getEncoded();
            } catch (CertificateEncodingException e) {
                throw new PkiException("re-encoding a CA certificate failed: " + e.getMessage(), e);
            }
            if (seen.stream().noneMatch(other -> Arrays.equals(other, encoded))) {
                seen.add(encoded);
                result.add(certificate);
            }
        }
        return result;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
