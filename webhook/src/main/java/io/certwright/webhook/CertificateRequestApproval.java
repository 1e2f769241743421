package io.certwright.webhook;

import io.certwright.api.Conditions;
import io.certwright.api.model.CertificateRequest;
import io.certwright.api.model.CertificateRequestCondition;
import io.certwright.api.model.CertificateRequestSpec;
import io.certwright.api.model.IssuerReference;
import io.certwright.api.validation.FieldError;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks that the user who adds an Approved or Denied condition to a CertificateRequest may approve
 * requests for its issuer. The user needs the verb {@code approve} on the resource {@code signers}
 * in group {@code cert-manager.io}, for the name {@code <resource>.<group>/*} or, for a namespaced
 * issuer, {@code <resource>.<group>/<namespace>.<name>} (for a cluster-scoped one
 * {@code <resource>.<group>/<name>}), for example {@code issuers.cert-manager.io/demo.ca}.
 * Only updates of the {@code status} subresource are checked, because only there can the
 * conditions change.
 */
final class CertificateRequestApproval implements ValidationPlugin {
    private static final Logger log = LoggerFactory.getLogger(CertificateRequestApproval.class);
    static final String VERB = "approve";
    static final String SIGNERS_RESOURCE = "signers";

    private final SubjectAccessReviewer reviewer;
    private final ApiResourceLookup resources;

    CertificateRequestApproval(SubjectAccessReviewer reviewer, ApiResourceLookup resources) {
        this.reviewer = reviewer;
        this.resources = resources;
    }

    @Override
    public Verdict validate(AdmissionRequest request, AdmissionObjects objects) {
        if (request.operation() != Operation.UPDATE
                || !request.requestResource().is(AdmissionObjects.CERT_MANAGER_GROUP, "certificaterequests")
                || !"status".equals(request.requestSubResource())
                || objects.previous() == null) {
            return Verdict.NONE;
        }
        CertificateRequest previous = objects.previous(CertificateRequest.class);
        CertificateRequest current = objects.current(CertificateRequest.class);
        if (!approvalConditionAdded(previous, current)) {
            return Verdict.NONE;
        }

        IssuerReference reference = issuerReference(current);
        Optional<ApiResourceLookup.ApiResource> resource = resources.find(reference.getGroup(), reference.getKind());
        if (resource.isEmpty()) {
            return Verdict.of(List.of(FieldError.forbidden("spec.issuerRef",
                    "referenced signer resource does not exist: " + describe(reference))));
        }

        for (String signerName : signerNames(reference.getName(), request.namespace(), resource.get())) {
            if (allowed(request.userInfo(), signerName)) {
                return Verdict.NONE;
            }
        }
        return Verdict.of(List.of(FieldError.forbidden("status.conditions", "user "
                + FieldError.goQuote(request.userInfo().username())
                + " does not have permissions to set approved/denied conditions for issuer " + describe(reference))));
    }

    /** Returns the signer names that grant approval, the wildcard first. */
    static List<String> signerNames(String issuerName, String namespace, ApiResourceLookup.ApiResource resource) {
        String prefix = resource.resource() + "." + resource.group() + "/";
        String exact = resource.namespaced() ? prefix + namespace + "." + issuerName : prefix + issuerName;
        return List.of(prefix + "*", exact);
    }

    private boolean allowed(UserInfo user, String signerName) {
        try {
            return reviewer.isAllowed(user, VERB, AdmissionObjects.CERT_MANAGER_GROUP, SIGNERS_RESOURCE, signerName);
        } catch (RuntimeException e) {
            // As in cert-manager, a failed review counts as a denial: the API server retries the
            // admission call, and letting an approval through unchecked would bypass RBAC.
            log.warn("subject access review failed, treating the user as not allowed: user={} signer={}",
                    user.username(), signerName, e);
            return false;
        }
    }

    private static boolean approvalConditionAdded(CertificateRequest previous, CertificateRequest current) {
        return (find(previous, Conditions.APPROVED).isEmpty() && find(current, Conditions.APPROVED).isPresent())
                || (find(previous, Conditions.DENIED).isEmpty() && find(current, Conditions.DENIED).isPresent());
    }

    private static Optional<CertificateRequestCondition> find(CertificateRequest request, String type) {
        if (request.getStatus() == null || request.getStatus().getConditions() == null) {
            return Optional.empty();
        }
        return request.getStatus().getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
    }

    private static IssuerReference issuerReference(CertificateRequest request) {
        CertificateRequestSpec spec = request.getSpec() == null ? new CertificateRequestSpec() : request.getSpec();
        IssuerReference reference = spec.getIssuerRef() == null ? new IssuerReference() : spec.getIssuerRef();
        return reference;
    }

    /** Renders the reference as Go prints the struct with {@code %v}: {@code {name kind group}}. */
    private static String describe(IssuerReference reference) {
        return "{" + text(reference.getName()) + " " + text(reference.getKind()) + " " + text(reference.getGroup())
                + "}";
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
