package io.certwright.cli;

import io.certwright.local.StateLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * Where {@code status}, {@code renew} and {@code inspect} read and write: a local state directory or a
 * Kubernetes cluster. The rule, in order:
 * <ol>
 *   <li>{@code --kubeconfig} or {@code --context} selects the cluster; combining either with
 *       {@code --dir} or {@code --state} is a usage error.</li>
 *   <li>{@code --dir} or {@code --state} selects the state directory.</li>
 *   <li>Without any of them, {@code ./.certwright} selects the state directory when it exists, and
 *       the cluster of the default kubeconfig ({@code $KUBECONFIG}, then {@code ~/.kube/config}, then
 *       the in-cluster service account) is used otherwise.</li>
 * </ol>
 */
enum Target {
    LOCAL,
    CLUSTER;

    /** Applies the rule to what the command line contains and whether {@code ./.certwright} exists. */
    static Target choose(boolean clusterOptionsGiven, boolean stateOptionsGiven, boolean localStateExists) {
        if (clusterOptionsGiven && stateOptionsGiven) {
            throw new IllegalArgumentException("--kubeconfig and --context address a cluster, --dir and --state a"
                    + " state directory; give options of one kind only");
        }
        if (clusterOptionsGiven) {
            return CLUSTER;
        }
        if (stateOptionsGiven) {
            return LOCAL;
        }
        return localStateExists ? LOCAL : CLUSTER;
    }

    /** Applies the rule to a parsed command that has the {@link StateOptions} and {@link ClusterOptions} mixins. */
    static Target of(CommandLine.Model.CommandSpec spec, ClusterOptions cluster) {
        CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
        boolean stateOptionsGiven = parsed.hasMatchedOption("--dir") || parsed.hasMatchedOption("--state");
        Path defaultState = StateLayout.resolve(Path.of("."), null).root();
        try {
            return choose(cluster.given(), stateOptionsGiven, Files.isDirectory(defaultState));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
