package io.certwright.core.certificates.scenarios;

import static io.certwright.core.certificates.scenarios.Scenario.annotations;
import static io.certwright.core.certificates.scenarios.Scenario.labels;
import static org.assertj.core.api.Assertions.assertThat;

import io.certwright.api.Annotations;
import io.certwright.api.Conditions;
import io.certwright.api.SecretKeys;
import io.certwright.api.model.Certificate;
import io.certwright.api.model.CertificateCondition;
import io.certwright.api.model.CertificateRequest;
import io.certwright.core.certificates.CertificateControllers;
import io.certwright.core.cluster.Event;
import io.certwright.core.cluster.ResourceKind;
import io.certwright.core.issuers.IssuerControllers;
import io.certwright.core.testing.Harness;
import io.certwright.pki.CertificateFacts;
import io.certwright.pki.PrivateKeys;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Secret;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The first issuance of a new Certificate, from an empty namespace to a Ready Certificate and its Secret. */
class CertificateLifecycleTest {
    private static final String CERTIFICATE = """
            apiVersion: cert-manager.io/v1
            kind: Certificate
            metadata: {name: app, namespace: demo, annotations: {example.com/team: blue, kubectl.kubernetes.io/last-applied-configuration: "{}"}, labels: {tier: web}}
            spec:
              secretName: app-tls
              commonName: app.example.com
              dnsNames: [app.example.com, www.example.com]
              issuerRef: {name: selfsigned, kind: Issuer}
            """;

    @Test
    void issuanceStartsAndWaitsForTheIssuer() {
        // Only the certificate and issuer controllers run, so the request is never signed.
        Harness harness = Harness.create(CertificateControllers::register, IssuerControllers::register);
        harness.apply(Scenario.SELF_SIGNED_ISSUER + "---\n" + CERTIFICATE);
        harness.settle();

        Certificate certificate = harness.certificate("demo", "app");
        CertificateCondition ready = condition(certificate, Conditions.READY);
        CertificateCondition issuing = condition(certificate, Conditions.ISSUING);
        assertThat(ready.getStatus()).isEqualTo(Conditions.FALSE);
        assertThat(ready.getReason()).isEqualTo(Conditions.REASON_DOES_NOT_EXIST);
        assertThat(issuing.getStatus()).isEqualTo(Conditions.TRUE);
        assertThat(issuing.getReason()).isEqualTo(Conditions.REASON_DOES_NOT_EXIST);
        assertThat(issuing.getMessage()).isEqualTo("Issuing certificate as Secret does not exist");
        assertThat(issuing.getObservedGeneration()).isEqualTo(certificate.getMetadata().getGeneration());

        String nextKeyName = certificate.getStatus().getNextPrivateKeySecretName();
        assertThat(nextKeyName).startsWith("app-");
        Secret nextKey = harness.secret("demo", nextKeyName);
        assertThat(labels(nextKey)).containsEntry(Annotations.NEXT_PRIVATE_KEY_LABEL, "true");
        assertThat(labels(nextKey)).containsEntry(Annotations.FAO_LABEL, "true");
        assertThat(nextKey.getMetadata().getGenerateName()).isEqualTo("app-");
        assertThat(Scenario.text(nextKey, SecretKeys.TLS_KEY)).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(nextKey.getType()).isEqualTo("Opaque");
        assertThat(controllerOf(nextKey.getMetadata().getOwnerReferences()).getName()).isEqualTo("app");

        List<CertificateRequest> requests = harness.requests("demo");
        assertThat(requests).extracting(request -> request.getMetadata().getName()).containsExactly("app-1");
        CertificateRequest request = requests.get(0);
        assertThat(annotations(request)).containsEntry(Annotations.CERTIFICATE_REVISION, "1");
        assertThat(annotations(request)).containsEntry(Annotations.PRIVATE_KEY_SECRET_NAME, nextKeyName);
        assertThat(annotations(request)).containsEntry(Annotations.CERTIFICATE_NAME, "app");
        assertThat(annotations(request)).containsEntry("example.com/team", "blue");
        assertThat(annotations(request)).doesNotContainKey("kubectl.kubernetes.io/last-applied-configuration");
        assertThat(labels(request)).containsEntry("tier", "web");
        assertThat(request.getSpec().getIssuerRef().getName()).isEqualTo("selfsigned");
        assertThat(new String(request.getSpec().getRequest())).startsWith("-----BEGIN CERTIFICATE REQUEST-----");
        OwnerReference owner = controllerOf(request.getMetadata().getOwnerReferences());
        assertThat(owner.getKind()).isEqualTo("Certificate");
        assertThat(owner.getBlockOwnerDeletion()).isTrue();

        List<String> reasons = harness.events(ResourceKind.CERTIFICATE, "demo", "app").stream()
                .map(Event::reason).toList();
        assertThat(reasons).containsExactly("Issuing", "Generated", "Requested");
        assertThat(harness.events(ResourceKind.CERTIFICATE, "demo", "app").get(1).message())
                .isEqualTo("Stored new private key in temporary Secret resource \"" + nextKeyName + "\"");
        assertThat(harness.events(ResourceKind.CERTIFICATE, "demo", "app").get(2).message())
                .isEqualTo("Created new CertificateRequest resource \"app-1\"");
        assertThat(harness.events(ResourceKind.CERTIFICATE, "demo", "app").get(0).source())
                .isEqualTo("cert-manager-certificates-trigger");
    }

