package io.certwright.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.certwright.api.Json;
import io.certwright.api.model.Certificate;
import io.certwright.core.cluster.ClusterIndex;
import io.certwright.core.cluster.ResourceKind;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelItemStoreTest {
    private final ModelItemStore<Certificate> store = new ModelItemStore<>(ResourceKind.CERTIFICATE);

    @Test
    void putStoresModelWithoutManagedFields() {
        GenericKubernetesResource generic = generic("web", "7");

        store.put(store.getKey(generic), generic);

        Certificate stored = ModelItemStore.modelOf(store.get("team-a/web"));
        assertThat(stored.getSpec().getSecretName()).isEqualTo("web-tls");
        assertThat(stored.getMetadata().getResourceVersion()).isEqualTo("7");
        assertThat(stored.getMetadata().getManagedFields()).isNull();
    }

    @Test
    void putReturnsPreviousObjectWithItsModel() {
        store.put("team-a/web", generic("web", "7"));

        GenericKubernetesResource previous = store.put("team-a/web", generic("web", "8"));

        assertThat(previous.getMetadata().getResourceVersion()).isEqualTo("7");
        assertThat(previous.getApiVersion()).isEqualTo("cert-manager.io/v1");
        assertThat(previous.getKind()).isEqualTo("Certificate");
        Certificate previousModel = ModelItemStore.modelOf(previous);
        assertThat(previousModel.getMetadata().getResourceVersion()).isEqualTo("7");
    }

    @Test
    void storedObjectPutBackKeepsSameModel() {
        store.put("team-a/web", generic("web", "7"));
        GenericKubernetesResource stored = store.get("team-a/web");

        store.put("team-a/web", stored);

        assertThat(ModelItemStore.<Certificate>modelOf(store.get("team-a/web")))
                .isSameAs(ModelItemStore.<Certificate>modelOf(stored));
    }

    @Test
    void removeAndListingsFollowPuts() {
        store.put("team-a/web", generic("web", "7"));
        store.put("team-a/api", generic("api", "9"));

        GenericKubernetesResource removed = store.remove("team-a/web");

        assertThat(removed.getMetadata().getName()).isEqualTo("web");
        assertThat(store.size()).isEqualTo(1);
        assertThat(store.keySet()).containsExactly("team-a/api");
        assertThat(store.values()).extracting(object -> object.getMetadata().getName()).containsExactly("api");
        assertThat(store.get("team-a/web")).isNull();
    }

    @Test
    void indexesFollowPutsAndRemoves() {
        store.indexes().add(ClusterIndex.CERTIFICATES_BY_SECRET_NAME);
        store.put("team-a/web", generic("web", "7"));
        store.put("team-a/api", generic("api", "9"));

        assertThat(store.indexes().keys(ClusterIndex.CERTIFICATES_BY_SECRET_NAME, "web-tls"))
                .containsExactly("team-a/web");

        store.remove("team-a/web");

        assertThat(store.indexes().keys(ClusterIndex.CERTIFICATES_BY_SECRET_NAME, "web-tls")).isEmpty();
        assertThat(store.indexes().keys(ClusterIndex.CERTIFICATES_BY_SECRET_NAME, "api-tls"))
                .containsExactly("team-a/api");
    }

    @Test
    void modelOfForeignObjectIsRejected() {
        assertThatThrownBy(() -> ModelItemStore.modelOf(generic("web", "7")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an object of a ModelItemStore");
    }

    @Test
    void storedModelsShareEqualStrings() {
        store.put("team-a/web", parsed(generic("web", "7")));
        store.put("team-a/api", parsed(generic("api", "9")));

        Certificate web = ModelItemStore.modelOf(store.get("team-a/web"));
        Certificate api = ModelItemStore.modelOf(store.get("team-a/api"));

        assertThat(api.getMetadata().getNamespace()).isSameAs(web.getMetadata().getNamespace());
        assertThat(api.getSpec().getIssuerRef().getName()).isSameAs(web.getSpec().getIssuerRef().getName());
    }

    /** Returns the object as fabric8 delivers it: parsed from JSON, so equal strings are separate instances. */
    private static GenericKubernetesResource parsed(GenericKubernetesResource generic) {
        return Json.json().readValue(Json.json().writeValueAsString(generic), GenericKubernetesResource.class);
    }

    private static GenericKubernetesResource generic(String name, String resourceVersion) {
        Certificate certificate = TestObjects.certificate("team-a", name);
        certificate.getMetadata().setResourceVersion(resourceVersion);
        certificate.getMetadata().setManagedFields(List.of(new ManagedFieldsEntryBuilder()
                .withManager("kubectl").withOperation("Update").build()));
        return ResourceCodec.toGeneric(ResourceKind.CERTIFICATE, certificate);
    }
}
