package io.certwright.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code certwright create}: groups the commands that create cert-manager objects in a cluster. */
@Command(name = "create", description = "Creates cert-manager objects in a cluster.",
        subcommands = CreateCertificateRequestCommand.class)
final class CreateCommand {
    @CommandLine.Mixin
    HelpOption help = new HelpOption();
}
