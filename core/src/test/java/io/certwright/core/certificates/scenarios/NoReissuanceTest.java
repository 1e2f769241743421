package io.certwright.core.certificates.scenarios;

import static io.certwright.core.certificates.scenarios.Scenario.annotations;
import static io.certwright.core.certificates.scenarios.Scenario.labels;
import static org.assertj.core.api.Assertions.assertThat;

import io.certwright.api.Annotations;
import io.certwright.api.SecretKeys;
import io.fabric8.kubernetes.api.model.Secret;
import java.io.ByteArrayInputStream;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Spec changes that only repackage the same key and certificate, or that do not concern the certificate
 * at all. None creates a CertificateRequest, and tls.crt and tls.key stay byte-identical while the rest
 * of the Secret follows the spec.
 */
class NoReissuanceTest {
    private static final String CERTIFICATE = """
            apiVersion: cert-manager.io/v1
            kind: Certificate
            metadata: {name: app, namespace: demo}
            spec:
              secretName: app-tls
              dnsNames: [app.example.com]
              issuerRef: {name: int-ca, kind: Issuer}
            """;

    private static final String PASSWORD_SECRET = """
            apiVersion: v1
            kind: Secret
            metadata: {name: ks-pass, namespace: demo}
            data: {password: czNjcmV0}
            """;

    private final Scenario scenario = Scenario.create().apply(Scenario.CA_ISSUER + "---\n" + PASSWORD_SECRET + "---\n"
            + CERTIFICATE);
    private final Scenario.KeyPairBytes issued = scenario.keyPair("app-tls");

    @Test
    void privateKeyEncodingChangeKeepsKey() {
        scenario.apply(CERTIFICATE + "  privateKey: {encoding: PKCS8}\n");
        scenario.advance(Duration.ofMinutes(10));

        assertNoReissuance();
        assertThat(issued.privateKey()).startsWith("-----BEGIN RSA PRIVATE KEY-----");
    }

    @Test
    void secretTemplateReachesSecret() {
        scenario.apply(CERTIFICATE + "  secretTemplate: {labels: {team: blue}, annotations: {example.com/owner: team-a}}\n");

        assertNoReissuance();
        Secret secret = scenario.secret("app-tls");
        assertThat(labels(secret)).containsEntry("team", "blue");
        assertThat(annotations(secret)).containsEntry("example.com/owner", "team-a");
    }

    @Test
    void templateChangePrunesOnlyTemplateKeys() {
        scenario.apply(CERTIFICATE + "  secretTemplate: {labels: {team: blue}, annotations: {example.com/owner: team-a}}\n");
        Secret labelled = scenario.secret("app-tls");
        Map<String, String> userLabels = new HashMap<>(labels(labelled));
        userLabels.put("extra", "keep");
        labelled.getMetadata().setLabels(userLabels);
        scenario.harness.apply(labelled);
        scenario.harness.settle();

        scenario.apply(CERTIFICATE + "  secretTemplate: {labels: {team: green, tier: web}, annotations: {}}\n");

        Secret secret = scenario.secret("app-tls");
        assertThat(labels(secret)).containsEntry("team", "green");
        assertThat(labels(secret)).containsEntry("tier", "web");
        assertThat(labels(secret)).containsEntry(Annotations.FAO_LABEL, "true");
        assertThat(labels(secret)).containsEntry("extra", "keep");
        assertThat(annotations(secret)).doesNotContainKey("example.com/owner");
        assertThat(annotations(secret)).containsEntry(Annotations.CERTIFICATE_NAME, "app");
        assertThat(annotations(secret)).containsEntry(Annotations.ISSUER_NAME, "int-ca");
        assertThat(annotations(secret)).containsKey(Annotations.ALT_NAMES);
        assertNoReissuance();
    }

