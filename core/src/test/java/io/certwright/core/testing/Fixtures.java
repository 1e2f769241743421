package io.certwright.core.testing;

import io.certwright.api.model.CAIssuer;
import io.certwright.api.model.Certificate;
import io.certwright.api.model.CertificatePrivateKey;
import io.certwright.api.model.CertificateSecretTemplate;
import io.certwright.api.model.CertificateSpec;
import io.certwright.api.model.ClusterIssuer;
import io.certwright.api.model.Issuer;
import io.certwright.api.model.IssuerReference;
import io.certwright.api.model.IssuerSpec;
import io.certwright.api.model.SelfSignedIssuer;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Builders for test objects that read as sentences:
 * {@code certificate("web", inNamespace("demo"), withDnsNames("a.example.com"), withIssuer("ca", "ClusterIssuer"))}.
 * Defaults: namespace {@value Harness#DEFAULT_NAMESPACE}; a Certificate's secretName is {@code <name>-tls} and
 * its issuerRef names Issuer {@code ca}.
 */
public final class Fixtures {
    private Fixtures() {
    }

    // ---- objects ----

    @SafeVarargs
    public static Certificate certificate(String name, Consumer<? super Certificate>... options) {
        Certificate certificate = new Certificate();
        certificate.setMetadata(metadata(name, Harness.DEFAULT_NAMESPACE));
        certificate.setSpec(new CertificateSpec()
                .withSecretName(name + "-tls")
                .withIssuerRef(new IssuerReference().withName("ca").withKind("Issuer")));
        for (Consumer<? super Certificate> option : options) {
            option.accept(certificate);
        }
        return certificate;
    }

    /** Builds an Issuer; without options it has an empty spec, so add {@link #withCa} or {@link #withSelfSigned}. */
    @SafeVarargs
    public static Issuer issuer(String name, Consumer<? super Issuer>... options) {
        Issuer issuer = new Issuer();
        issuer.setMetadata(metadata(name, Harness.DEFAULT_NAMESPACE));
        issuer.setSpec(new IssuerSpec());
        for (Consumer<? super Issuer> option : options) {
            option.accept(issuer);
        }
        return issuer;
    }

    /** Builds a ClusterIssuer; options that set a namespace have no effect on it. */
    @SafeVarargs
    public static ClusterIssuer clusterIssuer(String name, Consumer<? super ClusterIssuer>... options) {
        ClusterIssuer issuer = new ClusterIssuer();
        issuer.setMetadata(metadata(name, null));
        issuer.setSpec(new IssuerSpec());
        for (Consumer<? super ClusterIssuer> option : options) {
            option.accept(issuer);
        }
        issuer.getMetadata().setNamespace(null);
        return issuer;
    }

    // ---- metadata options, for any kind ----

    public static Consumer<HasMetadata> inNamespace(String namespace) {
        return object -> object.getMetadata().setNamespace(namespace);
    }

    public static Consumer<HasMetadata> withLabel(String key, String value) {
        return object -> {
            Map<String, String> labels = new LinkedHashMap<>(orEmpty(object.getMetadata().getLabels()));
            labels.put(key, value);
            object.getMetadata().setLabels(labels);
        };
    }

    public static Consumer<HasMetadata> withAnnotation(String key, String value) {
        return object -> {
            Map<String, String> annotations = new LinkedHashMap<>(orEmpty(object.getMetadata().getAnnotations()));
            annotations.put(key, value);
            object.getMetadata().setAnnotations(annotations);
        };
    }

    // ---- Certificate options ----

    public static Consumer<Certificate> withDnsNames(String... dnsNames) {
        return certificate -> certificate.getSpec().setDnsNames(List.of(dnsNames));
    }

    public static Consumer<Certificate> withCommonName(String commonName) {
        return certificate -> certificate.getSpec().setCommonName(commonName);
    }

    public static Consumer<Certificate> withSecretName(String secretName) {
        return certificate -> certificate.getSpec().setSecretName(secretName);
    }

    /** Points the Certificate at an issuer; {@code kind} is {@code Issuer} or {@code ClusterIssuer}. */
    public static Consumer<Certificate> withIssuer(String name, String kind) {
        return certificate -> certificate.getSpec().setIssuerRef(
                new IssuerReference().withName(name).withKind(kind).withGroup("cert-manager.io"));
    }

    /** Sets {@code spec.duration} as a Go duration string, e.g. {@code 2160h}. */
    public static Consumer<Certificate> withDuration(String duration) {
        return certificate -> certificate.getSpec().setDuration(duration);
    }

    /** Sets {@code spec.renewBefore} as a Go duration string, e.g. {@code 360h}. */
    public static Consumer<Certificate> withRenewBefore(String renewBefore) {
        return certificate -> certificate.getSpec().setRenewBefore(renewBefore);
    }

    public static Consumer<Certificate> withIsCA(boolean isCA) {
        return certificate -> certificate.getSpec().setIsCA(isCA);
    }

    public static Consumer<Certificate> withUsages(String... usages) {
        return certificate -> certificate.getSpec().setUsages(List.of(usages));
    }

    public static Consumer<Certificate> withRevisionHistoryLimit(int limit) {
        return certificate -> certificate.getSpec().setRevisionHistoryLimit(limit);
    }

    /** Sets {@code spec.privateKey}; pass null for a field to leave it unset. */
    public static Consumer<Certificate> withPrivateKey(String algorithm, Integer size, String rotationPolicy) {
        return certificate -> {
            CertificatePrivateKey privateKey = new CertificatePrivateKey();
            privateKey.setAlgorithm(algorithm);
            privateKey.setSize(size);
            privateKey.setRotationPolicy(rotationPolicy);
            certificate.getSpec().setPrivateKey(privateKey);
        };
    }

    public static Consumer<Certificate> withSecretTemplateLabel(String key, String value) {
        return certificate -> {
            CertificateSecretTemplate template = certificate.getSpec().getSecretTemplate() == null
                    ? new CertificateSecretTemplate() : certificate.getSpec().getSecretTemplate();
            Map<String, String> labels = new LinkedHashMap<>(orEmpty(template.getLabels()));
            labels.put(key, value);
            template.setLabels(labels);
            certificate.getSpec().setSecretTemplate(template);
        };
    }

    // ---- Issuer and ClusterIssuer options ----

    /** Makes the issuer a CA issuer signing with the key pair in Secret {@code secretName}. */
    public static Consumer<HasMetadata> withCa(String secretName) {
        return issuer -> issuerSpec(issuer).setCa(new CAIssuer().withSecretName(secretName));
    }

    /** Makes the issuer a self-signing issuer. */
    public static Consumer<HasMetadata> withSelfSigned() {
        return issuer -> issuerSpec(issuer).setSelfSigned(new SelfSignedIssuer());
    }

    private static IssuerSpec issuerSpec(HasMetadata object) {
        if (object instanceof Issuer issuer) {
            return issuer.getSpec();
        }
        if (object instanceof ClusterIssuer issuer) {
            return issuer.getSpec();
        }
        throw new IllegalArgumentException("issuer options apply to Issuers and ClusterIssuers, not "
                + object.getClass().getSimpleName());
    }

    private static ObjectMeta metadata(String name, String namespace) {
        ObjectMeta metadata = new ObjectMeta();
        metadata.setName(name);
        metadata.setNamespace(namespace);
        return metadata;
    }

    private static <K, V> Map<K, V> orEmpty(Map<K, V> map) {
        return map == null ? Map.of() : map;
    }
}
