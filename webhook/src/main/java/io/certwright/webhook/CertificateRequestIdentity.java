package io.certwright.webhook;

import io.certwright.api.Json;
import io.certwright.api.model.CertificateRequest;
import io.certwright.api.model.CertificateRequestSpec;
import io.certwright.api.validation.FieldError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Records who created a CertificateRequest. On CREATE the mutating webhook writes the requester's
 * user name, UID, groups and extra attributes into {@code spec.username}, {@code spec.uid},
 * {@code spec.groups} and {@code spec.extra}; the validating webhook then checks that they equal
 * the requester, and on UPDATE that they did not change. Approvers and policy engines rely on these
 * fields, so a client must not be able to claim another identity.
 */
final class CertificateRequestIdentity implements ValidationPlugin {

    /** Returns whether the request is a CertificateRequest CREATE, the only request this plugin mutates. */
    static boolean mutates(AdmissionRequest request) {
        return isCertificateRequest(request) && request.operation() == Operation.CREATE && request.object() != null;
    }

    /**
     * Builds the JSONPatch that sets the identity fields from the request's user. {@code spec.extra}
     * is replaced, and removed when the user has no extra attributes.
     */
    static String patch(AdmissionRequest request) {
        UserInfo user = request.userInfo();
        JsonNode spec = request.object().get("spec");
        ArrayNode operations = Json.json().createArrayNode();
        if (spec == null || !spec.isObject()) {
            add(operations, "/spec", Json.json().createObjectNode());
        }
        add(operations, "/spec/uid", Json.json().getNodeFactory().stringNode(user.uid()));
        add(operations, "/spec/username", Json.json().getNodeFactory().stringNode(user.username()));
        ArrayNode groups = Json.json().createArrayNode();
        user.groups().forEach(groups::add);
        add(operations, "/spec/groups", groups);
        boolean hasExtra = spec != null && spec.isObject() && spec.has("extra");
        if (!user.extra().isEmpty()) {
            add(operations, "/spec/extra", Json.json().valueToTree(user.extra()));
        } else if (hasExtra) {
            ObjectNode remove = operations.addObject();
            remove.put("op", "remove");
            remove.put("path", "/spec/extra");
        }
        return Json.json().writeValueAsString(operations);
    }

    private static void add(ArrayNode operations, String path, JsonNode value) {
        ObjectNode operation = operations.addObject();
        operation.put("op", "add");
        operation.put("path", path);
        operation.set("value", value);
    }

    @Override
    public Verdict validate(AdmissionRequest request, AdmissionObjects objects) {
        if (!isCertificateRequest(request)) {
            return Verdict.NONE;
        }
        CertificateRequestSpec spec = spec(objects.current(CertificateRequest.class));
        if (request.operation() == Operation.CREATE) {
            return Verdict.of(validateCreate(spec, request.userInfo()));
        }
        if (request.operation() == Operation.UPDATE && objects.previous() != null) {
            return Verdict.of(validateUpdate(spec(objects.previous(CertificateRequest.class)), spec));
        }
        return Verdict.NONE;
    }

    private static List<FieldError> validateCreate(CertificateRequestSpec spec, UserInfo user) {
        List<FieldError> errors = new ArrayList<>();
        if (!text(spec.getUid()).equals(user.uid())) {
            errors.add(FieldError.forbidden("spec.uid", "uid identity must be that of the requester"));
        }
        if (!text(spec.getUsername()).equals(user.username())) {
            errors.add(FieldError.forbidden("spec.username", "username identity must be that of the requester"));
        }
        if (!equalUnsorted(spec.getGroups(), user.groups())) {
            errors.add(FieldError.forbidden("spec.groups", "groups identity must be that of the requester"));
        }
        if (!extrasEqual(spec.getExtra(), user.extra())) {
            errors.add(FieldError.forbidden("spec.extra", "extra identity must be that of the requester"));
        }
        return errors;
    }

    private static List<FieldError> validateUpdate(CertificateRequestSpec previous, CertificateRequestSpec current) {
        List<FieldError> errors = new ArrayList<>();
        if (!text(previous.getUid()).equals(text(current.getUid()))) {
            errors.add(FieldError.forbidden("spec.uid", "uid identity cannot be changed once set"));
        }
        if (!text(previous.getUsername()).equals(text(current.getUsername()))) {
            errors.add(FieldError.forbidden("spec.username", "username identity cannot be changed once set"));
        }
        if (!equalUnsorted(previous.getGroups(), current.getGroups())) {
            errors.add(FieldError.forbidden("spec.groups", "groups identity cannot be changed once set"));
        }
        if (!Objects.equals(emptyToNull(previous.getExtra()), emptyToNull(current.getExtra()))) {
            errors.add(FieldError.forbidden("spec.extra", "extra identity cannot be changed once set"));
        }
        return errors;
    }

    private static boolean isCertificateRequest(AdmissionRequest request) {
        return request.resource().is(AdmissionObjects.CERT_MANAGER_GROUP, "certificaterequests");
    }

    private static CertificateRequestSpec spec(CertificateRequest request) {
        return request.getSpec() == null ? new CertificateRequestSpec() : request.getSpec();
    }

    private static boolean extrasEqual(Map<String, List<String>> spec, Map<String, List<String>> user) {
        Map<String, List<String>> specExtra = spec == null ? Map.of() : spec;
        if (specExtra.size() != user.size()) {
            return false;
        }
        for (Map.Entry<String, List<String>> entry : specExtra.entrySet()) {
            if (!user.containsKey(entry.getKey()) || !equalUnsorted(entry.getValue(), user.get(entry.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** Compares two string lists as multisets, treating null as empty. */
    static boolean equalUnsorted(List<String> a, List<String> b) {
        List<String> left = a == null ? List.of() : a;
        List<String> right = b == null ? List.of() : b;
        if (left.size() != right.size()) {
            return false;
        }
        Map<String, Integer> counts = new HashMap<>();
        left.forEach(value -> counts.merge(value, 1, Integer::sum));
        for (String value : right) {
            Integer count = counts.get(value);
            if (count == null || count == 0) {
                return false;
            }
            counts.put(value, count - 1);
        }
        return true;
    }

    private static Map<String, List<String>> emptyToNull(Map<String, List<String>> map) {
        return map == null || map.isEmpty() ? null : map;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
