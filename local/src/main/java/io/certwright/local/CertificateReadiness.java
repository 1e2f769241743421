package io.certwright.local;

import io.certwright.api.Conditions;
import io.certwright.api.model.Certificate;
import io.certwright.api.model.CertificateCondition;

/**
 * Whether one Certificate is Ready, with the reason and message of its Ready condition.
 *
 * @param namespace the Certificate's namespace
 * @param name the Certificate's name
 * @param ready whether the Ready condition is True
 * @param reason the Ready condition's reason, or {@code NoReadyCondition} when it has none yet
 * @param message the Ready condition's message
 */
public record CertificateReadiness(String namespace, String name, boolean ready, String reason, String message) {
    static final String NO_CONDITION_REASON = "NoReadyCondition";

    public static CertificateReadiness of(Certificate certificate) {
        String namespace = certificate.getMetadata().getNamespace();
        String name = certificate.getMetadata().getName();
        if (certificate.getStatus() != null && certificate.getStatus().getConditions() != null) {
            for (CertificateCondition condition : certificate.getStatus().getConditions()) {
                if (Conditions.READY.equals(condition.getType())) {
                    return new CertificateReadiness(namespace, name, Conditions.TRUE.equals(condition.getStatus()),
                            condition.getReason(), condition.getMessage());
                }
            }
        }
        return new CertificateReadiness(namespace, name, false, NO_CONDITION_REASON,
                "the controllers have not evaluated this Certificate yet");
    }

    /** Returns {@code Certificate ns/name is not Ready: Reason: message}. */
    public String describe() {
        return "Certificate " + namespace + "/" + name + (ready ? " is Ready" : " is not Ready") + ": " + reason
                + ": " + message;
    }
}
