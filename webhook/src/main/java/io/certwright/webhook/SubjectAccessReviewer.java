package io.certwright.webhook;

/**
 * Asks the API server's authorizer whether a user may perform a verb on a resource, as a
 * SubjectAccessReview does. Implementations are thread-safe.
 */
public interface SubjectAccessReviewer {
    /**
     * Returns whether {@code user} may {@code verb} the object {@code name} of {@code resource} in
     * {@code group}, in any API version and at cluster scope.
     *
     * @throws RuntimeException when the review could not be made; the approval check then treats the
     *     user as not allowed
     */
    boolean isAllowed(UserInfo user, String verb, String group, String resource, String name);
}
