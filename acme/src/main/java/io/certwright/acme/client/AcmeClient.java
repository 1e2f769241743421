package io.certwright.acme.client;

import io.certwright.core.certificates.ari.RenewalInfo;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The ACME operations the Order and Challenge controllers need, for one registered account.
 *
 * <p>Contract: implementations are thread-safe. Every method talks to the ACME server and blocks
 * until it answers; a problem document from the server or a network error is raised as
 * {@link AcmeClientException}, which says whether retrying can help. Nothing here writes to the
 * cluster.
 */
public interface AcmeClient {

    /** The account URL the server assigned at registration. */
    String accountUri();

    /**
     * Creates an order (RFC 8555 newOrder).
     *
     * @param notAfter requested notAfter, or null to let the server choose
     * @param profile ACME profile name, or null for none
     */
    AcmeOrder newOrder(List<AcmeIdentifier> identifiers, Instant notAfter, String profile) throws AcmeClientException;

    /**
     * Creates an order (RFC 8555 newOrder) that, when {@code replaces} is set, names the certificate it
     * replaces (RFC 9773 section 5).
     *
     * @param replaces ARI CertID of the replaced certificate, or null for none
     * @throws AcmeUnsupportedException when {@code replaces} is set and the server has no ARI
     */
    default AcmeOrder newOrder(List<AcmeIdentifier> identifiers, Instant notAfter, String profile, String replaces)
            throws AcmeClientException {
        if (replaces != null) {
            throw new AcmeUnsupportedException("this ACME client cannot send replaces", null);
        }
        return newOrder(identifiers, notAfter, profile);
    }

    /**
     * Fetches the ACME Renewal Information of {@code certificate} (RFC 9773 section 4) with an unauthenticated
     * GET of the directory's {@code renewalInfo} URL followed by the certificate's CertID.
     *
     * @throws AcmeUnsupportedException when the server's directory has no {@code renewalInfo} resource
     * @throws AcmeClientException when the request fails or the response has no valid suggested window
     */
    default RenewalInfo renewalInfo(X509Certificate certificate) throws AcmeClientException {
        throw new AcmeUnsupportedException("this ACME client cannot fetch renewal information", null);
    }

    /** Fetches an order by URL. */
    AcmeOrder getOrder(String orderUrl) throws AcmeClientException;

    /** Fetches an authorization by URL, with its challenges. */
    AcmeAuthorization getAuthorization(String authorizationUrl) throws AcmeClientException;

    /** Tells the server that the challenge is ready to be validated. */
    void acceptChallenge(String challengeUrl) throws AcmeClientException;

    /**
     * Polls the authorization until it leaves {@code pending} and {@code processing}, or until
     * {@code timeout} passes, and returns its last state.
     */
    AcmeAuthorization waitForAuthorization(String authorizationUrl, Duration timeout)
            throws AcmeClientException, InterruptedException;

    /** Sends the DER CSR to the order's finalize URL and returns the order afterwards. */
    AcmeOrder finalizeOrder(String orderUrl, byte[] csrDer) throws AcmeClientException;

    /**
     * Downloads the certificate of a valid order: the default chain first, then each alternate chain
     * the server links with {@code rel="alternate"}, each leaf first, in the order the server sent them.
     */
    List<List<X509Certificate>> certificateChains(String orderUrl) throws AcmeClientException;

    /** Returns the HTTP-01 key authorization of {@code token}: {@code token.base64url(JWK thumbprint)}. */
    String http01KeyAuthorization(String token);
}
