package io.certwright.webhook;

import tools.jackson.databind.JsonNode;

/**
 * The parts of an {@code admission.k8s.io/v1} AdmissionRequest that the admission plugins read.
 *
 * @param uid the request UID, echoed in the response
 * @param resource the resource the object is stored as, after the API server's version conversion
 * @param requestResource the resource the client addressed; equal to {@code resource} unless the
 *     webhook's matchPolicy Equivalent matched another version
 * @param subResource the subresource, such as {@code status}, or empty
 * @param requestSubResource the subresource the client addressed, or empty
 * @param name the object's name; empty on a CREATE whose name the server generates
 * @param namespace the object's namespace, empty for cluster-scoped objects
 * @param object the new object; null on DELETE
 * @param oldObject the previous object on UPDATE and DELETE, otherwise null
 * @param dryRun whether the API server will not persist the change
 */
public record AdmissionRequest(
        String uid,
        GroupVersionResource resource,
        GroupVersionResource requestResource,
        String subResource,
        String requestSubResource,
        String name,
        String namespace,
        Operation operation,
        UserInfo userInfo,
        JsonNode object,
        JsonNode oldObject,
        boolean dryRun) {

    public AdmissionRequest {
        subResource = subResource == null ? "" : subResource;
        requestSubResource = requestSubResource == null ? "" : requestSubResource;
        name = name == null ? "" : name;
        namespace = namespace == null ? "" : namespace;
        requestResource = requestResource == null ? resource : requestResource;
    }

    /** Returns a short description for logs, such as {@code UPDATE cert-manager.io/v1 certificaterequests/status demo/web}. */
    String describe() {
        String sub = subResource.isEmpty() ? "" : "/" + subResource;
        String object = namespace.isEmpty() ? name : namespace + "/" + name;
        return operation + " " + resource.group() + "/" + resource.version() + " " + resource.resource() + sub + " "
                + object;
    }
}
