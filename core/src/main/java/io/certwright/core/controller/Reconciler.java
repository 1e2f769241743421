package io.certwright.core.controller;

import io.certwright.core.cluster.ObjectKey;

/**
 * One controller's reconcile step for one key. The manager never runs two reconciles of the
 * same key of the same controller at once, but different keys run in parallel, so
 * implementations keep no per-call state in fields.
 *
 * <p>A reconcile reads fresh state from the cluster, acts, and returns. Throwing
 * {@link io.certwright.core.cluster.ClusterException.Conflict} requeues with backoff without
 * counting an error; any other exception requeues with backoff and counts one.
 */
@FunctionalInterface
public interface Reconciler {
    Result reconcile(ObjectKey key) throws Exception;
}