    @Test
    void keystoresFollowSpecWithoutNewCertificate() throws Exception {
        scenario.apply(CERTIFICATE
                + "  keystores: {jks: {create: true, passwordSecretRef: {name: ks-pass, key: password}}}\n");
        Secret withJks = scenario.secret("app-tls");
        assertThat(withJks.getData()).containsKeys(SecretKeys.KEYSTORE_JKS, SecretKeys.TRUSTSTORE_JKS);
        KeyStore jks = KeyStore.getInstance("JKS");
        jks.load(new ByteArrayInputStream(Scenario.data(withJks, SecretKeys.KEYSTORE_JKS)), "s3cret".toCharArray());
        assertThat(Collections.list(jks.aliases())).contains("certificate");
        X509Certificate storedLeaf = (X509Certificate) jks.getCertificate("certificate");
        assertThat(storedLeaf).isEqualTo(Scenario.leaf(withJks));
        assertThat(jks.getKey("certificate", "s3cret".toCharArray()).getEncoded())
                .isEqualTo(Scenario.privateKey(withJks).getEncoded());
        KeyStore truststore = KeyStore.getInstance("JKS");
        truststore.load(new ByteArrayInputStream(Scenario.data(withJks, SecretKeys.TRUSTSTORE_JKS)),
                "s3cret".toCharArray());
        List<Certificate> trusted = new ArrayList<>();
        for (String alias : Collections.list(truststore.aliases())) {
            trusted.add(truststore.getCertificate(alias));
        }
        assertThat(trusted).containsExactlyElementsOf(Scenario.chain(withJks, SecretKeys.CA_CERT));
        assertNoReissuance();

        scenario.apply(CERTIFICATE
                + "  keystores: {pkcs12: {create: true, passwordSecretRef: {name: ks-pass, key: password}}}\n");
        Secret withPkcs12 = scenario.secret("app-tls");
        assertThat(withPkcs12.getData()).doesNotContainKeys(SecretKeys.KEYSTORE_JKS, SecretKeys.TRUSTSTORE_JKS);
        assertThat(withPkcs12.getData()).containsKeys(SecretKeys.KEYSTORE_PKCS12, SecretKeys.TRUSTSTORE_PKCS12);
        assertNoReissuance();

        scenario.apply(CERTIFICATE
                + "  keystores: {pkcs12: {create: false, passwordSecretRef: {name: ks-pass, key: password}}}\n");
        assertThat(scenario.secret("app-tls").getData())
                .doesNotContainKeys(SecretKeys.KEYSTORE_PKCS12, SecretKeys.TRUSTSTORE_PKCS12);
        assertNoReissuance();

        scenario.apply(CERTIFICATE);
        assertThat(scenario.secret("app-tls").getData())
                .containsOnlyKeys(SecretKeys.TLS_CERT, SecretKeys.TLS_KEY, SecretKeys.CA_CERT);
        assertNoReissuance();
    }

    @Test
    void missingKeystorePasswordSecretIsReported() {
        scenario.apply(CERTIFICATE
                + "  keystores: {pkcs12: {create: true, passwordSecretRef: {name: absent, key: password}}}\n");

        assertThat(scenario.event("app", "KeystorePasswordSecretNotFound")).isPresent();
        assertThat(scenario.event("app", "KeystorePasswordSecretNotFound").get().type()).isEqualTo("Warning");
        assertNoReissuance();
    }

    @Test
    void additionalOutputFormatsFollowSpec() {
        scenario.apply(CERTIFICATE + "  additionalOutputFormats: [{type: CombinedPEM}, {type: DER}]\n");

        Secret secret = scenario.secret("app-tls");
        assertThat(Scenario.text(secret, SecretKeys.TLS_COMBINED_PEM))
                .isEqualTo(issued.privateKey() + "\n" + issued.certificate());
        assertThat(issued.privateKey()).startsWith("-----BEGIN RSA PRIVATE KEY-----");
        assertThat(Scenario.data(secret, SecretKeys.KEY_DER)).isEqualTo(pemBody(issued.privateKey()));
        assertNoReissuance();

        scenario.apply(CERTIFICATE + "  additionalOutputFormats: [{type: CombinedPEM}]\n");

        assertThat(scenario.secret("app-tls").getData()).doesNotContainKey(SecretKeys.KEY_DER);
        assertThat(scenario.secret("app-tls").getData()).containsKey(SecretKeys.TLS_COMBINED_PEM);
        assertNoReissuance();
    }

