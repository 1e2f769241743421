package io.certwright.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.certwright.core.cluster.ResourceKind;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import org.junit.jupiter.api.Test;

class ApiResourcesTest {
    @Test
    void everyKindHasAPlural() {
        for (ResourceKind<?> kind : ResourceKind.ALL) {
            assertThat(ApiResources.plural(kind)).as(kind.kind()).isEqualTo(kind.kind().toLowerCase() + "s");
        }
    }

    @Test
    void clusterIssuerContextIsClusterScoped() {
        ResourceDefinitionContext context = ApiResources.context(ResourceKind.CLUSTER_ISSUER);

        assertThat(context.getGroup()).isEqualTo("cert-manager.io");
        assertThat(context.getVersion()).isEqualTo("v1");
        assertThat(context.getPlural()).isEqualTo("clusterissuers");
        assertThat(context.isNamespaceScoped()).isFalse();
    }

    @Test
    void secretsBelongToCoreGroup() {
        assertThat(ApiResources.apiVersion(ResourceKind.SECRET)).isEqualTo("v1");
        assertThat(ApiResources.apiVersion(ResourceKind.CERTIFICATE_REQUEST)).isEqualTo("cert-manager.io/v1");
    }
}