    @Test
    void firstIssuanceEndsReadyWithSecret() {
        Scenario scenario = Scenario.create().apply(Scenario.SELF_SIGNED_ISSUER + "---\n" + CERTIFICATE);

        Certificate certificate = scenario.certificate("app");
        CertificateCondition ready = condition(certificate, Conditions.READY);
        assertThat(ready.getStatus()).isEqualTo(Conditions.TRUE);
        assertThat(ready.getReason()).isEqualTo(Conditions.REASON_READY);
        assertThat(ready.getMessage()).isEqualTo("Certificate is up to date and has not expired");
        assertThat(scenario.condition("app", Conditions.ISSUING)).isEmpty();
        assertThat(certificate.getStatus().getRevision()).isEqualTo(1);
        assertThat(certificate.getStatus().getNextPrivateKeySecretName()).isNull();
        assertThat(scenario.nextKeySecrets()).isEmpty();
        assertThat(scenario.requests("app")).extracting(r -> r.getMetadata().getName()).containsExactly("app-1");

        Secret secret = scenario.secret("app-tls");
        X509Certificate leaf = Scenario.leaf(secret);
        assertThat(certificate.getStatus().getNotBefore()).isEqualTo(leaf.getNotBefore().toInstant());
        assertThat(certificate.getStatus().getNotAfter()).isEqualTo(leaf.getNotAfter().toInstant());
        assertThat(certificate.getStatus().getNotBefore()).isEqualTo(Harness.START);
        // Default duration 2160h renews two thirds through: 1440h after issuance.
        assertThat(certificate.getStatus().getRenewalTime()).isEqualTo(Harness.START.plus(Duration.ofHours(1440)));

        List<Event> events = scenario.events("app");
        assertThat(events).extracting(Event::reason).containsExactly("Issuing", "Generated", "Requested", "Issuing");
        assertThat(events.get(3).message()).isEqualTo("The certificate has been successfully issued");
        assertThat(events.get(3).source()).isEqualTo("cert-manager-certificates-issuing");
    }

    @Test
    void issuedSecretFollowsTheSecretLayout() {
        Scenario scenario = Scenario.create().apply(Scenario.SELF_SIGNED_ISSUER + "---\n" + CERTIFICATE);

        Secret secret = scenario.secret("app-tls");
        assertThat(secret.getType()).isEqualTo(SecretKeys.TLS_SECRET_TYPE);
        assertThat(secret.getData()).containsOnlyKeys(SecretKeys.TLS_CERT, SecretKeys.TLS_KEY, SecretKeys.CA_CERT);
        assertThat(Scenario.text(secret, SecretKeys.TLS_KEY)).startsWith("-----BEGIN RSA PRIVATE KEY-----");
        assertThat(PrivateKeys.sizeOf(Scenario.privateKey(secret))).isEqualTo(2048);
        assertThat(PrivateKeys.publicKeysEqual(Scenario.leaf(secret).getPublicKey(),
                PrivateKeys.publicKeyOf(Scenario.privateKey(secret)))).isTrue();
        // A self-signed certificate is its own CA.
        assertThat(Scenario.data(secret, SecretKeys.CA_CERT)).isEqualTo(Scenario.data(secret, SecretKeys.TLS_CERT));

        assertThat(labels(secret)).containsEntry(Annotations.FAO_LABEL, "true");
        assertThat(annotations(secret))
                .containsEntry(Annotations.CERTIFICATE_NAME, "app")
                .containsEntry(Annotations.ISSUER_NAME, "selfsigned")
                .containsEntry(Annotations.ISSUER_KIND, "Issuer")
                .containsEntry(Annotations.ISSUER_GROUP, "")
                .containsEntry(Annotations.COMMON_NAME, "app.example.com")
                .containsEntry(Annotations.ALT_NAMES, "app.example.com,www.example.com")
                .containsEntry(Annotations.IP_SANS, "")
                .containsEntry(Annotations.URI_SANS, "");
        assertThat(CertificateFacts.dnsNames(Scenario.leaf(secret)))
                .containsExactlyInAnyOrder("app.example.com", "www.example.com");
        assertThat(secret.getMetadata().getOwnerReferences()).isEmpty();
    }

    @Test
    void readyCertificateStaysQuiet() {
        Scenario scenario = Scenario.create().apply(Scenario.SELF_SIGNED_ISSUER + "---\n" + CERTIFICATE);
        String before = scenario.secret("app-tls").getMetadata().getResourceVersion();

        scenario.advance(Duration.ofHours(24));

        assertThat(scenario.createdRequests()).containsExactly("app-1");
        assertThat(scenario.secret("app-tls").getMetadata().getResourceVersion()).isEqualTo(before);
        assertThat(scenario.isReady("app")).isTrue();
    }

    private static CertificateCondition condition(Certificate certificate, String type) {
        return certificate.getStatus().getConditions().stream()
                .filter(condition -> type.equals(condition.getType()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " condition in " + certificate.getStatus()));
    }

    private static OwnerReference controllerOf(List<OwnerReference> references) {
        return references.stream().filter(reference -> Boolean.TRUE.equals(reference.getController())).findFirst()
                .orElseThrow(() -> new AssertionError("no controller reference in " + references));
    }
}
