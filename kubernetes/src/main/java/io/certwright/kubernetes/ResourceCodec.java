package io.certwright.kubernetes;

import io.certwright.api.Json;
import io.certwright.core.cluster.ResourceKind;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import tools.jackson.databind.JsonNode;

/**
 * Converts between the Certwright model classes and fabric8's {@link GenericKubernetesResource}, the
 * JSON-tree form in which the client sends and receives the cert-manager kinds.
 *
 * <p>Both directions go through {@link Json}, the mapper that also reads manifests for the local
 * runtime, so the wire format (RFC 3339 times, base64 byte fields, nulls left out) is defined in one
 * place. Every result is a new object that shares nothing with its input. The controller runtime and
 * the command-line client both use this class, so they send and read the same JSON.
 */
public final class ResourceCodec {
    private ResourceCodec() {
    }

    /** Returns the JSON tree of a model object, with apiVersion and kind set from {@code kind}. */
    public static GenericKubernetesResource toGeneric(ResourceKind<?> kind, HasMetadata object) {
        // Through serialized bytes rather than convertValue, which would keep byte[] values as Java
        // arrays inside the tree instead of the base64 strings the API server expects.
        byte[] json = Json.json().writeValueAsBytes(object);
        GenericKubernetesResource generic = Json.json().readValue(json, GenericKubernetesResource.class);
        generic.setApiVersion(ApiResources.apiVersion(kind));
        generic.setKind(kind.kind());
        return generic;
    }

    /** Returns a model object read from a JSON tree. */
    public static <T extends HasMetadata> T fromGeneric(ResourceKind<T> kind, GenericKubernetesResource generic) {
        JsonNode tree = Json.json().valueToTree(generic);
        return Json.json().treeToValue(tree, kind.type());
    }
}
