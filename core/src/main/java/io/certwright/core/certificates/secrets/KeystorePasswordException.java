package io.certwright.core.certificates.secrets;

/**
 * A keystore password could not be resolved, so the Secret cannot be written with the requested
 * keystores. When the password Secret does not exist, {@link #secretNotFound()} is true and the
 * caller should emit a Warning event with reason {@link KeystorePasswords#SECRET_NOT_FOUND_REASON}
 * and {@link #eventMessage()} before retrying, so the user learns which Secret to create.
 */
public final class KeystorePasswordException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean secretNotFound;
    private final String eventMessage;

    KeystorePasswordException(String message, boolean secretNotFound, String eventMessage) {
        super(message);
        this.secretNotFound = secretNotFound;
        this.eventMessage = eventMessage;
    }

    /** Returns true when the failure is a missing password Secret. */
    public boolean secretNotFound() {
        return secretNotFound;
    }

    /**
     * Returns the Warning event message for a missing password Secret, for example
     * {@code PKCS12 keystore password Secret "ks-pass" not found}; null for other failures.
     */
    public String eventMessage() {
        return eventMessage;
    }
}
