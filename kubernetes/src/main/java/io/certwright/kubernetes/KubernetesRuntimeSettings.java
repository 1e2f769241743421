package io.certwright.kubernetes;

import io.certwright.core.ControllerOptions;
import io.certwright.core.issuers.IssuerBackend;
import io.certwright.core.issuers.IssuerType;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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
 * @param acme the ACME controllers' settings: concurrent challenges and HTTP-01 solver Pods
 * @param clock the clock every timing rule reads
 * @param issuerBackends backends that replace the runtime's own for some issuer types, set by programs that embed
 *     the runtime and by tests; {@code certwright controller} sets none
 */
public record KubernetesRuntimeSettings(ControllerOptions controllerOptions, List<String> controllers, String namespace,
        KubernetesClusterOptions clusterOptions, LeaderElectionSettings leaderElection, String metricsListenAddress,
        String healthzListenAddress, FeatureGates featureGates, AcmeSettings acme, Clock clock,
        Map<IssuerType, IssuerBackend> issuerBackends) {
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
        Objects.requireNonNull(acme, "acme");
        Objects.requireNonNull(clock, "clock");
        issuerBackends = Map.copyOf(issuerBackends);
    }

    public static KubernetesRuntimeSettings defaults() {
        return new KubernetesRuntimeSettings(ControllerOptions.defaults(), List.of("*"), null,
                KubernetesClusterOptions.defaults(), LeaderElectionSettings.defaults(), DEFAULT_METRICS_LISTEN_ADDRESS,
                DEFAULT_HEALTHZ_LISTEN_ADDRESS, FeatureGates.defaults(), AcmeSettings.defaults(), Clock.systemUTC(),
                Map.of());
    }

    public KubernetesRuntimeSettings withControllerOptions(ControllerOptions options) {
        return new KubernetesRuntimeSettings(options, controllers, namespace, clusterOptions, leaderElection,
                metricsListenAddress, healthzListenAddress, featureGates, acme, clock, issuerBackends);
    }

    public KubernetesRuntimeSettings withControllers(List<String> entries) {
        return new KubernetesRuntimeSettings(controllerOptions, entries, namespace, clusterOptions, leaderElection,
                metricsListenAddress, healthzListenAddress, featureGates, acme, clock, issuerBackends);
    }

    public KubernetesRuntimeSettings withNamespace(String watchedNamespace) {
        return new KubernetesRuntimeSettings(controllerOptions, controllers, watchedNamespace, clusterOptions,
                leaderElection, metricsListenAddress, healthzListenAddress, featureGates, acme, clock, issuerBackends);
    }

    public KubernetesRuntimeSettings withLeaderElection(LeaderElectionSettings election) {
        return new KubernetesRuntimeSettings(controllerOptions, controllers, namespace, clusterOptions, election,
                metricsListenAddress, healthzListenAddress, featureGates, acme, clock, issuerBackends);
    }

    public KubernetesRuntimeSettings withListenAddresses(String metrics, String healthz) {
        return new KubernetesRuntimeSettings(controllerOptions, controllers, namespace, clusterOptions, leaderElection,
                metrics, healthz, featureGates, acme, clock, issuerBackends);
    }

    public KubernetesRuntimeSettings withFeatureGates(FeatureGates gates) {
        return new KubernetesRuntimeSettings(controllerOptions, controllers, namespace, clusterOptions, leaderElection,
                metricsListenAddress, healthzListenAddress, gates, acme, clock, issuerBackends);
    }

    public KubernetesRuntimeSettings withAcme(AcmeSettings settings) {
        return new KubernetesRuntimeSettings(controllerOptions, controllers, namespace, clusterOptions, leaderElection,
                metricsListenAddress, healthzListenAddress, featureGates, settings, clock, issuerBackends);
    }

    public KubernetesRuntimeSettings withClock(Clock newClock) {
        return new KubernetesRuntimeSettings(controllerOptions, controllers, namespace, clusterOptions, leaderElection,
                metricsListenAddress, healthzListenAddress, featureGates, acme, newClock, issuerBackends);
    }

    /**
     * Returns settings in which {@code backend} replaces the backend of one issuer type, for embedding the runtime
     * and for tests. A replaced Vault or Venafi type also gets its CertificateRequest issuer controller, which the
     * runtime otherwise does not run.
     */
    public KubernetesRuntimeSettings withIssuerBackend(IssuerType type, IssuerBackend backend) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(backend, "backend");
        Map<IssuerType, IssuerBackend> replaced = new EnumMap<>(IssuerType.class);
        replaced.putAll(issuerBackends);
        replaced.put(type, backend);
        return new KubernetesRuntimeSettings(controllerOptions, controllers, namespace, clusterOptions, leaderElection,
                metricsListenAddress, healthzListenAddress, featureGates, acme, clock, replaced);
    }
}
