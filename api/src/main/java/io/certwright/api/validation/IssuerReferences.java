package io.certwright.api.validation;

import io.certwright.api.Defaults;
import io.certwright.api.model.IssuerReference;
import java.util.ArrayList;
import java.util.List;

/** The issuerRef rule shared by Certificates and CertificateRequests. */
final class IssuerReferences {
    private IssuerReferences() {
    }

    /**
     * Checks that the name is set and, for the cert-manager.io group (or an empty group), that the
     * kind is empty, Issuer or ClusterIssuer. Kinds of other groups belong to external issuers and
     * are not checked.
     */
    static List<FieldError> validate(IssuerReference ref, String specPath) {
        List<FieldError> errors = new ArrayList<>();
        String refPath = specPath + ".issuerRef";
        String name = ref == null ? null : ref.getName();
        String kind = ref == null || ref.getKind() == null ? "" : ref.getKind();
        String group = ref == null || ref.getGroup() == null ? "" : ref.getGroup();
        if (name == null || name.isEmpty()) {
            errors.add(FieldError.required(refPath + ".name", "must be specified"));
        }
        if (group.isEmpty() || group.equals(Defaults.GROUP)) {
            if (!kind.isEmpty() && !kind.equals(Defaults.ISSUER_KIND) && !kind.equals(Defaults.CLUSTER_ISSUER_KIND)) {
                String message = "must be one of Issuer or ClusterIssuer";
                if (group.isEmpty()) {
                    // A kind of an external issuer with the group left out is an easy mistake, so name the fix.
                    // cert-manager v1.21 prints "spec.issuerRef.kind.group" here (it builds the path from the
                    // kind's path); this names the field the user has to set.
                    message += " (did you forget to set " + refPath + ".group?)";
                }
                errors.add(FieldError.invalid(refPath + ".kind", kind, message));
            }
        }
        return errors;
    }
}
