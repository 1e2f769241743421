package io.certwright.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.certwright.api.model.Certificate;
import io.certwright.api.model.CertificateSpec;
import io.certwright.api.model.IssuerReference;
import io.certwright.core.cluster.InMemoryCluster;
import io.certwright.core.cluster.ResourceKind;
import io.certwright.core.time.MutableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StateLayoutTest {
    @TempDir
    Path work;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "name climbing out of the state directory | default | ../../../../escaped",
        "name climbing into another kind          | default | ../../issuers/default/x",
        "namespace climbing out                   | ../../../.. | escaped",
        "name with a nested directory             | default | sub/x",
        "empty namespace and climbing name        | ''          | ../x"
    })
    void objectPathOutsideItsDirectoryIsRejected(String description, String namespace, String name) {
        StateLayout layout = new StateLayout(work.resolve("state"));

        assertThatThrownBy(() -> layout.object(ResourceKind.CERTIFICATE, namespace, name))
                .isInstanceOf(StateLayout.PathOutsideStateException.class)
                .hasMessageContaining("Certificate " + namespace + "/" + name)
                .hasMessageContaining("outside");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Secret name climbing out  | default | ../../../escaped",
        "Secret namespace climbing | ..      | escaped",
        "Secret name of two levels | default | a/../../b"
    })
    void secretPathOutsideSecretsIsRejected(String description, String namespace, String name) {
        StateLayout layout = new StateLayout(work.resolve("state"));

        assertThatThrownBy(() -> layout.secret(namespace, name))
                .isInstanceOf(StateLayout.PathOutsideStateException.class)
                .hasMessageContaining("Secret " + namespace + "/" + name);
    }

    @Test
    void eventsPathOutsideEventsIsRejected() {
        StateLayout layout = new StateLayout(work.resolve("state"));

        assertThatThrownBy(() -> layout.events("Certificate", "default", "../../../../x"))
                .isInstanceOf(StateLayout.PathOutsideStateException.class)
                .hasMessageContaining("Certificate default/../../../../x");
    }

    @Test
    void ordinaryNamesStayInside() {
        StateLayout layout = new StateLayout(work.resolve("state"));

        assertThat(layout.object(ResourceKind.CERTIFICATE, "demo", "web"))
                .isEqualTo(layout.root().resolve("status/certificates/demo/web.yaml"));
        assertThat(layout.secret("demo", "web-tls")).isEqualTo(layout.root().resolve("secrets/demo/web-tls"));
        assertThat(layout.object(ResourceKind.CLUSTER_ISSUER, null, "ca"))
                .isEqualTo(layout.root().resolve("status/clusterissuers/ca.yaml"));
    }

    @Test
    void acmeKindsAreStoredWholeAtTop() {
        StateLayout layout = new StateLayout(work.resolve("state"));

        assertThat(layout.object(ResourceKind.ORDER, "demo", "web-1-1"))
                .isEqualTo(layout.root().resolve("orders/demo/web-1-1.yaml"));
        assertThat(layout.object(ResourceKind.CHALLENGE, "demo", "web-1-1-2"))
                .isEqualTo(layout.root().resolve("challenges/demo/web-1-1-2.yaml"));
    }

    @Test
    void storedStateRejectsClimbingNamespace() {
        StoredState stored = new StoredState(new StateLayout(work.resolve("state")));

        assertThatThrownBy(() -> stored.list(ResourceKind.CERTIFICATE, "../.."))
                .isInstanceOf(StateLayout.PathOutsideStateException.class);
        assertThatThrownBy(() -> stored.secret("demo", "../../../lock"))
                .isInstanceOf(StateLayout.PathOutsideStateException.class);
    }

    @Test
    void manifestWithClimbingSecretNameIsRejected() throws IOException {
        StateLayout layout = new StateLayout(work.resolve("state"));
        InMemoryCluster cluster = new InMemoryCluster(new MutableClock(Instant.parse("2026-01-01T00:00:00Z")));
        ManifestSync sync = new ManifestSync(cluster, layout, new ManifestChecks());
        Certificate certificate = new Certificate();
        certificate.getMetadata().setNamespace("default");
        certificate.getMetadata().setName("escape");
        certificate.setSpec(new CertificateSpec().withSecretName("../../../../escaped")
                .withDnsNames(List.of("a.example.com"))
                .withIssuerRef(new IssuerReference().withName("ca")));
        ManifestObject manifest = new ManifestObject(Path.of("escape.yaml"), 1, ResourceKind.CERTIFICATE, certificate);

        List<InputProblem> problems = sync.apply(List.of(manifest), Set.of(), Set.of());

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.object()).isEqualTo("Certificate default/escape");
            assertThat(problem.field()).isEqualTo("spec.secretName");
            assertThat(problem.message()).contains("outside");
        });
        assertThat(cluster.get(ResourceKind.CERTIFICATE, "default", "escape")).isEmpty();
        try (Stream<Path> files = Files.list(work)) {
            assertThat(files).extracting(path -> path.getFileName().toString()).containsOnly("state");
        }
    }
}
