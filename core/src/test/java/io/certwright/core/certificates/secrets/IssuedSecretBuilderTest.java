package io.certwright.core.certificates.secrets;

import static io.certwright.core.certificates.policies.CertificateFixtures.NOW;
import static io.certwright.core.certificates.policies.CertificateFixtures.ca;
import static io.certwright.core.certificates.policies.CertificateFixtures.certificate;
import static io.certwright.core.certificates.policies.CertificateFixtures.issuerRef;
import static io.certwright.core.certificates.policies.CertificateFixtures.keyPem;
import static io.certwright.core.certificates.policies.CertificateFixtures.pem;
import static io.certwright.core.certificates.policies.CertificateFixtures.rsaKey;
import static io.certwright.core.certificates.policies.CertificateFixtures.signed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.certwright.api.Annotations;
import io.certwright.api.SecretKeys;
import io.certwright.api.model.Certificate;
import io.certwright.api.model.CertificateAdditionalOutputFormat;
import io.certwright.api.model.CertificateKeystores;
import io.certwright.api.model.CertificateSecretTemplate;
import io.certwright.api.model.JKSKeystore;
import io.certwright.api.model.PKCS12Keystore;
import io.certwright.api.model.SecretKeySelector;
import io.certwright.api.model.X509Subject;
import io.certwright.core.ControllerOptions;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Secret;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import io.certwright.api.model.CertificateSpec;
import org.junit.jupiter.api.Test;

class IssuedSecretBuilderTest {

    private static final ControllerOptions OPTIONS = ControllerOptions.defaults();
    private static final KeystorePasswords LITERAL_ONLY = new KeystorePasswords((namespace, name) -> Optional.empty());

    private final KeyPair key = rsaKey();

    private IssuedData data(Certificate certificate, boolean withCa) throws Exception {
        X509Certificate leaf = signed(certificate.getSpec(), key, NOW.minus(Duration.ofHours(1)), Duration.ofDays(90));
        return new IssuedData(keyPem(key), pem(leaf), withCa ? pem(ca()) : null, issuerRef("ca", "Issuer", ""));
    }

    private Secret build(Consumer<CertificateSpec> customiser, boolean withCa) throws Exception {
        Certificate certificate = certificate(customiser);
        return IssuedSecretBuilder.build(certificate, null, data(certificate, withCa), LITERAL_ONLY, OPTIONS);
    }

    private static byte[] data(Secret secret, String key) {
        return SecretData.get(secret, key);
    }

    private static PKCS12Keystore pkcs12(String password) {
        PKCS12Keystore pkcs12 = new PKCS12Keystore();
        pkcs12.setCreate(true);
        pkcs12.setPassword(password);
        return pkcs12;
    }

    private static JKSKeystore jks(String password) {
        JKSKeystore jks = new JKSKeystore();
        jks.setCreate(true);
        jks.setPassword(password);
        return jks;
    }

    private static CertificateKeystores keystores(JKSKeystore jks, PKCS12Keystore pkcs12) {
        CertificateKeystores keystores = new CertificateKeystores();
        keystores.setJks(jks);
        keystores.setPkcs12(pkcs12);
        return keystores;
    }

    private static CertificateAdditionalOutputFormat format(String type) {
        CertificateAdditionalOutputFormat format = new CertificateAdditionalOutputFormat();
        format.setType(type);
        return format;
    }

    @Test
    void newSecretHasTlsTypeAndKeyPair() throws Exception {
        Certificate certificate = certificate();
        IssuedData issued = data(certificate, false);
        Secret secret = IssuedSecretBuilder.build(certificate, null, issued, LITERAL_ONLY, OPTIONS);
        assertThat(secret.getType()).isEqualTo("kubernetes.io/tls");
        assertThat(secret.getMetadata().getName()).isEqualTo("app-tls");
        assertThat(secret.getMetadata().getNamespace()).isEqualTo("demo");
        assertThat(data(secret, SecretKeys.TLS_CERT)).isEqualTo(issued.certificatePem());
        assertThat(data(secret, SecretKeys.TLS_KEY)).isEqualTo(issued.privateKeyPem());
        assertThat(secret.getData()).doesNotContainKey(SecretKeys.CA_CERT);
    }

