package io.certwright.core.certificates.policies;

import static io.certwright.core.certificates.policies.CertificateFixtures.CLOCK;
import static io.certwright.core.certificates.policies.CertificateFixtures.NOW;
import static io.certwright.core.certificates.policies.CertificateFixtures.ca;
import static io.certwright.core.certificates.policies.CertificateFixtures.certificate;
import static io.certwright.core.certificates.policies.CertificateFixtures.issuerRef;
import static io.certwright.core.certificates.policies.CertificateFixtures.keyPem;
import static io.certwright.core.certificates.policies.CertificateFixtures.pem;
import static io.certwright.core.certificates.policies.CertificateFixtures.putData;
import static io.certwright.core.certificates.policies.CertificateFixtures.rsaKey;
import static io.certwright.core.certificates.policies.CertificateFixtures.signed;
import static org.assertj.core.api.Assertions.assertThat;

import io.certwright.api.Annotations;
import io.certwright.api.SecretKeys;
import io.certwright.api.model.Certificate;
import io.certwright.api.model.CertificateAdditionalOutputFormat;
import io.certwright.api.model.CertificateKeystores;
import io.certwright.api.model.CertificateSecretTemplate;
import io.certwright.api.model.CertificateSpec;
import io.certwright.api.model.PKCS12Keystore;
import io.certwright.core.ControllerOptions;
import io.certwright.core.certificates.secrets.IssuedData;
import io.certwright.core.certificates.secrets.IssuedSecretBuilder;
import io.certwright.core.certificates.secrets.KeystorePasswords;
import io.certwright.core.cluster.InMemoryCluster;
import io.fabric8.kubernetes.api.model.Secret;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Post-issuance checks against Secrets written by server-side apply, so that managed fields are real. */
class PostIssuancePolicyTest {

    private static final String MANAGER = IssuedSecretBuilder.FIELD_MANAGER;
    private static final ControllerOptions OPTIONS = ControllerOptions.defaults();
    private static final KeystorePasswords PASSWORDS = new KeystorePasswords((namespace, name) -> Optional.empty());

    private final InMemoryCluster cluster = new InMemoryCluster(CLOCK);
    private final KeyPair key = rsaKey();

    /** Applies the Secret for a Certificate customised by {@code customiser}, as the issuing controller would. */
    private Secret apply(Certificate certificate, ControllerOptions options) throws Exception {
        X509Certificate leaf = signed(certificate.getSpec(), key, NOW.minus(Duration.ofHours(1)), Duration.ofDays(90));
        IssuedData data = new IssuedData(keyPem(key), pem(leaf), pem(ca()), issuerRef("ca", "Issuer", ""));
        return cluster.applySecret(IssuedSecretBuilder.build(certificate, null, data, PASSWORDS, options), MANAGER);
    }

    private static Optional<Violation> evaluate(Certificate certificate, Secret secret, ControllerOptions options) {
        return Policies.postIssuance(options, MANAGER).evaluate(new PolicyInput(certificate, secret, null, null));
    }

    private static Certificate certificateWith(Consumer<CertificateSpec> customiser) {
        return certificate(customiser);
    }

    private static CertificateSecretTemplate template(Map<String, String> labels, Map<String, String> annotations) {
        CertificateSecretTemplate template = new CertificateSecretTemplate();
        template.setLabels(labels);
        template.setAnnotations(annotations);
        return template;
    }

    private static CertificateAdditionalOutputFormat format(String type) {
        CertificateAdditionalOutputFormat format = new CertificateAdditionalOutputFormat();
        format.setType(type);
        return format;
    }

    @Test
    void chainListsTheTenChecksInOrder() {
        assertThat(Policies.postIssuance(OPTIONS, MANAGER).names()).containsExactly(
                "SecretBaseLabelsMismatch", "SecretCertificateDetailsAnnotationsMismatch",
                "SecretManagedLabelsAndAnnotationsManagedFieldsMismatch", "SecretSecretTemplateMismatch",
                "SecretSecretTemplateManagedFieldsMismatch", "SecretAdditionalOutputFormatsMismatch",
                "SecretAdditionalOutputFormatsManagedFieldsMismatch", "SecretOwnerReferenceMismatch",
                "SecretOwnerReferenceManagedFieldMismatch", "SecretKeystoreFormatMismatch");
    }

