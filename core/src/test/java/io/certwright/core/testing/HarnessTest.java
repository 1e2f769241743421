package io.certwright.core.testing;

import static io.certwright.core.testing.Fixtures.certificate;
import static io.certwright.core.testing.Fixtures.inNamespace;
import static io.certwright.core.testing.Fixtures.withDnsNames;
import static io.certwright.core.testing.Fixtures.withIssuer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.certwright.api.model.Certificate;
import io.certwright.core.cluster.EventRecorder;
import io.certwright.core.cluster.ObjectKey;
import io.certwright.core.cluster.ResourceKind;
import io.certwright.core.controller.ControllerDefinition;
import io.certwright.core.controller.KeyMappers;
import io.certwright.core.controller.RateLimit;
import io.certwright.core.controller.Result;
import io.fabric8.kubernetes.api.model.Secret;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HarnessTest {
    private static final String CERTIFICATE_YAML = """
            apiVersion: cert-manager.io/v1
            kind: Certificate
            metadata:
              name: web
            spec:
              secretName: web-tls
              dnsNames: [a.example.com]
              issuerRef:
                name: ca
                kind: ClusterIssuer
            ---
            apiVersion: v1
            kind: Secret
            metadata:
              name: unrelated
              namespace: demo
            stringData:
              key: value
            """;

    /** Copies a Certificate's first DNS name into a Secret named after spec.secretName, every hour. */
    private static final class ToyController {
        final List<Instant> runs = new ArrayList<>();

        void register(Harness harness) {
            EventRecorder events = harness.cluster().events("toy");
            harness.manager().register(new ControllerDefinition("toy", key -> {
                runs.add(harness.clock().instant());
                Certificate certificate = harness.cluster().get(ResourceKind.CERTIFICATE, key.namespace(), key.name())
                        .orElse(null);
                if (certificate == null) {
                    return Result.done();
                }
                Secret secret = new Secret();
                secret.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMeta());
                secret.getMetadata().setNamespace(key.namespace());
                secret.getMetadata().setName(certificate.getSpec().getSecretName());
                secret.setData(Map.of("name", certificate.getSpec().getDnsNames().get(0)));
                harness.cluster().applySecret(secret, "toy");
                events.record(certificate, EventRecorder.NORMAL, "Copied", "Copied the first DNS name");
                return Result.requeueAfter(Duration.ofHours(1));
            }, RateLimit.CERTIFICATES, KeyMappers.self(ResourceKind.CERTIFICATE)));
        }
    }

    private final ToyController toy = new ToyController();
    private final Harness harness = Harness.create(toy::register);

    @Test
    void clockStartsAtNewYear2026() {
        assertThat(harness.clock().instant()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void clusterResourceNamespaceIsCertManager() {
        assertThat(harness.options().clusterResourceNamespace()).isEqualTo("cert-manager");
    }

    @Test
    void applyReadsMultiDocumentYamlWithDefaultNamespace() {
        harness.apply(CERTIFICATE_YAML);

        assertThat(harness.certificate("default", "web").getSpec().getDnsNames()).containsExactly("a.example.com");
        assertThat(harness.secret("demo", "unrelated").getData()).containsEntry("key", "dmFsdWU=");
    }

    @Test
    void applyUpdatesExistingObjects() {
        harness.apply(CERTIFICATE_YAML);

        harness.apply(CERTIFICATE_YAML.replace("a.example.com", "b.example.com"));

        Certificate updated = harness.certificate("default", "web");
        assertThat(updated.getSpec().getDnsNames()).containsExactly("b.example.com");
        assertThat(updated.getMetadata().getGeneration()).isEqualTo(2L);
    }

    @Test
    void applyWritesStatusFromYaml() {
        harness.apply(CERTIFICATE_YAML + """
                ---
                apiVersion: cert-manager.io/v1
                kind: Certificate
                metadata:
                  name: with-status
                spec:
                  secretName: s
                  issuerRef: {name: ca}
                status:
                  revision: 3
                """);

        assertThat(harness.certificate("default", "with-status").getStatus().getRevision()).isEqualTo(3);
    }

    @Test
    void applyRejectsUnknownKind() {
        assertThatThrownBy(() -> harness.apply("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ConfigMap");
    }

    @Test
    void settleRunsController() {
        harness.apply(CERTIFICATE_YAML);

        harness.settle();

        assertThat(harness.secret("default", "web-tls").getData()).containsEntry("name", "a.example.com");
        assertThat(harness.eventReasons(harness.certificate("default", "web"))).containsExactly("Copied");
    }

    @Test
    void advanceFiresEveryDelayedRunOnTime() {
        harness.apply(CERTIFICATE_YAML);
        harness.settle();

        harness.advance(Duration.ofHours(3).plusMinutes(30));

        Instant start = Harness.START;
        assertThat(toy.runs).containsExactly(start, start.plus(Duration.ofHours(1)), start.plus(Duration.ofHours(2)),
                start.plus(Duration.ofHours(3)));
        assertThat(harness.clock().instant()).isEqualTo(start.plus(Duration.ofHours(3).plusMinutes(30)));
    }

    @Test
    void eventsFoldRepeats() {
        harness.apply(CERTIFICATE_YAML);
        harness.advance(Duration.ofHours(2));

        assertThat(harness.events(ResourceKind.CERTIFICATE, "default", "web").get(0).count()).isEqualTo(3);
    }

    @Test
    void certificateOfMissingObjectFailsWithName() {
        assertThatThrownBy(() -> harness.certificate("default", "missing"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("default/missing");
    }

    @Test
    void fixturesBuildCertificateFromOptions() {
        Certificate built = certificate("web", inNamespace("demo"), withDnsNames("a.example.com"),
                withIssuer("ca", "ClusterIssuer"));

        harness.apply(built);
        harness.settle();

        assertThat(harness.certificate("demo", "web").getSpec().getIssuerRef().getKind()).isEqualTo("ClusterIssuer");
        assertThat(harness.secret("demo", "web-tls")).isNotNull();
    }

    @Test
    void createWithControllerSetRegistersThem() {
        List<ObjectKey> seen = new ArrayList<>();
        Harness withSet = Harness.create((manager, cluster, options, clock) -> manager.register(
                new ControllerDefinition("set", key -> {
                    seen.add(key);
                    return Result.done();
                }, RateLimit.DEFAULT, KeyMappers.self(ResourceKind.CERTIFICATE))));

        withSet.apply(certificate("web"));
        withSet.settle();

        assertThat(seen).containsExactly(new ObjectKey("default", "web"));
    }
}
