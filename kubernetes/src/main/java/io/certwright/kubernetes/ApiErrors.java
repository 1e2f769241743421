package io.certwright.kubernetes;

import io.certwright.core.cluster.ClusterException;
import io.certwright.core.cluster.ObjectKey;
import io.certwright.core.cluster.ResourceKind;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;
import java.util.stream.Collectors;

/** Maps API server errors onto the {@link ClusterException} types of the Cluster port. */
final class ApiErrors {
    /** HTTP status the API server returns for a write that fails validation. */
    static final int UNPROCESSABLE_ENTITY = 422;

    private static final String REASON_ALREADY_EXISTS = "AlreadyExists";

    private ApiErrors() {
    }

    /**
     * Returns the port's exception for a failed request.
     *
     * @param operation the verb, e.g. {@code update}, for the message
     */
    static ClusterException translate(KubernetesClientException error, String operation, ResourceKind<?> kind,
            ObjectKey key) {
        String subject = kind.kind() + " " + key;
        String detail = detail(error);
        switch (error.getCode()) {
            case HttpURLConnection.HTTP_NOT_FOUND:
                return new ClusterException.NotFound(operation + " " + subject + " failed: not found (" + detail + ")");
            case HttpURLConnection.HTTP_CONFLICT:
                if (REASON_ALREADY_EXISTS.equals(reason(error))) {
                    return new ClusterException.AlreadyExists(operation + " " + subject + " failed: it already exists");
                }
                return new ClusterException.Conflict(operation + " " + subject
                        + " failed: the object was modified since it was read (" + detail
                        + "); read the latest version and try again");
            case UNPROCESSABLE_ENTITY:
                return new ClusterException.Invalid(operation + " " + subject + " failed: invalid: " + detail);
            default:
                return new ClusterException(operation + " " + subject + " failed: HTTP " + error.getCode() + ": "
                        + detail, error);
        }
    }

    static boolean isNotFound(KubernetesClientException error) {
        return error.getCode() == HttpURLConnection.HTTP_NOT_FOUND;
    }

    private static String reason(KubernetesClientException error) {
        Status status = error.getStatus();
        return status == null ? null : status.getReason();
    }

    /** Returns the API server's message, followed by its field causes when it lists any. */
    private static String detail(KubernetesClientException error) {
        Status status = error.getStatus();
        if (status == null || status.getMessage() == null) {
            return error.getMessage();
        }
        if (status.getDetails() == null || status.getDetails().getCauses() == null
                || status.getDetails().getCauses().isEmpty() || status.getMessage().contains(":")) {
            return status.getMessage();
        }
        return status.getMessage() + ": " + status.getDetails().getCauses().stream()
                .map(ApiErrors::describe)
                .collect(Collectors.joining("; "));
    }

    private static String describe(StatusCause cause) {
        return cause.getField() == null ? cause.getMessage() : cause.getField() + ": " + cause.getMessage();
    }
}