    @Test
    void freshlyAppliedSecretPassesEveryCheck() throws Exception {
        Certificate certificate = certificateWith(spec -> spec
                .withSecretTemplate(template(Map.of("team", "blue"), Map.of("example.com/owner", "team-a")))
                .withAdditionalOutputFormats(List.of(format("DER"), format("CombinedPEM"))));
        assertThat(evaluate(certificate, apply(certificate, OPTIONS), OPTIONS)).isEmpty();
    }

    @Test
    void wrongFaoLabelValueIsManagedMetadataMismatch() throws Exception {
        Certificate certificate = certificate();
        Secret secret = apply(certificate, OPTIONS);
        secret.getMetadata().getLabels().put(Annotations.FAO_LABEL, "false");
        assertThat(evaluate(certificate, secret, OPTIONS)).contains(new Violation("SecretManagedMetadataMismatch",
                "wrong base label controller.cert-manager.io/fao value \"false\", expected \"true\""));
    }

    @Test
    void editedDetailAnnotationIsTemplateMismatch() throws Exception {
        Certificate certificate = certificate();
        Secret secret = apply(certificate, OPTIONS);
        secret.getMetadata().getAnnotations().put(Annotations.ALT_NAMES, "evil.example.com");
        assertThat(evaluate(certificate, secret, OPTIONS)).contains(new Violation("SecretTemplateMismatch",
                "Secret metadata evil.example.com does not match certificate metadata app.example.com"));
    }

    @Test
    void detailAnnotationNotOwnedIsMissingManagedAnnotation() throws Exception {
        Certificate certificate = certificate();
        Secret applied = IssuedSecretBuilder.build(certificate, null, new IssuedData(keyPem(key),
                pem(signed(certificate.getSpec(), key)), null, issuerRef("ca", "Issuer", "")), PASSWORDS, OPTIONS);
        applied.getMetadata().getAnnotations().remove(Annotations.URI_SANS);
        Secret secret = cluster.applySecret(applied, MANAGER);
        assertThat(evaluate(certificate, secret, OPTIONS)).contains(new Violation("SecretManagedMetadataMismatch",
                "Secret is missing these Managed Annotations: [cert-manager.io/uri-sans]"));
    }

    @Test
    void changedTemplateValueIsTemplateMismatch() throws Exception {
        Certificate certificate = certificateWith(spec -> spec.withSecretTemplate(template(Map.of("team", "blue"), null)));
        Secret secret = apply(certificate, OPTIONS);
        certificate.getSpec().withSecretTemplate(template(Map.of("team", "green"), null));
        assertThat(evaluate(certificate, secret, OPTIONS)).contains(new Violation("SecretTemplateMismatch",
                "Certificate's SecretTemplate Labels missing or incorrect value on Secret"));
    }

    @Test
    void addedTemplateLabelIsMissingTemplateLabel() throws Exception {
        Certificate certificate = certificateWith(spec -> spec.withSecretTemplate(template(Map.of("team", "blue"), null)));
        Secret secret = apply(certificate, OPTIONS);
        certificate.getSpec().withSecretTemplate(template(Map.of("team", "blue", "tier", "web"), null));
        assertThat(evaluate(certificate, secret, OPTIONS)).contains(new Violation("SecretTemplateMismatch",
                "Secret is missing these Template Labels: [tier]"));
    }

    @Test
    void removedTemplateAnnotationIsExtraAnnotation() throws Exception {
        Certificate certificate = certificateWith(spec -> spec.withSecretTemplate(template(null, Map.of("example.com/owner", "team-a"))));
        Secret secret = apply(certificate, OPTIONS);
        certificate.getSpec().withSecretTemplate(template(null, Map.of()));
        assertThat(evaluate(certificate, secret, OPTIONS)).contains(new Violation("SecretTemplateMismatch",
                "Secret has these extra Annotations: [example.com/owner]"));
    }

    @Test
    void labelAddedByUserIsIgnored() throws Exception {
        Certificate certificate = certificate();
        Secret secret = apply(certificate, OPTIONS);
        secret.getMetadata().getLabels().put("extra", "keep");
        assertThat(evaluate(certificate, secret, OPTIONS)).isEmpty();
    }

    @Test
    void requestedOutputFormatMissingIsOutputFormatsMismatch() throws Exception {
        Certificate certificate = certificate();
        Secret secret = apply(certificate, OPTIONS);
        certificate.getSpec().withAdditionalOutputFormats(List.of(format("DER")));
        assertThat(evaluate(certificate, secret, OPTIONS)).contains(new Violation("AdditionalOutputFormatsMismatch",
                "Certificate's AdditionalOutputFormats doesn't match Secret Data"));
    }

