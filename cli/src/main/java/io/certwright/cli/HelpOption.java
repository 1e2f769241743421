package io.certwright.cli;

import picocli.CommandLine.Option;

/**
 * The {@code -h/--help} option of subcommands. Subcommands use it instead of picocli's standard
 * help options so that {@code -V/--version} appears only on the top command.
 */
final class HelpOption {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;
}
