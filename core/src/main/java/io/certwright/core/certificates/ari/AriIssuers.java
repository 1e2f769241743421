package io.certwright.core.certificates.ari;

import io.certwright.api.model.ACMEIssuer;
import io.certwright.api.model.IssuerSpec;

/** Decides whether ACME Renewal Information applies to an issuer. */
public final class AriIssuers {
    /** {@code spec.acme.renewalInformationSource} value that turns ARI on; the CRD default. */
    public static final String SOURCE_ARI = "ARI";

    /** {@code spec.acme.renewalInformationSource} value that turns ARI off for one issuer. */
    public static final String SOURCE_NONE = "None";

    private AriIssuers() {
    }

    /**
     * Returns true when the feature gate {@code ACMEUseARI} is on and {@code spec} is an ACME issuer whose
     * {@code renewalInformationSource} is {@code ARI} or empty. Empty counts as {@code ARI} because issuers
     * stored before the CRD default existed have no value.
     */
    public static boolean enabled(boolean acmeUseAri, IssuerSpec spec) {
        if (!acmeUseAri || spec == null || spec.getAcme() == null) {
            return false;
        }
        ACMEIssuer acme = spec.getAcme();
        String source = acme.getRenewalInformationSource();
        return source == null || source.isEmpty() || SOURCE_ARI.equals(source);
    }
}
