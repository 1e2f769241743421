package io.certwright.core.certificates.keymanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.certwright.api.Annotations;
import io.certwright.api.Conditions;
import io.certwright.api.SecretKeys;
import io.certwright.api.model.Certificate;
import io.certwright.api.model.CertificatePrivateKey;
import io.certwright.api.model.CertificateRequest;
import io.certwright.api.model.CertificateRequestSpec;
import io.certwright.api.model.CertificateSpec;
import io.certwright.api.model.IssuerReference;
import io.certwright.core.certificates.CertificateConditions;
import io.certwright.core.certificates.secrets.SecretData;
import io.certwright.core.certificates.secrets.SecretOwnerReferences;
import io.certwright.core.cluster.Event;
import io.certwright.core.cluster.Cluster;
import io.certwright.core.cluster.ClusterException;
import io.certwright.core.cluster.ForwardingCluster;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.certwright.core.cluster.InMemoryCluster;
import io.certwright.core.cluster.ObjectKey;
import io.certwright.core.cluster.ResourceKind;
import io.certwright.core.time.MutableClock;
import io.certwright.pki.CsrSpec;
import io.certwright.pki.Csrs;
import io.certwright.pki.KeyAlgorithm;
import io.certwright.pki.KeyEncoding;
import io.certwright.pki.PrivateKeys;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rows of the key manager's decision table, one reconcile at a time. */
class KeyManagerControllerTest {
    private static final ObjectKey KEY = new ObjectKey("demo", "app");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final InMemoryCluster cluster = new InMemoryCluster(clock);
    private final KeyManagerController controller = new KeyManagerController(cluster);

    @Test
    void notIssuingDeletesNextKeys() {
        Certificate certificate = certificate(false, null);
        nextKeySecret(certificate, "app-aaaaa", rsaKeyPem(2048));
        setNextKeyName("app-aaaaa");

        controller.reconcile(KEY);

        assertThat(nextKeyNames()).isEmpty();
        assertThat(status().getNextPrivateKeySecretName()).isNull();
    }

    @Test
    void cleanUpConflictKeepsNextKeys() {
        Certificate certificate = certificate(false, null);
        nextKeySecret(certificate, "app-aaaaa", rsaKeyPem(2048));
        setNextKeyName("app-aaaaa");
        // A renewal sets Issuing between the controller's read and its status write, as `renew` can.
        Cluster renewedMeanwhile = new ForwardingCluster(cluster) {
            @Override
            public <T extends HasMetadata> T updateStatus(ResourceKind<T> kind, T object) {
                Certificate current = cluster.get(ResourceKind.CERTIFICATE, "demo", "app").orElseThrow();
                CertificateConditions.set(current, Conditions.ISSUING, Conditions.TRUE, "ManuallyTriggered", "test",
                        clock.instant());
                cluster.updateStatus(ResourceKind.CERTIFICATE, current);
                return super.updateStatus(kind, object);
            }
        };

        assertThatThrownBy(() -> new KeyManagerController(renewedMeanwhile).reconcile(KEY))
                .isInstanceOf(ClusterException.Conflict.class);

        assertThat(nextKeyNames()).containsExactly("app-aaaaa");
        assertThat(status().getNextPrivateKeySecretName()).isEqualTo("app-aaaaa");
    }

    @Test
    void generatedKeyEventSurvivesStatusConflict() {
        certificate(true, null);
        AtomicBoolean conflictOnce = new AtomicBoolean(true);
        Cluster conflicting = new ForwardingCluster(cluster) {
            @Override
            public <T extends HasMetadata> T updateStatus(ResourceKind<T> kind, T object) {
                if (conflictOnce.getAndSet(false)) {
                    throw new ClusterException.Conflict("the object has been modified");
                }
                return super.updateStatus(kind, object);
            }
        };
        KeyManagerController conflicted = new KeyManagerController(conflicting);

        assertThatThrownBy(() -> conflicted.reconcile(KEY)).isInstanceOf(ClusterException.Conflict.class);
        conflicted.reconcile(KEY);

        assertThat(nextKeyNames()).hasSize(1);
        assertThat(status().getNextPrivateKeySecretName()).isEqualTo(nextKeyNames().get(0));
        assertThat(events()).extracting(Event::reason).containsExactly("Generated");
        assertThat(events().get(0).message()).contains(nextKeyNames().get(0));
    }

