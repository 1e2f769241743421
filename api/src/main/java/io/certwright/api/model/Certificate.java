package io.certwright.api.model;

/** A request for a certificate, kept issued and renewed in a Secret. */
public class Certificate extends CertManagerResource<CertificateSpec, CertificateStatus> {
    public static final String API_VERSION = "cert-manager.io/v1";
    public static final String KIND = "Certificate";

    public Certificate() {
        super(API_VERSION, KIND);
    }
}
