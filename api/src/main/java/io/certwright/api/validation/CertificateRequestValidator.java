package io.certwright.api.validation;

import io.certwright.api.Annotations;
import io.certwright.api.Conditions;
import io.certwright.api.KeyUsages;
import io.certwright.api.model.CertificateRequest;
import io.certwright.api.model.CertificateRequestCondition;
import io.certwright.api.model.CertificateRequestSpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Admission rules for a CertificateRequest: issuerRef, the request PEM, the usages, and the rules
 * for Approved and Denied conditions. On update, the spec and cert-manager annotations are also immutable.
 *
 * <p>NOTE: the webhook also parses the CSR, verifies its signature and checks that its
 * BasicConstraints and key usage extensions agree with {@code isCA} and {@code usages}. That needs
 * an ASN.1 library, so this class checks only the PEM framing and the DER outer structure, and the
 * core checks the rest before signing.
 */
public final class CertificateRequestValidator {
    private static final Pattern PEM_BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\r?\\n([A-Za-z0-9+/=\\s]*?)-----END \\1-----");
    private static final int MAX_REQUEST_IN_MESSAGE = 100;
    private static final String ACME_ANNOTATION_PREFIX = "acme.cert-manager.io";

    private CertificateRequestValidator() {
    }

    /** Validates a CertificateRequest as the webhook does on create. */
    public static ValidationResult validate(CertificateRequest request) {
        List<FieldError> errors = new ArrayList<>();
        CertificateRequestSpec spec = request.getSpec() == null ? new CertificateRequestSpec() : request.getSpec();
        errors.addAll(IssuerReferences.validate(spec.getIssuerRef(), "spec"));
        validateRequest(spec, errors);
        errors.addAll(validateApprovalConditions(conditions(request)));
        return ValidationResult.of(errors);
    }

    /** Validates an update: spec, cert-manager annotations and set approval conditions are immutable. */
    public static ValidationResult validateUpdate(CertificateRequest previous, CertificateRequest updated) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, String> oldAnnotations = annotations(previous);
        Map<String, String> newAnnotations = annotations(updated);
        compareAnnotations(oldAnnotations, newAnnotations, errors);
        compareAnnotations(newAnnotations, oldAnnotations, errors);

        List<CertificateRequestCondition> oldConditions = conditions(previous);
        List<CertificateRequestCondition> newConditions = conditions(updated);
        Optional<CertificateRequestCondition> oldApproved = find(oldConditions, Conditions.APPROVED);
        if (oldApproved.isPresent() && !oldApproved.equals(find(newConditions, Conditions.APPROVED))) {
            errors.add(FieldError.forbidden("status.conditions", "'Approved' condition may not be modified once set"));
        }
        Optional<CertificateRequestCondition> oldDenied = find(oldConditions, Conditions.DENIED);
        if (oldDenied.isPresent() && !oldDenied.equals(find(newConditions, Conditions.DENIED))) {
            errors.add(FieldError.forbidden("status.conditions", "'Denied' condition may not be modified once set"));
        }
        errors.addAll(validateApprovalConditions(newConditions));

