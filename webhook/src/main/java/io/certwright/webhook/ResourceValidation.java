package io.certwright.webhook;

import io.certwright.api.model.Certificate;
import io.certwright.api.model.CertificateRequest;
import io.certwright.api.model.Challenge;
import io.certwright.api.model.ClusterIssuer;
import io.certwright.api.model.Issuer;
import io.certwright.api.model.Order;
import io.certwright.api.validation.CertificateRequestValidator;
import io.certwright.api.validation.CertificateValidator;
import io.certwright.api.validation.ChallengeValidator;
import io.certwright.api.validation.FieldError;
import io.certwright.api.validation.IssuerValidator;
import io.certwright.api.validation.OrderValidator;
import io.certwright.api.validation.ValidationResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the field rules of each cert-manager kind: Certificate, Issuer and ClusterIssuer on CREATE
 * and UPDATE alike; CertificateRequest spec rules on CREATE and immutability on UPDATE; Order and
 * Challenge immutability on UPDATE. Only {@code v1} requests are validated, as cert-manager serves
 * no other version.
 */
final class ResourceValidation implements ValidationPlugin {
    private static final String VERSION = "v1";

    @Override
    public Verdict validate(AdmissionRequest request, AdmissionObjects objects) {
        GroupVersionResource resource = request.requestResource();
        if (!VERSION.equals(resource.version())) {
            return Verdict.NONE;
        }
        boolean update = request.operation() == Operation.UPDATE && objects.previous() != null;
        Class<?> type = AdmissionObjects.typeOf(resource);
        if (type == Certificate.class) {
            return Verdict.of(CertificateValidator.validate(objects.current(Certificate.class)));
        }
        if (type == CertificateRequest.class) {
            return update
                    ? Verdict.of(CertificateRequestValidator.validateUpdate(
                            objects.previous(CertificateRequest.class), objects.current(CertificateRequest.class)))
                    : validateNewRequest(objects.current(CertificateRequest.class));
        }
        if (type == Issuer.class) {
            return Verdict.of(IssuerValidator.validate(objects.current(Issuer.class)));
        }
        if (type == ClusterIssuer.class) {
            return Verdict.of(IssuerValidator.validate(objects.current(ClusterIssuer.class)));
        }
        if (type == Order.class && update) {
            return Verdict.of(OrderValidator.validateUpdate(objects.previous(Order.class), objects.current(Order.class)));
        }
        if (type == Challenge.class && update) {
            return Verdict.of(ChallengeValidator.validateUpdate(
                    objects.previous(Challenge.class), objects.current(Challenge.class)));
        }
        return Verdict.NONE;
    }

    /** Adds the CSR parsing and signature check to the field rules when the PEM framing is valid. */
    private static Verdict validateNewRequest(CertificateRequest request) {
        ValidationResult fieldRules = CertificateRequestValidator.validate(request);
        boolean requestFieldRejected = fieldRules.errors().stream()
                .anyMatch(error -> error.field().equals("spec.request") || error.field().equals("spec.usages"));
        if (requestFieldRejected) {
            return Verdict.of(fieldRules);
        }
        List<FieldError> errors = new ArrayList<>(fieldRules.errors());
        CsrCheck.validate(request.getSpec()).ifPresent(errors::add);
        return Verdict.of(new ValidationResult(errors, fieldRules.warnings()));
    }
}
