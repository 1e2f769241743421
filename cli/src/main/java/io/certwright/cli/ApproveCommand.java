package io.certwright.cli;

import io.certwright.api.Conditions;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code certwright approve NAME}: marks a CertificateRequest in a cluster as Approved, as {@code cmctl approve} does. */
@Command(name = "approve",
        description = "Marks a CertificateRequest as Approved, so that its issuer may sign it. Cluster only.")
final class ApproveCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "NAME", description = "Name of the CertificateRequest.")
    String name;

    @Option(names = "--reason", paramLabel = "REASON",
            description = "Reason of the Approved condition: who approved it (default: ${DEFAULT-VALUE}).")
    String reason = Conditions.REASON_KUBECTL_CERT_MANAGER;

    @Option(names = "--message", paramLabel = "TEXT",
            description = "Message of the Approved condition: why it was approved (default: ${DEFAULT-VALUE}).")
    String message = RequestDecision.APPROVE.defaultMessage();

    @CommandLine.Mixin
    NamespaceOption namespace = new NamespaceOption();

    @CommandLine.Mixin
    ClusterOptions cluster = new ClusterOptions();

    @CommandLine.Mixin
    HelpOption help = new HelpOption();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return RequestDecision.APPROVE.apply(spec, cluster, namespace.namespace, name, reason, message,
                Clock.systemUTC());
    }
}
