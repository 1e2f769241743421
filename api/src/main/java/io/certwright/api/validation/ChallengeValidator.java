package io.certwright.api.validation;

import io.certwright.api.model.Challenge;
import java.util.List;
import java.util.Objects;

/**
 * Admission rules for an ACME Challenge. A new Challenge is always valid. Its spec is immutable
 * afterwards, because the challenges controller presents exactly the token and key that the ACME
 * server issued for that challenge URL.
 */
public final class ChallengeValidator {

    private ChallengeValidator() {
    }

    /** Validates an update of {@code previous} to {@code updated}. */
    public static ValidationResult validateUpdate(Challenge previous, Challenge updated) {
        if (Objects.equals(previous.getSpec(), updated.getSpec())) {
            return ValidationResult.of(List.of());
        }
        return ValidationResult.of(List.of(FieldError.forbidden("spec", "challenge spec is immutable after creation")));
    }
}
