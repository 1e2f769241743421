package io.certwright.core.requests;

import io.certwright.api.model.CertManagerResource;
import io.certwright.api.model.ClusterIssuer;
import io.certwright.api.model.Issuer;
import io.certwright.api.model.IssuerReference;
import io.certwright.api.model.IssuerSpec;
import io.certwright.api.model.IssuerStatus;
import io.certwright.core.cluster.Cluster;
import io.certwright.core.cluster.ResourceKind;
import java.util.Optional;

/** Resolves a CertificateRequest's {@code spec.issuerRef} to an Issuer or ClusterIssuer. */
final class IssuerLookup {
    static final String CERT_MANAGER_GROUP = "cert-manager.io";

    private IssuerLookup() {
    }

    /** The outcome of a lookup: the issuer, or why there is none. */
    sealed interface Outcome {
        record Found(CertManagerResource<IssuerSpec, IssuerStatus> issuer) implements Outcome {
        }

        /** @param detail the not-found error, e.g. {@code issuer.cert-manager.io "ca" not found} */
        record NotFound(String detail) implements Outcome {
        }
    }

    /** Returns true when the reference names a cert-manager.io issuer (an empty group means cert-manager.io). */
    static boolean isCertManagerGroup(IssuerReference reference) {
        String group = reference == null ? null : reference.getGroup();
        return group == null || group.isEmpty() || CERT_MANAGER_GROUP.equals(group);
    }

    /** Returns the reference kind with an empty kind defaulted to {@code Issuer}. */
    static String kind(IssuerReference reference) {
        String kind = reference == null ? null : reference.getKind();
        return kind == null || kind.isEmpty() ? Issuer.KIND : kind;
    }

    /** Looks up the issuer that {@code reference} names from a request in {@code namespace}. */
    static Outcome resolve(Cluster cluster, IssuerReference reference, String namespace) {
        String name = reference == null ? null : reference.getName();
        if (name == null || name.isEmpty()) {
            return new Outcome.NotFound("spec.issuerRef.name is empty");
        }
        String kind = kind(reference);
        if (Issuer.KIND.equals(kind)) {
            Optional<Issuer> issuer = cluster.get(ResourceKind.ISSUER, namespace, name);
            return issuer.<Outcome>map(Outcome.Found::new)
                    .orElseGet(() -> new Outcome.NotFound("issuer.cert-manager.io \"" + name + "\" not found"));
        }
        if (ClusterIssuer.KIND.equals(kind)) {
            Optional<ClusterIssuer> issuer = cluster.get(ResourceKind.CLUSTER_ISSUER, null, name);
            return issuer.<Outcome>map(Outcome.Found::new)
                    .orElseGet(() -> new Outcome.NotFound("clusterissuer.cert-manager.io \"" + name + "\" not found"));
        }
        return new Outcome.NotFound("invalid value \"" + kind + "\" for spec.issuerRef.kind; it must be empty, \"Issuer\""
                + " or \"ClusterIssuer\"");
    }
}
