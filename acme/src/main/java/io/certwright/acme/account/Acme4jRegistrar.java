package io.certwright.acme.account;

import io.certwright.acme.client.Acme4jClient;
import io.certwright.acme.client.AcmeClient;
import io.certwright.acme.client.AcmeClientException;
import io.certwright.acme.client.ExternalAccountKey;
import io.certwright.acme.client.TlsTrust;
import java.net.URI;
import java.security.KeyPair;

/** {@link AccountRegistrar} over acme4j. Stateless and thread-safe. */
public final class Acme4jRegistrar implements AccountRegistrar {

    @Override
    public AcmeClient register(URI directory, TlsTrust trust, KeyPair keyPair, String email,
            ExternalAccountKey externalAccount) throws AcmeClientException {
        Acme4jClient client = Acme4jClient.register(directory, trust, keyPair, email, externalAccount);
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
        return Acme4jClient.login(directory, trust, keyPair, accountUri);
    }
}
