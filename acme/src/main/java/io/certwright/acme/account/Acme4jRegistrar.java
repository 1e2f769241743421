package io.certwright.acme.account;

import io.certwright.acme.client.Acme4jClient;
import io.certwright.acme.client.AcmeClient;
import io.certwright.acme.client.AcmeClientException;
import io.certwright.acme.client.AcmeRequestMetrics;
import io.certwright.acme.client.ExternalAccountKey;
import io.certwright.acme.client.TlsTrust;
import java.net.URI;
import java.security.KeyPair;
import java.util.Objects;

/** {@link AccountRegistrar} over acme4j. Stateless and thread-safe. */
public final class Acme4jRegistrar implements AccountRegistrar {
    private final AcmeRequestMetrics metrics;

    /** Creates a registrar whose clients record no request metrics. */
    public Acme4jRegistrar() {
        this(AcmeRequestMetrics.NONE);
    }

    /** Creates a registrar whose clients report every HTTP request they send to {@code metrics}. */
    public Acme4jRegistrar(AcmeRequestMetrics metrics) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    @Override
    public AcmeClient register(URI directory, TlsTrust trust, KeyPair keyPair, String email,
            ExternalAccountKey externalAccount) throws AcmeClientException {
        Acme4jClient client = Acme4jClient.register(directory, trust, keyPair, email, externalAccount, metrics);
        try {
            client.updateContact(email);
        } catch (AcmeClientException e) {
            throw new ContactUpdateException(e);
        }
        return client;
    }

    @Override
    public AcmeClient login(URI directory, TlsTrust trust, KeyPair keyPair, URI accountUri)
            throws AcmeClientException {
        return Acme4jClient.login(directory, trust, keyPair, accountUri, metrics);
    }
}
