package io.certwright.core.issuers;

import io.certwright.api.model.CertificateRequest;
import io.certwright.api.model.CertificateRequestSpec;
import io.certwright.api.model.IssuerReference;
import io.certwright.pki.CertificateSigner;
import io.certwright.pki.CsrSpec;
import io.certwright.pki.Csrs;
import io.certwright.pki.KeyAlgorithm;
import io.certwright.pki.KeyEncoding;
import io.certwright.pki.Pem;
import io.certwright.pki.PkiException;
import io.certwright.pki.PrivateKeys;
import io.certwright.pki.SigningOptions;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Certificates, keys, CSRs, Secrets and CertificateRequests minted in code for the issuer tests. */
public final class CaFixtures {
    private CaFixtures() {
    }

    /** A certificate and its key pair. */
    public record KeyedCertificate(X509Certificate certificate, KeyPair keyPair) {
    }

    public static KeyPair newKey() {
        return PrivateKeys.generate(KeyAlgorithm.ECDSA, 256);
    }

    /** A self-signed CA certificate valid for a year from {@code now}. */
    public static KeyedCertificate root(String commonName, Instant now) {
        KeyPair key = newKey();
        return new KeyedCertificate(sign(commonName, true, key, null, null, now), key);
    }

    /** A CA certificate signed by {@code parent}. */
    public static KeyedCertificate intermediate(String commonName, KeyedCertificate parent, Instant now) {
        KeyPair key = newKey();
        return new KeyedCertificate(sign(commonName, true, key, parent.certificate(), parent.keyPair(), now), key);
    }

    /** A certificate that is not a CA, signed by {@code parent}, or self-signed when parent is null. */
    public static KeyedCertificate nonCa(String commonName, KeyedCertificate parent, Instant now) {
        KeyPair key = newKey();
        return new KeyedCertificate(sign(commonName, false, key,
                parent == null ? null : parent.certificate(), parent == null ? key : parent.keyPair(), now), key);
    }

    private static X509Certificate sign(String commonName, boolean isCA, KeyPair key, X509Certificate issuer,
            KeyPair issuerKey, Instant now) {
        try {
            String csr = Csrs.buildPem(CsrSpec.builder().commonName(commonName).isCA(isCA).build(), key);
            SigningOptions options = SigningOptions.builder().notBefore(now).duration(Duration.ofDays(365))
                    .isCA(isCA).build();
            return CertificateSigner.sign(Csrs.parse(csr.getBytes(StandardCharsets.US_ASCII)), options, issuer,
                    issuerKey == null ? key.getPrivate() : issuerKey.getPrivate());
        } catch (PkiException e) {
            throw new IllegalStateException(e);
        }
    }

    /** PEM CSR for {@code spec}, signed with {@code key}. */
    public static byte[] csr(CsrSpec spec, KeyPair key) {
        try {
            return Csrs.buildPem(spec, key).getBytes(StandardCharsets.US_ASCII);
        } catch (PkiException e) {
            throw new IllegalStateException(e);
        }
    }

    /** PEM CSR for a leaf with one DNS name and common name, usages embedded (the default usages). */
    public static byte[] leafCsr(String dnsName, KeyPair key) {
        return csr(CsrSpec.builder().commonName(dnsName).dnsNames(dnsName).build(), key);
    }

    public static String pem(X509Certificate... certificates) {
        return Pem.encodeCertificates(List.of(certificates));
    }

    public static String keyPem(KeyPair key) {
        return PrivateKeys.encodePem(key.getPrivate(), KeyEncoding.PKCS8);
    }

    /** A Secret whose data holds the given PEM entries; null values are left out. */
    public static Secret secret(String namespace, String name, String tlsCrt, String tlsKey, String caCrt) {
        Map<String, String> data = new LinkedHashMap<>();
        put(data, "tls.crt", tlsCrt);
        put(data, "tls.key", tlsKey);
        put(data, "ca.crt", caCrt);
        Secret secret = new Secret();
        secret.setApiVersion("v1");
        secret.setKind("Secret");
        ObjectMeta metadata = new ObjectMeta();
        metadata.setNamespace(namespace);
        metadata.setName(name);
        secret.setMetadata(metadata);
        secret.setType("kubernetes.io/tls");
        secret.setData(data);
        return secret;
    }

    private static void put(Map<String, String> data, String key, String value) {
        if (value != null) {
            data.put(key, Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** A CertificateRequest for {@code csr}, referencing the issuer {@code kind}/{@code issuerName}. */
    public static CertificateRequest request(String namespace, String name, String issuerName, String kind, byte[] csr) {
        CertificateRequest request = new CertificateRequest();
        request.getMetadata().setNamespace(namespace);
        request.getMetadata().setName(name);
        request.setSpec(new CertificateRequestSpec()
                .withIssuerRef(new IssuerReference().withName(issuerName).withKind(kind))
                .withRequest(csr));
        return request;
    }

    /** Parses a PEM chain, failing the test on bad PEM. */
    public static List<X509Certificate> parse(byte[] pem) {
        try {
            return Pem.parseCertificates(pem);
        } catch (PkiException e) {
            throw new AssertionError("not a PEM certificate chain: " + e.getMessage(), e);
        }
    }
}
