package io.certwright.webhook;

import io.certwright.api.validation.FieldError;
import io.certwright.api.validation.ValidationResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Result of one validation plugin: error messages, which reject the object when there is at least
 * one, and warnings, which the API server shows to the client either way.
 */
record Verdict(List<String> errors, List<String> warnings) {
    static final Verdict NONE = new Verdict(List.of(), List.of());

    Verdict {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    static Verdict of(ValidationResult result) {
        List<String> messages = new ArrayList<>();
        for (FieldError error : result.errors()) {
            messages.add(error.toString());
        }
        return new Verdict(messages, result.warnings());
    }

    static Verdict of(List<FieldError> errors) {
        return of(ValidationResult.of(errors));
    }
}
