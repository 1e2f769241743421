package io.certwright.cli;

import io.certwright.core.controller.CommonPoolParallelism;
import picocli.CommandLine;

/** Entry point of the {@code certwright} command. */
public final class Main {
    /** Columns of --help output; picocli's default of 80 splits long values such as image names. */
    private static final int USAGE_HELP_WIDTH = 130;
    /** Columns for option names before descriptions start, enough for --acme-http01-solver-resource-limits-memory. */
    private static final int USAGE_HELP_LONG_OPTIONS_MAX_WIDTH = 60;

    private Main() {
    }

    public static void main(String[] args) {
        CommonPoolParallelism.apply();
        System.exit(run(args));
    }

    /** Runs one command line and returns its exit code: 0 ok, 1 not ready or failed, 2 usage error. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** Builds the command line with Certwright's error handling and logging set-up. */
    public static CommandLine commandLine() {
        CertwrightCommand root = new CertwrightCommand();
        CommandLine commandLine = new CommandLine(root);
        commandLine.setExecutionStrategy(parseResult -> {
            root.logging.apply();
            return new CommandLine.RunLast().execute(parseResult);
        });
        // Wide enough that image names, URLs and paths in option descriptions are not split at their dots.
        commandLine.setUsageHelpWidth(USAGE_HELP_WIDTH);
        commandLine.setUsageHelpLongOptionsMaxWidth(USAGE_HELP_LONG_OPTIONS_MAX_WIDTH);
        commandLine.setParameterExceptionHandler(new ErrorHandlers.UsageErrors());
        commandLine.setExecutionExceptionHandler(new ErrorHandlers.ExecutionErrors());
        return commandLine;
    }
}
