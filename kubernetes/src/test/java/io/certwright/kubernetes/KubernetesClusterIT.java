package io.certwright.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.certwright.api.model.Certificate;
import io.certwright.api.model.CertificateCondition;
import io.certwright.api.model.CertificateRequest;
import io.certwright.api.model.CertificateStatus;
import io.certwright.api.model.ClusterIssuer;
import io.certwright.api.model.IssuerSpec;
import io.certwright.api.model.SelfSignedIssuer;
import io.certwright.core.cluster.ClusterException;
import io.certwright.core.cluster.ClusterIndex;
import io.certwright.core.cluster.Event;
import io.certwright.core.cluster.EventRecorder;
import io.certwright.core.cluster.ManagedFields;
import io.certwright.core.cluster.ResourceKind;
import io.certwright.kubernetes.crd.CertManagerCrds;
import io.certwright.kubernetes.crd.CrdDefinition;
import io.certwright.kubernetes.crd.CrdGenerator;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@link KubernetesCluster} against a real kube-apiserver and etcd on loopback, with the generated
 * CRDs and the RBAC of deploy/install. Most tests use a cluster with admin rights. The
 * {@code controller...} tests use a second one that impersonates the controller's service account,
 * to prove that the ClusterRole grants what the runtime does and no more.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KubernetesClusterIT {
    private static final String FIELD_MANAGER = "cert-manager-certificates-issuing";
    private static final String EVENT_SOURCE = "cert-manager-certificates-trigger";
    private static final String SERVICE_ACCOUNT = "system:serviceaccount:certwright:certwright-controller";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final String namespace = "it-" + UUID.randomUUID().toString().substring(0, 8);
    private final String otherNamespace = namespace + "-other";
    private final List<Change> changes = new CopyOnWriteArrayList<>();

    private ApiServerPeers peers;
    private KubernetesClient admin;
    private KubernetesClient controllerClient;
    private KubernetesCluster cluster;
    private KubernetesCluster controllerCluster;

    private record Change(ResourceKind<?> kind, HasMetadata oldObject, HasMetadata newObject) {
    }

    @BeforeAll
    void startApiServer() throws Exception {
        Path root = Path.of(System.getProperty("certwright.repository.root", "..")).toAbsolutePath().normalize();
        try {
            peers = ApiServerPeers.start(root);
        } catch (ApiServerPeers.PeersUnavailable e) {
            Assumptions.abort("kube-apiserver and etcd are not built; run scripts/k8s/build-peers: " + e.getMessage());
        }
        String kubeconfig = peers.kubeconfig();
        admin = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(kubeconfig)).build();
        installCrds();
        install(root.resolve("deploy/install/namespace.yaml"));
        install(root.resolve("deploy/install/serviceaccount.yaml"));
        install(root.resolve("deploy/install/rbac.yaml"));
        for (String name : List.of(namespace, otherNamespace)) {
            admin.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
                    .create();
        }

        Config controllerConfig = Config.fromKubeconfig(kubeconfig);
        controllerConfig.setImpersonateUsername(SERVICE_ACCOUNT);
        controllerConfig.setImpersonateGroups("system:serviceaccounts", "system:serviceaccounts:certwright",
                "system:authenticated");
        controllerClient = new KubernetesClientBuilder().withConfig(controllerConfig).build();

        cluster = new KubernetesCluster(admin, Clock.systemUTC(), KubernetesClusterOptions.defaults());
        cluster.addListener((kind, oldObject, newObject) -> changes.add(new Change(kind, oldObject, newObject)));
        cluster.start();
        controllerCluster = new KubernetesCluster(controllerClient, Clock.systemUTC(),
                KubernetesClusterOptions.defaults());
        controllerCluster.start();
    }

    @AfterAll
    void stopApiServer() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
        if (controllerCluster != null) {
            controllerCluster.close();
        }
        if (controllerClient != null) {
            controllerClient.close();
        }
        if (admin != null) {
            admin.close();
        }
        if (peers != null) {
            peers.close();
        }
    }

    // ---- create, get, list ----

    @Test
    void createdCertificateAppearsInCache() {
        Certificate created = cluster.create(ResourceKind.CERTIFICATE, TestObjects.certificate(namespace, "cached"));

        Certificate cached = await(() -> cluster.get(ResourceKind.CERTIFICATE, namespace, "cached"));

        assertThat(cached).isEqualTo(created);
        assertThat(created.getMetadata().getUid()).isNotEmpty();
        assertThat(created.getMetadata().getGeneration()).isEqualTo(1L);
        assertThat(created.getSpec().getSecretName()).isEqualTo("cached-tls");
    }

    @Test
    void createDropsStatus() {
        Certificate created = cluster.create(ResourceKind.CERTIFICATE,
                TestObjects.certificateWithStatus(namespace, "no-status"));

        assertThat(created.getStatus()).isNull();
    }

    @Test
    void createTwiceRaisesAlreadyExists() {
        cluster.create(ResourceKind.CERTIFICATE, TestObjects.certificate(namespace, "twice"));

        assertThatThrownBy(() -> cluster.create(ResourceKind.CERTIFICATE, TestObjects.certificate(namespace, "twice")))
                .isInstanceOf(ClusterException.AlreadyExists.class);
    }

    @Test
    void generateNameGetsRandomSuffix() {
        CertificateRequest request = TestObjects.certificateRequest(namespace, null);
        request.getMetadata().setGenerateName("web-");

        CertificateRequest created = cluster.create(ResourceKind.CERTIFICATE_REQUEST, request);

        assertThat(created.getMetadata().getName()).startsWith("web-").hasSize("web-".length() + 5);
        assertThat(created.getSpec().getRequest()).isEqualTo(request.getSpec().getRequest());
    }

    @Test
    void schemaViolationRaisesInvalid() {
        Certificate certificate = TestObjects.certificate(namespace, "invalid");
        certificate.getSpec().setIssuerRef(null);

        assertThatThrownBy(() -> cluster.create(ResourceKind.CERTIFICATE, certificate))
                .isInstanceOf(ClusterException.Invalid.class)
                .hasMessageContaining("spec.issuerRef");
    }

    @Test
    void listIsLimitedToNamespace() {
        cluster.create(ResourceKind.CERTIFICATE, TestObjects.certificate(otherNamespace, "elsewhere"));
        cluster.create(ResourceKind.CERTIFICATE, TestObjects.certificate(namespace, "listed"));
        await(() -> cluster.get(ResourceKind.CERTIFICATE, otherNamespace, "elsewhere"));
        await(() -> cluster.get(ResourceKind.CERTIFICATE, namespace, "listed"));

        List<Certificate> listed = cluster.list(ResourceKind.CERTIFICATE, namespace);
        List<Certificate> all = cluster.list(ResourceKind.CERTIFICATE, null);

        assertThat(listed).extracting(certificate -> certificate.getMetadata().getNamespace()).containsOnly(namespace);
        assertThat(all).extracting(certificate -> certificate.getMetadata().getName()).contains("listed", "elsewhere");
    }

    @Test
    void listIndexedFollowsSecretNameChanges() {
        cluster.create(ResourceKind.CERTIFICATE, TestObjects.certificate(namespace, "indexed"));
        Certificate stored = await(() -> cluster.get(ResourceKind.CERTIFICATE, namespace, "indexed"));

        List<Certificate> before = cluster.listIndexed(ClusterIndex.CERTIFICATES_BY_SECRET_NAME, namespace,
                "indexed-tls");
        stored.getSpec().setSecretName("indexed-renamed-tls");
        Certificate updated = cluster.update(ResourceKind.CERTIFICATE, stored);
        await(() -> cluster.get(ResourceKind.CERTIFICATE, namespace, "indexed").filter(found -> found.getMetadata()
                .getResourceVersion().equals(updated.getMetadata().getResourceVersion())));
        List<Certificate> oldName = cluster.listIndexed(ClusterIndex.CERTIFICATES_BY_SECRET_NAME, namespace,
                "indexed-tls");
        List<Certificate> newName = cluster.listIndexed(ClusterIndex.CERTIFICATES_BY_SECRET_NAME, namespace,
                "indexed-renamed-tls");
        List<Certificate> otherNamespace = cluster.listIndexed(ClusterIndex.CERTIFICATES_BY_SECRET_NAME,
                namespace + "-elsewhere", "indexed-renamed-tls");

        assertThat(before).extracting(certificate -> certificate.getMetadata().getName()).containsExactly("indexed");
        assertThat(oldName).isEmpty();
        assertThat(newName).extracting(certificate -> certificate.getMetadata().getName()).containsExactly("indexed");
        assertThat(otherNamespace).isEmpty();
    }

    @Test
    void listMatchingFollowsUpdatesAndDeletes() {
        cluster.create(ResourceKind.CERTIFICATE, TestObjects.certificate(namespace, "matched"));
        Certificate stored = await(() -> cluster.get(ResourceKind.CERTIFICATE, namespace, "matched"));

        List<Certificate> first = cluster.listMatching(ResourceKind.CERTIFICATE, namespace,
                certificate -> certificate.getMetadata().getName().equals("matched"));
        first.get(0).getSpec().setSecretName("changed-by-caller");
        stored.getSpec().setSecretName("matched-renamed-tls");
        Certificate updated = cluster.update(ResourceKind.CERTIFICATE, stored);
        await(() -> cluster.get(ResourceKind.CERTIFICATE, namespace, "matched").filter(found -> found.getMetadata()
                .getResourceVersion().equals(updated.getMetadata().getResourceVersion())));
        List<Certificate> second = cluster.listMatching(ResourceKind.CERTIFICATE, namespace,
                certificate -> certificate.getMetadata().getName().equals("matched"));
        cluster.delete(ResourceKind.CERTIFICATE, namespace, "matched");
        await(() -> cluster.get(ResourceKind.CERTIFICATE, namespace, "matched").isEmpty()
                ? Optional.of(true) : Optional.empty());
        List<Certificate> third = cluster.listMatching(ResourceKind.CERTIFICATE, namespace,
                certificate -> certificate.getMetadata().getName().equals("matched"));

        assertThat(first).hasSize(1);
        assertThat(second).as("the caller's change to an earlier result does not reach the cache").hasSize(1);
        assertThat(second.get(0).getSpec().getSecretName()).isEqualTo("matched-renamed-tls");
        assertThat(third).isEmpty();
    }

    @Test
    void clusterIssuerIsClusterScoped() {
        ClusterIssuer issuer = new ClusterIssuer();
        issuer.getMetadata().setName("it-root");
        issuer.setSpec(new IssuerSpec());
        issuer.getSpec().setSelfSigned(new SelfSignedIssuer());

        cluster.create(ResourceKind.CLUSTER_ISSUER, issuer);
        ClusterIssuer cached = await(() -> cluster.get(ResourceKind.CLUSTER_ISSUER, null, "it-root"));

        assertThat(cached.getMetadata().getNamespace()).isNull();
        assertThat(cached.getSpec().getSelfSigned()).isNotNull();
    }

    // ---- update, updateStatus, optimistic locking ----

    @Test
    void updateStatusChangesOnlyStatus() {
        Certificate created = cluster.create(ResourceKind.CERTIFICATE, TestObjects.certificate(namespace, "status"));
        Certificate withStatus = TestObjects.certificateWithStatus(namespace, "status");
        withStatus.getMetadata().setResourceVersion(created.getMetadata().getResourceVersion());
        withStatus.getSpec().setSecretName("ignored-by-status-write");

        Certificate updated = cluster.updateStatus(ResourceKind.CERTIFICATE, withStatus);

        assertThat(updated.getStatus()).isEqualTo(withStatus.getStatus());
        assertThat(updated.getSpec().getSecretName()).isEqualTo("status-tls");
        assertThat(updated.getMetadata().getGeneration()).isEqualTo(1L);
    }

    @Test
    void updateKeepsStatusAndRaisesGeneration() {
        Certificate created = cluster.create(ResourceKind.CERTIFICATE, TestObjects.certificate(namespace, "spec"));
        Certificate withStatus = TestObjects.certificateWithStatus(namespace, "spec");
        withStatus.getMetadata().setResourceVersion(created.getMetadata().getResourceVersion());
        Certificate statusWritten = cluster.updateStatus(ResourceKind.CERTIFICATE, withStatus);

        statusWritten.getSpec().setSecretName("renamed-tls");
        statusWritten.setStatus(new CertificateStatus());
        Certificate updated = cluster.update(ResourceKind.CERTIFICATE, statusWritten);

        assertThat(updated.getSpec().getSecretName()).isEqualTo("renamed-tls");
        assertThat(updated.getMetadata().getGeneration()).isEqualTo(2L);
        assertThat(updated.getStatus()).isEqualTo(withStatus.getStatus());
    }

    @Test
    void staleResourceVersionRaisesConflict() {
        Certificate created = cluster.create(ResourceKind.CERTIFICATE, TestObjects.certificate(namespace, "stale"));
        Certificate first = TestObjects.certificate(namespace, "stale");
        first.getMetadata().setResourceVersion(created.getMetadata().getResourceVersion());
        first.getSpec().setCommonName("first");
        cluster.update(ResourceKind.CERTIFICATE, first);

        created.getSpec().setCommonName("second");

        assertThatThrownBy(() -> cluster.update(ResourceKind.CERTIFICATE, created))
                .isInstanceOf(ClusterException.Conflict.class);
    }

    @Test
    void staleStatusWriteRaisesConflict() {
        Certificate created = cluster.create(ResourceKind.CERTIFICATE, TestObjects.certificate(namespace, "stale-st"));
        Certificate first = TestObjects.certificateWithStatus(namespace, "stale-st");
        first.getMetadata().setResourceVersion(created.getMetadata().getResourceVersion());
        cluster.updateStatus(ResourceKind.CERTIFICATE, first);

        Certificate second = TestObjects.certificateWithStatus(namespace, "stale-st");
        second.getMetadata().setResourceVersion(created.getMetadata().getResourceVersion());
        second.getStatus().setRevision(9);

        assertThatThrownBy(() -> cluster.updateStatus(ResourceKind.CERTIFICATE, second))
                .isInstanceOf(ClusterException.Conflict.class);
    }

    @Test
    void emptyResourceVersionSkipsComparison() {
        cluster.create(ResourceKind.CERTIFICATE, TestObjects.certificate(namespace, "unversioned"));
        Certificate change = TestObjects.certificate(namespace, "unversioned");
        change.getSpec().setCommonName("unversioned.example.test");

        Certificate updated = cluster.update(ResourceKind.CERTIFICATE, change);

        assertThat(updated.getSpec().getCommonName()).isEqualTo("unversioned.example.test");
    }

    @Test
    void updateOfMissingObjectRaisesNotFound() {
        Certificate missing = TestObjects.certificate(namespace, "missing");
        missing.getMetadata().setResourceVersion("1");

        assertThatThrownBy(() -> cluster.update(ResourceKind.CERTIFICATE, missing))
                .isInstanceOf(ClusterException.NotFound.class);
        assertThatThrownBy(() -> cluster.updateStatus(ResourceKind.CERTIFICATE, missing))
                .isInstanceOf(ClusterException.NotFound.class);
    }

    // ---- delete and listeners ----

    @Test
    void listenerSeesCreateAsModelObject() {
        cluster.create(ResourceKind.CERTIFICATE, TestObjects.certificate(namespace, "heard"));

        Change change = awaitChange(candidate -> candidate.oldObject == null && named(candidate.newObject, "heard"));

        assertThat(change.kind).isEqualTo(ResourceKind.CERTIFICATE);
        assertThat(change.newObject).isInstanceOf(Certificate.class);
    }

    @Test
    void deleteRemovesObjectAndNotifies() {
        cluster.create(ResourceKind.CERTIFICATE, TestObjects.certificate(namespace, "doomed"));
        await(() -> cluster.get(ResourceKind.CERTIFICATE, namespace, "doomed"));

        cluster.delete(ResourceKind.CERTIFICATE, namespace, "doomed");

        awaitChange(candidate -> candidate.newObject == null && named(candidate.oldObject, "doomed"));
        assertThat(cluster.get(ResourceKind.CERTIFICATE, namespace, "doomed")).isEmpty();
    }

    @Test
    void deleteOfMissingObjectDoesNothing() {
        cluster.delete(ResourceKind.CERTIFICATE, namespace, "never-existed");
        cluster.delete(ResourceKind.SECRET, namespace, "never-existed");
    }

    // ---- Secrets ----

    @Test
    void unlabelledSecretIsNotCachedButReadable() {
        Secret unlabelled = new SecretBuilder().withNewMetadata().withNamespace(namespace).withName("plain")
                .endMetadata().withType("Opaque").withData(Map.of("password", encode("hunter2"))).build();
        Secret labelled = new SecretBuilder().withNewMetadata().withNamespace(namespace).withName("managed")
                .withLabels(Map.of("controller.cert-manager.io/fao", "true")).endMetadata()
                .withType("Opaque").build();
        admin.secrets().inNamespace(namespace).resource(unlabelled).create();
        admin.secrets().inNamespace(namespace).resource(labelled).create();
        // The labelled Secret was written after the unlabelled one, so once it is cached the watch
        // has delivered both writes.
        awaitChange(candidate -> candidate.kind == ResourceKind.SECRET && named(candidate.newObject, "managed"));

        List<Secret> cached = cluster.list(ResourceKind.SECRET, namespace);
        Optional<Secret> live = cluster.get(ResourceKind.SECRET, namespace, "plain");

        assertThat(cached).extracting(secret -> secret.getMetadata().getName()).contains("managed").doesNotContain("plain");
        assertThat(live).map(secret -> secret.getData().get("password")).contains(encode("hunter2"));
        assertThat(changes).noneMatch(candidate -> named(candidate.newObject, "plain"));
    }

    @Test
    void getOfMissingSecretIsEmpty() {
        assertThat(cluster.get(ResourceKind.SECRET, namespace, "absent")).isEmpty();
    }

    @Test
    void applySecretPrunesAndKeepsForeignFields() {
        Secret first = issuedSecret("applied", Map.of(
                "tls.crt", encode("cert-1"), "tls.key", encode("key-1"), "ca.crt", encode("ca-1")));
        cluster.applySecret(first, FIELD_MANAGER);
        admin.secrets().inNamespace(namespace).withName("applied").edit(secret -> new SecretBuilder(secret)
                .editMetadata().addToLabels("team", "payments").endMetadata()
                .addToData("foreign.txt", encode("kept"))
                .build());

        Secret second = issuedSecret("applied", Map.of("tls.crt", encode("cert-2"), "tls.key", encode("key-1")));
        Secret result = cluster.applySecret(second, FIELD_MANAGER);

        assertThat(result.getData()).containsEntry("tls.crt", encode("cert-2")).doesNotContainKey("ca.crt");
        assertThat(result.getData()).containsEntry("foreign.txt", encode("kept"));
        assertThat(result.getMetadata().getLabels()).containsEntry("team", "payments")
                .containsEntry("controller.cert-manager.io/fao", "true");
        assertThat(result.getType()).isEqualTo("kubernetes.io/tls");
        ManagedFieldsEntry applied = result.getMetadata().getManagedFields().stream()
                .filter(entry -> FIELD_MANAGER.equals(entry.getManager()))
                .findFirst().orElseThrow();
        String owned = applied.getFieldsV1().getAdditionalProperties().toString();
        assertThat(applied.getOperation()).isEqualTo("Apply");
        assertThat(owned).contains("f:tls.crt", "f:tls.key", "f:controller.cert-manager.io/fao")
                .doesNotContain("f:ca.crt", "f:foreign.txt", "f:team");
    }

    @Test
    void appliedOwnershipReadsBackInCore() {
        cluster.applySecret(issuedSecret("owned",
                Map.of("tls.crt", encode("cert"), "tls.key", encode("key"))), FIELD_MANAGER);

        Secret cached = await(() -> cluster.get(ResourceKind.SECRET, namespace, "owned"));

        assertThat(ManagedFields.ownedPaths(cached, FIELD_MANAGER)).containsExactlyInAnyOrder(
                "metadata.labels.controller.cert-manager.io/fao",
                "metadata.annotations.cert-manager.io/certificate-name",
                "data.tls.crt", "data.tls.key", "type");
    }

    @Test
    void applySecretCreatesMissingSecret() {
        Secret result = cluster.applySecret(issuedSecret("fresh",
                Map.of("tls.crt", encode("cert"), "tls.key", encode("key"))), FIELD_MANAGER);

        assertThat(result.getMetadata().getUid()).isNotEmpty();
        assertThat(await(() -> cluster.get(ResourceKind.SECRET, namespace, "fresh")).getData())
                .containsEntry("tls.crt", encode("cert"));
    }

    @Test
    void secretUpdateReplacesWholeObject() {
        Secret created = cluster.create(ResourceKind.SECRET, new SecretBuilder().withNewMetadata()
                .withNamespace(namespace).withName("replaced").endMetadata()
                .withType("Opaque").withData(Map.of("a", encode("1"))).build());
        created.setData(Map.of("b", encode("2")));

        Secret updated = cluster.update(ResourceKind.SECRET, created);

        assertThat(updated.getData()).containsOnlyKeys("b");
    }

    // ---- events ----

    @Test
    void repeatedEventIsFoldedIntoCount() {
        Certificate certificate = cluster.create(ResourceKind.CERTIFICATE, TestObjects.certificate(namespace, "noisy"));
        EventRecorder recorder = cluster.events(EVENT_SOURCE);

        recorder.record(certificate, EventRecorder.NORMAL, "Issuing", "Issuing certificate as Secret does not exist");
        recorder.record(certificate, EventRecorder.NORMAL, "Issuing", "Issuing certificate as Secret does not exist");
        recorder.record(certificate, EventRecorder.WARNING, "Failed", "The issuer is not ready");

        List<Event> events = cluster.eventsFor(ResourceKind.CERTIFICATE, namespace, "noisy");
        assertThat(events).hasSize(2);
        Event issuing = events.stream().filter(event -> event.reason().equals("Issuing")).findFirst().orElseThrow();
        assertThat(issuing.count()).isEqualTo(2);
        assertThat(issuing.source()).isEqualTo(EVENT_SOURCE);
        assertThat(issuing.type()).isEqualTo("Normal");
        assertThat(issuing.namespace()).isEqualTo(namespace);
        assertThat(issuing.kind()).isEqualTo("Certificate");
    }

    @Test
    void clusterIssuerEventGoesToDefaultNamespace() {
        ClusterIssuer issuer = new ClusterIssuer();
        issuer.getMetadata().setName("it-evented");
        issuer.setSpec(new IssuerSpec());
        issuer.getSpec().setSelfSigned(new SelfSignedIssuer());
        ClusterIssuer created = cluster.create(ResourceKind.CLUSTER_ISSUER, issuer);

        cluster.events("cert-manager-clusterissuers").record(created, EventRecorder.NORMAL, "IsReady", "ready");

        List<Event> events = cluster.eventsFor(ResourceKind.CLUSTER_ISSUER, null, "it-evented");
        assertThat(events).extracting(Event::reason).containsExactly("IsReady");
        assertThat(admin.v1().events().inNamespace("default").list().getItems())
                .anyMatch(event -> "it-evented".equals(event.getInvolvedObject().getName()));
    }

    @Test
    void statusConditionsRoundTrip() {
        Certificate created = cluster.create(ResourceKind.CERTIFICATE, TestObjects.certificate(namespace, "cond"));
        Certificate withStatus = TestObjects.certificateWithStatus(namespace, "cond");
        withStatus.getMetadata().setResourceVersion(created.getMetadata().getResourceVersion());
        cluster.updateStatus(ResourceKind.CERTIFICATE, withStatus);

        Certificate cached = await(() -> cluster.get(ResourceKind.CERTIFICATE, namespace, "cond")
                .filter(certificate -> certificate.getStatus() != null));

        CertificateCondition ready = cached.getStatus().getConditions().get(0);
        assertThat(ready.getLastTransitionTime()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(cached.getStatus().getNotAfter()).isEqualTo(TestObjects.NOT_AFTER);
    }

    // ---- the controller's service account ----

    @Test
    void controllerAccountCanDoTheRuntimesWork() {
        cluster.create(ResourceKind.CERTIFICATE, TestObjects.certificate(namespace, "rbac"));
        Certificate seen = await(() -> controllerCluster.get(ResourceKind.CERTIFICATE, namespace, "rbac"));
        Certificate withStatus = TestObjects.certificateWithStatus(namespace, "rbac");
        withStatus.getMetadata().setResourceVersion(seen.getMetadata().getResourceVersion());

        Certificate statusWritten = controllerCluster.updateStatus(ResourceKind.CERTIFICATE, withStatus);
        statusWritten.getMetadata().setAnnotations(Map.of("example.test/touched", "true"));
        controllerCluster.update(ResourceKind.CERTIFICATE, statusWritten);
        CertificateRequest request = controllerCluster.create(ResourceKind.CERTIFICATE_REQUEST,
                TestObjects.certificateRequest(namespace, "rbac-1"));
        controllerCluster.delete(ResourceKind.CERTIFICATE_REQUEST, namespace, request.getMetadata().getName());
        controllerCluster.applySecret(issuedSecret("rbac-tls",
                Map.of("tls.crt", encode("cert"), "tls.key", encode("key"))), FIELD_MANAGER);
        controllerCluster.delete(ResourceKind.SECRET, namespace, "rbac-tls");
        EventRecorder recorder = controllerCluster.events(EVENT_SOURCE);
        recorder.record(statusWritten, EventRecorder.NORMAL, "Issuing", "rbac check");
        recorder.record(statusWritten, EventRecorder.NORMAL, "Issuing", "rbac check");

        List<Event> events = cluster.eventsFor(ResourceKind.CERTIFICATE, namespace, "rbac");
        assertThat(events).extracting(Event::count).containsExactly(2);
        assertThat(cluster.get(ResourceKind.CERTIFICATE_REQUEST, namespace, "rbac-1")).isEmpty();
    }

    @Test
    void deploymentManifestPassesServerValidation() throws IOException {
        Path manifest = Path.of(System.getProperty("certwright.repository.root", ".."), "deploy/install/deployment.yaml");
        try (InputStream input = Files.newInputStream(manifest)) {
            HasMetadata deployment = admin.load(input).items().get(0);

            HasMetadata validated = admin.resource(deployment).dryRun().create();

            assertThat(validated.getMetadata().getName()).isEqualTo("certwright-controller");
        }
    }

    @Test
    void controllerAccountCannotCreateCertificates() {
        assertThatThrownBy(() -> controllerCluster.create(ResourceKind.CERTIFICATE,
                TestObjects.certificate(namespace, "forbidden")))
                .isInstanceOf(ClusterException.class)
                .hasMessageContaining("forbidden");
    }

    // ---- helpers ----

    private Secret issuedSecret(String name, Map<String, String> data) {
        return new SecretBuilder()
                .withNewMetadata().withNamespace(namespace).withName(name)
                .withLabels(Map.of("controller.cert-manager.io/fao", "true"))
                .withAnnotations(Map.of("cert-manager.io/certificate-name", name))
                .endMetadata()
                .withType("kubernetes.io/tls")
                .withData(data)
                .build();
    }

    private void installCrds() throws IOException {
        for (CrdDefinition definition : CertManagerCrds.ALL) {
            InputStream yaml = new ByteArrayInputStream(CrdGenerator.yaml(definition).getBytes(StandardCharsets.UTF_8));
            CustomResourceDefinition crd = admin.apiextensions().v1().customResourceDefinitions().load(yaml).item();
            admin.apiextensions().v1().customResourceDefinitions().resource(crd).create();
        }
        for (CrdDefinition definition : CertManagerCrds.ALL) {
            admin.apiextensions().v1().customResourceDefinitions().withName(definition.crdName())
                    .waitUntilCondition(crd -> crd != null && crd.getStatus() != null
                            && crd.getStatus().getConditions().stream().anyMatch(condition ->
                                    "Established".equals(condition.getType()) && "True".equals(condition.getStatus())),
                            WAIT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    private void install(Path manifest) throws IOException {
        try (InputStream input = Files.newInputStream(manifest)) {
            for (HasMetadata item : admin.load(input).items()) {
                admin.resource(item).create();
            }
        }
    }

    private static boolean named(HasMetadata object, String name) {
        return object != null && name.equals(object.getMetadata().getName());
    }

    private static String encode(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    private Change awaitChange(java.util.function.Predicate<Change> matcher) {
        return await(() -> changes.stream().filter(matcher).findFirst());
    }

    private static <T> T await(Supplier<Optional<T>> probe) {
        Instant deadline = Instant.now().plus(WAIT);
        while (true) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("condition not met within " + WAIT);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting", e);
            }
        }
    }
}
