package io.certwright.core.certificates.ari;

import io.certwright.api.model.CertManagerResource;
import io.certwright.api.model.IssuerSpec;
import io.certwright.api.model.IssuerStatus;
import java.security.cert.X509Certificate;

/**
 * Port to the ACME Renewal Information (ARI, RFC 9773) of an ACME issuer's server. The readiness controller
 * calls it, and the acme module implements it with the ACME client registered for the issuer.
 *
 * <p>Contract: implementations are thread-safe, block until the server responds, and never write to the
 * cluster.
 */
@FunctionalInterface
public interface RenewalInfoSource {

    /** The source used when no ACME module is wired in: every fetch fails as for an issuer not yet set up. */
    RenewalInfoSource NONE = (issuer, certificate) -> {
        throw new RenewalInfoException("no ACME client is available for issuer "
                + issuer.getMetadata().getName() + ": the ACME issuer is not part of this process");
    };

    /**
     * Fetches the server's suggested renewal window for {@code certificate}, which {@code issuer} issued.
     *
     * @throws RenewalInfoException when the fetch failed, or with {@link RenewalInfoException#unsupported()}
     *     true when the server's directory has no {@code renewalInfo} resource
     */
    RenewalInfo fetch(CertManagerResource<IssuerSpec, IssuerStatus> issuer, X509Certificate certificate)
            throws RenewalInfoException;
}
