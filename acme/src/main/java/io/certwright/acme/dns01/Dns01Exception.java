package io.certwright.acme.dns01;

/**
 * A DNS-01 step failed: invalid solver configuration, a missing Secret, a DNS service that rejected a
 * change, or a lookup that failed. The message is written for the Challenge's {@code status.reason}.
 */
public class Dns01Exception extends Exception {
    public Dns01Exception(String message) {
        super(message);
    }

    public Dns01Exception(String message, Throwable cause) {
        super(message, cause);
    }
}
