package io.certwright.acme.client;

import java.util.List;

/**
 * An order as the ACME server reported it.
 *
 * @param url order URL
 * @param status ACME status, lower case: pending, ready, processing, valid, invalid
 * @param finalizeUrl finalize URL
 * @param authorizationUrls URLs of the order's authorizations, in the server's order
 * @param error the server's problem detail when the order failed, or null
 */
public record AcmeOrder(String url, String status, String finalizeUrl, List<String> authorizationUrls, String error) {
    public AcmeOrder {
        authorizationUrls = List.copyOf(authorizationUrls);
    }
}
