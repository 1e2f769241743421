package io.certwright.kubernetes;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Builds fabric8 clients from the controller's connection flags.
 *
 * @param kubeconfig kubeconfig file ({@code --kubeconfig}), or null to use {@code $KUBECONFIG},
 *     {@code ~/.kube/config} or the in-cluster service account, in fabric8's order
 * @param master API server URL ({@code --master}) that overrides the kubeconfig's server, or null
 * @param qps steady request rate of the controllers' client ({@code --kube-api-qps})
 * @param burst requests the controllers' client may send at once ({@code --kube-api-burst})
 */
public record KubernetesClients(Path kubeconfig, String master, double qps, int burst) {
    public static final double DEFAULT_QPS = 20;
    public static final int DEFAULT_BURST = 50;

    public KubernetesClients {
        if (master != null && master.isBlank()) {
            master = null;
        }
        if (kubeconfig != null && !Files.isRegularFile(kubeconfig)) {
            throw new IllegalArgumentException("kubeconfig file " + kubeconfig
                    + " does not exist or is not a file; check --kubeconfig");
        }
        if (!(qps > 0)) {
            throw new IllegalArgumentException("--kube-api-qps must be greater than 0, got " + qps);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("--kube-api-burst must be at least 1, got " + burst);
        }
    }

    /** Returns the client the controllers use, limited to {@link #qps} and {@link #burst}. */
    public KubernetesClient controllerClient() {
        ClientRateLimiter limiter = new ClientRateLimiter(qps, burst);
        return new KubernetesClientBuilder()
                .withConfig(config())
                .withHttpClientBuilderConsumer(builder -> builder.addOrReplaceInterceptor(ClientRateLimiter.NAME, limiter))
                .build();
    }

    /**
     * Returns a second client for the leader-election Lease, without the rate limit, so that a busy
     * controller cannot delay a renewal until leadership is lost. cert-manager uses a separate client for
     * the same reason.
     */
    public KubernetesClient leaderElectionClient() {
        return new KubernetesClientBuilder().withConfig(config()).build();
    }

    Config config() {
        Config config;
        if (kubeconfig != null) {
            config = Config.fromKubeconfig(kubeconfig.toFile());
        } else {
            config = Config.autoConfigure(null);
        }
        if (master != null) {
            config.setMasterUrl(master);
        }
        return config;
    }
}
