package io.certwright.core.certificates.requestmanager;

import io.certwright.api.Annotations;
import io.certwright.api.model.Certificate;
import io.certwright.api.model.CertificateRequest;
import io.certwright.core.certificates.ControlledObjects;
import io.certwright.core.cluster.Cluster;
import io.certwright.core.cluster.ClusterIndex;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The CertificateRequests a Certificate controls, and the revision numbers they carry. The
 * request manager, the issuing controller and the revision manager all look requests up this way.
 */
public final class OwnedRequests {
    private OwnedRequests() {
    }

    /** Lists the requests in the Certificate's namespace whose controller reference names it. */
    public static List<CertificateRequest> of(Cluster cluster, Certificate certificate) {
        return ControlledObjects.list(cluster, ClusterIndex.REQUESTS_BY_CONTROLLER, certificate, request -> true);
    }

    /** Lists the owned requests whose revision annotation is {@code revision}. */
    public static List<CertificateRequest> withRevision(Cluster cluster, Certificate certificate, int revision) {
        return of(cluster, certificate).stream()
                .filter(request -> revisionOf(request).equals(OptionalInt.of(revision)))
                .toList();
    }

    /** Returns the revision annotation as a number, or empty when it is missing or not an integer. */
    public static OptionalInt revisionOf(CertificateRequest request) {
        Map<String, String> annotations = request.getMetadata().getAnnotations();
        String value = annotations == null ? null : annotations.get(Annotations.CERTIFICATE_REVISION);
        if (value == null) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(value));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    /** Returns the revision the next issuance produces: {@code status.revision + 1}, or 1 before the first. */
    public static int nextRevision(Certificate certificate) {
        Integer current = certificate.getStatus() == null ? null : certificate.getStatus().getRevision();
        return current == null ? 1 : current + 1;
    }
}
