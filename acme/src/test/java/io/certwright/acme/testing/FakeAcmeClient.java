package io.certwright.acme.testing;

import io.certwright.acme.client.AcmeAuthorization;
import io.certwright.acme.client.AcmeClient;
import io.certwright.acme.client.AcmeClientException;
import io.certwright.acme.client.AcmeIdentifier;
import io.certwright.acme.client.AcmeOrder;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An ACME client whose responses a test sets up. Every call the test did not prepare fails with an
 * AssertionError naming the call, so unexpected traffic is visible.
 */
public final class FakeAcmeClient implements AcmeClient {
    public final Map<String, AcmeOrder> orders = new HashMap<>();
    public final Map<String, AcmeAuthorization> authorizations = new HashMap<>();
    public final Map<String, AcmeClientException> acceptFailures = new HashMap<>();
    public final Map<String, AcmeAuthorization> authorizationsAfterAccept = new HashMap<>();
    public final List<String> accepted = new ArrayList<>();
    public AcmeOrder newOrderResult;
    public AcmeClientException newOrderFailure;
    public List<AcmeIdentifier> lastIdentifiers;

    @Override
    public String accountUri() {
        return "https://acme.test/account/1";
    }

    @Override
    public AcmeOrder newOrder(List<AcmeIdentifier> identifiers, Instant notAfter, String profile)
            throws AcmeClientException {
        lastIdentifiers = identifiers;
        if (newOrderFailure != null) {
            throw newOrderFailure;
        }
        return require(newOrderResult, "newOrder");
    }

    @Override
    public AcmeOrder getOrder(String orderUrl) {
        return require(orders.get(orderUrl), "getOrder " + orderUrl);
    }

    @Override
    public AcmeAuthorization getAuthorization(String authorizationUrl) {
        return require(authorizations.get(authorizationUrl), "getAuthorization " + authorizationUrl);
    }

    @Override
    public void acceptChallenge(String challengeUrl) throws AcmeClientException {
        accepted.add(challengeUrl);
        AcmeClientException failure = acceptFailures.get(challengeUrl);
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public AcmeAuthorization waitForAuthorization(String authorizationUrl, Duration timeout) {
        return require(authorizationsAfterAccept.get(authorizationUrl), "waitForAuthorization " + authorizationUrl);
    }

    @Override
    public AcmeOrder finalizeOrder(String orderUrl, byte[] csrDer) {
        throw new AssertionError("unexpected finalizeOrder " + orderUrl);
    }

    @Override
    public List<List<X509Certificate>> certificateChains(String orderUrl) {
        throw new AssertionError("unexpected certificateChains " + orderUrl);
    }

    @Override
    public String http01KeyAuthorization(String token) {
        return token + ".thumbprint";
    }

    private static <T> T require(T value, String call) {
        if (value == null) {
            throw new AssertionError("unexpected ACME call: " + call);
        }
        return value;
    }
}
