package io.certwright.acme.ari;

import io.certwright.acme.account.AccountRegistry;
import io.certwright.acme.client.AcmeClient;
import io.certwright.acme.client.AcmeClientException;
import io.certwright.acme.client.AcmeUnsupportedException;
import io.certwright.api.model.CertManagerResource;
import io.certwright.api.model.IssuerSpec;
import io.certwright.api.model.IssuerStatus;
import io.certwright.core.certificates.ari.RenewalInfo;
import io.certwright.core.certificates.ari.RenewalInfoException;
import io.certwright.core.certificates.ari.RenewalInfoSource;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * Fetches ACME Renewal Information with the ACME client that the issuer controller registered for the
 * issuer's UID. Until the issuer has been set up in this process the fetch fails, as in cert-manager.
 * Thread-safe.
 */
public final class AcmeRenewalInfoSource implements RenewalInfoSource {
    private final AccountRegistry accounts;

    public AcmeRenewalInfoSource(AccountRegistry accounts) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
    }

    @Override
    public RenewalInfo fetch(CertManagerResource<IssuerSpec, IssuerStatus> issuer, X509Certificate certificate)
            throws RenewalInfoException {
        AcmeClient client = accounts.get(issuer.getMetadata().getUid()).orElseThrow(() -> new RenewalInfoException(
                "ACME client for issuer " + issuer.getMetadata().getName()
                        + " not found: the issuer has not been set up yet"));
        try {
            return client.renewalInfo(certificate);
        } catch (AcmeUnsupportedException e) {
            throw RenewalInfoException.unsupportedByServer(e.getMessage(), e);
        } catch (AcmeClientException e) {
            throw new RenewalInfoException(e.getMessage(), false, e);
        }
    }
}