    @Test
    void existingSecretKeepsItsType() throws Exception {
        Certificate certificate = certificate();
        Secret existing = new Secret();
        existing.setMetadata(new ObjectMeta());
        existing.setType("Opaque");
        Secret secret = IssuedSecretBuilder.build(certificate, existing, data(certificate, false), LITERAL_ONLY, OPTIONS);
        assertThat(secret.getType()).isEqualTo("Opaque");
    }

    @Test
    void caIsWrittenWhenPresent() throws Exception {
        Secret secret = build(spec -> { }, true);
        assertThat(data(secret, SecretKeys.CA_CERT)).isEqualTo(pem(ca()));
    }

    @Test
    void annotationsDescribeCertificateAndIssuer() throws Exception {
        Secret secret = build(spec -> spec.withCommonName("app.example.com")
                .withIpAddresses(List.of("2001:0DB8::1", "192.0.2.1"))
                .withSubject(subject(List.of("Example, Inc."))), false);
        Map<String, String> annotations = secret.getMetadata().getAnnotations();
        assertThat(annotations).containsEntry(Annotations.CERTIFICATE_NAME, "app")
                .containsEntry(Annotations.ISSUER_NAME, "ca")
                .containsEntry(Annotations.ISSUER_KIND, "Issuer")
                .containsEntry(Annotations.ISSUER_GROUP, "")
                .containsEntry(Annotations.COMMON_NAME, "app.example.com")
                .containsEntry(Annotations.ALT_NAMES, "app.example.com")
                .containsEntry(Annotations.IP_SANS, "2001:db8::1,192.0.2.1")
                .containsEntry(Annotations.URI_SANS, "")
                .containsEntry(Annotations.SUBJECT_ORGANIZATIONS, "\"Example, Inc.\"");
        assertThat(annotations).doesNotContainKeys(Annotations.EMAIL_SANS, Annotations.SUBJECT_COUNTRIES, Annotations.SUBJECT_SERIAL_NUMBER);
    }

    @Test
    void temporaryCertificateHasNoIssuerAnnotations() throws Exception {
        Certificate certificate = certificate();
        IssuedData issued = data(certificate, false);
        IssuedData temporary = new IssuedData(issued.privateKeyPem(), issued.certificatePem(), null, null);
        Secret secret = IssuedSecretBuilder.build(certificate, null, temporary, LITERAL_ONLY, OPTIONS);
        assertThat(secret.getMetadata().getAnnotations())
                .containsKey(Annotations.CERTIFICATE_NAME)
                .doesNotContainKeys(Annotations.ISSUER_NAME, Annotations.ISSUER_KIND, Annotations.ISSUER_GROUP);
    }

    @Test
    void labelsAreTemplatePlusFao() throws Exception {
        CertificateSecretTemplate template = new CertificateSecretTemplate();
        template.setLabels(Map.of("team", "blue", Annotations.FAO_LABEL, "false"));
        template.setAnnotations(Map.of("example.com/owner", "team-a", Annotations.COMMON_NAME, "overridden"));
        Secret secret = build(spec -> spec.withSecretTemplate(template), false);
        assertThat(secret.getMetadata().getLabels()).isEqualTo(Map.of("team", "blue", Annotations.FAO_LABEL, "true"));
        assertThat(secret.getMetadata().getAnnotations()).containsEntry("example.com/owner", "team-a")
                .containsEntry(Annotations.COMMON_NAME, "");
    }

    @Test
    void combinedPemIsKeyNewlineChain() throws Exception {
        Certificate certificate = certificate(spec -> spec.withAdditionalOutputFormats(List.of(format("CombinedPEM"), format("DER"))));
        IssuedData issued = data(certificate, true);
        Secret secret = IssuedSecretBuilder.build(certificate, null, issued, LITERAL_ONLY, OPTIONS);
        String expected = new String(issued.privateKeyPem(), StandardCharsets.US_ASCII) + "\n"
                + new String(issued.certificatePem(), StandardCharsets.US_ASCII);
        assertThat(new String(data(secret, SecretKeys.TLS_COMBINED_PEM), StandardCharsets.US_ASCII)).isEqualTo(expected);
    }

