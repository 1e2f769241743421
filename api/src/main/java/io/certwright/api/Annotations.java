package io.certwright.api;

/**
 * Annotation and label keys that cert-manager reads or writes, spelled exactly as cert-manager
 * spells them so that existing manifests, tools and dashboards keep working.
 */
public final class Annotations {
    /** Prefix of the reserved cert-manager annotation namespace. */
    public static final String PREFIX = "cert-manager.io/";

    // Written on issued Secrets (and CertificateRequests for the certificate name).

    /** Name of the owning Certificate; on Secrets and CertificateRequests. */
    public static final String CERTIFICATE_NAME = "cert-manager.io/certificate-name";
    /** issuerRef name of the request that issued the certificate in a Secret. */
    public static final String ISSUER_NAME = "cert-manager.io/issuer-name";
    /** issuerRef kind; written on Secrets, read from Ingress and Gateway objects. */
    public static final String ISSUER_KIND = "cert-manager.io/issuer-kind";
    /** issuerRef group; written on Secrets, read from Ingress and Gateway objects. */
    public static final String ISSUER_GROUP = "cert-manager.io/issuer-group";
    /** Common name of the issued certificate; kept on the Secret even when empty. */
    public static final String COMMON_NAME = "cert-manager.io/common-name";
    /** Comma-separated DNS SANs of the issued certificate; kept even when empty. */
    public static final String ALT_NAMES = "cert-manager.io/alt-names";
    /** Comma-separated IP SANs of the issued certificate; kept even when empty. */
    public static final String IP_SANS = "cert-manager.io/ip-sans";
    /** Comma-separated URI SANs of the issued certificate; kept even when empty. */
    public static final String URI_SANS = "cert-manager.io/uri-sans";
    /** Comma-separated email SANs of the issued certificate; written only when not empty. */
    public static final String EMAIL_SANS = "cert-manager.io/email-sans";

    // Subject attributes of the issued certificate, CSV-escaped, written only when not empty.

    public static final String SUBJECT_ORGANIZATIONS = "cert-manager.io/subject-organizations";
    public static final String SUBJECT_ORGANIZATIONAL_UNITS = "cert-manager.io/subject-organizationalunits";
    public static final String SUBJECT_COUNTRIES = "cert-manager.io/subject-countries";
    public static final String SUBJECT_PROVINCES = "cert-manager.io/subject-provinces";
    public static final String SUBJECT_LOCALITIES = "cert-manager.io/subject-localities";
    public static final String SUBJECT_STREET_ADDRESSES = "cert-manager.io/subject-streetaddresses";
    public static final String SUBJECT_POSTAL_CODES = "cert-manager.io/subject-postalcodes";
    public static final String SUBJECT_SERIAL_NUMBER = "cert-manager.io/subject-serialnumber";

    // Inputs of the certificate shims (Ingress, Gateway, ListenerSet).

    public static final String DURATION = "cert-manager.io/duration";
    public static final String RENEW_BEFORE = "cert-manager.io/renew-before";
    public static final String RENEW_BEFORE_PERCENTAGE = "cert-manager.io/renew-before-percentage";
    public static final String USAGES = "cert-manager.io/usages";
    public static final String REVISION_HISTORY_LIMIT = "cert-manager.io/revision-history-limit";
    public static final String PRIVATE_KEY_ALGORITHM = "cert-manager.io/private-key-algorithm";
    public static final String PRIVATE_KEY_ENCODING = "cert-manager.io/private-key-encoding";
    public static final String PRIVATE_KEY_SIZE = "cert-manager.io/private-key-size";
    public static final String PRIVATE_KEY_ROTATION_POLICY = "cert-manager.io/private-key-rotation-policy";
    public static final String SECRET_TEMPLATE = "cert-manager.io/secret-template";
    /** Name of the Issuer requested by an Ingress or Gateway for the certificate shims. */
    public static final String INGRESS_ISSUER_NAME = "cert-manager.io/issuer";
    /** Name of the ClusterIssuer requested by an Ingress or Gateway for the certificate shims. */
    public static final String INGRESS_CLUSTER_ISSUER_NAME = "cert-manager.io/cluster-issuer";
    /** Comma-separated listener names that the Gateway and ListenerSet shims skip. */
    public static final String IGNORE_TLS_LISTENERS = "cert-manager.io/ignore-tls-listeners";

    // CertificateRequest bookkeeping.

    /** Revision number, as a decimal string, of the Certificate a CertificateRequest belongs to. */
    public static final String CERTIFICATE_REVISION = "cert-manager.io/certificate-revision";
    /** Name of the Secret holding the next private key; read by the SelfSigned issuer. */
    public static final String PRIVATE_KEY_SECRET_NAME = "cert-manager.io/private-key-secret-name";

    // Labels.

