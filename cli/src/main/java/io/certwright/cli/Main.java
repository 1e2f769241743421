package io.certwright.cli;

import picocli.CommandLine;

/** Entry point of the {@code certwright} command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
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
        commandLine.setParameterExceptionHandler(new ErrorHandlers.UsageErrors());
        commandLine.setExecutionExceptionHandler(new ErrorHandlers.ExecutionErrors());
        return commandLine;
    }
}