    @Test
    void derIsTheKeyPemBody() throws Exception {
        Secret secret = build(spec -> spec.withAdditionalOutputFormats(List.of(format("DER"))), false);
        String body = new String(data(secret, SecretKeys.TLS_KEY), StandardCharsets.US_ASCII)
                .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        assertThat(data(secret, SecretKeys.KEY_DER)).isEqualTo(Base64.getDecoder().decode(body));
        assertThat(secret.getData()).doesNotContainKey(SecretKeys.TLS_COMBINED_PEM);
    }

    @Test
    void pkcs12WithCaHasKeystoreAndTruststore() throws Exception {
        Secret secret = build(spec -> spec.withKeystores(keystores(null, pkcs12("changeit"))), true);
        KeyStore keystore = KeyStore.getInstance("PKCS12");
        keystore.load(new ByteArrayInputStream(data(secret, SecretKeys.KEYSTORE_PKCS12)), "changeit".toCharArray());
        assertThat(keystore.size()).isPositive();
        assertThat(data(secret, SecretKeys.TRUSTSTORE_PKCS12)).isNotEmpty();
        assertThat(secret.getData()).doesNotContainKeys(SecretKeys.KEYSTORE_JKS, SecretKeys.TRUSTSTORE_JKS);
    }

    @Test
    void pkcs12WithoutCaHasNoTruststore() throws Exception {
        Secret secret = build(spec -> spec.withKeystores(keystores(null, pkcs12("changeit"))), false);
        assertThat(data(secret, SecretKeys.KEYSTORE_PKCS12)).isNotEmpty();
        assertThat(secret.getData()).doesNotContainKey(SecretKeys.TRUSTSTORE_PKCS12);
    }

    @Test
    void jksWithCaHasKeystoreAndTruststore() throws Exception {
        Secret secret = build(spec -> spec.withKeystores(keystores(jks("s3cret"), null)), true);
        KeyStore keystore = KeyStore.getInstance("JKS");
        keystore.load(new ByteArrayInputStream(data(secret, SecretKeys.KEYSTORE_JKS)), "s3cret".toCharArray());
        assertThat(keystore.isKeyEntry("certificate")).isTrue();
        assertThat(keystore.isCertificateEntry("ca")).isTrue();
        assertThat(data(secret, SecretKeys.TRUSTSTORE_JKS)).isNotEmpty();
    }

    @Test
    void keystoreWithCreateFalseIsNotWritten() throws Exception {
        PKCS12Keystore disabled = pkcs12("changeit");
        disabled.setCreate(false);
        Secret secret = build(spec -> spec.withKeystores(keystores(null, disabled)), true);
        assertThat(secret.getData()).doesNotContainKeys(SecretKeys.KEYSTORE_PKCS12, SecretKeys.TRUSTSTORE_PKCS12);
    }

    @Test
    void passwordFromSecretIsUsed() throws Exception {
        Secret passwordSecret = new Secret();
        passwordSecret.setMetadata(new ObjectMeta());
        passwordSecret.setData(Map.of("password", SecretData.encode("s3cret".getBytes(StandardCharsets.UTF_8))));
        KeystorePasswords passwords = new KeystorePasswords((namespace, name) ->
                namespace.equals("demo") && name.equals("ks-pass") ? Optional.of(passwordSecret) : Optional.empty());
        JKSKeystore jks = new JKSKeystore();
        jks.setCreate(true);
        jks.setPasswordSecretRef(selector("ks-pass", "password"));
        Certificate certificate = certificate(spec -> spec.withKeystores(keystores(jks, null)));
        Secret secret = IssuedSecretBuilder.build(certificate, null, data(certificate, false), passwords, OPTIONS);
        KeyStore keystore = KeyStore.getInstance("JKS");
        keystore.load(new ByteArrayInputStream(data(secret, SecretKeys.KEYSTORE_JKS)), "s3cret".toCharArray());
        assertThat(keystore.isKeyEntry("certificate")).isTrue();
    }

