package io.certwright.core.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * Records Kubernetes-style events on objects. Messages must never contain private key material.
 * Implementations are thread-safe and never throw: a lost event is logged, not raised.
 */
public interface EventRecorder {
    String NORMAL = "Normal";
    String WARNING = "Warning";

    /**
     * Records one event.
     *
     * @param object the object the event is about
     * @param type {@link #NORMAL} or {@link #WARNING}
     * @param reason a CamelCase reason, e.g. {@code Issuing}
     * @param message a full sentence for people
     */
    void record(HasMetadata object, String type, String reason, String message);
}
