package io.certwright.cli;

import picocli.CommandLine.Option;

/** The {@code -n/--namespace} option of commands that only address a cluster. */
final class NamespaceOption {
    @Option(names = {"-n", "--namespace"}, paramLabel = "NAMESPACE",
            description = "Namespace of the object (default: the kubeconfig context's namespace, else default).")
    String namespace;
}