    @Test
    void extraNextKeysAreDeleted() {
        Certificate certificate = certificate(true, null);
        nextKeySecret(certificate, "app-aaaaa", rsaKeyPem(2048));
        nextKeySecret(certificate, "app-bbbbb", rsaKeyPem(2048));
        setNextKeyName("app-bbbbb");

        controller.reconcile(KEY);

        assertThat(nextKeyNames()).containsExactly("app-bbbbb");
    }

    @Test
    void singleNextKeyIsAdopted() {
        Certificate certificate = certificate(true, null);
        nextKeySecret(certificate, "app-aaaaa", rsaKeyPem(2048));

        controller.reconcile(KEY);

        assertThat(status().getNextPrivateKeySecretName()).isEqualTo("app-aaaaa");
    }

    @Test
    void nextKeyWithOtherNameIsDeleted() {
        Certificate certificate = certificate(true, null);
        nextKeySecret(certificate, "app-aaaaa", rsaKeyPem(2048));
        setNextKeyName("app-zzzzz");

        controller.reconcile(KEY);

        assertThat(nextKeyNames()).isEmpty();
    }

    @Test
    void nextKeyWithoutValidKeyIsDeleted() {
        Certificate certificate = certificate(true, null);
        nextKeySecret(certificate, "app-aaaaa", "not a key".getBytes(StandardCharsets.US_ASCII));
        setNextKeyName("app-aaaaa");

        controller.reconcile(KEY);

        assertThat(nextKeyNames()).isEmpty();
    }

    @Test
    void nextKeyOfIssuedRevisionIsDeleted() throws Exception {
        Certificate certificate = certificate(true, null);
        KeyPair used = PrivateKeys.generate(KeyAlgorithm.RSA, 2048);
        nextKeySecret(certificate, "app-aaaaa", pem(used));
        setNextKeyName("app-aaaaa");
        setRevision(1);
        request(certificate, "app-1", 1, used);

        controller.reconcile(KEY);

        assertThat(nextKeyNames()).isEmpty();
        assertThat(status().getNextPrivateKeySecretName()).isNull();
    }

    @Test
    void nextKeyOfNoIssuedRevisionIsKept() throws Exception {
        Certificate certificate = certificate(true, null);
        nextKeySecret(certificate, "app-aaaaa", pem(PrivateKeys.generate(KeyAlgorithm.RSA, 2048)));
        setNextKeyName("app-aaaaa");
        setRevision(1);
        request(certificate, "app-1", 1, PrivateKeys.generate(KeyAlgorithm.RSA, 2048));

        controller.reconcile(KEY);

        assertThat(nextKeyNames()).containsExactly("app-aaaaa");
    }

    @Test
    void outdatedNextKeyIsDeletedWithEvent() {
        Certificate certificate = certificate(true, new CertificatePrivateKey().withSize(3072));
        nextKeySecret(certificate, "app-aaaaa", rsaKeyPem(2048));
        setNextKeyName("app-aaaaa");

        controller.reconcile(KEY);

        assertThat(nextKeyNames()).isEmpty();
        Event event = events().get(0);
        assertThat(event.reason()).isEqualTo("Deleted");
        assertThat(event.type()).isEqualTo("Normal");
        assertThat(event.message()).isEqualTo("Regenerating private key due to change in fields: [spec.privateKey.size]");
    }

    @Test
    void missingNextKeyIsGeneratedPerSpec() throws Exception {
        certificate(true, new CertificatePrivateKey().withAlgorithm("ECDSA").withSize(384).withEncoding("PKCS1"));

        controller.reconcile(KEY);

        String name = status().getNextPrivateKeySecretName();
        Secret secret = cluster.get(ResourceKind.SECRET, "demo", name).orElseThrow();
        String pem = new String(SecretData.get(secret, SecretKeys.TLS_KEY), StandardCharsets.US_ASCII);
        assertThat(pem).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(PrivateKeys.sizeOf(PrivateKeys.parsePem(pem.getBytes(StandardCharsets.US_ASCII)))).isEqualTo(384);
        assertThat(events().get(0).reason()).isEqualTo("Generated");
    }

