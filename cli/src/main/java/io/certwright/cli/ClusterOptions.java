package io.certwright.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The kubectl-style options that select a Kubernetes cluster through a kubeconfig. */
final class ClusterOptions {
    @Option(names = "--kubeconfig", paramLabel = "FILE",
            description = "Kubeconfig file of the cluster to address (default: $KUBECONFIG, then ~/.kube/config).")
    Path kubeconfig;

    @Option(names = "--context", paramLabel = "NAME",
            description = "Kubeconfig context to use (default: the kubeconfig's current context).")
    String context;

    /** Returns whether the command line names a cluster explicitly. */
    boolean given() {
        return kubeconfig != null || context != null;
    }
}
