package io.certwright.acme.account;

import io.certwright.acme.client.AcmeClient;
import io.certwright.acme.client.AcmeClientException;
import io.certwright.acme.client.ExternalAccountKey;
import io.certwright.acme.client.TlsTrust;
import java.net.URI;
import java.security.KeyPair;

/**
 * Registers ACME accounts and opens clients for accounts already registered. Implementations are
 * thread-safe.
 */
public interface AccountRegistrar {

    /**
     * Registers the account of {@code keyPair} with termsOfServiceAgreed and the contact
     * {@code mailto:<email>}, or finds the existing account of that key, and updates its contact
     * when it differs.
     *
     * @param email lower-cased contact address, or empty for none
     * @param externalAccount the External Account Binding key to bind a new account with, or null for none
     * @throws ContactUpdateException when the account exists but its contact could not be updated
     */
    AcmeClient register(URI directory, TlsTrust trust, KeyPair keyPair, String email,
            ExternalAccountKey externalAccount) throws AcmeClientException;

    /** Returns a client for an account registered earlier, without contacting the server. */
    AcmeClient login(URI directory, TlsTrust trust, KeyPair keyPair, URI accountUri) throws AcmeClientException;

    /** The account exists but updating its contact failed. */
    final class ContactUpdateException extends AcmeClientException {
        public ContactUpdateException(AcmeClientException cause) {
            super(cause.getMessage(), cause.isClientError(), cause.problemType(), cause);
        }
    }
}