    @Test
    void derKeyIsPkcs8BodyWithPkcs8Encoding() throws Exception {
        Scenario pkcs8 = Scenario.create().apply(Scenario.CA_ISSUER + "---\n" + CERTIFICATE.replace("name: app,",
                "name: pkcs8,").replace("app-tls", "pkcs8-tls")
                + "  privateKey: {encoding: PKCS8}\n  additionalOutputFormats: [{type: DER}, {type: CombinedPEM}]\n");

        Secret secret = pkcs8.secret("pkcs8-tls");
        String keyPem = Scenario.text(secret, SecretKeys.TLS_KEY);
        assertThat(keyPem).startsWith("-----BEGIN PRIVATE KEY-----");
        byte[] der = Scenario.data(secret, SecretKeys.KEY_DER);
        assertThat(der).isEqualTo(pemBody(keyPem));
        assertThat(KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der)).getEncoded())
                .isEqualTo(Scenario.privateKey(secret).getEncoded());
        assertThat(Scenario.text(secret, SecretKeys.TLS_COMBINED_PEM))
                .isEqualTo(keyPem + "\n" + Scenario.text(secret, SecretKeys.TLS_CERT));
        assertThat(Scenario.text(secret, SecretKeys.TLS_COMBINED_PEM))
                .doesNotContain(Scenario.text(secret, SecretKeys.CA_CERT));
        assertThat(pkcs8.createdRequests("pkcs8")).containsExactly("pkcs8-1");
    }

    @Test
    void issuerRefDefaultsSpelledOutOrRemoved() {
        scenario.apply(CERTIFICATE.replace("{name: int-ca, kind: Issuer}",
                "{name: int-ca, kind: Issuer, group: cert-manager.io}"));
        assertNoReissuance();

        scenario.apply(CERTIFICATE.replace("{name: int-ca, kind: Issuer}", "{name: int-ca}"));
        scenario.advance(Duration.ofMinutes(10));

        assertNoReissuance();
    }

    @Test
    void issuerConfigurationEditKeepsCertificate() {
        scenario.apply("""
                apiVersion: cert-manager.io/v1
                kind: Certificate
                metadata: {name: other-root, namespace: demo}
                spec:
                  secretName: other-root-ca
                  isCA: true
                  commonName: Other Root
                  privateKey: {algorithm: ECDSA}
                  issuerRef: {name: selfsigned, kind: Issuer}
                ---
                apiVersion: cert-manager.io/v1
                kind: Issuer
                metadata: {name: int-ca, namespace: demo}
                spec: {ca: {secretName: other-root-ca}}
                """);
        scenario.advance(Duration.ofMinutes(10));

        assertNoReissuance();
        assertThat(Scenario.leaf(scenario.secret("app-tls")).getIssuerX500Principal().getName()).contains("Example Root");
    }

    /** Decodes the base64 body of a single PEM block, independently of the code under test. */
    private static byte[] pemBody(String pem) {
        String body = pem.lines().filter(line -> !line.startsWith("-----")).collect(Collectors.joining());
        return Base64.getDecoder().decode(body);
    }

    private void assertNoReissuance() {
        assertThat(scenario.requests("app")).extracting(request -> request.getMetadata().getName())
                .containsExactly("app-1");
        assertThat(scenario.createdRequests("app")).containsExactly("app-1");
        assertThat(scenario.revision("app")).isEqualTo(1);
        assertThat(scenario.keyPair("app-tls")).isEqualTo(issued);
        assertThat(scenario.isReady("app")).isTrue();
    }
}
