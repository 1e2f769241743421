package io.certwright.webhook;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles AdmissionRequests for the cert-manager kinds with cert-manager's plugin chain:
 * CertificateRequest identity, then CertificateRequest approval, then resource validation.
 * Every plugin runs; a denial lists the messages of all of them, each once, in Kubernetes'
 * aggregate form ({@code [a, b]}, or the message alone when there is one). Thread-safe.
 */
public final class AdmissionHandler {
    private static final Logger log = LoggerFactory.getLogger(AdmissionHandler.class);

    private final List<ValidationPlugin> validationChain;

    /**
     * Creates the handler.
     *
     * @param reviewer checks approve permission when a user approves or denies a CertificateRequest
     * @param resources resolves the issuer kind of a CertificateRequest to its resource name
     */
    public AdmissionHandler(SubjectAccessReviewer reviewer, ApiResourceLookup resources) {
        this.validationChain = List.of(
                new CertificateRequestIdentity(),
                new CertificateRequestApproval(reviewer, resources),
                new ResourceValidation());
    }

    /** Returns the response to a request sent to {@code /validate}. */
    public AdmissionResponse validate(AdmissionRequest request) {
        if (request.operation() != Operation.CREATE && request.operation() != Operation.UPDATE) {
            return AdmissionResponse.allow(request.uid(), List.of());
        }
        Optional<AdmissionObjects> objects;
        try {
            objects = AdmissionObjects.decode(request);
        } catch (IllegalArgumentException e) {
            log.warn("admission request rejected, its object could not be decoded: uid={} request={}: {}",
                    request.uid(), request.describe(), e.getMessage());
            return AdmissionResponse.error(request.uid(), 400, e.getMessage());
        }
        if (objects.isEmpty()) {
            return AdmissionResponse.allow(request.uid(), List.of());
        }

        Set<String> errors = new LinkedHashSet<>();
        List<String> warnings = new ArrayList<>();
        for (ValidationPlugin plugin : validationChain) {
            Verdict verdict = runPlugin(plugin, request, objects.get());
            errors.addAll(verdict.errors());
            warnings.addAll(verdict.warnings());
        }
        if (errors.isEmpty()) {
            return AdmissionResponse.allow(request.uid(), warnings);
        }
        String message = aggregate(List.copyOf(errors));
        log.debug("admission request denied: uid={} request={} message={}", request.uid(), request.describe(),
                message);
        return AdmissionResponse.deny(request.uid(), message, warnings);
    }

    /** Returns the response to a request sent to {@code /mutate}; only a CertificateRequest CREATE gets a patch. */
    public AdmissionResponse mutate(AdmissionRequest request) {
        if (!CertificateRequestIdentity.mutates(request)) {
            return AdmissionResponse.allow(request.uid(), List.of());
        }
        return AdmissionResponse.allowWithPatch(request.uid(), CertificateRequestIdentity.patch(request));
    }

    private static Verdict runPlugin(ValidationPlugin plugin, AdmissionRequest request, AdmissionObjects objects) {
        try {
            return plugin.validate(request, objects);
        } catch (RuntimeException e) {
            // A plugin that cannot decide denies, as cert-manager's chain returns the error.
            log.error("admission plugin failed: plugin={} uid={} request={}", plugin.getClass().getSimpleName(),
                    request.uid(), request.describe(), e);
            return new Verdict(List.of(plugin.getClass().getSimpleName() + " failed: " + e.getMessage()), List.of());
        }
    }

    /** Joins messages as Kubernetes' error aggregate prints them. */
    static String aggregate(List<String> messages) {
        if (messages.size() == 1) {
            return messages.get(0);
        }
        return "[" + String.join(", ", messages) + "]";
    }
}
