package io.certwright.core.certificates.policies;

import io.certwright.api.Annotations;
import io.certwright.api.model.ARISuggestedWindow;
import io.certwright.api.model.Certificate;
import io.certwright.api.model.CertificateRequest;
import io.certwright.api.model.CertificateStatus;
import io.certwright.core.certificates.requestmanager.OwnedRequests;
import io.certwright.core.cluster.Cluster;
import io.certwright.core.cluster.ResourceKind;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Collects the {@link PolicyInput} for a Certificate: its Secret, the CertificateRequests of the
 * current and the next revision that it controls, and, with the feature gate {@code ACMEUseARI}, the
 * renewal window stored in {@code status.acme.ari.suggestedWindow}.
 */
public final class Gatherer {

    private Gatherer() {}

    /**
     * Reads the input for {@code certificate}. The current revision is {@code status.revision} (no
     * current request when unset); the next is {@code status.revision + 1}, or 1 when unset.
     *
     * @throws IllegalStateException when more than one owned CertificateRequest has the same
     *     revision. Issuance must wait until the duplicates are deleted, because either could be the
     *     one that counts
     */
    public static PolicyInput gather(Cluster cluster, Certificate certificate) {
        return gather(cluster, certificate, false);
    }

    /**
     * Reads the input for {@code certificate} as {@link #gather(Cluster, Certificate)} does and, when
     * {@code acmeUseAri} is true, adds the stored ARI renewal window. The window is taken whatever the
     * issuer's {@code renewalInformationSource} is set to, because the readiness controller clears it for
     * issuers that do not use ARI.
     */
    public static PolicyInput gather(Cluster cluster, Certificate certificate, boolean acmeUseAri) {
        String namespace = certificate.getMetadata().getNamespace();
        Secret secret = cluster.get(ResourceKind.SECRET, namespace, certificate.getSpec().getSecretName()).orElse(null);

        List<CertificateRequest> owned = OwnedRequests.of(cluster, certificate);

        Integer revision = certificate.getStatus() == null ? null : certificate.getStatus().getRevision();
        CertificateRequest current = revision == null ? null : requestWithRevision(owned, revision, certificate, "current");
        int nextRevision = revision == null ? 1 : revision + 1;
        CertificateRequest next = requestWithRevision(owned, nextRevision, certificate, "next");
        return new PolicyInput(certificate, secret, current, next, acmeUseAri ? storedAriWindow(certificate) : null);
    }

    private static ARISuggestedWindow storedAriWindow(Certificate certificate) {
        CertificateStatus status = certificate.getStatus();
        if (status == null || status.getAcme() == null || status.getAcme().getAri() == null) {
            return null;
        }
        return status.getAcme().getAri().getSuggestedWindow();
    }

    private static CertificateRequest requestWithRevision(List<CertificateRequest> owned, int revision,
                                                          Certificate certificate, String which) {
        String wanted = Integer.toString(revision);
        List<CertificateRequest> matches = new ArrayList<>();
        for (CertificateRequest request : owned) {
            Map<String, String> annotations = request.getMetadata().getAnnotations();
            if (annotations != null && wanted.equals(annotations.get(Annotations.CERTIFICATE_REVISION))) {
                matches.add(request);
            }
        }
        if (matches.size() > 1) {
            List<String> names = new ArrayList<>();
            for (CertificateRequest request : matches) {
                names.add(request.getMetadata().getName());
            }
            throw new IllegalStateException("multiple CertificateRequests " + names + " of Certificate "
                    + certificate.getMetadata().getNamespace() + "/" + certificate.getMetadata().getName()
                    + " were found for the '" + which + "' revision " + revision
                    + ", issuance is skipped until there are no more duplicates: delete all but one");
        }
        return matches.isEmpty() ? null : matches.get(0);
    }
}
