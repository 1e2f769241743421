package io.certwright.acme.client;

/**
 * The ACME server does not offer a feature a request needs, as its directory shows: for example no
 * {@code renewalInfo} resource for ACME Renewal Information. Repeating the request cannot help.
 */
public final class AcmeUnsupportedException extends AcmeClientException {

    public AcmeUnsupportedException(String message, Throwable cause) {
        super(message, true, null, cause);
    }
}
