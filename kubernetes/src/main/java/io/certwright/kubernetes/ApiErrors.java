package io.certwright.kubernetes;

import io.certwright.core.cluster.ClusterException;
import io.certwright.core.cluster.ObjectKey;
import io.certwright.core.cluster.ResourceKind;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;
import java.util.stream.Collectors;

/**
 * Interprets failed API server requests: {@link #translate} maps one onto the {@link ClusterException}
 * types of the Cluster port, and {@link #serverMessage} returns the API server's own message for a
 * command-line user. Neither method makes a request or retries.
 */
public final class ApiErrors {
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
    public static ClusterException translate(KubernetesClientException error, String operation, ResourceKind<?> kind,
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

    /** Returns true when the API server responded with 404 Not Found. */
    public static boolean isNotFound(KubernetesClientException error) {
        return error.getCode() == HttpURLConnection.HTTP_NOT_FOUND;
    }

    /**
     * Returns the API server's message for a failed request, such as
     * {@code certificates.cert-manager.io "web" not found}, as kubectl and cmctl print it.
     */
    public static String serverMessage(KubernetesClientException error) {
        boolean statusHasDetails = error.getStatus() != null && error.getStatus().getDetails() != null;
        if (isNotFound(error) && !statusHasDetails) {
            // The API server returns 404 without a Status body for a path it does not serve at all, such as
            // a resource whose CRD is not installed. client-go reports that case with this sentence.
            return "the server could not find the requested resource";
        }
        if (error.getStatus() != null && error.getStatus().getMessage() != null
                && !error.getStatus().getMessage().isEmpty()) {
            return error.getStatus().getMessage();
        }
        Throwable cause = error.getCause();
        return cause != null && cause.getMessage() != null ? cause.getMessage() : error.getMessage();
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
