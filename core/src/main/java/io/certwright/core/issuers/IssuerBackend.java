package io.certwright.core.issuers;

import io.certwright.api.model.CertificateRequest;

/**
 * One issuer type's behaviour: checking that an Issuer or ClusterIssuer can sign, and signing.
 *
 * <p>Contract:
 * <ul>
 *   <li>Implementations are thread-safe and keep no state between calls: the controllers call them
 *       from several workers at once, for different issuers and requests.</li>
 *   <li>Neither method changes its arguments or writes to the cluster; they read Secrets and return
 *       a decision that the calling controller writes and records.</li>
 *   <li>Expected problems (a missing Secret, bad PEM, a key that does not match) are returned as
 *       results with a reason and a message that names the object, the field and the fix. An
 *       exception means an unexpected fault; the controller retries it with backoff.</li>
 *   <li>Messages never contain private key material.</li>
 * </ul>
 */
public interface IssuerBackend {

    /**
     * Checks the issuer's configuration and the Secrets it references.
     *
     * @return the Ready condition to write and the events to record; never null
     */
    IssuerSetupResult setup(IssuerContext context);

    /**
     * Signs {@code request} for the issuer in {@code context}. The caller has already checked that the
     * request is approved, not denied, not finished, and that the issuer is of this backend's type and
     * Ready.
     *
     * @return a signed chain and CA, a Pending result, or a Failed result; never null
     */
    SignResult sign(CertificateRequest request, IssuerContext context);
}
