package io.certwright.core.certificates;

import io.certwright.api.Conditions;
import io.certwright.api.model.Certificate;
import io.certwright.core.cluster.Cluster;
import io.certwright.core.cluster.ClusterException;
import io.certwright.core.cluster.ObjectKey;
import io.certwright.core.cluster.ResourceKind;
import java.time.Clock;

/**
 * Starts a re-issuance by hand, as {@code cmctl renew} does: it sets {@code Issuing=True} with reason
 * {@code ManuallyTriggered} through the status subresource. The certificate controllers then treat it like
 * any other issuance. The trigger controller's failure backoff is not consulted because the trigger only
 * acts while Issuing is not True, and the request manager discards a request of the same revision that
 * failed before this moment.
 */
public final class ManualRenewal {
    public static final String MESSAGE = "Certificate re-issuance manually triggered";

    private ManualRenewal() {
    }

    /**
     * Marks the Certificate for re-issuance.
     *
     * @return the line {@code cmctl renew} prints, {@code Manually triggered issuance of Certificate ns/name}
     * @throws ClusterException.NotFound when the Certificate does not exist
     * @throws ClusterException.Conflict when the Certificate changed between the read and the status write
     */
    public static String trigger(Cluster cluster, ObjectKey certificate, Clock clock) {
        Certificate current = cluster.get(ResourceKind.CERTIFICATE, certificate.namespace(), certificate.name())
                .orElseThrow(() -> new ClusterException.NotFound("Certificate " + certificate
                        + " not found: check the namespace and name"));

        CertificateConditions.set(current, Conditions.ISSUING, Conditions.TRUE, Conditions.REASON_MANUALLY_TRIGGERED,
                MESSAGE, clock.instant());
        cluster.updateStatus(ResourceKind.CERTIFICATE, current);
        return "Manually triggered issuance of Certificate " + certificate;
    }
}
