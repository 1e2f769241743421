package io.certwright.api.model;

import java.util.Set;

/**
 * The values of {@code status.state} of Orders and Challenges, as cert-manager names them (lower case,
 * as the ACME server reports them, plus {@code errored} for problems outside the protocol).
 */
public final class States {
    public static final String VALID = "valid";
    public static final String READY = "ready";
    public static final String PENDING = "pending";
    public static final String PROCESSING = "processing";
    public static final String INVALID = "invalid";
    public static final String EXPIRED = "expired";
    public static final String ERRORED = "errored";

    private static final Set<String> FINAL = Set.of(VALID, INVALID, EXPIRED, ERRORED);
    private static final Set<String> FAILURE = Set.of(INVALID, EXPIRED, ERRORED);

    private States() {
    }

    /** Returns true for states that never change again: valid, invalid, expired, errored. */
    public static boolean isFinal(String state) {
        return state != null && FINAL.contains(state);
    }

    /** Returns true for the final states that mean failure: invalid, expired, errored. */
    public static boolean isFailure(String state) {
        return state != null && FAILURE.contains(state);
    }

    /**
     * Maps an ACME status ({@code pending}, {@code ready}, {@code processing}, {@code valid},
     * {@code invalid}, {@code expired}, {@code deactivated}, {@code revoked}) onto a state. Deactivated
     * and revoked authorizations can no longer be used, so they count as invalid.
     */
    public static String fromAcme(String acmeStatus) {
        String status = acmeStatus == null ? "" : acmeStatus.toLowerCase(java.util.Locale.ROOT);
        return switch (status) {
            case VALID, READY, PENDING, PROCESSING, INVALID, EXPIRED -> status;
            case "deactivated", "revoked", "canceled" -> INVALID;
            default -> ERRORED;
        };
    }
}
