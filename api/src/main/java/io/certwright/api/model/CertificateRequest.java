package io.certwright.api.model;

/** A single signing request for one revision of a Certificate. */
public class CertificateRequest extends CertManagerResource<CertificateRequestSpec, CertificateRequestStatus> {
    public static final String API_VERSION = "cert-manager.io/v1";
    public static final String KIND = "CertificateRequest";

    public CertificateRequest() {
        super(API_VERSION, KIND);
    }
}
