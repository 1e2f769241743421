package io.certwright.webhook;

import java.util.List;

/**
 * The response to one AdmissionRequest.
 *
 * @param uid the request's UID
 * @param allowed whether the API server may go on
 * @param code the HTTP status code put into {@code response.status} when denied (403 for a rejected
 *     object, 400 for a request the webhook cannot read, 500 for a failure of the webhook itself)
 * @param reason the Kubernetes status reason when denied, such as {@code Forbidden}
 * @param message the text the user sees after {@code admission webhook ... denied the request:}
 * @param warnings warnings to show even when the object is allowed
 * @param patch a JSONPatch (RFC 6902) document to apply to the object, or null for none
 */
public record AdmissionResponse(String uid, boolean allowed, int code, String reason, String message,
                                List<String> warnings, String patch) {

    public AdmissionResponse {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        message = message == null ? "" : message;
        reason = reason == null ? "" : reason;
    }

    static AdmissionResponse allow(String uid, List<String> warnings) {
        return new AdmissionResponse(uid, true, 200, "", "", warnings, null);
    }

    static AdmissionResponse allowWithPatch(String uid, String patch) {
        return new AdmissionResponse(uid, true, 200, "", "", List.of(), patch);
    }

    /** Rejects the object, as controller-runtime's {@code Denied} does: code 403, reason Forbidden. */
    static AdmissionResponse deny(String uid, String message, List<String> warnings) {
        return new AdmissionResponse(uid, false, 403, "Forbidden", message, warnings, null);
    }

    /** Reports that the webhook could not handle the request, with code 400 or 500. */
    static AdmissionResponse error(String uid, int code, String message) {
        return new AdmissionResponse(uid, false, code, "", message, List.of(), null);
    }
}
