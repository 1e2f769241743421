package io.certwright.core.certificates.policies;

import static io.certwright.core.certificates.policies.CertificateFixtures.CLOCK;
import static io.certwright.core.certificates.policies.CertificateFixtures.certificate;
import static io.certwright.core.certificates.policies.CertificateFixtures.request;
import static io.certwright.core.certificates.policies.CertificateFixtures.rsaKey;
import static io.certwright.core.certificates.policies.CertificateFixtures.secret;
import static io.certwright.core.certificates.policies.CertificateFixtures.signed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.certwright.api.model.ARISuggestedWindow;
import io.certwright.api.model.Certificate;
import io.certwright.api.model.CertificateACMEStatus;
import io.certwright.api.model.CertificateARIStatus;
import io.certwright.api.model.CertificateRequest;
import io.certwright.api.model.CertificateStatus;
import io.certwright.core.certificates.ControlledObjects;
import io.certwright.core.cluster.InMemoryCluster;
import io.certwright.core.cluster.ResourceKind;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GathererTest {

    private final InMemoryCluster cluster = new InMemoryCluster(CLOCK);

    private Certificate stored(Integer revision) {
        Certificate certificate = cluster.create(ResourceKind.CERTIFICATE, certificate());
        // Creating drops the status, as the API server does, so the revision is set on the returned copy.
        certificate.setStatus(new CertificateStatus());
        certificate.getStatus().setRevision(revision);
        return certificate;
    }

    private CertificateRequest storedRequest(Certificate owner, int revision, String name) throws Exception {
        CertificateRequest request = request(owner, rsaKey(), revision);
        request.getMetadata().setName(name);
        return cluster.create(ResourceKind.CERTIFICATE_REQUEST, request);
    }

    @Test
    void gathersSecretAndCurrentAndNextRequests() throws Exception {
        Certificate certificate = stored(1);
        cluster.create(ResourceKind.SECRET, secret(certificate, rsaKey(), signed(certificate.getSpec(), rsaKey())));
        storedRequest(certificate, 1, "app-1");
        storedRequest(certificate, 2, "app-2");
        PolicyInput input = Gatherer.gather(cluster, certificate);
        assertThat(input.secret().getMetadata().getName()).isEqualTo("app-tls");
        assertThat(input.currentRevisionRequest().getMetadata().getName()).isEqualTo("app-1");
        assertThat(input.nextRevisionRequest().getMetadata().getName()).isEqualTo("app-2");
    }

    @Test
    void ariWindowIsGatheredOnlyWithGate() {
        Certificate certificate = stored(null);
        ARISuggestedWindow window = new ARISuggestedWindow().withStart(CertificateFixtures.NOW)
                .withEnd(CertificateFixtures.NOW.plusSeconds(3600));
        certificate.getStatus().setAcme(new CertificateACMEStatus().withAri(new CertificateARIStatus()
                .withSuggestedWindow(window)));

        assertThat(Gatherer.gather(cluster, certificate, true).ariWindow()).isEqualTo(window);
        assertThat(Gatherer.gather(cluster, certificate, false).ariWindow()).isNull();
        assertThat(Gatherer.gather(cluster, certificate).ariWindow()).isNull();
    }

    @Test
    void unsetRevisionGathersRevisionOne() throws Exception {
        Certificate certificate = stored(null);
        storedRequest(certificate, 1, "app-1");
        PolicyInput input = Gatherer.gather(cluster, certificate);
        assertThat(input.secret()).isNull();
        assertThat(input.currentRevisionRequest()).isNull();
        assertThat(input.nextRevisionRequest().getMetadata().getName()).isEqualTo("app-1");
    }

    @Test
    void requestsOfOtherOwnersAreIgnored() throws Exception {
        Certificate certificate = stored(1);
        CertificateRequest foreign = request(certificate, rsaKey(), 1);
        foreign.getMetadata().getOwnerReferences().get(0).setUid("another-uid");
        cluster.create(ResourceKind.CERTIFICATE_REQUEST, foreign);
        assertThat(Gatherer.gather(cluster, certificate).currentRevisionRequest()).isNull();
    }

    @Test
    void duplicateRevisionIsAnError() throws Exception {
        Certificate certificate = stored(1);
        storedRequest(certificate, 2, "app-2a");
        storedRequest(certificate, 2, "app-2b");
        assertThatThrownBy(() -> Gatherer.gather(cluster, certificate))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'next' revision 2");
    }

    @Test
    void ownershipFallsBackToNameWithoutUid() throws Exception {
        Certificate certificate = certificate();
        certificate.getMetadata().setUid(null);
        CertificateRequest request = request(certificate, rsaKey(), 1);
        assertThat(ControlledObjects.isControlledBy(request, certificate)).isTrue();
    }

    @Test
    void ownerIsNamedByAnnotation() {
        Certificate older = named("a", "2026-01-01T00:00:00Z");
        Certificate newer = named("b", "2026-01-02T00:00:00Z");
        assertThat(SecretOwnership.owner(List.of(older, newer), annotatedSecret("b"))).isSameAs(newer);
    }

    @Test
    void ownerIsOldestWhenAnnotationNamesNoCandidate() {
        Certificate older = named("b", "2026-01-01T00:00:00Z");
        Certificate newer = named("a", "2026-01-02T00:00:00Z");
        assertThat(SecretOwnership.owner(List.of(newer, older), annotatedSecret("gone"))).isSameAs(older);
    }

    @Test
    void ownerTieIsBrokenByName() {
        Certificate first = named("a", "2026-01-01T00:00:00Z");
        Certificate second = named("b", "2026-01-01T00:00:00Z");
        assertThat(SecretOwnership.owner(List.of(second, first), null)).isSameAs(first);
    }

    @Test
    void isOwnerReadsCertificatesOfTheNamespace() {
        Certificate first = cluster.create(ResourceKind.CERTIFICATE, named("a", null));
        Certificate second = cluster.create(ResourceKind.CERTIFICATE, named("b", null));
        cluster.create(ResourceKind.SECRET, annotatedSecret("b"));
        assertThat(SecretOwnership.isOwner(cluster, second)).isTrue();
        assertThat(SecretOwnership.isOwner(cluster, first)).isFalse();
    }

    private static Certificate named(String name, String created) {
        Certificate certificate = certificate();
        certificate.getMetadata().setName(name);
        certificate.getMetadata().setUid(null);
        certificate.getMetadata().setCreationTimestamp(created);
        return certificate;
    }

    private static Secret annotatedSecret(String certificateName) {
        Secret secret = new Secret();
        ObjectMeta metadata = new ObjectMeta();
        metadata.setName("app-tls");
        metadata.setNamespace("demo");
        metadata.setAnnotations(Map.of("cert-manager.io/certificate-name", certificateName));
        secret.setMetadata(metadata);
        return secret;
    }
}