    @Test
    void missingPasswordSecretIsReportedForAnEvent() throws Exception {
        PKCS12Keystore pkcs12 = new PKCS12Keystore();
        pkcs12.setCreate(true);
        pkcs12.setPasswordSecretRef(selector("ks-pass", "password"));
        Certificate certificate = certificate(spec -> spec.withKeystores(keystores(null, pkcs12)));
        IssuedData issued = data(certificate, false);
        assertThatThrownBy(() -> IssuedSecretBuilder.build(certificate, null, issued, LITERAL_ONLY, OPTIONS))
                .isInstanceOfSatisfying(KeystorePasswordException.class, e -> {
                    assertThat(e.secretNotFound()).isTrue();
                    assertThat(e.eventMessage()).isEqualTo("PKCS12 keystore password Secret \"ks-pass\" not found");
                });
    }

    @Test
    void emptyLiteralPasswordIsRejected() throws Exception {
        Certificate certificate = certificate(spec -> spec.withKeystores(keystores(null, pkcs12(""))));
        IssuedData issued = data(certificate, false);
        assertThatThrownBy(() -> IssuedSecretBuilder.build(certificate, null, issued, LITERAL_ONLY, OPTIONS))
                .isInstanceOfSatisfying(KeystorePasswordException.class, e -> assertThat(e.secretNotFound()).isFalse())
                .hasMessageContaining("spec.keystores.pkcs12.password");
    }

    @Test
    void ownerReferenceOnlyWhenEnabled() throws Exception {
        Certificate certificate = certificate();
        IssuedData issued = data(certificate, false);
        Secret without = IssuedSecretBuilder.build(certificate, null, issued, LITERAL_ONLY, OPTIONS);
        Secret with = IssuedSecretBuilder.build(certificate, null, issued, LITERAL_ONLY, OPTIONS.withEnableCertificateOwnerRef(true));
        assertThat(without.getMetadata().getOwnerReferences()).isNullOrEmpty();
        assertThat(with.getMetadata().getOwnerReferences()).singleElement().satisfies(reference -> {
            assertThat(reference.getKind()).isEqualTo("Certificate");
            assertThat(reference.getUid()).isEqualTo(certificate.getMetadata().getUid());
            assertThat(reference.getController()).isTrue();
        });
    }

    @Test
    void rebuildKeepsExistingDataAndIssuer() throws Exception {
        Certificate certificate = certificate();
        IssuedData issued = new IssuedData(data(certificate, true).privateKeyPem(), data(certificate, true).certificatePem(),
                pem(ca()), issuerRef("ca-old", "ClusterIssuer", ""));
        Secret existing = IssuedSecretBuilder.build(certificate, null, issued, LITERAL_ONLY, OPTIONS);
        certificate.getSpec().withIssuerRef(issuerRef("ca-new", "ClusterIssuer", null))
                .withAdditionalOutputFormats(List.of(format("DER")));
        Secret rebuilt = IssuedSecretBuilder.rebuildFromExisting(certificate, existing, LITERAL_ONLY, OPTIONS);
        assertThat(rebuilt.getMetadata().getAnnotations()).containsEntry(Annotations.ISSUER_NAME, "ca-old")
                .containsEntry(Annotations.ISSUER_KIND, "ClusterIssuer");
        assertThat(data(rebuilt, SecretKeys.TLS_KEY)).isEqualTo(data(existing, SecretKeys.TLS_KEY));
        assertThat(data(rebuilt, SecretKeys.TLS_CERT)).isEqualTo(data(existing, SecretKeys.TLS_CERT));
        assertThat(data(rebuilt, SecretKeys.CA_CERT)).isEqualTo(data(existing, SecretKeys.CA_CERT));
        assertThat(rebuilt.getData()).containsKey(SecretKeys.KEY_DER);
    }

    private static SecretKeySelector selector(String name, String key) {
        SecretKeySelector selector = new SecretKeySelector();
        selector.setName(name);
        selector.setKey(key);
        return selector;
    }

    private static X509Subject subject(List<String> organizations) {
        X509Subject subject = new X509Subject();
        subject.setOrganizations(organizations);
        return subject;
    }
}
