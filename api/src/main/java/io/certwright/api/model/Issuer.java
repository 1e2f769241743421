package io.certwright.api.model;

/** A namespaced signer configuration. */
public class Issuer extends CertManagerResource<IssuerSpec, IssuerStatus> {
    public static final String API_VERSION = "cert-manager.io/v1";
    public static final String KIND = "Issuer";

    public Issuer() {
        super(API_VERSION, KIND);
    }
}
