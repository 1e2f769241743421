package io.certwright.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.certwright.api.model.Certificate;
import io.certwright.core.cluster.ObjectKey;
import io.certwright.core.cluster.ResourceKind;
import io.certwright.core.time.MutableClock;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.Secret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalRuntimeTest {
    @TempDir
    Path work;

    @Test
    void restartRestoresStateWithoutReissuing() throws IOException {
        Path directory = Fixtures.copyQuickstart(work.resolve("quickstart"));
        MutableClock clock = Fixtures.clockAtNow();
        Map<String, String> certificatesBefore;
        try (LocalRuntime runtime = LocalRuntime.open(Fixtures.settings(directory, clock))) {
            runtime.runOnce();
            certificatesBefore = secretCertificates(runtime);
        }
        clock.advance(Duration.ofMinutes(5));

        try (LocalRuntime restarted = LocalRuntime.open(Fixtures.settings(directory, clock))) {
            DirectoryCluster cluster = restarted.cluster();
            Certificate web = cluster.get(ResourceKind.CERTIFICATE, "demo", "web").orElseThrow();
            Secret webSecret = cluster.get(ResourceKind.SECRET, "demo", "web-tls").orElseThrow();
            int requestsBefore = cluster.list(ResourceKind.CERTIFICATE_REQUEST, null).size();

            assertThat(web.getStatus().getRevision()).isEqualTo(1);
            assertThat(CertificateReadiness.of(web).ready()).isTrue();
            assertThat(requestsBefore).isEqualTo(4);
            assertThat(webSecret.getMetadata().getManagedFields()).extracting(ManagedFieldsEntry::getManager)
                    .contains("cert-manager-certificates-issuing");
            assertThat(cluster.eventsFor(ResourceKind.CERTIFICATE, "demo", "web")).isNotEmpty();

            List<CertificateReadiness> readiness = restarted.runOnce();

            assertThat(readiness).allMatch(CertificateReadiness::ready);
            assertThat(cluster.list(ResourceKind.CERTIFICATE_REQUEST, null)).hasSize(requestsBefore);
            assertThat(secretCertificates(restarted)).isEqualTo(certificatesBefore);
            assertThat(cluster.get(ResourceKind.CERTIFICATE, "demo", "web").orElseThrow().getStatus().getRevision())
                    .isEqualTo(1);
        }
    }

    @Test
    void secondRuntimeOnSameStateFails() {
        Path directory = Fixtures.copyQuickstart(work.resolve("quickstart"));
        try (LocalRuntime first = LocalRuntime.open(Fixtures.settings(directory, Fixtures.clockAtNow()))) {
            assertThatThrownBy(() -> LocalRuntime.open(Fixtures.settings(directory, Fixtures.clockAtNow())))
                    .isInstanceOf(StateLock.LockedException.class)
                    .hasMessageContaining(directory.resolve(".certwright").toAbsolutePath().normalize().toString())
                    .hasMessageContaining("PID " + ProcessHandle.current().pid());
        }
    }

    @Test
    void manualRenewalIssuesNextRevision() {
        Path directory = Fixtures.copyQuickstart(work.resolve("quickstart"));
        MutableClock clock = Fixtures.clockAtNow();
        try (LocalRuntime runtime = LocalRuntime.open(Fixtures.settings(directory, clock))) {
            runtime.runOnce();
            new RenewalRequests(runtime.layout()).submit(new ObjectKey("demo", "web"));

            runtime.runOnce();

            Certificate web = runtime.cluster().get(ResourceKind.CERTIFICATE, "demo", "web").orElseThrow();
            assertThat(web.getStatus().getRevision()).isEqualTo(2);
            assertThat(runtime.layout().requests()).isEmptyDirectory();
        }
    }

    @Test
    void manifestEditsAreFollowed() throws Exception {
        Path directory = Fixtures.copyQuickstart(work.resolve("quickstart"));
        try (LocalRuntime runtime = LocalRuntime.open(Fixtures.settings(directory, Fixtures.clockAtNow()))) {
            runtime.start();
            DirectoryCluster cluster = runtime.cluster();
            awaitTrue("quickstart issued", () -> runtime.readiness().stream().allMatch(CertificateReadiness::ready));

            Path web = directory.resolve("10-web.yaml");
            Files.writeString(web, Files.readString(web).replace("    - localhost\n",
                    "    - localhost\n    - edited.demo.example\n"));

            awaitTrue("web re-issued for the new DNS name", () -> revision(cluster, "web") == 2
                    && annotation(cluster, "web-tls", "cert-manager.io/alt-names").contains("edited.demo.example"));

            Files.writeString(web, Files.readString(web).replace("  secretName: web-tls\n",
                    "  secretName: web-tls\n  secretTemplate:\n    labels:\n      team: web\n"));

            awaitTrue("secret template applied", () -> "web".equals(cluster.get(ResourceKind.SECRET, "demo", "web-tls")
                    .orElseThrow().getMetadata().getLabels().get("team")));
            assertThat(runtime.awaitIdle(Duration.ofSeconds(10))).isTrue();
            assertThat(revision(cluster, "web")).isEqualTo(2);

            Files.delete(directory.resolve("30-workload-identity.yaml"));

            awaitTrue("removed Certificate deleted",
                    () -> cluster.get(ResourceKind.CERTIFICATE, "demo", "worker-identity").isEmpty());
            assertThat(cluster.list(ResourceKind.CERTIFICATE_REQUEST, "demo")).extracting(request -> request
                    .getMetadata().getName()).noneMatch(name -> name.startsWith("worker-identity"));
        }
    }

    @Test
    void badInputIsReportedAndEverythingElseIssued() throws IOException {
        Path directory = Fixtures.copyQuickstart(work.resolve("quickstart"));
        BadInput.writeAll(directory);

        List<InputProblem> problems;
        List<CertificateReadiness> readiness;
        try (LocalRuntime runtime = LocalRuntime.open(Fixtures.settings(directory, Fixtures.clockAtNow()))) {
            problems = runtime.problems();
            readiness = runtime.runOnce();
            assertThat(runtime.cluster().get(ResourceKind.CERTIFICATE, "demo", "invalid")).isEmpty();
        }
        Map<String, CertificateReadiness> byName = readiness.stream()
                .collect(Collectors.toMap(CertificateReadiness::name, entry -> entry));

        assertThat(problems).hasSize(5);
        for (String name : List.of("root-ca", "web", "java-app", "worker-identity")) {
            assertThat(byName.get(name).ready()).as(name).isTrue();
        }
        assertThat(byName.get("invalid").ready()).isFalse();
        assertThat(byName.get("on-mismatched-ca").ready()).isFalse();
    }

    private static void awaitTrue(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            Thread.sleep(50);
        }
    }

    private static int revision(DirectoryCluster cluster, String certificate) {
        Certificate stored = cluster.get(ResourceKind.CERTIFICATE, "demo", certificate).orElseThrow();
        return stored.getStatus() == null || stored.getStatus().getRevision() == null ? 0
                : stored.getStatus().getRevision();
    }

    private static String annotation(DirectoryCluster cluster, String secret, String key) {
        return cluster.get(ResourceKind.SECRET, "demo", secret)
                .map(stored -> stored.getMetadata().getAnnotations().getOrDefault(key, ""))
                .orElse("");
    }

    private static Map<String, String> secretCertificates(LocalRuntime runtime) {
        return runtime.cluster().list(ResourceKind.CERTIFICATE, null).stream().collect(Collectors.toMap(
                certificate -> certificate.getMetadata().getName(),
                certificate -> runtime.cluster().get(ResourceKind.SECRET, certificate.getMetadata().getNamespace(),
                        certificate.getSpec().getSecretName()).orElseThrow().getData().get("tls.crt")));
    }
}
