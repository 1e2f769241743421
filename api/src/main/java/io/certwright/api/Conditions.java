package io.certwright.api;

/**
 * Condition types, statuses, reasons and fixed messages of Certificates, CertificateRequests and
 * (Cluster)Issuers, spelled exactly as cert-manager writes them so that tools matching on them
 * keep working.
 */
public final class Conditions {
    // Types.

    /** Certificate, CertificateRequest and Issuer readiness. */
    public static final String READY = "Ready";
    /** Certificate: an issuance is in progress. */
    public static final String ISSUING = "Issuing";
    /** CertificateRequest: approved by an approver; status may only be True. */
    public static final String APPROVED = "Approved";
    /** CertificateRequest: denied by an approver; status may only be True. */
    public static final String DENIED = "Denied";
    /** CertificateRequest: the signer will never process this request. */
    public static final String INVALID_REQUEST = "InvalidRequest";

    // Statuses.

    public static final String TRUE = "True";
    public static final String FALSE = "False";
    public static final String UNKNOWN = "Unknown";

    // Certificate reasons shared by the trigger (Issuing=True) and readiness (Ready=False) checks.

    public static final String REASON_DOES_NOT_EXIST = "DoesNotExist";
    public static final String REASON_MISSING_DATA = "MissingData";
    public static final String REASON_INVALID_KEY_PAIR = "InvalidKeyPair";
    public static final String REASON_INVALID_CERTIFICATE = "InvalidCertificate";
    public static final String REASON_INCORRECT_ISSUER = "IncorrectIssuer";
    public static final String REASON_INCORRECT_CERTIFICATE = "IncorrectCertificate";
    public static final String REASON_SECRET_MISMATCH = "SecretMismatch";
    public static final String REASON_INVALID_CERTIFICATE_REQUEST = "InvalidCertificateRequest";
    public static final String REASON_REQUEST_CHANGED = "RequestChanged";
    /** Readiness only: the certificate's notAfter has passed. */
    public static final String REASON_EXPIRED = "Expired";
    /** Readiness: the renewal time cannot be computed from the renewal windows. */
    public static final String REASON_WINDOW_ERROR = "WindowError";
    /** Trigger only: the renewal time has been reached (also used for a window error). */
    public static final String REASON_RENEWING = "Renewing";
    /** Issuing=True set by a user or tool, for example {@code cmctl renew}. */
    public static final String REASON_MANUALLY_TRIGGERED = "ManuallyTriggered";

    /** Certificate Ready=True. */
    public static final String REASON_READY = "Ready";
    public static final String MESSAGE_CERTIFICATE_READY = "Certificate is up to date and has not expired";

    // CertificateRequest Ready reasons; Issued is also the Certificate Issuing=False reason on success
    // with server-side apply, and Failed is copied onto the Certificate's Issuing=False condition.

    public static final String REASON_PENDING = "Pending";
    public static final String REASON_FAILED = "Failed";
    public static final String REASON_DENIED = "Denied";
    public static final String REASON_ISSUED = "Issued";
    public static final String MESSAGE_REQUEST_DENIED = "The CertificateRequest was denied by an approval controller";
    public static final String MESSAGE_REQUEST_ISSUED = "Certificate fetched from issuer successfully";

    /** Approved reason written by the internal approver. */
    public static final String REASON_APPROVED_BY_CERT_MANAGER = "cert-manager.io";
    public static final String MESSAGE_APPROVED_BY_CERT_MANAGER =
            "Certificate request has been approved by cert-manager.io";
    /** Default Approved and Denied reason of {@code cmctl approve} and {@code cmctl deny}. */
    public static final String REASON_KUBECTL_CERT_MANAGER = "KubectlCertManager";

    // Issuer and ClusterIssuer Ready reasons.

    /** SelfSigned Ready=True, with an empty message. */
    public static final String REASON_IS_READY = "IsReady";
    public static final String REASON_KEY_PAIR_VERIFIED = "KeyPairVerified";
    public static final String MESSAGE_KEY_PAIR_VERIFIED = "Signing CA verified";
    public static final String REASON_ERR_GET_KEY_PAIR = "ErrGetKeyPair";
    /** Prefix of the ErrGetKeyPair message; the cause follows. */
    public static final String MESSAGE_ERR_GET_KEY_PAIR_PREFIX = "Error getting keypair for CA issuer: ";
    public static final String REASON_ERR_INVALID_KEY_PAIR = "ErrInvalidKeyPair";
    public static final String REASON_VAULT_VERIFIED = "VaultVerified";
    public static final String MESSAGE_VAULT_VERIFIED = "Vault verified";
    public static final String REASON_VAULT_ERROR = "VaultError";
    /** Venafi Ready=True uses this text as both reason and message. */
    public static final String REASON_VENAFI_STARTED = "Certificate Manager issuer started";
    public static final String REASON_AUTH_FAILED = "AuthFailed";
    public static final String REASON_ERROR_SETUP = "ErrorSetup";
    public static final String REASON_ACME_ACCOUNT_REGISTERED = "ACMEAccountRegistered";
    public static final String MESSAGE_ACME_ACCOUNT_REGISTERED = "The ACME account was registered with the ACME server";
    public static final String REASON_INVALID_CONFIG = "InvalidConfig";
    public static final String REASON_ERR_REGISTER_ACME_ACCOUNT = "ErrRegisterACMEAccount";
    public static final String REASON_ERR_VERIFY_ACME_ACCOUNT = "ErrVerifyACMEAccount";
    public static final String REASON_ERR_UPDATE_ACME_ACCOUNT = "ErrUpdateACMEAccount";
    public static final String REASON_INVALID_URL = "InvalidURL";
    public static final String REASON_INVALID_SOLVER = "InvalidSolver";
    /** Warning event reason when an issuer's setup fails. */
    public static final String REASON_ERR_INIT_ISSUER = "ErrInitIssuer";
    /** Prefix of the ErrInitIssuer event message; the cause follows. */
    public static final String MESSAGE_ERR_INIT_ISSUER_PREFIX = "Error initializing issuer: ";
    /** Vault readiness message when more than one auth method is set. */
    public static final String MESSAGE_VAULT_MULTIPLE_AUTH =
            "Multiple auth methods cannot be set on the same Vault issuer";

    private Conditions() {
    }
}
