package io.certwright.core.certificates.policies;

import io.certwright.api.Annotations;
import io.certwright.api.SecretKeys;
import io.certwright.api.model.Certificate;
import io.certwright.api.model.CertificateRequest;
import io.certwright.api.model.CertificateRequestSpec;
import io.certwright.api.model.CertificateSpec;
import io.certwright.api.model.CertificateStatus;
import io.certwright.api.model.IssuerReference;
import io.certwright.api.model.X509Subject;
import io.certwright.core.certificates.secrets.SecretData;
import io.certwright.pki.CertificateSigner;
import io.certwright.pki.CsrSpec;
import io.certwright.pki.Csrs;
import io.certwright.pki.KeyAlgorithm;
import io.certwright.pki.KeyEncoding;
import io.certwright.pki.ParsedCsr;
import io.certwright.pki.Pem;
import io.certwright.pki.PkiException;
import io.certwright.pki.PrivateKeys;
import io.certwright.pki.SigningOptions;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Test fixtures: Certificates, CertificateRequests and issued Secrets with certificates minted in
 * code at a fixed time. Keys are cached per algorithm and index because RSA generation is slow.
 */
public final class CertificateFixtures {

    /** The fixed "now" of every test. */
    public static final Instant NOW = Instant.parse("2026-01-02T15:04:05Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    public static final String NAMESPACE = "demo";
    public static final String UID = "0d7e5ad2-2f4b-4b8e-9c55-5b1f0c2d1a01";

    private static final Map<KeyAlgorithm, Map<Integer, KeyPair>> KEYS = new EnumMap<>(KeyAlgorithm.class);

    private CertificateFixtures() {}

    /** Returns a cached key: RSA 2048, ECDSA P-256 or Ed25519 depending on {@code algorithm}, index {@code index}. */
    public static synchronized KeyPair key(KeyAlgorithm algorithm, int index) {
        int size = algorithm == KeyAlgorithm.RSA ? 2048 : algorithm == KeyAlgorithm.ECDSA ? 256 : 0;
        return key(algorithm, size, index);
    }

    public static synchronized KeyPair key(KeyAlgorithm algorithm, int size, int index) {
        return KEYS.computeIfAbsent(algorithm, unused -> new HashMap<>())
                .computeIfAbsent(size * 100 + index, unused -> PrivateKeys.generate(algorithm, size));
    }

    public static KeyPair rsaKey() {
        return key(KeyAlgorithm.RSA, 0);
    }

    /** Returns Certificate {@code demo/app} for {@code app.example.com}, issuer {@code Issuer/ca}, secret {@code app-tls}, customised by {@code customiser}. */
    public static Certificate certificate(Consumer<CertificateSpec> customiser) {
        Certificate certificate = new Certificate();
        ObjectMeta metadata = new ObjectMeta();
        metadata.setName("app");
        metadata.setNamespace(NAMESPACE);
        metadata.setUid(UID);
        metadata.setCreationTimestamp("2026-01-01T00:00:00Z");
        certificate.setMetadata(metadata);
        CertificateSpec spec = new CertificateSpec()
                .withSecretName("app-tls")
                .withDnsNames(List.of("app.example.com"))
                .withIssuerRef(issuerRef("ca", "Issuer", null));
        customiser.accept(spec);
        certificate.setSpec(spec);
        certificate.setStatus(new CertificateStatus());
        return certificate;
    }

    public static Certificate certificate() {
        return certificate(spec -> { });
    }

    public static IssuerReference issuerRef(String name, String kind, String group) {
        IssuerReference ref = new IssuerReference();
        ref.setName(name);
        ref.setKind(kind);
        ref.setGroup(group);
        return ref;
    }

    /** Returns the CSR spec a request manager would build from {@code spec}. */
    public static CsrSpec csrSpec(CertificateSpec spec) {
        X509Subject subject = spec.getSubject() == null ? new X509Subject() : spec.getSubject();
        CsrSpec.Builder builder = CsrSpec.builder()
                .dnsNames(orEmpty(spec.getDnsNames()))
                .ipAddresses(orEmpty(spec.getIpAddresses()))
                .uris(orEmpty(spec.getUris()))
                .emailAddresses(orEmpty(spec.getEmailAddresses()))
                .organizations(orEmpty(subject.getOrganizations()))
                .countries(orEmpty(subject.getCountries()))
                .organizationalUnits(orEmpty(subject.getOrganizationalUnits()))
                .localities(orEmpty(subject.getLocalities()))
                .provinces(orEmpty(subject.getProvinces()))
                .streetAddresses(orEmpty(subject.getStreetAddresses()))
                .postalCodes(orEmpty(subject.getPostalCodes()))
                .isCA(Boolean.TRUE.equals(spec.getIsCA()))
                .usages(orEmpty(spec.getUsages()));
        if (spec.getCommonName() != null) {
            builder.commonName(spec.getCommonName());
        }
        if (subject.getSerialNumber() != null) {
            builder.serialNumber(subject.getSerialNumber());
        }
        if (spec.getLiteralSubject() != null) {
            builder.literalSubject(spec.getLiteralSubject());
        }
        return builder.build();
    }

    public static ParsedCsr parsedCsr(CsrSpec spec, KeyPair key) throws PkiException {
        return Csrs.parse(Csrs.buildPem(spec, key).getBytes(StandardCharsets.US_ASCII));
    }

    /** Returns the test CA certificate, valid for ten years around {@link #NOW}, whose key is {@code key(ECDSA, 99)}. */
    public static synchronized X509Certificate ca() throws PkiException {
        if (ca == null) {
            KeyPair caKey = caKey();
            SigningOptions options = SigningOptions.builder().notBefore(NOW.minus(Duration.ofDays(365)))
                    .duration(Duration.ofDays(3650)).isCA(true).build();
            ca = CertificateSigner.sign(parsedCsr(CsrSpec.builder().commonName("Test CA").isCA(true).build(), caKey),
                    options, null, caKey.getPrivate());
        }
        return ca;
    }

    public static KeyPair caKey() {
        return key(KeyAlgorithm.ECDSA, 99);
    }

    private static X509Certificate ca;

    /** Signs a certificate for {@code spec} and {@code key} by the test CA, valid from {@code notBefore} for {@code lifetime}. */
    public static X509Certificate signed(CertificateSpec spec, KeyPair key, Instant notBefore, Duration lifetime)
            throws PkiException {
        SigningOptions options = SigningOptions.builder().notBefore(notBefore).duration(lifetime)
                .isCA(Boolean.TRUE.equals(spec.getIsCA())).usages(orEmpty(spec.getUsages())).build();
        return CertificateSigner.sign(parsedCsr(csrSpec(spec), key), options, ca(), caKey().getPrivate());
    }

    /** Signs a 90-day certificate for {@code spec} by the test CA that started one day before {@link #NOW}. */
    public static X509Certificate signed(CertificateSpec spec, KeyPair key) throws PkiException {
        return signed(spec, key, NOW.minus(Duration.ofDays(1)), Duration.ofDays(90));
    }

    /** Returns a CertificateRequest for {@code certificate} with revision {@code revision}, its CSR signed by {@code key}. */
    public static CertificateRequest request(Certificate certificate, KeyPair key, int revision) throws PkiException {
        CertificateSpec spec = certificate.getSpec();
        CertificateRequest request = new CertificateRequest();
        ObjectMeta metadata = new ObjectMeta();
        metadata.setName(certificate.getMetadata().getName() + "-" + revision);
        metadata.setNamespace(certificate.getMetadata().getNamespace());
        metadata.setAnnotations(new HashMap<>(Map.of(Annotations.CERTIFICATE_REVISION, Integer.toString(revision))));
        metadata.setOwnerReferences(List.of(new OwnerReferenceBuilder()
                .withApiVersion("cert-manager.io/v1").withKind("Certificate")
                .withName(certificate.getMetadata().getName()).withUid(certificate.getMetadata().getUid())
                .withController(true).withBlockOwnerDeletion(true).build()));
        request.setMetadata(metadata);
        CertificateRequestSpec requestSpec = new CertificateRequestSpec();
        requestSpec.setRequest(Csrs.buildPem(csrSpec(spec), key).getBytes(StandardCharsets.US_ASCII));
        requestSpec.setIssuerRef(copy(spec.getIssuerRef()));
        requestSpec.setDuration(spec.getDuration());
        requestSpec.setIsCA(spec.getIsCA());
        requestSpec.setUsages(spec.getUsages());
        request.setSpec(requestSpec);
        return request;
    }

    /** Returns an issued Secret for {@code certificate} holding {@code key} and {@code leaf}, with the issuer and name annotations. */
    public static Secret secret(Certificate certificate, KeyPair key, X509Certificate leaf) {
        Secret secret = new Secret();
        ObjectMeta metadata = new ObjectMeta();
        metadata.setName(certificate.getSpec().getSecretName());
        metadata.setNamespace(certificate.getMetadata().getNamespace());
        Map<String, String> annotations = new TreeMap<>();
        annotations.put(Annotations.CERTIFICATE_NAME, certificate.getMetadata().getName());
        IssuerReference ref = certificate.getSpec().getIssuerRef();
        annotations.put(Annotations.ISSUER_NAME, orEmpty(ref.getName()));
        annotations.put(Annotations.ISSUER_KIND, orEmpty(ref.getKind()));
        annotations.put(Annotations.ISSUER_GROUP, orEmpty(ref.getGroup()));
        metadata.setAnnotations(annotations);
        metadata.setLabels(new TreeMap<>(Map.of(Annotations.FAO_LABEL, "true")));
        secret.setMetadata(metadata);
        secret.setType(SecretKeys.TLS_SECRET_TYPE);
        Map<String, String> data = new TreeMap<>();
        data.put(SecretKeys.TLS_KEY, SecretData.encode(keyPem(key)));
        data.put(SecretKeys.TLS_CERT, SecretData.encode(pem(leaf)));
        secret.setData(data);
        return secret;
    }

    public static byte[] keyPem(KeyPair key) {
        return PrivateKeys.encodePem(key.getPrivate(), KeyEncoding.PKCS1).getBytes(StandardCharsets.US_ASCII);
    }

    public static byte[] pem(X509Certificate... certificates) {
        return Pem.encodeCertificates(List.of(certificates)).getBytes(StandardCharsets.US_ASCII);
    }

    public static void putData(Secret secret, String key, byte[] value) {
        secret.getData().put(key, SecretData.encode(value));
    }

    private static IssuerReference copy(IssuerReference ref) {
        return ref == null ? null : issuerRef(ref.getName(), ref.getKind(), ref.getGroup());
    }

    private static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : values;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
