package io.certwright.core.certificates;

import io.certwright.api.model.Certificate;
import io.certwright.core.cluster.Cluster;
import io.certwright.core.cluster.ObjectKey;
import io.certwright.core.cluster.ResourceKind;
import java.util.Optional;

/** The read with which every certificate controller starts its reconcile. */
public final class LiveCertificates {
    private LiveCertificates() {
    }

    /**
     * Returns the Certificate at {@code key}, or empty when it does not exist or has a deletion timestamp,
     * the two cases in which the certificate controllers have nothing to do.
     */
    public static Optional<Certificate> find(Cluster cluster, ObjectKey key) {
        Optional<Certificate> found = cluster.get(ResourceKind.CERTIFICATE, key.namespace(), key.name());
        if (found.isEmpty() || found.get().getMetadata().getDeletionTimestamp() != null) {
            return Optional.empty();
        }
        return found;
    }
}
