package io.certwright.cli;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * A fabric8 client for one command, and the namespace the command addresses: {@code -n} when given,
 * else the namespace of the kubeconfig context, else {@code default}, as kubectl resolves it.
 */
final class KubeConnection implements AutoCloseable {
    static final String DEFAULT_NAMESPACE = "default";

    /** Token file of the in-cluster service account, which fabric8 falls back to without a kubeconfig. */
    private static final Path SERVICE_ACCOUNT_TOKEN = Path.of("/var/run/secrets/kubernetes.io/serviceaccount/token");

    private final KubernetesClient client;
    private final String namespace;

    private KubeConnection(KubernetesClient client, String namespace) {
        this.client = client;
        this.namespace = namespace;
    }

    /**
     * Connects with the cluster options of a parsed command.
     *
     * @param namespaceOption value of {@code -n/--namespace}; used only when the command line contains it
     */
    static KubeConnection open(CommandLine.Model.CommandSpec spec, ClusterOptions options, String namespaceOption) {
        Config config = config(options);
        boolean namespaceGiven = spec.commandLine().getParseResult().hasMatchedOption("--namespace");
        String namespace = namespaceGiven ? namespaceOption : config.getNamespace();
        if (namespace == null || namespace.isEmpty()) {
            namespace = DEFAULT_NAMESPACE;
        }
        KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build();
        return new KubeConnection(client, namespace);
    }

    KubernetesClient client() {
        return client;
    }

    /** Returns the namespace the command addresses. */
    String namespace() {
        return namespace;
    }

    ApiObjects objects() {
        return new ApiObjects(client);
    }

    @Override
    public void close() {
        client.close();
    }

    private static Config config(ClusterOptions options) {
        if (options.kubeconfig != null) {
            if (!Files.isRegularFile(options.kubeconfig)) {
                throw new IllegalArgumentException("kubeconfig file " + options.kubeconfig
                        + " does not exist or is not a file; check --kubeconfig");
            }
            return Config.fromKubeconfig(options.context, options.kubeconfig.toFile());
        }
        if (!defaultKubeconfigExists() && !runsInCluster()) {
            throw new IllegalArgumentException("no kubeconfig found: $KUBECONFIG names no file, ~/.kube/config does"
                    + " not exist, and this is not a pod with a service account token; pass --kubeconfig FILE (status,"
                    + " renew and inspect read the state of 'certwright local DIR' instead with --dir DIR)");
        }
        return Config.autoConfigure(options.context);
    }

    private static boolean defaultKubeconfigExists() {
        for (String name : Config.getKubeconfigFilenames()) {
            if (name != null && !name.isEmpty() && new File(name).isFile()) {
                return true;
            }
        }
        return false;
    }

    private static boolean runsInCluster() {
        String host = System.getenv("KUBERNETES_SERVICE_HOST");
        return host != null && !host.isEmpty() && Files.isRegularFile(SERVICE_ACCOUNT_TOKEN);
    }
}
