package io.certwright.kubernetes.webhook;

import io.certwright.webhook.SubjectAccessReviewer;
import io.certwright.webhook.UserInfo;
import io.fabric8.kubernetes.api.model.authorization.v1.ResourceAttributesBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Answers access questions with a SubjectAccessReview, which needs {@code create} on
 * {@code subjectaccessreviews} in {@code authorization.k8s.io} for the webhook's own account.
 */
public final class KubernetesSubjectAccessReviewer implements SubjectAccessReviewer {
    private final KubernetesClient client;

    public KubernetesSubjectAccessReviewer(KubernetesClient client) {
        this.client = client;
    }

    @Override
    public boolean isAllowed(UserInfo user, String verb, String group, String resource, String name) {
        Map<String, List<String>> extra = new HashMap<>(user.extra());
        SubjectAccessReview review = new SubjectAccessReviewBuilder()
                .withNewSpec()
                .withUser(user.username())
                .withUid(user.uid())
                .withGroups(user.groups())
                .withExtra(extra)
                .withResourceAttributes(new ResourceAttributesBuilder()
                        .withGroup(group)
                        .withVersion("*")
                        .withResource(resource)
                        .withVerb(verb)
                        .withName(name)
                        .build())
                .endSpec()
                .build();
        SubjectAccessReview answer = client.authorization().v1().subjectAccessReview().create(review);
        return answer.getStatus() != null && Boolean.TRUE.equals(answer.getStatus().getAllowed());
    }
}
