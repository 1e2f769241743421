package io.certwright.core.certificates.revisionmanager;

import io.certwright.api.Conditions;
import io.certwright.api.Defaults;
import io.certwright.api.model.Certificate;
import io.certwright.api.model.CertificateRequest;
import io.certwright.core.certificates.CertificateConditions;
import io.certwright.core.certificates.LiveCertificates;
import io.certwright.core.certificates.requestmanager.OwnedRequests;
import io.certwright.core.cluster.Cluster;
import io.certwright.core.cluster.ObjectKey;
import io.certwright.core.cluster.ResourceKind;
import io.certwright.core.controller.Reconciler;
import io.certwright.core.controller.Result;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code certificates-revision-manager} controller: once a Certificate is Ready, it deletes its oldest
 * CertificateRequests so that at most {@code spec.revisionHistoryLimit} remain (1 when unset). Requests
 * without a parseable revision annotation are never deleted here; the request manager removes them.
 */
public final class RevisionManagerController implements Reconciler {
    public static final String NAME = "certificates-revision-manager";

    private static final Logger log = LoggerFactory.getLogger(RevisionManagerController.class);

    private final Cluster cluster;

    public RevisionManagerController(Cluster cluster) {
        this.cluster = cluster;
    }

    @Override
    public Result reconcile(ObjectKey key) {
        Optional<Certificate> found = LiveCertificates.find(cluster, key);
        if (found.isEmpty()) {
            return Result.done();
        }
        Certificate certificate = found.get();
        if (!CertificateConditions.isTrue(certificate, Conditions.READY)) {
            return Result.done();
        }

        int limit = Defaults.revisionHistoryLimit(certificate.getSpec());
        for (CertificateRequest request : requestsBeyondLimit(OwnedRequests.of(cluster, certificate), limit)) {
            log.debug("deleting certificate request {} beyond revision history limit {}",
                    request.getMetadata().getName(), limit);
            cluster.delete(ResourceKind.CERTIFICATE_REQUEST, request.getMetadata().getNamespace(),
                    request.getMetadata().getName());
        }
        return Result.done();
    }

    /** Returns the requests with the lowest revisions so that {@code limit} of the revisioned ones remain. */
    static List<CertificateRequest> requestsBeyondLimit(List<CertificateRequest> requests, int limit) {
        if (requests.size() <= limit) {
            return List.of();
        }
        List<CertificateRequest> revisioned = requests.stream()
                .filter(request -> OwnedRequests.revisionOf(request).isPresent())
                .sorted(Comparator.comparingInt(request -> OwnedRequests.revisionOf(request).getAsInt()))
                .toList();
        int excess = revisioned.size() - limit;
        return excess <= 0 ? List.of() : revisioned.subList(0, excess);
    }
}
