package io.certwright.webhook;

import io.certwright.api.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Builders of AdmissionReview bodies and readers of the webhook's responses, for tests. */
final class Reviews {
    static final UserInfo ALICE = new UserInfo("alice", "uid-alice", List.of("team-a", "system:authenticated"),
            Map.of());

    private Reviews() {
    }

    /** Returns an AdmissionReview body for {@code object} (YAML) sent to {@code resource} by {@code user}. */
    static byte[] review(String operation, String group, String resource, String subResource, String namespace,
                         String objectYaml, String oldObjectYaml, UserInfo user) {
        ObjectNode root = Json.json().createObjectNode();
        root.put("apiVersion", "admission.k8s.io/v1");
        root.put("kind", "AdmissionReview");
        ObjectNode request = root.putObject("request");
        request.put("uid", "0df28fbd-5f5f-11e8-9e1c-123456789abc");
        ObjectNode gvr = request.putObject("resource");
        gvr.put("group", group);
        gvr.put("version", "v1");
        gvr.put("resource", resource);
        request.set("requestResource", gvr.deepCopy());
        if (subResource != null) {
            request.put("subResource", subResource);
            request.put("requestSubResource", subResource);
        }
        request.put("namespace", namespace);
        request.put("operation", operation);
        request.set("userInfo", Json.json().valueToTree(Map.of("username", user.username(), "uid", user.uid(),
                "groups", user.groups(), "extra", user.extra())));
        if (objectYaml != null) {
            request.set("object", Json.yaml().readTree(objectYaml));
        }
        if (oldObjectYaml != null) {
            request.set("oldObject", Json.yaml().readTree(oldObjectYaml));
        }
        return Json.json().writeValueAsBytes(root);
    }

    static AdmissionRequest parse(byte[] body) throws AdmissionReviews.InvalidReviewException {
        return AdmissionReviews.parse(body).request();
    }

    /** Returns the {@code response} object of the review the webhook writes for {@code response}. */
    static JsonNode written(AdmissionResponse response) {
        return Json.json().readTree(AdmissionReviews.write("admission.k8s.io/v1", response)).get("response");
    }

    static JsonNode patch(JsonNode response) {
        byte[] decoded = Base64.getDecoder().decode(response.get("patch").asString());
        return Json.json().readTree(new String(decoded, StandardCharsets.UTF_8));
    }
}
