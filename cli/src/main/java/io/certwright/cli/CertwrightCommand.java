package io.certwright.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root {@code certwright} command; it only groups the subcommands. */
@Command(name = "certwright",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "cert-manager's certificate controllers.",
            "'certwright local DIR' issues and renews the certificates that the cert-manager manifests in DIR"
                    + " describe, and writes them as files; the commands below list what else is available."
        },
        subcommands = {
            LocalCommand.class,
            ControllerCommand.class,
            WebhookCommand.class,
            StatusCommand.class,
            RenewCommand.class,
            InspectCommand.class,
            ApproveCommand.class,
            DenyCommand.class,
            CreateCommand.class,
            CheckCommand.class,
            AcmeSolverCommand.class,
            CommandLine.HelpCommand.class
        })
final class CertwrightCommand implements Runnable {
    @CommandLine.Mixin
    LoggingOptions logging = new LoggingOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
    }
}
