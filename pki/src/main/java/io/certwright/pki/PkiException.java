package io.certwright.pki;

/**
 * Failure to parse, build or sign PKI material.
 *
 * <p>The message names what is wrong and where, for example the index of a bad certificate in a
 * chain. Messages never contain key material.
 */
public final class PkiException extends Exception {

    public PkiException(String message) {
        super(message);
    }

    public PkiException(String message, Throwable cause) {
        super(message, cause);
    }
}
