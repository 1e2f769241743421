package io.certwright.cli;

import io.certwright.kubernetes.ApiErrors;
import io.certwright.local.StoredState;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/**
 * Options and dispatch shared by the read-only commands that work on a state directory or on a cluster,
 * chosen by {@link Target}. Against a cluster, a failed API request ends the command with the API server's
 * own message.
 */
abstract class StoredOrClusterCommand implements Callable<Integer> {
    @CommandLine.Mixin
    StateOptions state = new StateOptions();

    @CommandLine.Mixin
    ClusterOptions cluster = new ClusterOptions();

    @CommandLine.Mixin
    HelpOption help = new HelpOption();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Runs the command on the state directory that {@link StateOptions} selects. */
    abstract int callStored(StoredState stored);

    /** Runs the command on the cluster. The caller closes {@code connection} afterwards. */
    abstract int callCluster(KubeConnection connection);

    @Override
    public final Integer call() {
        if (Target.of(spec, cluster) != Target.CLUSTER) {
            return callStored(new StoredState(state.layout()));
        }
        try (KubeConnection connection = KubeConnection.open(spec, cluster, state.namespace)) {
            try {
                return callCluster(connection);
            } catch (KubernetesClientException e) {
                throw new IllegalStateException(ApiErrors.serverMessage(e), e);
            }
        }
    }

    /** Prints {@code text} to standard output as it is and flushes. */
    final int print(String text) {
        spec.commandLine().getOut().print(text);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
