package io.certwright.cli;

import io.certwright.api.model.Certificate;
import io.certwright.core.certificates.ManualRenewal;
import io.certwright.core.cluster.ObjectKey;
import io.certwright.core.cluster.ResourceKind;
import io.certwright.local.DirectoryCluster;
import io.certwright.local.RenewalRequests;
import io.certwright.local.StateLayout;
import io.certwright.local.StateLock;
import io.certwright.local.StoredState;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code certwright renew}: marks Certificates for re-issuance, as {@code cmctl renew} does. Against a
 * cluster (see {@link Target}) it writes the Issuing condition through the status subresource; see
 * {@link ClusterRenewal}. With a state directory: when a {@code certwright local} process holds it, the request goes to it through
 * a file it watches; otherwise the command takes the lock and writes the stored status itself,
 * and the next run issues.
 */
@Command(name = "renew",
        description = "Marks Certificates for manual re-issuance.")
final class RenewCommand implements Callable<Integer> {
    @Parameters(paramLabel = "NAME", arity = "0..*", description = "Names of the Certificates to renew.")
    List<String> names = new ArrayList<>();

    @Option(names = "--all", description = "Renew every Certificate in the namespace (or in all, with -A).")
    boolean all;

    @Option(names = {"-A", "--all-namespaces"}, description = "With --all or -l, renew Certificates in every namespace.")
    boolean allNamespaces;

    @Option(names = {"-l", "--selector"}, paramLabel = "SELECTOR",
            description = "Renew Certificates whose labels match, such as app=web,tier=edge. Against a cluster the"
                    + " API server evaluates it, so '!=' and set-based terms work too.")
    String selector;

    @CommandLine.Mixin
    StateOptions state = new StateOptions();

    @CommandLine.Mixin
    ClusterOptions cluster = new ClusterOptions();

    @CommandLine.Mixin
    HelpOption help = new HelpOption();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        validate();
        if (Target.of(spec, cluster) == Target.CLUSTER) {
            return new ClusterRenewal(spec, cluster, state.namespace).run(names, all ? null : selector,
                    allNamespaces);
        }
        StateLayout layout = state.layout();
        StoredState stored = new StoredState(layout);
        List<ObjectKey> targets = targets(stored);
        PrintWriter out = spec.commandLine().getOut();
        if (targets.isEmpty()) {
            out.println(nothingFoundMessage());
            out.flush();
            return ExitCodes.OK;
        }

        Optional<StateLock> lock = StateLock.tryAcquire(layout.root());
        if (lock.isEmpty()) {
            RenewalRequests requests = new RenewalRequests(layout);
            for (ObjectKey target : targets) {
                requests.submit(target);
                out.println("Manually triggered issuance of Certificate " + target);
            }
        } else {
            try (StateLock held = lock.get()) {
                DirectoryCluster cluster = DirectoryCluster.open(layout, Clock.systemUTC());
                for (ObjectKey target : targets) {
                    out.println(ManualRenewal.trigger(cluster, target, Clock.systemUTC()));
                }
            }
            out.println("No 'certwright local' process is running on " + layout.root() + "; the renewal takes"
                    + " effect on the next 'certwright local' run.");
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** Checks the combination of names, --all, -l and -A, with cmctl's messages. */
    private void validate() {
        CommandLine commandLine = spec.commandLine();
        List<String> sources = new ArrayList<>();
        if (!names.isEmpty()) {
            sources.add("the Certificate resource names " + goQuoted(names));
        }
        if (all) {
            sources.add("the --all flag");
        }
        if (selector != null && !selector.isEmpty()) {
            sources.add("a label selector");
        }
        if (sources.size() > 1) {
            throw new CommandLine.ParameterException(commandLine, "cannot specify " + sources.get(0)
                    + " in conjunction with " + String.join(" and ", sources.subList(1, sources.size())));
        }
        if (sources.isEmpty()) {
            throw new CommandLine.ParameterException(commandLine, "please either supply one or more Certificate"
                    + " resource names, label selectors, or use the --all flag to renew all Certificate resources");
        }
        if (allNamespaces && !names.isEmpty()) {
            throw new CommandLine.ParameterException(commandLine,
                    "cannot specify Certificate names in conjunction with --all-namespaces flag");
        }
    }

    /** Formats names as Go's %q formats a string slice: {@code ["a" "b"]}. */
    private static String goQuoted(List<String> values) {
        List<String> quoted = new ArrayList<>();
        for (String value : values) {
            quoted.add("\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
        }
        return "[" + String.join(" ", quoted) + "]";
    }

    /** Returns what cmctl prints when --all or a selector matches nothing. */
    private String nothingFoundMessage() {
        String where = allNamespaces ? "across all namespaces" : "in namespace " + state.namespace;
        return "No Certificates found " + where + (selector == null ? "" : " matching label selector " + selector);
    }

    private List<ObjectKey> targets(StoredState stored) {
        if (!stored.exists()) {
            throw new IllegalStateException("state directory " + stored.layout().root() + " does not exist; run"
                    + " 'certwright local DIR' first or pass --dir/--state");
        }
        List<ObjectKey> targets = new ArrayList<>();
        if (!names.isEmpty()) {
            for (String name : names) {
                if (stored.get(ResourceKind.CERTIFICATE, state.namespace, name).isEmpty()) {
                    throw new IllegalStateException("Certificate " + state.namespace + "/" + name + " not found in "
                            + stored.layout().root() + "; check the name, the namespace (-n) and --dir/--state");
                }
                targets.add(new ObjectKey(state.namespace, name));
            }
            return targets;
        }
        String namespace = allNamespaces ? null : state.namespace;
        Map<String, String> requiredLabels = selector == null ? Map.of() : Selectors.parse(selector);
        for (Certificate certificate : stored.list(ResourceKind.CERTIFICATE, namespace)) {
            if (Selectors.matches(requiredLabels, certificate.getMetadata().getLabels())) {
                targets.add(ObjectKey.of(certificate));
            }
        }
        return targets;
    }
}
