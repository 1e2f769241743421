package io.certwright.core.controller;

import java.util.Objects;

/**
 * One controller as the {@link ControllerManager} runs it.
 *
 * @param name controller name, e.g. {@code certificates-trigger}; used in logs, counters and errors
 * @param reconciler the reconcile step for one key
 * @param rateLimit backoff applied to keys whose reconcile failed
 * @param keyMapper maps cluster changes to this controller's keys
 * @param resourceKind kind of the objects the keys name, for the {@code resource_kind} log key; may be null
 */
public record ControllerDefinition(String name, Reconciler reconciler, RateLimit rateLimit, KeyMapper keyMapper,
        String resourceKind) {

    public ControllerDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(reconciler, "reconciler");
        Objects.requireNonNull(rateLimit, "rateLimit");
        Objects.requireNonNull(keyMapper, "keyMapper");
    }

    /** Defines a controller without a resource kind for the logs. */
    public ControllerDefinition(String name, Reconciler reconciler, RateLimit rateLimit, KeyMapper keyMapper) {
        this(name, reconciler, rateLimit, keyMapper, null);
    }

    /** Returns a copy whose log lines carry {@code kind} as {@code resource_kind}. */
    public ControllerDefinition withResourceKind(String kind) {
        return new ControllerDefinition(name, reconciler, rateLimit, keyMapper, kind);
    }
}
