package io.certwright.core.certificates.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.certwright.api.Annotations;
import io.certwright.api.SecretKeys;
import io.certwright.core.certificates.secrets.SecretData;
import io.certwright.core.cluster.ResourceKind;
import io.certwright.pki.CertificateFacts;
import io.certwright.pki.KeyAlgorithm;
import io.certwright.pki.KeyEncoding;
import io.certwright.pki.PrivateKeys;
import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each check of the trigger chain, provoked on a Ready Certificate: the check's reason and message
 * become the Issuing condition, and exactly one new CertificateRequest, for revision 2, follows.
 */
class ReissuanceTriggersTest {
    static final String CERTIFICATE = """
            apiVersion: cert-manager.io/v1
            kind: Certificate
            metadata: {name: app, namespace: demo}
            spec:
              secretName: app-tls
              commonName: app.example.com
              dnsNames: [app.example.com]
              duration: 2160h
              issuerRef: {name: selfsigned, kind: Issuer}
            """;

    static Stream<Arguments> triggers() {
        return Stream.of(
                trigger("Secret deleted", s -> s.harness.cluster().delete(ResourceKind.SECRET, "demo", "app-tls"),
                        "DoesNotExist", "Issuing certificate as Secret does not exist"),
                trigger("Secret data emptied", s -> editSecret(s, data -> data.clear()),
                        "MissingData", "Issuing certificate as Secret does not contain any data"),
                trigger("tls.key removed", s -> editSecret(s, data -> data.remove(SecretKeys.TLS_KEY)),
                        "MissingData", "Issuing certificate as Secret does not contain a private key"),
                trigger("tls.crt removed", s -> editSecret(s, data -> data.remove(SecretKeys.TLS_CERT)),
                        "MissingData", "Issuing certificate as Secret does not contain a certificate"),
                trigger("tls.key replaced by another key", s -> editSecret(s, data -> data.put(SecretKeys.TLS_KEY,
                        SecretData.encode(otherKeyPem()))),
                        "InvalidKeyPair", "Issuing certificate as Secret contains a private key that does not match"
                                + " the certificate"),
                trigger("tls.crt not a certificate", s -> editSecret(s, data -> data.put(SecretKeys.TLS_CERT,
                        SecretData.encode("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"
                                .getBytes(StandardCharsets.US_ASCII)))),
                        "InvalidCertificate", "Issuing certificate as Secret contains an invalid certificate"),
                trigger("Secret annotated for another Certificate", s -> annotateSecret(s, Annotations.CERTIFICATE_NAME,
                        "other"),
                        "IncorrectCertificate", "Secret was issued for \"other\". If this message is not transient,"
                                + " you might have two conflicting Certificates pointing to the same secret."),
                trigger("private key size raised", s -> s.apply(CERTIFICATE + "  privateKey: {size: 4096}\n"),
                        "SecretMismatch", "Existing private key is not up to date for spec: [spec.privateKey.size]"),
                trigger("private key algorithm changed", s -> s.apply(CERTIFICATE + "  privateKey: {algorithm: ECDSA}\n"),
                        "SecretMismatch", "Existing private key is not up to date for spec: [spec.privateKey.algorithm]"),
                requestChanged("dnsNames", "dnsNames: [app.example.com]", "dnsNames: [app.example.com, www.example.com]",
                        "spec.dnsNames"),
                requestChanged("ipAddresses", "duration: 2160h", "duration: 2160h\n  ipAddresses: [10.0.0.1]",
                        "spec.ipAddresses"),
                requestChanged("uris", "duration: 2160h", "duration: 2160h\n  uris: [spiffe://example.com/app]",
                        "spec.uris"),
                requestChanged("emailAddresses", "duration: 2160h",
                        "duration: 2160h\n  emailAddresses: [ops@example.com]", "spec.emailAddresses"),
                requestChanged("commonName", "commonName: app.example.com", "commonName: app2.example.com",
                        "spec.commonName"),
                requestChanged("subject", "duration: 2160h", "duration: 2160h\n  subject: {organizations: [Example]}",
                        "spec.subject.organizations"),
                requestChanged("isCA", "duration: 2160h", "duration: 2160h\n  isCA: true", "spec.isCA"),
                requestChanged("usages", "duration: 2160h",
                        "duration: 2160h\n  usages: [digital signature, key encipherment, server auth]", "spec.usages"),
                requestChanged("duration", "duration: 2160h", "duration: 720h", "spec.duration"),
                trigger("renewal time reached", s -> s.advance(Duration.ofHours(1440)),
                        "Renewing", "Renewing certificate as renewal was scheduled at 2026-03-02 00:00:00 +0000 UTC"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("triggers")
    void triggerStartsOneNewIssuance(String change, Consumer<Scenario> action, String reason, String message) {
        Scenario scenario = Scenario.create().apply(Scenario.SELF_SIGNED_ISSUER + "---\n" + CERTIFICATE);
        assertThat(scenario.isReady("app")).isTrue();

        action.accept(scenario);
        scenario.harness.settle();

        assertThat(scenario.issuingStarts("app")).hasSize(2);
        assertThat(scenario.issuingStarts("app").get(1)).startsWith(reason + ": " + message);
        assertThat(scenario.createdRequests()).containsExactly("app-1", "app-2");
        assertThat(scenario.revision("app")).isEqualTo(2);
        assertThat(scenario.isReady("app")).isTrue();
        assertThat(scenario.requests("app")).extracting(r -> r.getMetadata().getName()).containsExactly("app-2");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("triggers")
    void triggerSettlesWithoutAThirdIssuance(String change, Consumer<Scenario> action, String reason,
            String message) {
        Scenario scenario = Scenario.create().apply(Scenario.SELF_SIGNED_ISSUER + "---\n" + CERTIFICATE);
        action.accept(scenario);
        scenario.harness.settle();

        scenario.advance(Duration.ofMinutes(10));

        assertThat(scenario.createdRequests()).containsExactly("app-1", "app-2");
    }

    @org.junit.jupiter.api.Test
    void newCertificateCarriesTheChangedName() {
        Scenario scenario = Scenario.create().apply(Scenario.SELF_SIGNED_ISSUER + "---\n" + CERTIFICATE);

        scenario.apply(CERTIFICATE.replace("dnsNames: [app.example.com]", "dnsNames: [app.example.com, www.example.com]"));

        assertThat(CertificateFacts.dnsNames(Scenario.leaf(scenario.secret("app-tls"))))
                .containsExactlyInAnyOrder("app.example.com", "www.example.com");
    }

    @org.junit.jupiter.api.Test
    void issuerRefChangeWithoutSecretIssuerAnnotations() {
        // A Secret without issuer annotations passes the issuer check for the default kind and group, so
        // the change is found by comparing the current request with the spec.
        Scenario scenario = Scenario.create().apply(Scenario.SELF_SIGNED_ISSUER + "---\n"
                + Scenario.SELF_SIGNED_ISSUER.replace("name: selfsigned", "name: selfsigned2") + "---\n" + CERTIFICATE);
        Secret secret = scenario.secret("app-tls");
        Map<String, String> annotations = new HashMap<>(Scenario.annotations(secret));
        annotations.remove(Annotations.ISSUER_NAME);
        annotations.remove(Annotations.ISSUER_KIND);
        annotations.remove(Annotations.ISSUER_GROUP);
        secret.getMetadata().setAnnotations(annotations);
        scenario.harness.apply(secret);
        scenario.harness.settle();

        scenario.apply(CERTIFICATE.replace("name: selfsigned,", "name: selfsigned2,"));

        assertThat(scenario.issuingStarts("app")).last().isEqualTo(
                "RequestChanged: Fields on existing CertificateRequest resource not up to date: [spec.issuerRef]");
        assertThat(scenario.createdRequests()).containsExactly("app-1", "app-2");
        assertThat(Scenario.annotations(scenario.secret("app-tls"))).containsEntry(Annotations.ISSUER_NAME, "selfsigned2");
    }

    private static Arguments trigger(String name, Consumer<Scenario> action, String reason, String message) {
        return Arguments.of(name, action, reason, message);
    }

    private static Arguments requestChanged(String field, String from, String to, String path) {
        return trigger(field + " changed", s -> s.apply(CERTIFICATE.replace(from, to)), "RequestChanged",
                "Fields on existing CertificateRequest resource not up to date: [" + path + "]");
    }

    static void editSecret(Scenario scenario, Consumer<Map<String, String>> edit) {
        Secret secret = scenario.secret("app-tls");
        Map<String, String> data = new HashMap<>(secret.getData());
        edit.accept(data);
        secret.setData(data);
        scenario.harness.apply(secret);
    }

    static void annotateSecret(Scenario scenario, String key, String value) {
        Secret secret = scenario.secret("app-tls");
        Map<String, String> annotations = new HashMap<>(Scenario.annotations(secret));
        annotations.put(key, value);
        secret.getMetadata().setAnnotations(annotations);
        scenario.harness.apply(secret);
    }

    static byte[] otherKeyPem() {
        return PrivateKeys.encodePem(PrivateKeys.generate(KeyAlgorithm.RSA, 2048).getPrivate(), KeyEncoding.PKCS1)
                .getBytes(StandardCharsets.US_ASCII);
    }
}
