package io.certwright.core.issuers;

/** A CA issuer's Secret could not be used; the message names the Secret, the entry and the fix. */
final class CaSecretException extends Exception {

    /** What is wrong with the Secret. */
    enum Problem {
        /** The Secret does not exist. */
        NOT_FOUND,
        /** An entry is missing, not valid PEM, or truncated. */
        INVALID_DATA,
        /** The private key does not belong to the first certificate of {@code tls.crt}. */
        KEY_MISMATCH,
        /** Reading the Secret failed, probably for a transient reason. */
        READ_FAILED
    }

    private final Problem problem;

    CaSecretException(Problem problem, String message) {
        super(message);
        this.problem = problem;
    }

    CaSecretException(Problem problem, String message, Throwable cause) {
        super(message, cause);
        this.problem = problem;
    }

    Problem problem() {
        return problem;
    }
}
