package io.certwright.core.cluster;

import java.time.Instant;

/**
 * A recorded event. Repeats of the same (object, type, reason, message) are folded into one
 * entry whose {@code count} grows and whose {@code lastTimestamp} moves, as Kubernetes does.
 *
 * @param kind kind of the involved object
 * @param namespace namespace of the involved object, null when cluster-scoped
 * @param name name of the involved object
 * @param type {@code Normal} or {@code Warning}
 * @param reason CamelCase reason
 * @param message text for people
 * @param count how many times it happened
 * @param firstTimestamp first occurrence
 * @param lastTimestamp latest occurrence
 * @param source component that recorded it, e.g. {@code cert-manager-certificates-trigger}
 */
public record Event(String kind, String namespace, String name, String type, String reason, String message,
        int count, Instant firstTimestamp, Instant lastTimestamp, String source) {
}
