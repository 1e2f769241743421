package io.certwright.core.certificates.policies;

import io.certwright.api.model.ARISuggestedWindow;
import io.certwright.api.model.Certificate;
import io.certwright.api.model.CertificateRequest;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.Objects;

/**
 * Everything a policy check looks at for one Certificate.
 *
 * @param certificate the Certificate being reconciled
 * @param secret the Secret named by {@code spec.secretName}, or null when it does not exist
 * @param currentRevisionRequest the CertificateRequest that produced the current revision
 *     ({@code status.revision}), or null when there is none
 * @param nextRevisionRequest the CertificateRequest for revision {@code status.revision + 1}, or null
 * @param ariWindow the ACME server's suggested renewal window, or null; set only when ACME renewal
 *     information is in use
 */
public record PolicyInput(Certificate certificate, Secret secret, CertificateRequest currentRevisionRequest,
                          CertificateRequest nextRevisionRequest, ARISuggestedWindow ariWindow) {

    public PolicyInput {
        Objects.requireNonNull(certificate, "certificate");
    }

    /** Creates an input without ACME renewal information. */
    public PolicyInput(Certificate certificate, Secret secret, CertificateRequest currentRevisionRequest,
                       CertificateRequest nextRevisionRequest) {
        this(certificate, secret, currentRevisionRequest, nextRevisionRequest, null);
    }
}
