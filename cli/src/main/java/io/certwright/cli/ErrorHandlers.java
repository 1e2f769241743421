package io.certwright.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** Prints errors as one {@code error: ...} line, the way cmctl and kubectl do, and picks the exit code. */
final class ErrorHandlers {
    private ErrorHandlers() {
    }

    /** Wrong flags or arguments: exit code 2 and a pointer to the help. */
    static final class UsageErrors implements CommandLine.IParameterExceptionHandler {
        @Override
        public int handleParseException(CommandLine.ParameterException e, String[] args) {
            CommandLine command = e.getCommandLine();
            PrintWriter err = command.getErr();
            err.println("error: " + e.getMessage());
            err.println("Run '" + command.getCommandSpec().qualifiedName() + " --help' for usage.");
            err.flush();
            return ExitCodes.USAGE;
        }
    }

    /** A command that failed while running: exit code 1 and the message, without a stack trace. */
    static final class ExecutionErrors implements CommandLine.IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception e, CommandLine command, CommandLine.ParseResult parseResult) {
            if (e instanceof CommandLine.ParameterException parameterException) {
                return new UsageErrors().handleParseException(parameterException, new String[0]);
            }
            PrintWriter err = command.getErr();
            err.println("error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            err.flush();
            org.slf4j.LoggerFactory.getLogger(ErrorHandlers.class).debug("command failed", e);
            return ExitCodes.FAILED;
        }
    }
}
