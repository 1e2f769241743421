package io.certwright.core.issuers;

import io.certwright.api.model.CertificateRequest;

/**
 * Stands in for an issuer type this Certwright version cannot run yet (Vault, Venafi, ACME): the
 * issuer stays Ready=False with a reason cert-manager uses for that type and a message saying the
 * type is not supported, and nothing is signed. Stateless and thread-safe.
 */
public final class UnsupportedBackend implements IssuerBackend {
    private final IssuerType type;
    private final String reason;

    /**
     * @param reason the Ready=False reason cert-manager uses for a failed setup of this type, so that
     *     tools matching on it keep working, e.g. {@code VaultError}
     */
    public UnsupportedBackend(IssuerType type, String reason) {
        this.type = type;
        this.reason = reason;
    }

    /** Returns the stand-in for Vault, Venafi or ACME issuers, or null for the types Certwright implements. */
    public static UnsupportedBackend forType(IssuerType type) {
        return switch (type) {
            case VAULT -> new UnsupportedBackend(type, "VaultError");
            case VENAFI -> new UnsupportedBackend(type, "ErrorSetup");
            case ACME -> new UnsupportedBackend(type, "ErrRegisterACMEAccount");
            case CA, SELF_SIGNED -> null;
        };
    }

    @Override
    public IssuerSetupResult setup(IssuerContext context) {
        String message = message();
        return IssuerSetupResult.notReady(reason, message, IssuerEvent.warning(reason, message));
    }

    @Override
    public SignResult sign(CertificateRequest request, IssuerContext context) {
        return new SignResult.Failed(reason, message());
    }

    private String message() {
        return "The " + type.id() + " issuer type is not supported by this Certwright version yet;"
                + " use a ca or selfSigned issuer";
    }
}
