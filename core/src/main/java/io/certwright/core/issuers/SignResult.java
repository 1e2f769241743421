package io.certwright.core.issuers;

import java.util.List;

/**
 * The outcome of asking an issuer to sign a CertificateRequest. Reasons here are event reasons;
 * the CertificateRequest controller maps them onto the Ready condition reasons {@code Pending},
 * {@code Failed} and {@code Issued}.
 */
public sealed interface SignResult {

    /** Extra events for the CertificateRequest, recorded before the outcome's own event. */
    List<IssuerEvent> events();

    /**
     * A signed certificate.
     *
     * @param certificate PEM chain, leaf first, without a self-signed root unless the leaf is one
     * @param ca PEM CA certificate, or null when the issuer does not know one
     * @param events extra events for the CertificateRequest, e.g. a Warning {@code BadConfig}
     */
    record Signed(byte[] certificate, byte[] ca, List<IssuerEvent> events) implements SignResult {
        public Signed {
            events = List.copyOf(events);
        }
    }

    /**
     * Not signed yet; the request stays Ready=False reason {@code Pending}.
     *
     * @param reason event reason, e.g. {@code SecretMissing}
     * @param message full condition message, the error detail included
     * @param retry whether the controller should retry with backoff (a transient error) rather than
     *     wait for a change of the request, its issuer or a watched Secret
     */
    record Pending(String reason, String message, boolean retry) implements SignResult {
        @Override
        public List<IssuerEvent> events() {
            return List.of();
        }
    }

    /**
     * Signing failed for good; the request becomes Ready=False reason {@code Failed}.
     *
     * @param reason event reason, e.g. {@code SigningError}
     * @param message full condition message, the error detail included
     * @param events extra events, e.g. a Warning {@code BadConfig} raised before signing failed
     */
    record Failed(String reason, String message, List<IssuerEvent> events) implements SignResult {
        public Failed {
            events = List.copyOf(events);
        }

        public Failed(String reason, String message) {
            this(reason, message, List.of());
        }
    }
}