        if (!Objects.equals(previous.getSpec(), updated.getSpec())) {
            errors.add(FieldError.forbidden("spec", "cannot change spec after creation"));
        }
        return ValidationResult.of(errors);
    }

    private static void validateRequest(CertificateRequestSpec spec, List<FieldError> errors) {
        byte[] request = spec.getRequest();
        if (request == null || request.length == 0) {
            errors.add(FieldError.required("spec.request", "must be specified"));
            return;
        }

        List<String> usages = spec.getUsages() == null ? List.of() : spec.getUsages();
        List<String> unknown = usages.stream().filter(usage -> !KeyUsages.isKnown(usage)).toList();
        if (!unknown.isEmpty()) {
            errors.add(FieldError.invalid("spec.usages", usages, "unknown key usages: [" + String.join(" ", unknown) + "]"));
            return;
        }

        String text = new String(request, StandardCharsets.UTF_8);
        Optional<String> problem = pemProblem(text);
        problem.ifPresent(message -> errors.add(FieldError.invalid("spec.request", truncate(text), message)));
    }

    /** Checks that the bytes hold a PEM block whose body is a DER SEQUENCE of exactly the block's length. */
    private static Optional<String> pemProblem(String text) {
        Matcher matcher = PEM_BLOCK.matcher(text);
        if (!matcher.find()) {
            return Optional.of("error decoding certificate request PEM block");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(matcher.group(2).replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            return Optional.of("error decoding certificate request PEM block");
        }
        if (!isDerSequence(der)) {
            return Optional.of("error parsing certificate request: the PEM block is not a DER-encoded PKCS#10 request");
        }
        return Optional.empty();
    }

    private static boolean isDerSequence(byte[] der) {
        if (der.length < 2 || der[0] != 0x30) {
            return false;
        }
        int first = der[1] & 0xff;
        long length;
        int header;
        if (first < 0x80) {
            length = first;
            header = 2;
        } else {
            int count = first & 0x7f;
            if (count == 0 || count > 4 || der.length < 2 + count) {
                return false;
            }
            length = 0;
            for (int i = 0; i < count; i++) {
                length = (length << 8) | (der[2 + i] & 0xff);
            }
            header = 2 + count;
        }
        return header + length == der.length;
    }

    /** Approved and Denied: at most one of each, status True only, never both. */
    static List<FieldError> validateApprovalConditions(List<CertificateRequestCondition> conditions) {
        List<FieldError> errors = new ArrayList<>();
        List<CertificateRequestCondition> approved = conditions.stream()
                .filter(c -> Conditions.APPROVED.equals(c.getType())).toList();
        List<CertificateRequestCondition> denied = conditions.stream()
                .filter(c -> Conditions.DENIED.equals(c.getType())).toList();
        for (List<CertificateRequestCondition> found : List.of(approved, denied)) {
            if (found.isEmpty()) {
                continue;
            }
            String type = found.get(0).getType();
            if (found.size() > 1) {
                errors.add(FieldError.forbidden("status.conditions", "multiple \"" + type + "\" conditions present"));
                continue;
            }
            String status = found.get(0).getStatus() == null ? "" : found.get(0).getStatus();
            if (!Conditions.TRUE.equals(status)) {
                errors.add(FieldError.invalid("status.conditions." + type, status,
                        "\"" + type + "\" condition may only be set to True"));
            }
        }
        if (!approved.isEmpty() && !denied.isEmpty()) {
            errors.add(FieldError.forbidden("status.conditions", "both 'Denied' and 'Approved' conditions cannot coexist"));
        }
        return errors;
    }

    private static void compareAnnotations(Map<String, String> a, Map<String, String> b, List<FieldError> errors) {
        for (String key : new TreeSet<>(a.keySet())) {
            // Prefixes without the slash, as cert-manager checks them.
            boolean reserved = key.startsWith(Annotations.PREFIX.substring(0, Annotations.PREFIX.length() - 1))
                    || key.startsWith(ACME_ANNOTATION_PREFIX);
            if (reserved && (!b.containsKey(key) || !Objects.equals(a.get(key), b.get(key)))) {
                errors.add(FieldError.forbidden("metadata.annotations." + key,
                        "cannot change cert-manager annotation after creation"));
            }
        }
    }

    private static Map<String, String> annotations(CertificateRequest request) {
        if (request.getMetadata() == null || request.getMetadata().getAnnotations() == null) {
            return Map.of();
        }
        return request.getMetadata().getAnnotations();
    }

    private static List<CertificateRequestCondition> conditions(CertificateRequest request) {
        if (request.getStatus() == null || request.getStatus().getConditions() == null) {
            return List.of();
        }
        return request.getStatus().getConditions();
    }

    private static Optional<CertificateRequestCondition> find(List<CertificateRequestCondition> conditions, String type) {
        return conditions.stream().filter(c -> type.equals(c.getType())).findFirst();
    }

    private static String truncate(String text) {
        if (text.length() <= MAX_REQUEST_IN_MESSAGE) {
            return text;
        }
        return text.substring(0, MAX_REQUEST_IN_MESSAGE - 3) + "...";
    }
}
