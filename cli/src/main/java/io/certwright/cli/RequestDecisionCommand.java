package io.certwright.cli;

import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Parameters;

/**
 * Options and call shared by {@code approve} and {@code deny}. A subclass supplies its {@link RequestDecision}
 * and declares {@code --reason} and {@code --message}, whose help text and defaults name its decision.
 */
abstract class RequestDecisionCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "NAME", description = "Name of the CertificateRequest.")
    String name;

    @CommandLine.Mixin
    NamespaceOption namespace = new NamespaceOption();

    @CommandLine.Mixin
    ClusterOptions cluster = new ClusterOptions();

    @CommandLine.Mixin
    HelpOption help = new HelpOption();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    abstract RequestDecision decision();

    /** Returns the value of {@code --reason}. */
    abstract String reason();

    /** Returns the value of {@code --message}. */
    abstract String message();

    @Override
    public Integer call() {
        return decision().apply(spec, cluster, namespace.namespace, name, reason(), message(), Clock.systemUTC());
    }
}
