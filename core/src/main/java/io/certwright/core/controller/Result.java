package io.certwright.core.controller;

import java.time.Duration;

/**
 * Outcome of one successful reconcile: done, or look again after a delay (for example at a
 * certificate's renewal time). Failures are exceptions, which the manager retries with the
 * controller's rate limiter.
 *
 * @param requeueAfter delay before the next reconcile of the same key, or null for none
 */
public record Result(Duration requeueAfter) {
    private static final Result DONE = new Result(null);

    public static Result done() {
        return DONE;
    }

    /** Requeues after {@code delay}; a zero or negative delay requeues at once. */
    public static Result requeueAfter(Duration delay) {
        return new Result(delay.isNegative() ? Duration.ZERO : delay);
    }

    /** Returns the sooner of two results; done counts as never. */
    public Result sooner(Result other) {
        if (requeueAfter == null) {
            return other;
        }
        if (other.requeueAfter == null) {
            return this;
        }
        return requeueAfter.compareTo(other.requeueAfter) <= 0 ? this : other;
    }
}
