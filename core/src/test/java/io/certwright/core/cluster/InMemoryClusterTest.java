package io.certwright.core.cluster;

import static io.certwright.core.testing.Fixtures.certificate;
import static io.certwright.core.testing.Fixtures.clusterIssuer;
import static io.certwright.core.testing.Fixtures.inNamespace;
import static io.certwright.core.testing.Fixtures.withDnsNames;
import static io.certwright.core.testing.Fixtures.withSelfSigned;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.certwright.api.model.Certificate;
import io.certwright.api.model.CertificateRequest;
import io.certwright.api.model.CertificateRequestSpec;
import io.certwright.api.model.CertificateStatus;
import io.certwright.api.model.ClusterIssuer;
import io.certwright.core.time.MutableClock;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Secret;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InMemoryClusterTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final InMemoryCluster cluster = new InMemoryCluster(clock);

    @Test
    void createAssignsServerFields() {
        Certificate created = cluster.create(ResourceKind.CERTIFICATE, certificate("web"));

        assertThat(created.getMetadata().getUid()).hasSize(36);
        assertThat(created.getMetadata().getResourceVersion()).isEqualTo("1");
        assertThat(created.getMetadata().getCreationTimestamp()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(created.getMetadata().getGeneration()).isEqualTo(1L);
    }

    @Test
    void resourceVersionIsOneGlobalCounter() {
        cluster.create(ResourceKind.CERTIFICATE, certificate("a"));
        Secret secret = cluster.create(ResourceKind.SECRET, secret("default", "s", Map.of()));

        assertThat(secret.getMetadata().getResourceVersion()).isEqualTo("2");
    }

    @Test
    void createDropsStatus() {
        Certificate withStatus = certificate("web");
        withStatus.setStatus(new CertificateStatus());
        withStatus.getStatus().setRevision(3);

        Certificate created = cluster.create(ResourceKind.CERTIFICATE, withStatus);

        assertThat(created.getStatus()).isNull();
    }

    @Test
    void createOfTakenNameRaisesAlreadyExists() {
        cluster.create(ResourceKind.CERTIFICATE, certificate("web"));

        assertThatThrownBy(() -> cluster.create(ResourceKind.CERTIFICATE, certificate("web")))
                .isInstanceOf(ClusterException.AlreadyExists.class)
                .hasMessageContaining("default/web");
    }

    @Test
    void sameNameInOtherNamespaceIsAllowed() {
        cluster.create(ResourceKind.CERTIFICATE, certificate("web"));
        cluster.create(ResourceKind.CERTIFICATE, certificate("web", inNamespace("other")));

        assertThat(cluster.list(ResourceKind.CERTIFICATE, null)).hasSize(2);
        assertThat(cluster.list(ResourceKind.CERTIFICATE, "other")).hasSize(1);
    }

    @Test
    void forEachSharedVisitsNamespaceObjects() {
        cluster.create(ResourceKind.CERTIFICATE, certificate("web"));
        cluster.create(ResourceKind.CERTIFICATE, certificate("api"));
        cluster.create(ResourceKind.CERTIFICATE, certificate("web", inNamespace("other")));
        List<String> visited = new ArrayList<>();

        cluster.forEachShared(ResourceKind.CERTIFICATE, "other", certificate ->
                visited.add(certificate.getMetadata().getNamespace() + "/" + certificate.getMetadata().getName()));

        assertThat(visited).containsExactly("other/web");
    }

    @Test
    void forEachSharedWithoutNamespaceVisitsAll() {
        cluster.create(ResourceKind.CERTIFICATE, certificate("web"));
        cluster.create(ResourceKind.CERTIFICATE, certificate("web", inNamespace("other")));
        List<String> visited = new ArrayList<>();

        cluster.forEachShared(ResourceKind.CERTIFICATE, null, certificate ->
                visited.add(certificate.getMetadata().getNamespace()));

        assertThat(visited).containsExactlyInAnyOrder("default", "other");
    }

    @Test
    void generateNameAppendsFiveLowercaseAlphanumerics() {
        Certificate template = certificate("ignored");
        template.getMetadata().setName(null);
        template.getMetadata().setGenerateName("web-");

        Certificate created = cluster.create(ResourceKind.CERTIFICATE, template);

        assertThat(created.getMetadata().getName()).matches("web-[a-z0-9]{5}");
    }

    @Test
    void createWithoutNameOrGenerateNameIsInvalid() {
        Certificate template = certificate("ignored");
        template.getMetadata().setName(null);

        assertThatThrownBy(() -> cluster.create(ResourceKind.CERTIFICATE, template))
                .isInstanceOf(ClusterException.Invalid.class);
    }

    @Test
    void clusterScopedObjectsLoseTheirNamespace() {
        ClusterIssuer issuer = clusterIssuer("root", withSelfSigned());
        issuer.getMetadata().setNamespace("somewhere");

        cluster.create(ResourceKind.CLUSTER_ISSUER, issuer);

        assertThat(cluster.get(ResourceKind.CLUSTER_ISSUER, null, "root")).isPresent();
        assertThat(cluster.get(ResourceKind.CLUSTER_ISSUER, "ignored", "root")).isPresent();
    }

    @Test
    void returnedObjectsAreCopies() {
        cluster.create(ResourceKind.CERTIFICATE, certificate("web", withDnsNames("a.example.com")));
        Certificate read = cluster.get(ResourceKind.CERTIFICATE, "default", "web").orElseThrow();

        read.getSpec().setDnsNames(List.of("changed.example.com"));

        assertThat(cluster.get(ResourceKind.CERTIFICATE, "default", "web").orElseThrow().getSpec().getDnsNames())
                .containsExactly("a.example.com");
    }

    @Test
    void updateWithStaleResourceVersionConflicts() {
        Certificate created = cluster.create(ResourceKind.CERTIFICATE, certificate("web"));
        Certificate first = cluster.get(ResourceKind.CERTIFICATE, "default", "web").orElseThrow();
        first.getSpec().setCommonName("first");
        cluster.update(ResourceKind.CERTIFICATE, first);

        created.getSpec().setCommonName("second");

        assertThatThrownBy(() -> cluster.update(ResourceKind.CERTIFICATE, created))
                .isInstanceOf(ClusterException.Conflict.class)
                .hasMessageContaining("the object has been modified");
    }

    @Test
    void updateStatusWithStaleResourceVersionConflicts() {
        Certificate created = cluster.create(ResourceKind.CERTIFICATE, certificate("web"));
        Certificate changed = cluster.get(ResourceKind.CERTIFICATE, "default", "web").orElseThrow();
        changed.getSpec().setCommonName("changed");
        cluster.update(ResourceKind.CERTIFICATE, changed);

        created.setStatus(new CertificateStatus());

        assertThatThrownBy(() -> cluster.updateStatus(ResourceKind.CERTIFICATE, created))
                .isInstanceOf(ClusterException.Conflict.class);
    }

    @Test
    void emptyResourceVersionSkipsConflictCheck() {
        cluster.create(ResourceKind.CERTIFICATE, certificate("web"));
        Certificate blind = certificate("web");
        blind.getSpec().setCommonName("blind");

        Certificate updated = cluster.update(ResourceKind.CERTIFICATE, blind);

        assertThat(updated.getSpec().getCommonName()).isEqualTo("blind");
    }

    @Test
    void updateOfMissingObjectRaisesNotFound() {
        assertThatThrownBy(() -> cluster.update(ResourceKind.CERTIFICATE, certificate("missing")))
                .isInstanceOf(ClusterException.NotFound.class)
                .hasMessageContaining("default/missing");
    }

    @Test
    void updateKeepsStoredStatus() {
        Certificate created = cluster.create(ResourceKind.CERTIFICATE, certificate("web"));
        created.setStatus(new CertificateStatus());
        created.getStatus().setRevision(1);
        Certificate withStatus = cluster.updateStatus(ResourceKind.CERTIFICATE, created);

        withStatus.getStatus().setRevision(7);
        withStatus.getSpec().setCommonName("changed");
        Certificate updated = cluster.update(ResourceKind.CERTIFICATE, withStatus);

        assertThat(updated.getStatus().getRevision()).isEqualTo(1);
        assertThat(updated.getSpec().getCommonName()).isEqualTo("changed");
    }

    @Test
    void updateStatusKeepsStoredMetadataAndSpec() {
        Certificate created = cluster.create(ResourceKind.CERTIFICATE, certificate("web"));
        created.getSpec().setCommonName("ignored");
        created.getMetadata().setLabels(Map.of("ignored", "true"));
        created.setStatus(new CertificateStatus());
        created.getStatus().setRevision(2);

        Certificate updated = cluster.updateStatus(ResourceKind.CERTIFICATE, created);

        assertThat(updated.getStatus().getRevision()).isEqualTo(2);
        assertThat(updated.getSpec().getCommonName()).isNull();
        assertThat(updated.getMetadata().getLabels()).doesNotContainKey("ignored");
    }

    @Test
    void generationGrowsOnlyOnSpecChange() {
        Certificate created = cluster.create(ResourceKind.CERTIFICATE, certificate("web"));
        created.getMetadata().setLabels(Map.of("team", "a"));
        Certificate relabelled = cluster.update(ResourceKind.CERTIFICATE, created);
        relabelled.getSpec().setCommonName("changed");

        Certificate respecced = cluster.update(ResourceKind.CERTIFICATE, relabelled);

        assertThat(relabelled.getMetadata().getGeneration()).isEqualTo(1L);
        assertThat(respecced.getMetadata().getGeneration()).isEqualTo(2L);
    }

    @Test
    void noOpWriteKeepsResourceVersion() {
        Certificate created = cluster.create(ResourceKind.CERTIFICATE, certificate("web"));
        List<String> changes = recordChanges();

        Certificate updated = cluster.update(ResourceKind.CERTIFICATE, created);

        assertThat(updated.getMetadata().getResourceVersion()).isEqualTo(created.getMetadata().getResourceVersion());
        assertThat(changes).isEmpty();
    }

    @Test
    void deleteOfMissingObjectDoesNothing() {
        cluster.delete(ResourceKind.CERTIFICATE, "default", "missing");

        assertThat(cluster.list(ResourceKind.CERTIFICATE, null)).isEmpty();
    }

    @Test
    void deleteCollectsControlledDependentsTransitively() {
        Certificate owner = cluster.create(ResourceKind.CERTIFICATE, certificate("web"));
        CertificateRequest request = cluster.create(ResourceKind.CERTIFICATE_REQUEST, request("web-1", owner, true));
        Secret grandchild = secret("default", "derived", Map.of());
        grandchild.getMetadata().setOwnerReferences(List.of(ownerReference(request, true)));
        cluster.create(ResourceKind.SECRET, grandchild);
        cluster.create(ResourceKind.CERTIFICATE_REQUEST, request("unrelated", certificate("other"), true));

        cluster.delete(ResourceKind.CERTIFICATE, "default", "web");

        assertThat(cluster.get(ResourceKind.CERTIFICATE_REQUEST, "default", "web-1")).isEmpty();
        assertThat(cluster.get(ResourceKind.SECRET, "default", "derived")).isEmpty();
        assertThat(cluster.get(ResourceKind.CERTIFICATE_REQUEST, "default", "unrelated")).isPresent();
    }

    @Test
    void listIndexedFindsControlledRequests() {
        Certificate owner = cluster.create(ResourceKind.CERTIFICATE, certificate("web"));
        Certificate other = cluster.create(ResourceKind.CERTIFICATE, certificate("api"));
        cluster.create(ResourceKind.CERTIFICATE_REQUEST, request("web-2", owner, true));
        cluster.create(ResourceKind.CERTIFICATE_REQUEST, request("web-1", owner, true));
        cluster.create(ResourceKind.CERTIFICATE_REQUEST, request("web-owned-only", owner, false));
        cluster.create(ResourceKind.CERTIFICATE_REQUEST, request("api-1", other, true));

        List<CertificateRequest> found = cluster.listIndexed(ClusterIndex.REQUESTS_BY_CONTROLLER, "default",
                owner.getMetadata().getUid());

        assertThat(found).extracting(request -> request.getMetadata().getName()).containsExactly("web-1", "web-2");
    }

    @Test
    void listIndexedFollowsUpdatesAndDeletes() {
        cluster.create(ResourceKind.CERTIFICATE, certificate("web"));
        Certificate api = cluster.create(ResourceKind.CERTIFICATE, certificate("api"));
        api.getSpec().setSecretName("web-tls");
        cluster.update(ResourceKind.CERTIFICATE, api);

        assertThat(cluster.listIndexed(ClusterIndex.CERTIFICATES_BY_SECRET_NAME, "default", "web-tls"))
                .extracting(certificate -> certificate.getMetadata().getName()).containsExactly("api", "web");
        assertThat(cluster.listIndexed(ClusterIndex.CERTIFICATES_BY_SECRET_NAME, "default", "api-tls")).isEmpty();

        cluster.delete(ResourceKind.CERTIFICATE, "default", "web");

        assertThat(cluster.listIndexed(ClusterIndex.CERTIFICATES_BY_SECRET_NAME, "default", "web-tls"))
                .extracting(certificate -> certificate.getMetadata().getName()).containsExactly("api");
    }

    @Test
    void listIndexedKeepsToNamespace() {
        cluster.create(ResourceKind.CERTIFICATE, certificate("web"));
        cluster.create(ResourceKind.CERTIFICATE, certificate("web", inNamespace("other")));

        assertThat(cluster.listIndexed(ClusterIndex.CERTIFICATES_BY_SECRET_NAME, "other", "web-tls"))
                .extracting(certificate -> certificate.getMetadata().getNamespace()).containsExactly("other");
        assertThat(cluster.listIndexed(ClusterIndex.CERTIFICATES_BY_SECRET_NAME, null, "web-tls"))
                .extracting(certificate -> certificate.getMetadata().getNamespace()).containsExactly("default", "other");
    }

    @Test
    void deleteKeepsDependentsWithoutControllerFlag() {
        Certificate owner = cluster.create(ResourceKind.CERTIFICATE, certificate("web"));
        cluster.create(ResourceKind.CERTIFICATE_REQUEST, request("web-1", owner, false));

        cluster.delete(ResourceKind.CERTIFICATE, "default", "web");

        assertThat(cluster.get(ResourceKind.CERTIFICATE_REQUEST, "default", "web-1")).isPresent();
    }

    @Test
    void deleteFollowsChangedControllerReference() {
        Certificate web = cluster.create(ResourceKind.CERTIFICATE, certificate("web"));
        Certificate api = cluster.create(ResourceKind.CERTIFICATE, certificate("api"));
        CertificateRequest request = cluster.create(ResourceKind.CERTIFICATE_REQUEST, request("moved", web, true));
        request.getMetadata().setOwnerReferences(List.of(ownerReference(api, true)));
        cluster.update(ResourceKind.CERTIFICATE_REQUEST, request);

        cluster.delete(ResourceKind.CERTIFICATE, "default", "web");

        assertThat(cluster.get(ResourceKind.CERTIFICATE_REQUEST, "default", "moved")).isPresent();

        cluster.delete(ResourceKind.CERTIFICATE, "default", "api");

        assertThat(cluster.get(ResourceKind.CERTIFICATE_REQUEST, "default", "moved")).isEmpty();
    }

    @Test
    void deleteMatchesUidlessReferenceByName() {
        Certificate owner = cluster.create(ResourceKind.CERTIFICATE, certificate("web"));
        CertificateRequest request = request("by-name", owner, true);
        request.getMetadata().getOwnerReferences().get(0).setUid(null);
        cluster.create(ResourceKind.CERTIFICATE_REQUEST, request);

        cluster.delete(ResourceKind.CERTIFICATE, "default", "web");

        assertThat(cluster.get(ResourceKind.CERTIFICATE_REQUEST, "default", "by-name")).isEmpty();
    }

    @Test
    void deleteKeepsDependentsInOtherNamespaces() {
        Certificate owner = cluster.create(ResourceKind.CERTIFICATE, certificate("web"));
        CertificateRequest elsewhere = request("elsewhere", owner, true);
        elsewhere.getMetadata().setNamespace("other");
        cluster.create(ResourceKind.CERTIFICATE_REQUEST, elsewhere);

        cluster.delete(ResourceKind.CERTIFICATE, "default", "web");

        assertThat(cluster.get(ResourceKind.CERTIFICATE_REQUEST, "other", "elsewhere")).isPresent();
    }

    @Test
    void deleteNotifiesInKindAndKeyOrder() {
        Certificate owner = cluster.create(ResourceKind.CERTIFICATE, certificate("web"));
        cluster.create(ResourceKind.CERTIFICATE_REQUEST, request("web-2", owner, true));
        cluster.create(ResourceKind.CERTIFICATE_REQUEST, request("web-1", owner, true));
        Secret key = secret("default", "web-next", Map.of());
        key.getMetadata().setOwnerReferences(List.of(ownerReference(owner, true)));
        cluster.create(ResourceKind.SECRET, key);
        List<String> changes = recordChanges();

        cluster.delete(ResourceKind.CERTIFICATE, "default", "web");

        assertThat(changes).containsExactly("delete Certificate default/web", "delete Secret default/web-next",
                "delete CertificateRequest default/web-1", "delete CertificateRequest default/web-2");
    }

    @Test
    void deleteNotifiesForEveryCollectedObject() {
        Certificate owner = cluster.create(ResourceKind.CERTIFICATE, certificate("web"));
        cluster.create(ResourceKind.CERTIFICATE_REQUEST, request("web-1", owner, true));
        List<String> changes = recordChanges();

        cluster.delete(ResourceKind.CERTIFICATE, "default", "web");

        assertThat(changes).containsExactly("delete Certificate default/web", "delete CertificateRequest default/web-1");
    }

    @Test
    void listenersSeeChangesInWriteOrder() {
        List<String> changes = recordChanges();

        Certificate created = cluster.create(ResourceKind.CERTIFICATE, certificate("web"));
        created.getSpec().setCommonName("changed");
        cluster.update(ResourceKind.CERTIFICATE, created);
        cluster.delete(ResourceKind.CERTIFICATE, "default", "web");

        assertThat(changes).containsExactly("create Certificate default/web", "update Certificate default/web",
                "delete Certificate default/web");
    }

    @Test
    void stringDataIsMergedIntoData() {
        Secret secret = secret("default", "s", Map.of());
        secret.setStringData(Map.of("password", "hunter2"));

        Secret created = cluster.create(ResourceKind.SECRET, secret);

        assertThat(created.getData()).containsEntry("password", "aHVudGVyMg==");
        assertThat(created.getStringData()).isNullOrEmpty();
    }

    @Test
    void loadKeepsStatusAndResourceVersion() {
        Certificate saved = certificate("web");
        saved.getMetadata().setResourceVersion("41");
        saved.getMetadata().setUid("fixed-uid");
        saved.setStatus(new CertificateStatus());
        saved.getStatus().setRevision(4);

        cluster.load(saved);
        Certificate next = cluster.create(ResourceKind.CERTIFICATE, certificate("other"));

        Certificate loaded = cluster.get(ResourceKind.CERTIFICATE, "default", "web").orElseThrow();
        assertThat(loaded.getStatus().getRevision()).isEqualTo(4);
        assertThat(loaded.getMetadata().getUid()).isEqualTo("fixed-uid");
        assertThat(next.getMetadata().getResourceVersion()).isEqualTo("42");
    }

    @Test
    void snapshotGroupsObjectsByKind() {
        cluster.create(ResourceKind.CERTIFICATE, certificate("web"));
        cluster.create(ResourceKind.SECRET, secret("default", "s", Map.of()));

        Map<ResourceKind<?>, List<HasMetadata>> snapshot = cluster.snapshot();

        assertThat(snapshot.keySet()).containsExactlyElementsOf(ResourceKind.ALL);
        assertThat(snapshot.get(ResourceKind.CERTIFICATE)).hasSize(1);
        assertThat(snapshot.get(ResourceKind.SECRET)).hasSize(1);
        assertThat(snapshot.get(ResourceKind.ISSUER)).isEmpty();
    }

    @Test
    void creationTimestampFollowsTheClock() {
        clock.advance(Duration.ofHours(5));

        Certificate created = cluster.create(ResourceKind.CERTIFICATE, certificate("web"));

        assertThat(created.getMetadata().getCreationTimestamp()).isEqualTo("2026-01-01T05:00:00Z");
    }

    private List<String> recordChanges() {
        List<String> changes = new ArrayList<>();
        cluster.addListener((kind, oldObject, newObject) -> {
            String verb = "update";
            if (oldObject == null) {
                verb = "create";
            } else if (newObject == null) {
                verb = "delete";
            }
            HasMetadata object = newObject != null ? newObject : oldObject;
            changes.add(verb + " " + kind.kind() + " " + ObjectKey.of(object));
        });
        return changes;
    }

    static Secret secret(String namespace, String name, Map<String, String> data) {
        Secret secret = new Secret();
        ObjectMeta metadata = new ObjectMeta();
        metadata.setName(name);
        metadata.setNamespace(namespace);
        secret.setMetadata(metadata);
        secret.setData(data);
        return secret;
    }

    private static CertificateRequest request(String name, Certificate owner, boolean controller) {
        CertificateRequest request = new CertificateRequest();
        request.getMetadata().setName(name);
        request.getMetadata().setNamespace(owner.getMetadata().getNamespace());
        request.getMetadata().setOwnerReferences(List.of(ownerReference(owner, controller)));
        request.setSpec(new CertificateRequestSpec());
        return request;
    }

    private static OwnerReference ownerReference(HasMetadata owner, boolean controller) {
        OwnerReference reference = new OwnerReference();
        reference.setApiVersion(owner.getApiVersion());
        reference.setKind(owner.getKind());
        reference.setName(owner.getMetadata().getName());
        reference.setUid(owner.getMetadata().getUid());
        reference.setController(controller);
        reference.setBlockOwnerDeletion(true);
        return reference;
    }
}
