package io.certwright.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.certwright.api.model.Certificate;
import io.certwright.api.model.CertificateRequest;
import io.certwright.api.model.CertificateRequestSpec;
import io.certwright.api.model.CertificateSpec;
import io.certwright.api.model.CertificateStatus;
import io.certwright.api.model.Challenge;
import io.certwright.api.model.Issuer;
import io.certwright.api.model.IssuerReference;
import io.certwright.api.model.Order;
import io.certwright.api.model.OrderSpec;
import io.certwright.api.model.OrderStatus;
import io.certwright.api.model.States;
import io.certwright.core.cluster.EventRecorder;
import io.certwright.core.cluster.ResourceKind;
import io.certwright.core.time.MutableClock;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Secret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class DirectoryClusterTest {
    private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");

    @TempDir
    Path state;

    @Test
    void reopenedClusterRestoresObjectsStatusAndEvents() {
        StateLayout layout = new StateLayout(state);
        MutableClock clock = new MutableClock(NOW);
        DirectoryCluster cluster = DirectoryCluster.open(layout, clock);
        Certificate created = cluster.create(ResourceKind.CERTIFICATE, certificate("web"));
        created.setStatus(new CertificateStatus());
        created.getStatus().setRevision(3);
        cluster.updateStatus(ResourceKind.CERTIFICATE, created);
        cluster.events("test").record(created, EventRecorder.NORMAL, "Issuing", "issued for the test");
        Secret applied = cluster.applySecret(SecretFilesTest.secret("web-tls", Map.of("tls.crt", "C")), "manager-a");

        DirectoryCluster reopened = DirectoryCluster.open(layout, clock);

        Certificate restored = reopened.get(ResourceKind.CERTIFICATE, "demo", "web").orElseThrow();
        assertThat(restored.getStatus().getRevision()).isEqualTo(3);
        assertThat(restored.getMetadata().getUid()).isEqualTo(created.getMetadata().getUid());
        assertThat(reopened.eventsFor(ResourceKind.CERTIFICATE, "demo", "web")).extracting(event -> event.reason())
                .containsExactly("Issuing");
        Secret secret = reopened.get(ResourceKind.SECRET, "demo", "web-tls").orElseThrow();
        assertThat(secret.getMetadata().getManagedFields()).isEqualTo(applied.getMetadata().getManagedFields());
        assertThat(secret.getMetadata().getResourceVersion()).isEqualTo(applied.getMetadata().getResourceVersion());
    }

    @Test
    void reopenedClusterRestoresOrdersAndChallenges() {
        StateLayout layout = new StateLayout(state);
        MutableClock clock = new MutableClock(NOW);
        DirectoryCluster cluster = DirectoryCluster.open(layout, clock);
        Order order = new Order();
        order.getMetadata().setNamespace("demo");
        order.getMetadata().setName("web-1-1");
        order.setSpec(new OrderSpec().withDnsNames(List.of("web.example.com")));
        Order created = cluster.create(ResourceKind.ORDER, order);
        created.setStatus(new OrderStatus().withState(States.VALID));
        cluster.updateStatus(ResourceKind.ORDER, created);
        Challenge challenge = new Challenge();
        challenge.getMetadata().setNamespace("demo");
        challenge.getMetadata().setName("web-1-1-2");
        challenge.getMetadata().setOwnerReferences(List.of(new OwnerReference(Order.API_VERSION, true, true,
                Order.KIND, "web-1-1", created.getMetadata().getUid())));
        cluster.create(ResourceKind.CHALLENGE, challenge);

        DirectoryCluster reopened = DirectoryCluster.open(layout, clock);

        assertThat(reopened.get(ResourceKind.ORDER, "demo", "web-1-1").orElseThrow().getStatus().getState())
                .isEqualTo(States.VALID);
        assertThat(reopened.get(ResourceKind.CHALLENGE, "demo", "web-1-1-2")).isPresent();
        assertThat(layout.object(ResourceKind.ORDER, "demo", "web-1-1")).isRegularFile();

        reopened.delete(ResourceKind.ORDER, "demo", "web-1-1");

        assertThat(reopened.get(ResourceKind.CHALLENGE, "demo", "web-1-1-2")).as("owned Challenge").isEmpty();
        assertThat(layout.object(ResourceKind.CHALLENGE, "demo", "web-1-1-2")).doesNotExist();
    }

    @Test
    void unreadableStoredFileIsSetAsideAndOthersLoad() throws IOException {
        StateLayout layout = new StateLayout(state);
        MutableClock clock = new MutableClock(NOW);
        DirectoryCluster cluster = DirectoryCluster.open(layout, clock);
        Order order = new Order();
        order.getMetadata().setNamespace("demo");
        order.getMetadata().setName("web-1-1");
        order.setSpec(new OrderSpec().withDnsNames(List.of("web.example.com")));
        cluster.create(ResourceKind.ORDER, order);
        cluster.create(ResourceKind.CERTIFICATE, certificate("web"));
        Path orderFile = layout.object(ResourceKind.ORDER, "demo", "web-1-1");
        Files.writeString(orderFile, "spec: [unclosed\n  : :\n");

        DirectoryCluster reopened = DirectoryCluster.open(layout, clock);

        assertThat(reopened.get(ResourceKind.ORDER, "demo", "web-1-1")).isEmpty();
        assertThat(reopened.get(ResourceKind.CERTIFICATE, "demo", "web")).isPresent();
        assertThat(orderFile).doesNotExist();
        assertThat(orderFile.resolveSibling("web-1-1.yaml.unreadable")).hasContent("spec: [unclosed\n  : :");
    }

    @Test
    void damagedEventsFileLosesOnlyItsOwnEvents() throws IOException {
        StateLayout layout = new StateLayout(state);
        MutableClock clock = new MutableClock(NOW);
        DirectoryCluster cluster = DirectoryCluster.open(layout, clock);
        Certificate web = cluster.create(ResourceKind.CERTIFICATE, certificate("web"));
        Certificate api = cluster.create(ResourceKind.CERTIFICATE, certificate("api"));
        cluster.events("test").record(web, EventRecorder.NORMAL, "Issuing", "issued web");
        cluster.events("test").record(api, EventRecorder.NORMAL, "Issuing", "issued api");
        // Events are not fsynced, so a power failure may leave an empty file behind, and a crash a temporary one.
        Path webEvents = layout.events("Certificate", "demo", "web");
        Files.write(webEvents, new byte[0]);
        Path leftOver = webEvents.resolveSibling(".web.yaml.0000.tmp");
        Files.writeString(leftOver, "- partial");

        DirectoryCluster reopened = DirectoryCluster.open(layout, clock);

        assertThat(reopened.eventsFor(ResourceKind.CERTIFICATE, "demo", "web")).isEmpty();
        assertThat(reopened.eventsFor(ResourceKind.CERTIFICATE, "demo", "api")).extracting(event -> event.message())
                .containsExactly("issued api");
        assertThat(leftOver).doesNotExist();
        reopened.events("test").record(web, EventRecorder.NORMAL, "Issuing", "issued web again");
        assertThat(DirectoryCluster.open(layout, clock).eventsFor(ResourceKind.CERTIFICATE, "demo", "web"))
                .extracting(event -> event.message()).containsExactly("issued web again");
    }

    @Test
    void incompleteOrOversizedEventsAreSkipped() throws IOException {
        StateLayout layout = new StateLayout(state);
        MutableClock clock = new MutableClock(NOW);
        DirectoryCluster cluster = DirectoryCluster.open(layout, clock);
        Certificate web = cluster.create(ResourceKind.CERTIFICATE, certificate("web"));
        Certificate api = cluster.create(ResourceKind.CERTIFICATE, certificate("api"));
        Certificate db = cluster.create(ResourceKind.CERTIFICATE, certificate("db"));
        cluster.events("test").record(db, EventRecorder.NORMAL, "Issuing", "issued db");
        Files.createDirectories(layout.events("Certificate", "demo", "web").getParent());
        Files.writeString(layout.events("Certificate", "demo", "web"), "- {kind: Certificate, namespace: demo, name: web}\n");
        try (var file = java.nio.channels.FileChannel.open(layout.events("Certificate", "demo", "api"),
                java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE)) {
            file.write(java.nio.ByteBuffer.wrap(new byte[] {'-'}), PersistentEvents.MAX_EVENTS_FILE_BYTES);
        }

        DirectoryCluster reopened = DirectoryCluster.open(layout, clock);

        assertThat(reopened.eventsFor(ResourceKind.CERTIFICATE, "demo", "web")).isEmpty();
        assertThat(reopened.eventsFor(ResourceKind.CERTIFICATE, "demo", "api")).isEmpty();
        assertThat(reopened.eventsFor(ResourceKind.CERTIFICATE, "demo", "db")).extracting(event -> event.message())
                .containsExactly("issued db");
        reopened.events("test").record(web, EventRecorder.NORMAL, "Issuing", "issued web");
        assertThat(reopened.eventsFor(ResourceKind.CERTIFICATE, "demo", "web")).extracting(event -> event.message())
                .containsExactly("issued web");
    }

    @Test
    void unreadableEventsDirectoryKeepsOtherEvents() throws IOException {
        assumeFalse("root".equals(System.getProperty("user.name")), "root reads directories without permission");
        StateLayout layout = new StateLayout(state);
        MutableClock clock = new MutableClock(NOW);
        DirectoryCluster cluster = DirectoryCluster.open(layout, clock);
        cluster.events("test").record(cluster.create(ResourceKind.CERTIFICATE, certificate("web")),
                EventRecorder.NORMAL, "Issuing", "issued web");
        Issuer issuer = new Issuer();
        issuer.getMetadata().setNamespace("demo");
        issuer.getMetadata().setName("ca");
        cluster.events("test").record(cluster.create(ResourceKind.ISSUER, issuer), EventRecorder.NORMAL, "KeyPairVerified",
                "verified");
        Path certificateEvents = layout.events("Certificate", "demo", "web").getParent();
        Files.setPosixFilePermissions(certificateEvents, java.nio.file.attribute.PosixFilePermissions.fromString("---------"));
        try {
            DirectoryCluster reopened = DirectoryCluster.open(layout, clock);

            assertThat(reopened.eventsFor(ResourceKind.ISSUER, "demo", "ca")).extracting(event -> event.reason())
                    .containsExactly("KeyPairVerified");
        } finally {
            Files.setPosixFilePermissions(certificateEvents, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void failedEventWritesWarnOncePerInterval() throws IOException {
        StateLayout layout = new StateLayout(state);
        MutableClock clock = new MutableClock(NOW);
        DirectoryCluster cluster = DirectoryCluster.open(layout, clock);
        Certificate web = cluster.create(ResourceKind.CERTIFICATE, certificate("web"));
        // A regular file where the events directory belongs makes every events write fail.
        Files.writeString(layout.eventsRoot(), "in the way");
        Logger logger = (Logger) LoggerFactory.getLogger(PersistentEvents.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);

        try {
            for (int i = 0; i < 3; i++) {
                cluster.events("test").record(web, EventRecorder.NORMAL, "Issuing", "attempt " + i);
            }
            clock.advance(PersistentEvents.STORE_WARNING_INTERVAL);
            cluster.events("test").record(web, EventRecorder.NORMAL, "Issuing", "attempt 3");
        } finally {
            logger.detachAppender(appender);
        }

        assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage)
                .hasSize(2)
                .allSatisfy(message -> assertThat(message).contains("object=Certificate demo/web"))
                .satisfies(messages -> assertThat(messages.get(1)).contains("failures since the last warning=2"));
        assertThat(cluster.eventsFor(ResourceKind.CERTIFICATE, "demo", "web")).hasSize(4);
    }

    @Test
    void listenersRunAfterDiskWrite() {
        StateLayout layout = new StateLayout(state);
        DirectoryCluster cluster = DirectoryCluster.open(layout, new MutableClock(NOW));
        List<Boolean> onDiskWhenHeard = new ArrayList<>();
        cluster.addListener((kind, oldObject, newObject) -> onDiskWhenHeard.add(Files.exists(
                layout.object(ResourceKind.CERTIFICATE, "demo", "web"))));

        cluster.create(ResourceKind.CERTIFICATE, certificate("web"));

        assertThat(onDiskWhenHeard).containsExactly(true);
    }

    @Test
    void deletingCertificateRemovesItsFilesAndOwnedRequests() throws IOException {
        StateLayout layout = new StateLayout(state);
        DirectoryCluster cluster = DirectoryCluster.open(layout, new MutableClock(NOW));
        Certificate web = cluster.create(ResourceKind.CERTIFICATE, certificate("web"));
        cluster.create(ResourceKind.CERTIFICATE_REQUEST, request("web-1", web));

        cluster.delete(ResourceKind.CERTIFICATE, "demo", "web");

        assertThat(layout.object(ResourceKind.CERTIFICATE, "demo", "web")).doesNotExist();
        assertThat(layout.object(ResourceKind.CERTIFICATE_REQUEST, "demo", "web-1")).doesNotExist();
        assertThat(DirectoryCluster.open(layout, new MutableClock(NOW)).list(ResourceKind.CERTIFICATE_REQUEST, null))
                .isEmpty();
        try (Stream<Path> files = Files.walk(state)) {
            assertThat(files.map(Path::toString)).noneMatch(name -> name.endsWith(".tmp"));
        }
    }

    @Test
    void failedSecretWriteRaisesOneMessageAndLogsNothing() throws IOException {
        StateLayout layout = new StateLayout(state);
        DirectoryCluster cluster = DirectoryCluster.open(layout, new MutableClock(NOW));
        Files.createDirectories(layout.secrets());
        // A regular file where the namespace directory belongs makes every write below it fail.
        Files.writeString(layout.secrets().resolve("demo"), "in the way");
        Logger logger = (Logger) LoggerFactory.getLogger(DirectoryCluster.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);

        Throwable failure;
        try {
            failure = catchThrowable(() -> cluster.applySecret(SecretFilesTest.secret("web-tls",
                    Map.of("tls.crt", "C")), "manager-a"));
        } finally {
            logger.detachAppender(appender);
        }

        assertThat(failure).isInstanceOf(UncheckedIOException.class);
        assertThat(failure).hasMessageStartingWith("writing Secret demo/web-tls to "
                + layout.secret("demo", "web-tls") + " failed: Not a directory; ");
        assertThat(failure).hasMessageEndingWith("or move --state");
        assertThat(appender.list).isEmpty();
    }

    @Test
    void fullDiskFailureNamesObjectPathAndFix() {
        UncheckedIOException failure = DirectoryCluster.storageFailure("writing", ResourceKind.SECRET, "demo",
                "web-tls", "to /x/secrets/demo/web-tls", new IOException("No space left on device"));

        assertThat(failure).hasMessage("writing Secret demo/web-tls to /x/secrets/demo/web-tls failed: No space left"
                + " on device; free space or move --state");
    }

    @Test
    void fileSystemFailureOmitsRepeatedFileName() {
        UncheckedIOException failure = DirectoryCluster.storageFailure("writing", ResourceKind.CLUSTER_ISSUER, null,
                "ca", "to /x/status/clusterissuers/ca.yaml", new FileSystemException(
                        "/x/status/clusterissuers/.ca.yaml.1.tmp", null, "Read-only file system"));

        assertThat(failure).hasMessage("writing ClusterIssuer ca to /x/status/clusterissuers/ca.yaml failed:"
                + " Read-only file system; make the state directory writable by this user or move --state");
    }

    static Certificate certificate(String name) {
        Certificate certificate = new Certificate();
        ObjectMeta metadata = new ObjectMeta();
        metadata.setName(name);
        metadata.setNamespace("demo");
        certificate.setMetadata(metadata);
        CertificateSpec spec = new CertificateSpec();
        spec.setSecretName(name + "-tls");
        spec.setDnsNames(List.of(name + ".demo.example"));
        IssuerReference issuer = new IssuerReference();
        issuer.setName("ca");
        spec.setIssuerRef(issuer);
        certificate.setSpec(spec);
        return certificate;
    }

    static CertificateRequest request(String name, Certificate owner) {
        CertificateRequest request = new CertificateRequest();
        ObjectMeta metadata = new ObjectMeta();
        metadata.setName(name);
        metadata.setNamespace("demo");
        OwnerReference reference = new OwnerReference();
        reference.setApiVersion("cert-manager.io/v1");
        reference.setKind("Certificate");
        reference.setName(owner.getMetadata().getName());
        reference.setUid(owner.getMetadata().getUid());
        reference.setController(true);
        reference.setBlockOwnerDeletion(true);
        metadata.setOwnerReferences(List.of(reference));
        request.setMetadata(metadata);
        CertificateRequestSpec spec = new CertificateRequestSpec();
        spec.setIssuerRef(owner.getSpec().getIssuerRef());
        spec.setRequest(new byte[] {1});
        request.setSpec(spec);
        return request;
    }
}
