package io.certwright.core.certificates.policies;

import java.util.Optional;

/**
 * One policy rule. A check may assume that every check before it in its chain passed; for example
 * the checks after "Secret exists" and "Secret has data" read {@code tls.crt} and {@code tls.key}
 * without checking for null again.
 */
@FunctionalInterface
public interface Check {

    /** Returns the violation of this rule, or empty when {@code input} satisfies it. */
    Optional<Violation> evaluate(PolicyInput input);
}
