package io.certwright.kubernetes;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of a {@link KubernetesCluster}.
 *
 * @param namespace the only namespace whose namespaced objects are watched and cached, or null for all
 *     namespaces. ClusterIssuers are always watched cluster-wide.
 * @param resyncPeriod how often informers replay their whole cache to listeners; cert-manager uses 10 h
 * @param cacheSyncTimeout how long {@link KubernetesCluster#start()} waits for the first list of every kind
 */
public record KubernetesClusterOptions(String namespace, Duration resyncPeriod, Duration cacheSyncTimeout) {
    public static final Duration DEFAULT_RESYNC_PERIOD = Duration.ofHours(10);
    public static final Duration DEFAULT_CACHE_SYNC_TIMEOUT = Duration.ofMinutes(2);

    public KubernetesClusterOptions {
        Objects.requireNonNull(resyncPeriod, "resyncPeriod");
        Objects.requireNonNull(cacheSyncTimeout, "cacheSyncTimeout");
        if (namespace != null && namespace.isEmpty()) {
            namespace = null;
        }
    }

    /** Returns the defaults: all namespaces, 10 h resync, 2 min cache sync timeout. */
    public static KubernetesClusterOptions defaults() {
        return new KubernetesClusterOptions(null, DEFAULT_RESYNC_PERIOD, DEFAULT_CACHE_SYNC_TIMEOUT);
    }

    public KubernetesClusterOptions withNamespace(String watchedNamespace) {
        return new KubernetesClusterOptions(watchedNamespace, resyncPeriod, cacheSyncTimeout);
    }
}
