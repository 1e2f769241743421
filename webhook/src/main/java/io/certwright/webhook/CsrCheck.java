package io.certwright.webhook;

import io.certwright.api.model.CertificateRequestSpec;
import io.certwright.api.validation.FieldError;
import io.certwright.pki.Csrs;
import io.certwright.pki.PkiException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Parses {@code spec.request} of a new CertificateRequest and verifies its signature, so that a
 * request no issuer could sign is rejected when it is created rather than failing later.
 *
 * <p>NOTE: cert-manager also compares the key usages and BasicConstraints in the CSR with
 * {@code spec.usages} and {@code spec.isCA} at admission. Certwright checks that agreement only
 * when an issuer signs, where a mismatch fails the request.
 */
final class CsrCheck {
    private static final int MAX_VALUE_IN_MESSAGE = 100;

    private CsrCheck() {
    }

    static Optional<FieldError> validate(CertificateRequestSpec spec) {
        if (spec == null || spec.getRequest() == null || spec.getRequest().length == 0) {
            return Optional.empty();
        }
        try {
            Csrs.parse(spec.getRequest());
            return Optional.empty();
        } catch (PkiException e) {
            return Optional.of(FieldError.invalid("spec.request", shortened(spec.getRequest()),
                    "failed to decode csr: " + e.getMessage()));
        }
    }

    private static String shortened(byte[] request) {
        String text = new String(request, StandardCharsets.UTF_8);
        return text.length() <= MAX_VALUE_IN_MESSAGE ? text : text.substring(0, MAX_VALUE_IN_MESSAGE - 3) + "...";
    }
}
