package io.certwright.cli;

import io.certwright.local.StateLayout;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options that locate the manifests and the state directory, and the namespace a command addresses. */
final class StateOptions {
    @Option(names = "--dir", paramLabel = "DIR", description = "Manifest directory (default: ${DEFAULT-VALUE}).")
    Path directory = Path.of(".");

    @Option(names = "--state", paramLabel = "PATH",
            description = "State directory (default: DIR/.certwright).")
    Path state;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NAMESPACE",
            description = "Namespace of the object (default: ${DEFAULT-VALUE}; against a cluster, the kubeconfig"
                    + " context's namespace).")
    String namespace = "default";

    /**
     * Returns the layout of the state directory.
     *
     * @throws IllegalArgumentException when a file is in the state directory's place
     */
    StateLayout layout() {
        StateLayout layout = StateLayout.resolve(directory, state);
        layout.checkNotAFile();
        return layout;
    }
}