    @Test
    void staleCombinedPemIsOutputFormatsMismatch() throws Exception {
        Certificate certificate = certificateWith(spec -> spec.withAdditionalOutputFormats(List.of(format("CombinedPEM"))));
        Secret secret = apply(certificate, OPTIONS);
        putData(secret, SecretKeys.TLS_COMBINED_PEM, new byte[] {'x'});
        assertThat(evaluate(certificate, secret, OPTIONS).map(Violation::reason)).contains("AdditionalOutputFormatsMismatch");
    }

    @Test
    void removedOutputFormatStillOwned() throws Exception {
        Certificate certificate = certificateWith(spec -> spec.withAdditionalOutputFormats(List.of(format("DER"))));
        Secret secret = apply(certificate, OPTIONS);
        certificate.getSpec().withAdditionalOutputFormats(null);
        assertThat(evaluate(certificate, secret, OPTIONS)).contains(new Violation("AdditionalOutputFormatsMismatch",
                "Certificate's AdditionalOutputFormats doesn't match Secret ManagedFields"));
    }

    @Test
    void enabledOwnerReferenceMissing() throws Exception {
        Certificate certificate = certificate();
        Secret secret = apply(certificate, OPTIONS);
        ControllerOptions enabled = OPTIONS.withEnableCertificateOwnerRef(true);
        assertThat(evaluate(certificate, secret, enabled)).contains(new Violation("SecretOwnerRefMismatch",
                "unexpected Secret Owner Reference value on Secret --enable-certificate-owner-ref=true"));
    }

    @Test
    void disabledOwnerReferenceStillOwned() throws Exception {
        Certificate certificate = certificate();
        Secret secret = apply(certificate, OPTIONS.withEnableCertificateOwnerRef(true));
        assertThat(evaluate(certificate, secret, OPTIONS)).contains(new Violation("SecretOwnerRefMismatch",
                "unexpected managed Secret Owner Reference field on Secret --enable-certificate-owner-ref=false"));
    }

    @Test
    void ownerReferenceAppliedWhenEnabledPasses() throws Exception {
        Certificate certificate = certificate();
        ControllerOptions enabled = OPTIONS.withEnableCertificateOwnerRef(true);
        assertThat(evaluate(certificate, apply(certificate, enabled), enabled)).isEmpty();
    }

    @Test
    void addedKeystoreIsSecretMismatch() throws Exception {
        Certificate certificate = certificate();
        Secret secret = apply(certificate, OPTIONS);
        certificate.getSpec().withKeystores(pkcs12Keystores(true));
        assertThat(evaluate(certificate, secret, OPTIONS)).contains(new Violation("SecretMismatch", "PKCS12 Keystore key does not contain data"));
    }

    @Test
    void disabledKeystoreStillPresentIsSecretMismatch() throws Exception {
        Certificate certificate = certificateWith(spec -> spec.withKeystores(pkcs12Keystores(true)));
        Secret secret = apply(certificate, OPTIONS);
        certificate.getSpec().withKeystores(pkcs12Keystores(false));
        assertThat(evaluate(certificate, secret, OPTIONS)).contains(new Violation("SecretMismatch", "PKCS12 Keystore create disabled"));
    }

    @Test
    void removedKeystoresStillPresentIsSecretMismatch() throws Exception {
        Certificate certificate = certificateWith(spec -> spec.withKeystores(pkcs12Keystores(true)));
        Secret secret = apply(certificate, OPTIONS);
        certificate.getSpec().withKeystores(null);
        assertThat(evaluate(certificate, secret, OPTIONS)).contains(new Violation("SecretMismatch", "Keystore is not defined"));
    }

    @Test
    void keystoreWithoutCaNeedsNoTruststore() throws Exception {
        Certificate certificate = certificateWith(spec -> spec.withKeystores(pkcs12Keystores(true)));
        Secret secret = apply(certificate, OPTIONS);
        Map<String, String> data = new HashMap<>(secret.getData());
        data.remove(SecretKeys.CA_CERT);
        data.remove(SecretKeys.TRUSTSTORE_PKCS12);
        secret.setData(data);
        assertThat(evaluate(certificate, secret, OPTIONS)).isEmpty();
    }

    private static CertificateKeystores pkcs12Keystores(boolean create) {
        PKCS12Keystore pkcs12 = new PKCS12Keystore();
        pkcs12.setCreate(create);
        pkcs12.setPassword("changeit");
        CertificateKeystores keystores = new CertificateKeystores();
        keystores.setPkcs12(pkcs12);
        return keystores;
    }
}
