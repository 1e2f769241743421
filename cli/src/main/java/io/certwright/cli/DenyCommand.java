package io.certwright.cli;

import io.certwright.api.Conditions;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code certwright deny NAME}: marks a CertificateRequest in a cluster as Denied, as {@code cmctl deny} does. */
@Command(name = "deny",
        description = "Marks a CertificateRequest as Denied, so that no issuer signs it. Cluster only.")
final class DenyCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "NAME", description = "Name of the CertificateRequest.")
    String name;

    @Option(names = "--reason", paramLabel = "REASON",
            description = "Reason of the Denied condition: who denied it (default: ${DEFAULT-VALUE}).")
    String reason = Conditions.REASON_KUBECTL_CERT_MANAGER;

    @Option(names = "--message", paramLabel = "TEXT",
            description = "Message of the Denied condition: why it was denied (default: ${DEFAULT-VALUE}).")
    String message = RequestDecision.DENY.defaultMessage();

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
        return RequestDecision.DENY.apply(spec, cluster, namespace.namespace, name, reason, message,
                Clock.systemUTC());
    }
}
