package io.certwright.core.certificates.ari;

/**
 * A failed renewalInfo fetch. {@link #unsupported()} is true when the ACME server does not offer ARI at all,
 * which the readiness controller treats as "no renewal information" rather than as an error.
 */
public class RenewalInfoException extends Exception {
    private final boolean unsupported;

    public RenewalInfoException(String message) {
        this(message, false, null);
    }

    public RenewalInfoException(String message, boolean unsupported, Throwable cause) {
        super(message, cause);
        this.unsupported = unsupported;
    }

    /** Returns an exception for a server whose directory has no {@code renewalInfo} resource. */
    public static RenewalInfoException unsupportedByServer(String message, Throwable cause) {
        return new RenewalInfoException(message, true, cause);
    }

    public boolean unsupported() {
        return unsupported;
    }
}