    @Test
    void neverPolicyUndecodableKeyIsReplaced() {
        certificate(true, new CertificatePrivateKey().withRotationPolicy("Never"));
        cluster.create(ResourceKind.SECRET, new SecretBuilder().withNewMetadata().withName("app-tls")
                .withNamespace("demo").endMetadata()
                .withData(Map.of(SecretKeys.TLS_KEY, SecretData.encode("garbage".getBytes(StandardCharsets.US_ASCII))))
                .build());

        controller.reconcile(KEY);

        assertThat(events()).extracting(Event::reason).containsExactly("DecodeFailed", "Generated");
        assertThat(events().get(0).type()).isEqualTo("Warning");
        assertThat(events().get(0).message())
                .isEqualTo("Failed to decode private key stored in Secret \"app-tls\" - generating new key");
        assertThat(nextKeyNames()).hasSize(1);
    }

    private Certificate certificate(boolean issuing, CertificatePrivateKey privateKey) {
        Certificate certificate = new Certificate();
        certificate.getMetadata().setName("app");
        certificate.getMetadata().setNamespace("demo");
        certificate.setSpec(new CertificateSpec().withSecretName("app-tls").withDnsNames(List.of("app.example.com"))
                .withIssuerRef(new IssuerReference().withName("selfsigned")).withPrivateKey(privateKey));
        Certificate stored = cluster.create(ResourceKind.CERTIFICATE, certificate);
        if (issuing) {
            CertificateConditions.set(stored, Conditions.ISSUING, Conditions.TRUE, "DoesNotExist", "test",
                    clock.instant());
            stored = cluster.updateStatus(ResourceKind.CERTIFICATE, stored);
        }
        return stored;
    }

    private void nextKeySecret(Certificate owner, String name, byte[] keyPem) {
        cluster.create(ResourceKind.SECRET, new SecretBuilder()
                .withNewMetadata().withName(name).withNamespace("demo")
                .withLabels(Map.of(Annotations.NEXT_PRIVATE_KEY_LABEL, "true"))
                .withOwnerReferences(SecretOwnerReferences.controllerReference(owner))
                .endMetadata()
                .withData(Map.of(SecretKeys.TLS_KEY, SecretData.encode(keyPem)))
                .build());
    }

    private void setNextKeyName(String name) {
        Certificate certificate = cluster.get(ResourceKind.CERTIFICATE, "demo", "app").orElseThrow();
        CertificateConditions.statusOf(certificate).setNextPrivateKeySecretName(name);
        cluster.updateStatus(ResourceKind.CERTIFICATE, certificate);
    }

    private io.certwright.api.model.CertificateStatus status() {
        return cluster.get(ResourceKind.CERTIFICATE, "demo", "app").orElseThrow().getStatus();
    }

    private List<String> nextKeyNames() {
        return cluster.list(ResourceKind.SECRET, "demo").stream()
                .filter(secret -> secret.getMetadata().getLabels() != null
                        && secret.getMetadata().getLabels().containsKey(Annotations.NEXT_PRIVATE_KEY_LABEL))
                .map(secret -> secret.getMetadata().getName())
                .toList();
    }

    private List<Event> events() {
        return cluster.eventsFor(ResourceKind.CERTIFICATE, "demo", "app");
    }

    private void setRevision(int revision) {
        Certificate certificate = cluster.get(ResourceKind.CERTIFICATE, "demo", "app").orElseThrow();
        CertificateConditions.statusOf(certificate).setRevision(revision);
        cluster.updateStatus(ResourceKind.CERTIFICATE, certificate);
    }

    private void request(Certificate owner, String name, int revision, KeyPair key) throws Exception {
        CertificateRequest request = new CertificateRequest();
        request.getMetadata().setName(name);
        request.getMetadata().setNamespace("demo");
        request.getMetadata().setAnnotations(Map.of(Annotations.CERTIFICATE_REVISION, Integer.toString(revision)));
        request.getMetadata().setOwnerReferences(List.of(SecretOwnerReferences.controllerReference(owner)));
        CertificateRequestSpec spec = new CertificateRequestSpec();
        spec.setRequest(Csrs.buildPem(CsrSpec.builder().commonName("app.example.com").build(), key)
                .getBytes(StandardCharsets.US_ASCII));
        spec.setIssuerRef(new IssuerReference().withName("selfsigned"));
        request.setSpec(spec);
        cluster.create(ResourceKind.CERTIFICATE_REQUEST, request);
    }

    private static byte[] pem(KeyPair key) {
        return PrivateKeys.encodePem(key.getPrivate(), KeyEncoding.PKCS8).getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] rsaKeyPem(int size) {
        return PrivateKeys.encodePem(PrivateKeys.generate(KeyAlgorithm.RSA, size).getPrivate(), KeyEncoding.PKCS8)
                .getBytes(StandardCharsets.US_ASCII);
    }
}
