package io.certwright.core.certificates.secrets;

import io.certwright.api.model.Certificate;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;

/** The owner reference from an issued Secret to its Certificate, written when the owner-reference option is on. */
public final class SecretOwnerReferences {

    /** API version of Certificates in owner references. */
    public static final String CERTIFICATE_API_VERSION = "cert-manager.io/v1";

    private SecretOwnerReferences() {}

    /** Returns the controller reference to {@code certificate}, with blockOwnerDeletion set, as Kubernetes' NewControllerRef builds it. */
    public static OwnerReference controllerReference(Certificate certificate) {
        return new OwnerReferenceBuilder()
                .withApiVersion(CERTIFICATE_API_VERSION)
                .withKind("Certificate")
                .withName(certificate.getMetadata().getName())
                .withUid(certificate.getMetadata().getUid())
                .withController(true)
                .withBlockOwnerDeletion(true)
                .build();
    }
}
