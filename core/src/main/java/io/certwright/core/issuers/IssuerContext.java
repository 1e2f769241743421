package io.certwright.core.issuers;

import io.certwright.api.model.CertManagerResource;
import io.certwright.api.model.ClusterIssuer;
import io.certwright.api.model.IssuerSpec;
import io.certwright.api.model.IssuerStatus;
import io.certwright.core.ControllerOptions;

/**
 * The Issuer or ClusterIssuer a backend works for, with the namespace its Secrets are read from.
 *
 * @param issuer the Issuer or ClusterIssuer; backends read it and never change it
 * @param resourceNamespace the Issuer's own namespace, or the cluster resource namespace for a ClusterIssuer
 */
public record IssuerContext(CertManagerResource<IssuerSpec, IssuerStatus> issuer, String resourceNamespace) {

    /** Builds the context of {@code issuer}, choosing where its Secrets live. */
    public static IssuerContext of(CertManagerResource<IssuerSpec, IssuerStatus> issuer, ControllerOptions options) {
        String namespace = issuer instanceof ClusterIssuer
                ? options.clusterResourceNamespace()
                : issuer.getMetadata().getNamespace();
        return new IssuerContext(issuer, namespace);
    }

    public IssuerSpec spec() {
        return issuer.getSpec();
    }

    /** {@code Issuer} or {@code ClusterIssuer}. */
    public String kind() {
        return issuer.getKind();
    }

    /** The issuer as people name it: {@code Issuer demo/ca} or {@code ClusterIssuer ca}. */
    public String describe() {
        String namespace = issuer.getMetadata().getNamespace();
        String name = issuer.getMetadata().getName();
        return kind() + " " + (namespace == null ? name : namespace + "/" + name);
    }
}
