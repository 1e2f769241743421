package io.certwright.cli;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code certwright check}: groups the readiness checks of a cluster. */
@Command(name = "check", description = "Checks that a cluster is ready for cert-manager objects.",
        subcommands = CheckCommand.ApiCommand.class)
final class CheckCommand {
    @CommandLine.Mixin
    HelpOption help = new HelpOption();

    /**
     * {@code certwright check api}: repeats {@link ApiCheck} every {@code --interval} until it passes or
     * {@code --wait} has passed, as {@code cmctl check api} does. Exit codes: 0 ready, 1 not ready after one
     * attempt ({@code --wait 0}), 124 not ready when {@code --wait} ran out, as cmctl uses for a timeout.
     */
    @Command(name = "api", description = "Checks that the cert-manager API is ready, with a dry-run create of a"
            + " CertificateRequest. Cluster only.")
    static final class ApiCommand implements Callable<Integer> {
        /** Exit code cmctl uses when --wait runs out, as the timeout(1) command does. */
        static final int TIMED_OUT = 124;

        private static final Logger log = LoggerFactory.getLogger(ApiCommand.class);

        @Option(names = "--wait", paramLabel = "DURATION", converter = ControllerCommand.GoDurationConverter.class,
                description = "How long to retry until the API is ready, as a Go duration such as 2m (default: 0s,"
                        + " one attempt).")
        Duration wait = Duration.ZERO;

        @Option(names = "--interval", paramLabel = "DURATION", converter = ControllerCommand.GoDurationConverter.class,
                description = "Time between attempts while waiting, as a Go duration (default: 5s).")
        Duration interval = Duration.ofSeconds(5);

        @CommandLine.Mixin
        NamespaceOption namespace = new NamespaceOption();

        @CommandLine.Mixin
        ClusterOptions cluster = new ClusterOptions();

        @CommandLine.Mixin
        HelpOption help = new HelpOption();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws InterruptedException {
            if (wait.isNegative()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--wait must not be negative");
            }
            if (interval.isNegative()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--interval must not be negative");
            }
            try (KubeConnection connection = KubeConnection.open(spec, cluster, namespace.namespace)) {
                ApiCheck check = new ApiCheck(connection.objects(), connection.namespace());
                long start = System.nanoTime();
                Optional<String> failure = check.attempt();
                while (failure.isPresent()) {
                    log.debug("Not ready: {}", failure.get());
                    if (Duration.ofNanos(System.nanoTime() - start).compareTo(wait) >= 0) {
                        break;
                    }
                    Thread.sleep(interval.toMillis());
                    failure = check.attempt();
                }
                if (failure.isPresent()) {
                    spec.commandLine().getErr().println("error: " + failure.get());
                    spec.commandLine().getErr().flush();
                    return wait.isZero() ? ExitCodes.FAILED : TIMED_OUT;
                }
                spec.commandLine().getOut().println("The cert-manager API is ready");
                spec.commandLine().getOut().flush();
                return ExitCodes.OK;
            }
        }
    }
}
