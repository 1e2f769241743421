package io.certwright.acme.client;

/**
 * A failed ACME exchange. {@link #isClientError()} returns whether the server rejected the request
 * itself with an HTTP 4xx problem document other than a rate limit or a bad nonce. Such a request
 * fails again when repeated. Any other failure is transient and worth retrying.
 */
public class AcmeClientException extends Exception {
    /** Problem type of a malformed request; cert-manager treats it on a challenge as an expired authorization. */
    public static final String MALFORMED = "urn:ietf:params:acme:error:malformed";

    private final boolean clientError;
    private final String problemType;

    public AcmeClientException(String message, boolean clientError, String problemType, Throwable cause) {
        super(message, cause);
        this.clientError = clientError;
        this.problemType = problemType;
    }

    public AcmeClientException(String message, boolean clientError, String problemType) {
        this(message, clientError, problemType, null);
    }

    public boolean isClientError() {
        return clientError;
    }

    /** Returns the RFC 8555 problem type URN, or null when the failure carried no problem document. */
    public String problemType() {
        return problemType;
    }
}
