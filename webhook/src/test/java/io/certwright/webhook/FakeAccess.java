package io.certwright.webhook;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A SubjectAccessReviewer and ApiResourceLookup that allow only the signer names given, serve
 * Issuer and ClusterIssuer in cert-manager.io, and record every review.
 */
final class FakeAccess implements SubjectAccessReviewer, ApiResourceLookup {
    final List<String> reviewedSignerNames = new ArrayList<>();
    private final Set<String> allowedSignerNames;
    private final boolean failReviews;

    FakeAccess(Set<String> allowedSignerNames, boolean failReviews) {
        this.allowedSignerNames = allowedSignerNames;
        this.failReviews = failReviews;
    }

    static FakeAccess allowing(String... signerNames) {
        return new FakeAccess(Set.of(signerNames), false);
    }

    static FakeAccess failing() {
        return new FakeAccess(Set.of(), true);
    }

    @Override
    public boolean isAllowed(UserInfo user, String verb, String group, String resource, String name) {
        if (!verb.equals("approve") || !group.equals("cert-manager.io") || !resource.equals("signers")) {
            throw new AssertionError("unexpected review: " + verb + " " + group + " " + resource);
        }
        reviewedSignerNames.add(name);
        if (failReviews) {
            throw new IllegalStateException("connection refused");
        }
        return allowedSignerNames.contains(name);
    }

    @Override
    public Optional<ApiResource> find(String group, String kind) {
        if (!group.equals("cert-manager.io")) {
            return Optional.empty();
        }
        return switch (kind) {
            case "Issuer" -> Optional.of(new ApiResource(group, "issuers", true));
            case "ClusterIssuer" -> Optional.of(new ApiResource(group, "clusterissuers", false));
            default -> Optional.empty();
        };
    }
}
