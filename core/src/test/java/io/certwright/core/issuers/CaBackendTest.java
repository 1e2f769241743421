package io.certwright.core.issuers;

import static io.certwright.core.issuers.CaFixtures.keyPem;
import static io.certwright.core.issuers.CaFixtures.pem;
import static io.certwright.core.issuers.CaFixtures.secret;
import static org.assertj.core.api.Assertions.assertThat;

import io.certwright.api.model.CertificateRequest;
import io.certwright.api.model.Issuer;
import io.certwright.core.ControllerOptions;
import io.certwright.core.cluster.Cluster;
import io.certwright.core.cluster.ClusterException;
import io.certwright.core.cluster.ForwardingCluster;
import io.certwright.core.cluster.InMemoryCluster;
import io.certwright.core.cluster.ResourceKind;
import io.certwright.core.testing.Fixtures;
import io.certwright.core.time.MutableClock;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Signing paths of the CA backend that an issuer controller never lets through while the Secret is broken. */
class CaBackendTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final String NS = "demo";

    private final MutableClock clock = new MutableClock(NOW);
    private final InMemoryCluster cluster = new InMemoryCluster(clock);
    private final CaFixtures.KeyedCertificate root = CaFixtures.root("Root CA", NOW);
    private final Issuer issuer = Fixtures.issuer("ca", Fixtures.inNamespace(NS), Fixtures.withCa("ca-key-pair"));
    private final IssuerContext context = IssuerContext.of(issuer, ControllerOptions.defaults());
    private final CertificateRequest request = CaFixtures.request(NS, "leaf-1", "ca", "Issuer",
            CaFixtures.leafCsr("leaf.example.com", CaFixtures.newKey()));

    @Test
    void missingSecretIsPending() {
        SignResult result = new CaBackend(cluster, clock).sign(request, context);

        assertThat(result).isInstanceOf(SignResult.Pending.class);
        SignResult.Pending pending = (SignResult.Pending) result;
        assertThat(pending.reason()).isEqualTo("SecretMissing");
        assertThat(pending.message()).startsWith("Referenced secret demo/ca-key-pair not found");
        assertThat(pending.retry()).isFalse();
    }

    @Test
    void truncatedCertificateIsInvalidData() {
        String certificate = pem(root.certificate());
        cluster.create(ResourceKind.SECRET, secret(NS, "ca-key-pair", certificate.substring(0, 200),
                keyPem(root.keyPair()), null));

        SignResult.Pending pending = (SignResult.Pending) new CaBackend(cluster, clock).sign(request, context);

        assertThat(pending.reason()).isEqualTo("SecretInvalidData");
        assertThat(pending.message()).startsWith("Failed to parse signing CA keypair from secret demo/ca-key-pair: ")
                .contains("tls.crt").contains("truncated");
    }

    @Test
    void mismatchedKeyIsInvalidData() {
        cluster.create(ResourceKind.SECRET, secret(NS, "ca-key-pair", pem(root.certificate()),
                keyPem(CaFixtures.newKey()), null));

        SignResult.Pending pending = (SignResult.Pending) new CaBackend(cluster, clock).sign(request, context);

        assertThat(pending.reason()).isEqualTo("SecretInvalidData");
        assertThat(pending.message()).contains("the private key in tls.key of Secret demo/ca-key-pair does not match"
                + " the first certificate in tls.crt");
    }

    @Test
    void truncatedCaCertIsInvalidData() {
        cluster.create(ResourceKind.SECRET, secret(NS, "ca-key-pair", pem(root.certificate()),
                keyPem(root.keyPair()), pem(root.certificate()).substring(0, 100)));

        SignResult.Pending pending = (SignResult.Pending) new CaBackend(cluster, clock).sign(request, context);

        assertThat(pending.reason()).isEqualTo("SecretInvalidData");
        assertThat(pending.message()).contains("ca.crt");
    }

    @Test
    void unreadableSecretIsRetried() {
        Cluster failing = new FailingSecretReads(cluster);

        SignResult.Pending pending = (SignResult.Pending) new CaBackend(failing, clock).sign(request, context);

        assertThat(pending.reason()).isEqualTo("SecretGetError");
        assertThat(pending.message()).startsWith("Failed to get certificate key pair from secret demo/ca-key-pair");
        assertThat(pending.retry()).isTrue();
    }

    @Test
    void caRequestingOwnKeyFailsSigning() {
        cluster.create(ResourceKind.SECRET, secret(NS, "ca-key-pair", pem(root.certificate()),
                keyPem(root.keyPair()), null));
        CertificateRequest ownKey = CaFixtures.request(NS, "leaf-1", "ca", "Issuer",
                CaFixtures.leafCsr("leaf.example.com", root.keyPair()));

        SignResult result = new CaBackend(cluster, clock).sign(ownKey, context);

        assertThat(result).isInstanceOf(SignResult.Failed.class);
        assertThat(((SignResult.Failed) result).reason()).isEqualTo("SigningError");
        assertThat(((SignResult.Failed) result).message()).startsWith("Error signing certificate: ");
    }

    @Test
    void invalidDurationFailsTemplate() {
        cluster.create(ResourceKind.SECRET, secret(NS, "ca-key-pair", pem(root.certificate()),
                keyPem(root.keyPair()), null));
        request.getSpec().setDuration("90d");

        SignResult.Failed failed = (SignResult.Failed) new CaBackend(cluster, clock).sign(request, context);

        assertThat(failed.reason()).isEqualTo("SigningError");
        assertThat(failed.message()).contains("spec.duration \"90d\"");
    }

    /** Delegates to a real cluster but fails every Secret read, as an unreachable API server would. */
    private static final class FailingSecretReads extends ForwardingCluster {
        FailingSecretReads(Cluster delegate) {
            super(delegate);
        }

        @Override
        public <T extends HasMetadata> Optional<T> get(ResourceKind<T> kind, String namespace, String name) {
            if (kind == ResourceKind.SECRET) {
                throw new ClusterException("connection refused");
            }
            return super.get(kind, namespace, name);
        }
    }
}
