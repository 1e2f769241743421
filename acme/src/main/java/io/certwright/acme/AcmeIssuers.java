package io.certwright.acme;

import io.certwright.api.model.CertManagerResource;
import io.certwright.api.model.ClusterIssuer;
import io.certwright.api.model.IssuerReference;
import io.certwright.api.model.IssuerSpec;
import io.certwright.api.model.IssuerStatus;
import io.certwright.core.cluster.Cluster;
import io.certwright.core.cluster.ResourceKind;
import java.util.Optional;

/** Finds the Issuer or ClusterIssuer an Order or Challenge refers to. */
public final class AcmeIssuers {
    private AcmeIssuers() {
    }

    /**
     * Returns the issuer {@code reference} names: a ClusterIssuer when its kind is {@code ClusterIssuer},
     * otherwise an Issuer in {@code namespace}; empty when it does not exist.
     */
    public static Optional<CertManagerResource<IssuerSpec, IssuerStatus>> resolve(Cluster cluster,
            IssuerReference reference, String namespace) {
        if (reference == null || reference.getName() == null) {
            return Optional.empty();
        }
        if (ClusterIssuer.KIND.equals(reference.getKind())) {
            return cluster.get(ResourceKind.CLUSTER_ISSUER, null, reference.getName()).map(issuer -> issuer);
        }
        return cluster.get(ResourceKind.ISSUER, namespace, reference.getName()).map(issuer -> issuer);
    }

    /** Describes a reference for messages: {@code ClusterIssuer "name"} or {@code Issuer "ns/name"}. */
    public static String describe(IssuerReference reference, String namespace) {
        if (ClusterIssuer.KIND.equals(reference.getKind())) {
            return "ClusterIssuer \"" + reference.getName() + "\"";
        }
        return "Issuer \"" + namespace + "/" + reference.getName() + "\"";
    }
}
