package io.certwright.acme;

import io.certwright.acme.account.AccountSetup;
import io.certwright.acme.requests.OrderRequestFlow;
import io.certwright.api.model.CertificateRequest;
import io.certwright.core.issuers.IssuerBackend;
import io.certwright.core.issuers.IssuerContext;
import io.certwright.core.issuers.IssuerSetupResult;
import io.certwright.core.issuers.SignResult;
import java.util.Objects;

/**
 * The ACME issuer type: setup registers the ACME account, signing goes through an Order. Install it
 * with {@code IssuerBackends.defaults(...).with(IssuerType.ACME, backend)}. Thread-safe.
 */
public final class AcmeBackend implements IssuerBackend {
    private final AccountSetup accountSetup;
    private final OrderRequestFlow requestFlow;

    public AcmeBackend(AccountSetup accountSetup, OrderRequestFlow requestFlow) {
        this.accountSetup = Objects.requireNonNull(accountSetup, "accountSetup");
        this.requestFlow = Objects.requireNonNull(requestFlow, "requestFlow");
    }

    @Override
    public IssuerSetupResult setup(IssuerContext context) {
        return accountSetup.setup(context);
    }

    @Override
    public SignResult sign(CertificateRequest request, IssuerContext context) {
        return requestFlow.sign(request, context);
    }
}
