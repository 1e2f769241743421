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
 * {@code certwright renew}: marks Certificates for re-issuance, as {@code cmctl renew} does. When
 * a {@code certwright local} process holds the state directory, the request goes to it through
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

    @Option(names = {"-A", "--all-namespaces"}, description = "With --all, renew Certificates in every namespace.")
    boolean allNamespaces;

    @Option(names = {"-l", "--selector"}, paramLabel = "SELECTOR",
            description = "Renew Certificates whose labels match, such as app=web,tier=edge.")
    String selector;

    @CommandLine.Mixin
    StateOptions state = new StateOptions();

    @CommandLine.Mixin
    HelpOption help = new HelpOption();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        validate();
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

    private void validate() {
        CommandLine commandLine = spec.commandLine();
        if (selector != null && !names.isEmpty()) {
            throw new CommandLine.ParameterException(commandLine,
                    "cannot specify Certificate names in conjunction with label selectors");
        }
        if (selector != null && all) {
            throw new CommandLine.ParameterException(commandLine,
                    "cannot specify label selectors in conjunction with --all flag");
        }
        if (all && !names.isEmpty()) {
            throw new CommandLine.ParameterException(commandLine,
                    "cannot specify Certificate names in conjunction with --all flag");
        }
        if (allNamespaces && !names.isEmpty()) {
            throw new CommandLine.ParameterException(commandLine,
                    "cannot specify Certificate names in conjunction with --all-namespaces flag");
        }
        if (!all && names.isEmpty() && selector == null) {
            throw new CommandLine.ParameterException(commandLine,
                    "please supply one or more Certificate resource names or use the --all flag");
        }
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
