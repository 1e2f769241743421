package io.certwright.api.model;

/** A cluster-scoped signer configuration; its Secrets live in the cluster resource namespace. */
public class ClusterIssuer extends CertManagerResource<IssuerSpec, IssuerStatus> {
    public static final String API_VERSION = "cert-manager.io/v1";
    public static final String KIND = "ClusterIssuer";

    public ClusterIssuer() {
        super(API_VERSION, KIND);
    }
}
