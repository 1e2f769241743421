package io.certwright.core.certificates.policies;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** An ordered list of named checks; evaluation stops at the first violation. */
public final class PolicyChain {

    /** A check with the name it is known by in logs and tests. */
    public record NamedCheck(String name, Check check) {

        public NamedCheck {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(check, "check");
        }
    }

    private final List<NamedCheck> checks;

    private PolicyChain(List<NamedCheck> checks) {
        this.checks = List.copyOf(checks);
    }

    /** Starts a chain; add checks in evaluation order. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the first violation in chain order, or empty when every check passes. */
    public Optional<Violation> evaluate(PolicyInput input) {
        for (NamedCheck named : checks) {
            Optional<Violation> violation = named.check().evaluate(input);
            if (violation.isPresent()) {
                return violation;
            }
        }
        return Optional.empty();
    }

    /** Returns the check names in evaluation order. */
    public List<String> names() {
        List<String> names = new ArrayList<>(checks.size());
        for (NamedCheck named : checks) {
            names.add(named.name());
        }
        return names;
    }

    /** Collects checks in evaluation order. */
    public static final class Builder {
        private final List<NamedCheck> checks = new ArrayList<>();

        private Builder() {}

        public Builder add(String name, Check check) {
            checks.add(new NamedCheck(name, check));
            return this;
        }

        public PolicyChain build() {
            return new PolicyChain(checks);
        }
    }
}
