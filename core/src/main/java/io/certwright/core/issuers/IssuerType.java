package io.certwright.core.issuers;

import io.certwright.api.model.IssuerSpec;
import java.util.Optional;

/**
 * The built-in issuer types, named as cert-manager names them in controller names such as
 * {@code certificaterequests-issuer-ca}.
 */
public enum IssuerType {
    ACME("acme"),
    CA("ca"),
    VAULT("vault"),
    SELF_SIGNED("selfsigned"),
    VENAFI("venafi");

    private final String id;

    IssuerType(String id) {
        this.id = id;
    }

    /** The lower-case name used in controller names, e.g. {@code selfsigned}. */
    public String id() {
        return id;
    }

    /**
     * Returns the type an issuer spec configures, or empty when it configures none. When several
     * are set (the admission webhook rejects that, but a file need not pass it), the first of
     * acme, ca, vault, selfSigned, venafi wins, as in cert-manager.
     */
    public static Optional<IssuerType> of(IssuerSpec spec) {
        if (spec == null) {
            return Optional.empty();
        }
        if (spec.getAcme() != null) {
            return Optional.of(ACME);
        }
        if (spec.getCa() != null) {
            return Optional.of(CA);
        }
        if (spec.getVault() != null) {
            return Optional.of(VAULT);
        }
        if (spec.getSelfSigned() != null) {
            return Optional.of(SELF_SIGNED);
        }
        if (spec.getVenafi() != null) {
            return Optional.of(VENAFI);
        }
        return Optional.empty();
    }
}