    /** Label with value {@code "true"} on the temporary Secret that contains the next private key. */
    public static final String NEXT_PRIVATE_KEY_LABEL = "cert-manager.io/next-private-key";
    /** Label with value {@code "true"} ("for attention of") on issued and next-private-key Secrets. */
    public static final String FAO_LABEL = "controller.cert-manager.io/fao";
    /** Value of {@link #NEXT_PRIVATE_KEY_LABEL} and {@link #FAO_LABEL}. */
    public static final String LABEL_TRUE = "true";
    /** Label on generated ACME account key Secrets; value {@link #MANAGED_BY_CERT_MANAGER}. */
    public static final String MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
    public static final String MANAGED_BY_CERT_MANAGER = "cert-manager";
    public static final String MANAGED_BY_CERT_MANAGER_WEBHOOK = "cert-manager-webhook";

    /** Certificate annotation; {@code "true"} requests a temporary self-signed certificate while issuing. */
    public static final String ISSUE_TEMPORARY_CERTIFICATE = "cert-manager.io/issue-temporary-certificate";

    // cainjector.

    public static final String INJECT_CA_FROM = "cert-manager.io/inject-ca-from";
    public static final String INJECT_CA_FROM_SECRET = "cert-manager.io/inject-ca-from-secret";
    public static final String INJECT_APISERVER_CA = "cert-manager.io/inject-apiserver-ca";
    /** The only cert-manager.io/ annotation a Certificate's secretTemplate may carry. */
    public static final String ALLOW_DIRECT_INJECTION = "cert-manager.io/allow-direct-injection";

    // ACME HTTP-01 on Ingress, Gateway, ListenerSet, Certificate and Order objects.

    public static final String ACME_HTTP01_EDIT_IN_PLACE = "acme.cert-manager.io/http01-edit-in-place";
    public static final String ACME_HTTP01_INGRESS_CLASS = "acme.cert-manager.io/http01-ingress-class";
    public static final String ACME_HTTP01_INGRESS_INGRESS_CLASS_NAME =
            "acme.cert-manager.io/http01-ingress-ingressclassname";
    public static final String ACME_HTTP01_OVERRIDE_INGRESS_NAME = "acme.cert-manager.io/http01-override-ingress-name";
    public static final String ACME_HTTP01_OVERRIDE_INGRESS_CLASS = "acme.cert-manager.io/http01-override-ingress-class";
    public static final String ACME_HTTP01_OVERRIDE_INGRESS_INGRESS_CLASS_NAME =
            "acme.cert-manager.io/http01-override-ingress-ingressclassname";
    public static final String ACME_HTTP01_PARENT_REF_NAME = "acme.cert-manager.io/http01-parentrefname";
    public static final String ACME_HTTP01_PARENT_REF_KIND = "acme.cert-manager.io/http01-parentrefkind";
    public static final String ACME_HTTP01_PARENT_REF_NAMESPACE = "acme.cert-manager.io/http01-parentrefnamespace";
    public static final String ACME_HTTP01_PARENT_REF_FALLBACK = "acme.cert-manager.io/http01-parentreffallback";
    /** Label on HTTP-01 solver objects: adler32 hash of the domain, in decimal. */
    public static final String ACME_HTTP_DOMAIN_LABEL = "acme.cert-manager.io/http-domain";
    /** Label on HTTP-01 solver objects: adler32 hash of the token, in decimal. */
    public static final String ACME_HTTP_TOKEN_LABEL = "acme.cert-manager.io/http-token";
    /** Label with value {@code "true"} on HTTP-01 solver objects. */
    public static final String ACME_HTTP01_SOLVER_LABEL = "acme.cert-manager.io/http01-solver";

    /** Ingress annotation that requests a certificate; the value must parse as boolean true. */
    public static final String INGRESS_TLS_ACME = "kubernetes.io/tls-acme";
    /** Ingress class annotation written on solver Ingresses from the solver's {@code class}. */
    public static final String INGRESS_CLASS = "kubernetes.io/ingress.class";

    // Venafi.

    public static final String VENAFI_CUSTOM_FIELDS = "venafi.cert-manager.io/custom-fields";
    public static final String VENAFI_PICKUP_ID = "venafi.cert-manager.io/pickup-id";

    // Kubernetes CertificateSigningRequest signers.

    public static final String EXPERIMENTAL_REQUEST_DURATION = "experimental.cert-manager.io/request-duration";
    public static final String EXPERIMENTAL_REQUEST_IS_CA = "experimental.cert-manager.io/request-is-ca";
    public static final String EXPERIMENTAL_PRIVATE_KEY_SECRET_NAME =
            "experimental.cert-manager.io/private-key-secret-name";
    public static final String EXPERIMENTAL_VENAFI_CUSTOM_FIELDS = "venafi.experimental.cert-manager.io/custom-fields";
    public static final String EXPERIMENTAL_VENAFI_PICKUP_ID = "venafi.experimental.cert-manager.io/pickup-id";

    private Annotations() {
    }
}
