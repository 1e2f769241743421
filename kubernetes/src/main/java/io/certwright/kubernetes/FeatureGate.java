package io.certwright.kubernetes;

/**
 * The feature gates of cert-manager's controller ({@code --feature-gates}), with their stage and default.
 * Certwright implements most gates in their default state only, so {@link FeatureGates#parse} rejects any other
 * value. The exceptions are the gates that are {@link #switchable()}, and {@link #VALIDATE_CAA}, which
 * cert-manager removed and accepts as a no-op.
 */
public enum FeatureGate {
    ACME_HTTP01_INGRESS_PATH_TYPE_EXACT("ACMEHTTP01IngressPathTypeExact", Stage.BETA, true),
    ACME_USE_ARI("ACMEUseARI", Stage.ALPHA, false),
    ADDITIONAL_CERTIFICATE_OUTPUT_FORMATS("AdditionalCertificateOutputFormats", Stage.GA, true),
    DEFAULT_PRIVATE_KEY_ROTATION_POLICY_ALWAYS("DefaultPrivateKeyRotationPolicyAlways", Stage.GA, true),
    DISALLOW_INSECURE_CSR_USAGE_DEFINITION("DisallowInsecureCSRUsageDefinition", Stage.GA, true),
    EXPERIMENTAL_CERTIFICATE_SIGNING_REQUEST_CONTROLLERS("ExperimentalCertificateSigningRequestControllers",
            Stage.ALPHA, false),
    EXPERIMENTAL_GATEWAY_API_SUPPORT("ExperimentalGatewayAPISupport", Stage.BETA, true),
    LISTENER_SETS("ListenerSets", Stage.ALPHA, false),
    LITERAL_CERTIFICATE_SUBJECT("LiteralCertificateSubject", Stage.BETA, true),
    NAME_CONSTRAINTS("NameConstraints", Stage.BETA, true),
    OTHER_NAMES("OtherNames", Stage.BETA, true),
    SECRETS_FILTERED_CACHING("SecretsFilteredCaching", Stage.BETA, true),
    SERVER_SIDE_APPLY("ServerSideApply", Stage.ALPHA, false),
    STABLE_CERTIFICATE_REQUEST_NAME("StableCertificateRequestName", Stage.BETA, true),
    USE_CERTIFICATE_REQUEST_BASIC_CONSTRAINTS("UseCertificateRequestBasicConstraints", Stage.ALPHA, false),
    USE_DOMAIN_QUALIFIED_FINALIZER("UseDomainQualifiedFinalizer", Stage.GA, true),
    VALIDATE_CAA("ValidateCAA", Stage.REMOVED, false);

    /** Maturity of a gate, as Kubernetes component-base names it. */
    public enum Stage {
        ALPHA, BETA, GA,
        /** Removed from cert-manager but still accepted, with no effect, so that old flags do not fail. */
        REMOVED
    }

    private final String gateName;
    private final Stage stage;
    private final boolean defaultValue;

    FeatureGate(String gateName, Stage stage, boolean defaultValue) {
        this.gateName = gateName;
        this.stage = stage;
        this.defaultValue = defaultValue;
    }

    /** Returns the name used in {@code --feature-gates}, such as {@code ServerSideApply}. */
    public String gateName() {
        return gateName;
    }

    public Stage stage() {
        return stage;
    }

    public boolean defaultValue() {
        return defaultValue;
    }

    /** Returns whether Certwright implements both states of this gate, so that {@code --feature-gates} may set it. */
    public boolean switchable() {
        return this == ACME_USE_ARI;
    }
}
