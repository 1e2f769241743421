package io.certwright.cli;

import io.certwright.acme.dns01.Dns01Options;
import io.certwright.api.GoDuration;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The ACME DNS-01 solver flags that {@code certwright local} and {@code certwright controller} share. */
final class Dns01Flags {
    @Option(names = "--dns01-recursive-nameservers", paramLabel = "HOST:PORT", split = ",",
            description = "Nameservers for the lookups of the ACME DNS-01 solver and its self-check, comma-separated,"
                    + " each HOST:PORT or [IPV6]:PORT (default: the nameservers of /etc/resolv.conf).")
    List<String> recursiveNameservers = List.of();

    @Option(names = "--dns01-recursive-nameservers-only",
            description = "Check DNS-01 propagation through the recursive nameservers only, instead of asking the"
                    + " zone's authoritative nameservers on port 53.")
    boolean recursiveNameserversOnly;

    @Option(names = "--dns01-propagation-wait", paramLabel = "DURATION",
            description = "Wait after the DNS-01 self-check passed before asking the ACME server to validate, so that"
                    + " resolvers that cached the name before the record existed drop that answer; a Go duration"
                    + " (default: ${DEFAULT-VALUE}, cert-manager's fixed value).")
    String propagationWait = "60s";

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec command;

    /**
     * Returns the DNS-01 solver options these flags set.
     *
     * @throws CommandLine.ParameterException naming the flag of the first invalid value
     */
    Dns01Options options() {
        Dns01Options options;
        try {
            options = Dns01Options.defaults().withRecursiveNameservers(recursiveNameservers);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(command.commandLine(), "--dns01-recursive-nameservers: "
                    + e.getMessage());
        }
        return options.withRecursiveNameserversOnly(recursiveNameserversOnly)
                .withPropagationWait(nonNegativeDuration(command, "--dns01-propagation-wait", propagationWait));
    }

    /**
     * Parses a Go duration flag value that must not be negative.
     *
     * @throws CommandLine.ParameterException naming the flag and showing the value
     */
    static Duration nonNegativeDuration(CommandLine.Model.CommandSpec command, String flag, String value) {
        Duration duration;
        try {
            duration = GoDuration.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(command.commandLine(), flag + ": " + e.getMessage());
        }
        if (duration.isNegative()) {
            throw new CommandLine.ParameterException(command.commandLine(), flag + ": must not be negative, got "
                    + value);
        }
        return duration;
    }
}
