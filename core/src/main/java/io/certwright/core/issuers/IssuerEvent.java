package io.certwright.core.issuers;

import io.certwright.core.cluster.EventRecorder;

/**
 * An event that an issuer backend asks its controller to record on the object it worked on.
 *
 * @param type {@link EventRecorder#NORMAL} or {@link EventRecorder#WARNING}
 * @param reason CamelCase reason, e.g. {@code KeyPairVerified}
 * @param message a full sentence for people; never private key material
 */
public record IssuerEvent(String type, String reason, String message) {
    public static IssuerEvent normal(String reason, String message) {
        return new IssuerEvent(EventRecorder.NORMAL, reason, message);
    }

    public static IssuerEvent warning(String reason, String message) {
        return new IssuerEvent(EventRecorder.WARNING, reason, message);
    }
}
