package io.certwright.core.issuers;

import io.certwright.api.model.ACMEIssuerStatus;
import java.util.List;

/**
 * Outcome of an issuer's setup: the Ready condition to write, the events to record on the issuer,
 * and whether the setup failed in a way that is worth retrying.
 *
 * @param ready {@code True} or {@code False}, the status of the Ready condition
 * @param reason the Ready condition reason, e.g. {@code KeyPairVerified}
 * @param message the Ready condition message; may be empty, never null
 * @param events events to record on the issuer, in order
 * @param error when not null, the setup failed with this error: the controller records a
 *     Warning {@code ErrInitIssuer} event and retries with backoff after writing the condition
 * @param acmeStatus when not null, the {@code status.acme} to write together with the condition (the ACME
 *     account URI and what it was registered with); null leaves the stored {@code status.acme} as it is
 */
public record IssuerSetupResult(String ready, String reason, String message, List<IssuerEvent> events,
        String error, ACMEIssuerStatus acmeStatus) {

    public static final String TRUE = "True";
    public static final String FALSE = "False";

    public IssuerSetupResult {
        message = message == null ? "" : message;
        events = List.copyOf(events);
    }

    /** Returns the outcome for an issuer that is ready to sign. */
    public static IssuerSetupResult ready(String reason, String message, IssuerEvent... events) {
        return new IssuerSetupResult(TRUE, reason, message, List.of(events), null, null);
    }

    /** Returns the outcome for an issuer that cannot sign until it or its Secrets change, so it is not retried. */
    public static IssuerSetupResult notReady(String reason, String message, IssuerEvent... events) {
        return new IssuerSetupResult(FALSE, reason, message, List.of(events), null, null);
    }

    /** Returns the outcome for an issuer that cannot sign now, which the controller retries with backoff. */
    public static IssuerSetupResult retry(String reason, String message, String error, IssuerEvent... events) {
        return new IssuerSetupResult(FALSE, reason, message, List.of(events), error, null);
    }

    /** Returns a copy that also writes {@code status} as the issuer's {@code status.acme}. */
    public IssuerSetupResult withAcmeStatus(ACMEIssuerStatus status) {
        return new IssuerSetupResult(ready, reason, message, events, error, status);
    }

    public boolean isReady() {
        return TRUE.equals(ready);
    }
}
