package io.certwright.core.certificates;

import static org.assertj.core.api.Assertions.assertThat;

import io.certwright.api.model.Certificate;
import io.certwright.core.certificates.policies.CertificateFixtures;
import io.certwright.core.cluster.ClusterIndex;
import io.certwright.core.cluster.InMemoryCluster;
import io.certwright.core.cluster.ResourceKind;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class ControlledObjectsTest {
    private final InMemoryCluster cluster = new InMemoryCluster(CertificateFixtures.CLOCK);

    private static OwnerReference reference(String name, String uid, boolean controller) {
        return new OwnerReferenceBuilder().withApiVersion("cert-manager.io/v1").withKind("Certificate")
                .withName(name).withUid(uid).withController(controller).build();
    }

    private Secret storedSecret(String name, String label, OwnerReference... references) {
        return cluster.create(ResourceKind.SECRET, new SecretBuilder()
                .withNewMetadata().withName(name).withNamespace(CertificateFixtures.NAMESPACE).addToLabels("kind", label)
                .withOwnerReferences(references).endMetadata().build());
    }

    private static List<String> names(List<Secret> secrets) {
        return secrets.stream().map(secret -> secret.getMetadata().getName()).sorted().toList();
    }

    @Test
    void listFindsControlledObjectsByUid() {
        Certificate certificate = cluster.create(ResourceKind.CERTIFICATE, CertificateFixtures.certificate());
        String name = certificate.getMetadata().getName();
        String uid = certificate.getMetadata().getUid();
        storedSecret("controlled", "a", reference(name, uid, true));
        storedSecret("rejected-by-filter", "b", reference(name, uid, true));
        storedSecret("other-uid", "a", reference(name, "another-uid", true));
        storedSecret("not-controller", "a", reference(name, uid, false));
        storedSecret("unowned", "a");

        List<Secret> listed = ControlledObjects.list(cluster, ClusterIndex.SECRETS_BY_CONTROLLER, certificate,
                secret -> "a".equals(secret.getMetadata().getLabels().get("kind")));

        assertThat(uid).isNotEmpty();
        assertThat(names(listed)).containsExactly("controlled");
    }

    @Test
    void listMatchesByNameWithoutUid() {
        Certificate certificate = CertificateFixtures.certificate();
        certificate.getMetadata().setUid(null);
        String name = certificate.getMetadata().getName();
        storedSecret("same-name", "a", reference(name, "any-uid", true));
        storedSecret("other-name", "a", reference("other", "any-uid", true));

        List<Secret> listed = ControlledObjects.list(cluster, ClusterIndex.SECRETS_BY_CONTROLLER, certificate,
                secret -> true);

        assertThat(names(listed)).containsExactly("same-name");
    }

    @Test
    void onlyFirstControllerReferenceCounts() {
        Certificate certificate = cluster.create(ResourceKind.CERTIFICATE, CertificateFixtures.certificate());
        String name = certificate.getMetadata().getName();
        Secret secret = storedSecret("two-controllers", "a", reference(name, "another-uid", true),
                reference(name, certificate.getMetadata().getUid(), true));

        assertThat(ControlledObjects.isControlledBy(secret, certificate)).isFalse();
    }
}
