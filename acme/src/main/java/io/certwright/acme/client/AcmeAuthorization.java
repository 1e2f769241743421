package io.certwright.acme.client;

import java.util.List;

/**
 * An authorization as the ACME server reported it.
 *
 * @param url authorization URL
 * @param status ACME status, lower case
 * @param identifier the identifier value, without {@code *.} for wildcards
 * @param wildcard whether the authorization is for a wildcard name
 * @param challenges the challenges it offers
 */
public record AcmeAuthorization(String url, String status, String identifier, boolean wildcard,
        List<Challenge> challenges) {

    public AcmeAuthorization {
        challenges = List.copyOf(challenges);
    }

    /**
     * One challenge of an authorization.
     *
     * @param url challenge URL
     * @param type ACME type, e.g. {@code http-01}
     * @param token the token, or null for types without one
     * @param status ACME status, lower case
     * @param error the server's problem detail when validation failed, or null
     */
    public record Challenge(String url, String type, String token, String status, String error) {
    }
}
