package io.certwright.core.controller;

import static io.certwright.core.testing.Fixtures.certificate;
import static io.certwright.core.testing.Fixtures.clusterIssuer;
import static io.certwright.core.testing.Fixtures.inNamespace;
import static io.certwright.core.testing.Fixtures.issuer;
import static io.certwright.core.testing.Fixtures.withCa;
import static io.certwright.core.testing.Fixtures.withSecretName;
import static org.assertj.core.api.Assertions.assertThat;

import io.certwright.api.model.ACMEChallengeSolver;
import io.certwright.api.model.ACMEExternalAccountBinding;
import io.certwright.api.model.ACMEIssuer;
import io.certwright.api.model.Certificate;
import io.certwright.api.model.CertificateRequest;
import io.certwright.api.model.CertificateRequestSpec;
import io.certwright.api.model.Challenge;
import io.certwright.api.model.ClusterIssuer;
import io.certwright.api.model.Issuer;
import io.certwright.api.model.IssuerReference;
import io.certwright.api.model.Order;
import io.certwright.api.model.SecretKeySelector;
import io.certwright.core.ControllerOptions;
import io.certwright.core.cluster.InMemoryCluster;
import io.certwright.core.cluster.ObjectKey;
import io.certwright.core.cluster.ResourceKind;
import io.certwright.core.time.MutableClock;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyMappersTest {
    private final InMemoryCluster cluster = new InMemoryCluster(new MutableClock(Instant.parse("2026-01-01T00:00:00Z")));
    private final ControllerOptions options = ControllerOptions.defaults().withClusterResourceNamespace("cert-manager");

    @Test
    void selfMapsOwnKindOnly() {
        KeyMapper mapper = KeyMappers.self(ResourceKind.CERTIFICATE);

        assertThat(mapper.keysFor(ResourceKind.CERTIFICATE, certificate("web")))
                .containsExactly(new ObjectKey("default", "web"));
        assertThat(mapper.keysFor(ResourceKind.SECRET, secret("default", "web"))).isEmpty();
    }

    @Test
    void controllerOwnerMapsToOwningCertificate() {
        CertificateRequest request = request("default", "web-1", "ca", "Issuer");
        request.getMetadata().setOwnerReferences(List.of(owner("Certificate", "web", true),
                owner("Certificate", "not-controller", false), owner("Other", "wrong-kind", true)));

        assertThat(KeyMappers.controllerOwner(ResourceKind.CERTIFICATE_REQUEST, "Certificate")
                .keysFor(ResourceKind.CERTIFICATE_REQUEST, request))
                .containsExactly(new ObjectKey("default", "web"));
    }

    @Test
    void secretMapsToCertificatesNamingIt() {
        cluster.create(ResourceKind.CERTIFICATE, certificate("web", withSecretName("shared")));
        cluster.create(ResourceKind.CERTIFICATE, certificate("api", withSecretName("shared")));
        cluster.create(ResourceKind.CERTIFICATE, certificate("other", withSecretName("different")));
        cluster.create(ResourceKind.CERTIFICATE, certificate("elsewhere", inNamespace("prod"), withSecretName("shared")));

        assertThat(KeyMappers.certificatesReferencingSecret(cluster)
                .keysFor(ResourceKind.SECRET, secret("default", "shared")))
                .containsExactlyInAnyOrder(new ObjectKey("default", "web"), new ObjectKey("default", "api"));
    }

    @Test
    void issuerMapsToRequestsInItsNamespace() {
        cluster.create(ResourceKind.CERTIFICATE_REQUEST, request("default", "empty-kind", "ca", ""));
        cluster.create(ResourceKind.CERTIFICATE_REQUEST, request("default", "explicit", "ca", "Issuer"));
        cluster.create(ResourceKind.CERTIFICATE_REQUEST, request("default", "cluster", "ca", "ClusterIssuer"));
        cluster.create(ResourceKind.CERTIFICATE_REQUEST, request("prod", "other-namespace", "ca", "Issuer"));
        Issuer ca = issuer("ca", withCa("ca-key-pair"));

        assertThat(KeyMappers.requestsReferencingIssuer(cluster).keysFor(ResourceKind.ISSUER, ca))
                .containsExactlyInAnyOrder(new ObjectKey("default", "empty-kind"), new ObjectKey("default", "explicit"));
    }

    @Test
    void clusterIssuerMapsToRequestsInAllNamespaces() {
        cluster.create(ResourceKind.CERTIFICATE_REQUEST, request("default", "namespaced", "ca", "Issuer"));
        cluster.create(ResourceKind.CERTIFICATE_REQUEST, request("default", "cluster", "ca", "ClusterIssuer"));
        cluster.create(ResourceKind.CERTIFICATE_REQUEST, request("prod", "cluster-prod", "ca", "ClusterIssuer"));
        ClusterIssuer ca = clusterIssuer("ca", withCa("ca-key-pair"));

        assertThat(KeyMappers.requestsReferencingIssuer(cluster).keysFor(ResourceKind.CLUSTER_ISSUER, ca))
                .containsExactlyInAnyOrder(new ObjectKey("default", "cluster"), new ObjectKey("prod", "cluster-prod"));
    }

    @Test
    void requestForeignGroupIsIgnored() {
        CertificateRequest external = request("default", "external", "ca", "Issuer");
        external.getSpec().getIssuerRef().setGroup("example.com");
        cluster.create(ResourceKind.CERTIFICATE_REQUEST, external);

        assertThat(KeyMappers.requestsReferencingIssuer(cluster).keysFor(ResourceKind.ISSUER, issuer("ca"))).isEmpty();
    }

    @Test
    void caSecretMapsToIssuersInItsNamespace() {
        cluster.create(ResourceKind.ISSUER, issuer("ca", withCa("ca-key-pair")));
        cluster.create(ResourceKind.ISSUER, issuer("other", withCa("other-pair")));
        cluster.create(ResourceKind.CLUSTER_ISSUER, clusterIssuer("cluster-ca", withCa("ca-key-pair")));

        assertThat(KeyMappers.issuersReferencingSecret(cluster, options)
                .keysFor(ResourceKind.SECRET, secret("default", "ca-key-pair")))
                .containsExactly(new ObjectKey("default", "ca"));
    }

    @Test
    void clusterIssuerSecretMapsToClusterIssuers() {
        cluster.create(ResourceKind.CLUSTER_ISSUER, clusterIssuer("cluster-ca", withCa("ca-key-pair")));

        assertThat(KeyMappers.issuersReferencingSecret(cluster, options)
                .keysFor(ResourceKind.SECRET, secret("cert-manager", "ca-key-pair")))
                .containsExactly(new ObjectKey(null, "cluster-ca"));
    }

    @Test
    void acmeAccountKeySecretMapsToClusterIssuer() {
        cluster.create(ResourceKind.CLUSTER_ISSUER, clusterIssuer("letsencrypt", issuer -> ((ClusterIssuer) issuer)
                .getSpec().setAcme(new ACMEIssuer().withServer("https://acme.test/dir")
                        .withPrivateKeySecretRef(new SecretKeySelector().withName("letsencrypt-account")))));

        assertThat(KeyMappers.issuersReferencingSecret(cluster, options)
                .keysFor(ResourceKind.SECRET, secret("cert-manager", "letsencrypt-account")))
                .containsExactly(new ObjectKey(null, "letsencrypt"));
    }

    @Test
    void externalAccountBindingSecretMapsToClusterIssuer() {
        ACMEExternalAccountBinding binding = new ACMEExternalAccountBinding();
        binding.setKeyID("kid-1");
        binding.setKeySecretRef(new SecretKeySelector().withName("eab-hmac").withKey("secret"));
        cluster.create(ResourceKind.CLUSTER_ISSUER, clusterIssuer("letsencrypt", issuer -> {
            ACMEIssuer acme = new ACMEIssuer().withServer("https://acme.test/dir")
                    .withPrivateKeySecretRef(new SecretKeySelector().withName("letsencrypt-account"));
            acme.setExternalAccountBinding(binding);
            ((ClusterIssuer) issuer).getSpec().setAcme(acme);
        }));

        assertThat(KeyMappers.issuersReferencingSecret(cluster, options)
                .keysFor(ResourceKind.SECRET, secret("cert-manager", "eab-hmac")))
                .containsExactly(new ObjectKey(null, "letsencrypt"));
    }

    @Test
    void dns01SolverSecretMapsToClusterIssuer() {
        cluster.create(ResourceKind.CLUSTER_ISSUER, clusterIssuer("letsencrypt", issuer -> {
            ACMEIssuer acme = new ACMEIssuer().withServer("https://acme.test/dir")
                    .withPrivateKeySecretRef(new SecretKeySelector().withName("letsencrypt-account"));
            ACMEChallengeSolver solver = new ACMEChallengeSolver();
            solver.setDns01(Map.of("rfc2136", Map.of("nameserver", "127.0.0.1:53",
                    "tsigSecretSecretRef", Map.of("name", "tsig", "key", "secret"))));
            acme.setSolvers(List.of(solver));
            ((ClusterIssuer) issuer).getSpec().setAcme(acme);
        }));

        assertThat(KeyMappers.issuersReferencingSecret(cluster, options)
                .keysFor(ResourceKind.SECRET, secret("cert-manager", "tsig")))
                .containsExactly(new ObjectKey(null, "letsencrypt"));
        assertThat(KeyMappers.issuersReferencingSecret(cluster, options)
                .keysFor(ResourceKind.SECRET, secret("cert-manager", "unrelated"))).isEmpty();
    }

    @Test
    void challengeMapsToOwnerOrder() {
        Challenge challenge = new Challenge();
        challenge.getMetadata().setNamespace("demo");
        challenge.getMetadata().setName("web-1-1-2");
        challenge.getMetadata().setOwnerReferences(List.of(new OwnerReferenceBuilder().withKind(Order.KIND)
                .withName("web-1-1").withController(true).build()));

        assertThat(KeyMappers.controllerOwner(ResourceKind.CHALLENGE, Order.KIND)
                .keysFor(ResourceKind.CHALLENGE, challenge))
                .containsExactly(new ObjectKey("demo", "web-1-1"));
    }

    @Test
    void allUnitesWithoutDuplicates() {
        KeyMapper self = KeyMappers.self(ResourceKind.CERTIFICATE);

        assertThat(KeyMappers.all(self, self).keysFor(ResourceKind.CERTIFICATE, certificate("web")))
                .containsExactly(new ObjectKey("default", "web"));
    }

    private static Secret secret(String namespace, String name) {
        Secret secret = new Secret();
        secret.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMeta());
        secret.getMetadata().setNamespace(namespace);
        secret.getMetadata().setName(name);
        return secret;
    }

    private static CertificateRequest request(String namespace, String name, String issuerName, String issuerKind) {
        CertificateRequest request = new CertificateRequest();
        request.getMetadata().setNamespace(namespace);
        request.getMetadata().setName(name);
        request.setSpec(new CertificateRequestSpec()
                .withIssuerRef(new IssuerReference().withName(issuerName).withKind(issuerKind)));
        return request;
    }

    private static OwnerReference owner(String kind, String name, boolean controller) {
        OwnerReference reference = new OwnerReference();
        reference.setApiVersion(Certificate.API_VERSION);
        reference.setKind(kind);
        reference.setName(name);
        reference.setController(controller);
        return reference;
    }
}
