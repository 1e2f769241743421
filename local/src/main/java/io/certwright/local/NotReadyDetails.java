package io.certwright.local;

import io.certwright.api.Annotations;
import io.certwright.api.Conditions;
import io.certwright.api.model.CertManagerResource;
import io.certwright.api.model.Certificate;
import io.certwright.api.model.CertificateRequest;
import io.certwright.api.model.CertificateRequestCondition;
import io.certwright.api.model.IssuerCondition;
import io.certwright.api.model.IssuerReference;
import io.certwright.api.model.IssuerSpec;
import io.certwright.api.model.IssuerStatus;
import io.certwright.core.cluster.Cluster;
import io.certwright.core.cluster.ResourceKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Explains why a Certificate is not Ready beyond its own Ready condition, whose message often
 * only says that the Secret does not exist yet: the state of its latest CertificateRequest and
 * of the issuer it references, the two places where the real cause usually shows.
 */
final class NotReadyDetails {
    private static final String CERT_MANAGER_GROUP = "cert-manager.io";

    private final Cluster cluster;
    private final Supplier<List<InputProblem>> manifestProblems;

    /** @param manifestProblems the problems of the latest reading of the manifest directory */
    NotReadyDetails(Cluster cluster, Supplier<List<InputProblem>> manifestProblems) {
        this.cluster = cluster;
        this.manifestProblems = manifestProblems;
    }

    /** Returns one line about the latest CertificateRequest and, when it is not Ready, one about the issuer. */
    List<String> explain(String namespace, String name) {
        Optional<Certificate> found = cluster.get(ResourceKind.CERTIFICATE, namespace, name);
        if (found.isEmpty()) {
            return List.of();
        }
        Certificate certificate = found.get();
        List<String> lines = new ArrayList<>();
        lines.add(describeLatestRequest(certificate));
        issuerLine(certificate).ifPresent(lines::add);
        return lines;
    }

    private String describeLatestRequest(Certificate certificate) {
        Optional<CertificateRequest> latest = latestRequest(certificate);
        if (latest.isEmpty()) {
            return "CertificateRequest: no request yet";
        }
        CertificateRequest request = latest.get();
        String label = "CertificateRequest " + request.getMetadata().getNamespace() + "/"
                + request.getMetadata().getName() + ": ";
        Optional<CertificateRequestCondition> denied = requestCondition(request, Conditions.DENIED);
        if (denied.isPresent() && Conditions.TRUE.equals(denied.get().getStatus())) {
            return label + "denied: " + denied.get().getMessage();
        }
        Optional<CertificateRequestCondition> ready = requestCondition(request, Conditions.READY);
        Optional<CertificateRequestCondition> approved = requestCondition(request, Conditions.APPROVED);
        if (ready.isPresent() && Conditions.REASON_FAILED.equals(ready.get().getReason())) {
            return label + "failed: " + ready.get().getMessage();
        }
        if (approved.isEmpty() && ready.isEmpty()) {
            return label + "waiting for approval";
        }
        if (ready.isEmpty()) {
            return label + "approved, not yet processed by an issuer controller";
        }
        CertificateRequestCondition condition = ready.get();
        String state = Conditions.TRUE.equals(condition.getStatus()) ? "Ready" : "not Ready";
        return label + state + ": " + condition.getReason() + ": " + condition.getMessage();
    }

    /** Returns the owned request of the highest revision, the one the issuing controller waits for. */
    private Optional<CertificateRequest> latestRequest(Certificate certificate) {
        String uid = certificate.getMetadata().getUid();
        return cluster.listMatching(ResourceKind.CERTIFICATE_REQUEST, certificate.getMetadata().getNamespace(),
                request -> request.getMetadata().getOwnerReferences() != null && request.getMetadata()
                        .getOwnerReferences().stream().anyMatch(reference -> reference.getUid().equals(uid)))
                .stream()
                .max(Comparator.comparingLong(NotReadyDetails::revision)
                        .thenComparing(request -> String.valueOf(request.getMetadata().getCreationTimestamp())));
    }

    private static long revision(CertificateRequest request) {
        String value = request.getMetadata().getAnnotations() == null ? null
                : request.getMetadata().getAnnotations().get(Annotations.CERTIFICATE_REVISION);
        try {
            return value == null ? 0 : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Optional<CertificateRequestCondition> requestCondition(CertificateRequest request, String type) {
        if (request.getStatus() == null || request.getStatus().getConditions() == null) {
            return Optional.empty();
        }
        return request.getStatus().getConditions().stream().filter(condition -> type.equals(condition.getType()))
                .findFirst();
    }

    /** Returns a line about the referenced issuer when it is missing or not Ready, or empty when it is Ready. */
    private Optional<String> issuerLine(Certificate certificate) {
        IssuerReference reference = certificate.getSpec() == null ? null : certificate.getSpec().getIssuerRef();
        if (reference == null || reference.getName() == null) {
            return Optional.empty();
        }
        String group = reference.getGroup();
        if (group != null && !group.isEmpty() && !CERT_MANAGER_GROUP.equals(group)) {
            return Optional.of("Issuer " + reference.getName() + " of group " + group
                    + ": external issuers are not supported by the local runtime");
        }
        boolean clusterScoped = "ClusterIssuer".equals(reference.getKind());
        String label = clusterScoped ? "ClusterIssuer " + reference.getName()
                : "Issuer " + certificate.getMetadata().getNamespace() + "/" + reference.getName();
        Optional<CertManagerResource<IssuerSpec, IssuerStatus>> issuer = clusterScoped
                ? cluster.get(ResourceKind.CLUSTER_ISSUER, null, reference.getName()).map(found -> found)
                : cluster.get(ResourceKind.ISSUER, certificate.getMetadata().getNamespace(), reference.getName())
                        .map(found -> found);
        if (issuer.isEmpty()) {
            Optional<InputProblem> rejected = manifestProblems.get().stream()
                    .filter(problem -> problem.object().equals(label)).findFirst();
            if (rejected.isPresent()) {
                return Optional.of(label + ": its manifest was rejected, so it does not exist: "
                        + rejected.get().describe());
            }
            return Optional.of(label + ": not found; add its manifest or correct spec.issuerRef of the Certificate");
        }
        IssuerStatus status = issuer.get().getStatus();
        Optional<IssuerCondition> ready = status == null || status.getConditions() == null ? Optional.empty()
                : status.getConditions().stream().filter(condition -> Conditions.READY.equals(condition.getType()))
                        .findFirst();
        if (ready.isEmpty()) {
            return Optional.of(label + ": no Ready condition yet");
        }
        if (Conditions.TRUE.equals(ready.get().getStatus())) {
            return Optional.empty();
        }
        return Optional.of(label + ": not Ready: " + ready.get().getReason() + ": " + ready.get().getMessage());
    }
}
