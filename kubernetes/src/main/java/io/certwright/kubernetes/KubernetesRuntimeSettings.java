package io.certwright.kubernetes;

import io.certwright.core.ControllerOptions;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Inputs of a {@link KubernetesRuntime}, with cert-manager's controller defaults.
 *
 * @param controllerOptions settings shared by the controllers (cluster resource namespace, backoff, workers)
 * @param controllers the {@code --controllers} entries: {@code *}, {@code name} or {@code -name}
 * @param namespace the only namespace to watch ({@code --namespace}), or null for all; a namespace also
 *     disables the cluster-scoped {@code clusterissuers} controller, as in cert-manager
 * @param clusterOptions informer settings; its namespace is replaced by {@code namespace}
 * @param leaderElection the Lease election
 * @param metricsListenAddress {@code host:port} of {@code /metrics} ({@code --metrics-listen-address})
 * @param healthzListenAddress {@code host:port} of {@code /livez} ({@code --internal-healthz-listen-address})
 * @param featureGates the {@code --feature-gates} values; {@link FeatureGates#parse} accepts only values that
 *     the controllers implement
 * @param clock the clock every timing rule reads
 */
public record KubernetesRuntimeSettings(ControllerOptions controllerOptions, List<String> controllers, String namespace,
        KubernetesClusterOptions clusterOptions, LeaderElectionSettings leaderElection, String metricsListenAddress,
        String healthzListenAddress, FeatureGates featureGates, Clock clock) {
    public static final String DEFAULT_METRICS_LISTEN_ADDRESS = "0.0.0.0:9402";
    public static final String DEFAULT_HEALTHZ_LISTEN_ADDRESS = "0.0.0.0:9403";

    public KubernetesRuntimeSettings {
        Objects.requireNonNull(controllerOptions, "controllerOptions");
        controllers = List.copyOf(controllers);
        if (namespace != null && namespace.isBlank()) {
            namespace = null;
        }
        Objects.requireNonNull(clusterOptions, "clusterOptions");
        clusterOptions = clusterOptions.withNamespace(namespace);
        Objects.requireNonNull(leaderElection, "leaderElection");
        Objects.requireNonNull(metricsListenAddress, "metricsListenAddress");
        Objects.requireNonNull(healthzListenAddress, "healthzListenAddress");
        Objects.requireNonNull(featureGates, "featureGates");
        Objects.requireNonNull(clock, "clock");
    }

    public static KubernetesRuntimeSettings defaults() {
        return new KubernetesRuntimeSettings(ControllerOptions.defaults(), List.of("*"), null,
                KubernetesClusterOptions.defaults(), LeaderElectionSettings.defaults(), DEFAULT_METRICS_LISTEN_ADDRESS,
                DEFAULT_HEALTHZ_LISTEN_ADDRESS, FeatureGates.defaults(), Clock.systemUTC());
    }

    public KubernetesRuntimeSettings withControllerOptions(ControllerOptions options) {
        return new KubernetesRuntimeSettings(options, controllers, namespace, clusterOptions, leaderElection,
                metricsListenAddress, healthzListenAddress, featureGates, clock);
    }

    public KubernetesRuntimeSettings withControllers(List<String> entries) {
        return new KubernetesRuntimeSettings(controllerOptions, entries, namespace, clusterOptions, leaderElection,
                metricsListenAddress, healthzListenAddress, featureGates, clock);
    }

    public KubernetesRuntimeSettings withNamespace(String watchedNamespace) {
        return new KubernetesRuntimeSettings(controllerOptions, controllers, watchedNamespace, clusterOptions,
                leaderElection, metricsListenAddress, healthzListenAddress, featureGates, clock);
    }

    public KubernetesRuntimeSettings withLeaderElection(LeaderElectionSettings election) {
        return new KubernetesRuntimeSettings(controllerOptions, controllers, namespace, clusterOptions, election,
                metricsListenAddress, healthzListenAddress, featureGates, clock);
    }

    public KubernetesRuntimeSettings withListenAddresses(String metrics, String healthz) {
        return new KubernetesRuntimeSettings(controllerOptions, controllers, namespace, clusterOptions, leaderElection,
                metrics, healthz, featureGates, clock);
    }

    public KubernetesRuntimeSettings withFeatureGates(FeatureGates gates) {
        return new KubernetesRuntimeSettings(controllerOptions, controllers, namespace, clusterOptions, leaderElection,
                metricsListenAddress, healthzListenAddress, gates, clock);
    }

    public KubernetesRuntimeSettings withClock(Clock newClock) {
        return new KubernetesRuntimeSettings(controllerOptions, controllers, namespace, clusterOptions, leaderElection,
                metricsListenAddress, healthzListenAddress, featureGates, newClock);
    }
}
