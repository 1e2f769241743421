package io.certwright.api.model;


/** One ACME challenge of an Order's authorization ({@code acme.cert-manager.io/v1}, namespaced). */
public class Challenge extends CertManagerResource<ChallengeSpec, ChallengeStatus> {
    public static final String API_VERSION = "acme.cert-manager.io/v1";
    public static final String KIND = "Challenge";

    public Challenge() {
        super(API_VERSION, KIND);
    }
}
