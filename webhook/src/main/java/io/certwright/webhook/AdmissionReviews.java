package io.certwright.webhook;

import io.certwright.api.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads {@code admission.k8s.io/v1} AdmissionReview requests and writes their responses. The
 * response review carries the request's apiVersion, so a {@code v1beta1} review, whose fields
 * are the same, gets a {@code v1beta1} response.
 */
public final class AdmissionReviews {
    static final String API_VERSION_V1 = "admission.k8s.io/v1";
    static final String API_VERSION_V1BETA1 = "admission.k8s.io/v1beta1";
    static final String KIND = "AdmissionReview";

    private AdmissionReviews() {
    }

    /** A review the webhook cannot read. Its message names the wrong field. */
    public static final class InvalidReviewException extends Exception {
        private final String uid;
        private final String apiVersion;

        InvalidReviewException(String message, String uid, String apiVersion, Throwable cause) {
            super(message, cause);
            this.uid = uid;
            this.apiVersion = apiVersion;
        }

        /** Returns the request UID if the review had one, else an empty string. */
        public String uid() {
            return uid;
        }

        String apiVersion() {
            return apiVersion;
        }
    }

    /** A parsed review: its apiVersion and its request. */
    public record Review(String apiVersion, AdmissionRequest request) {
    }

    /** Parses an AdmissionReview body. */
    public static Review parse(byte[] body) throws InvalidReviewException {
        JsonNode root;
        try {
            root = Json.json().readTree(body);
        } catch (JacksonException e) {
            throw new InvalidReviewException("the request body is not JSON: " + e.getOriginalMessage(), "",
                    API_VERSION_V1, e);
        }
        if (root == null || !root.isObject()) {
            throw new InvalidReviewException("the request body is not a JSON object", "", API_VERSION_V1, null);
        }

        String apiVersion = text(root, "apiVersion");
        String replyVersion = API_VERSION_V1BETA1.equals(apiVersion) ? API_VERSION_V1BETA1 : API_VERSION_V1;
        JsonNode request = root.get("request");
        String uid = request == null ? "" : text(request, "uid");

        if (!API_VERSION_V1.equals(apiVersion) && !API_VERSION_V1BETA1.equals(apiVersion)) {
            throw new InvalidReviewException("unsupported AdmissionReview apiVersion \"" + apiVersion + "\"; the webhook"
                    + " reads " + API_VERSION_V1 + ", so list v1 in admissionReviewVersions", uid, replyVersion, null);
        }
        if (!KIND.equals(text(root, "kind"))) {
            throw new InvalidReviewException("the body has kind \"" + text(root, "kind") + "\", expected " + KIND, uid,
                    replyVersion, null);
        }
        if (request == null || !request.isObject()) {
            throw new InvalidReviewException("the AdmissionReview has no request", uid, replyVersion, null);
        }
        if (uid.isEmpty()) {
            throw new InvalidReviewException("the AdmissionReview request has no uid", uid, replyVersion, null);
        }

        try {
            return new Review(replyVersion, parseRequest(request, uid));
        } catch (IllegalArgumentException e) {
            throw new InvalidReviewException("invalid AdmissionReview request: " + e.getMessage(), uid, replyVersion, e);
        }
    }

    private static AdmissionRequest parseRequest(JsonNode request, String uid) {
        GroupVersionResource resource = resource(request.get("resource"));
        if (resource.resource().isEmpty()) {
            throw new IllegalArgumentException("request.resource.resource is missing");
        }
        JsonNode requestResourceNode = request.get("requestResource");
        GroupVersionResource requestResource = requestResourceNode == null || requestResourceNode.isNull()
                ? resource : resource(requestResourceNode);
        String requestSubResource = request.has("requestSubResource")
                ? text(request, "requestSubResource") : text(request, "subResource");
        return new AdmissionRequest(
                uid,
                resource,
                requestResource,
                text(request, "subResource"),
                requestSubResource,
                text(request, "name"),
                text(request, "namespace"),
                Operation.parse(text(request, "operation")),
                userInfo(request.get("userInfo")),
                objectOrNull(request.get("object")),
                objectOrNull(request.get("oldObject")),
                request.path("dryRun").asBoolean(false));
    }

    private static GroupVersionResource resource(JsonNode node) {
        if (node == null || !node.isObject()) {
            return new GroupVersionResource("", "", "");
        }
        return new GroupVersionResource(text(node, "group"), text(node, "version"), text(node, "resource"));
    }

    private static UserInfo userInfo(JsonNode node) {
        if (node == null || !node.isObject()) {
            return new UserInfo("", "", List.of(), Map.of());
        }
        Map<String, List<String>> extra = new LinkedHashMap<>();
        JsonNode extraNode = node.get("extra");
        if (extraNode != null && extraNode.isObject()) {
            for (Map.Entry<String, JsonNode> entry : extraNode.properties()) {
                extra.put(entry.getKey(), strings(entry.getValue()));
            }
        }
        return new UserInfo(text(node, "username"), text(node, "uid"), strings(node.get("groups")), extra);
    }

    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node != null && node.isArray()) {
            for (JsonNode item : node) {
                values.add(item.asString());
            }
        }
        return values;
    }

    private static JsonNode objectOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asString();
    }

    /** Writes the AdmissionReview that carries {@code response}. */
    public static byte[] write(String apiVersion, AdmissionResponse response) {
        ObjectNode root = Json.json().createObjectNode();
        root.put("apiVersion", apiVersion);
        root.put("kind", KIND);
        ObjectNode body = root.putObject("response");
        body.put("uid", response.uid());
        body.put("allowed", response.allowed());
        if (!response.allowed()) {
            ObjectNode status = body.putObject("status");
            status.putObject("metadata");
            status.put("status", "Failure");
            status.put("code", response.code());
            if (!response.reason().isEmpty()) {
                status.put("reason", response.reason());
            }
            status.put("message", response.message());
        }
        if (response.patch() != null) {
            body.put("patchType", "JSONPatch");
            body.put("patch", Base64.getEncoder().encodeToString(response.patch().getBytes(StandardCharsets.UTF_8)));
        }
        if (!response.warnings().isEmpty()) {
            var warnings = body.putArray("warnings");
            response.warnings().forEach(warnings::add);
        }
        return Json.json().writeValueAsBytes(root);
    }
}
