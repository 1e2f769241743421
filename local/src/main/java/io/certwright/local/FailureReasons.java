package io.certwright.local;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/** Short reasons for failed reads and writes of the state directory, as log lines and messages show them. */
final class FailureReasons {
    private FailureReasons() {
    }

    /**
     * Returns the first line of a failure's reason: the operating system's reason for a file system error,
     * {@code missing FILE} for a missing file, and the message of anything else, such as a parse error.
     */
    static String describe(Exception cause) {
        if (cause instanceof NoSuchFileException missing) {
            return "missing " + missing.getFile();
        }
        return firstLine(cause instanceof IOException ioError ? reasonOf(ioError) : cause.getMessage());
    }

    /** Returns the operating system's reason without the file name that FileSystemException prepends. */
    static String reasonOf(IOException cause) {
        if (cause instanceof FileSystemException fileSystemError && fileSystemError.getReason() != null) {
            return fileSystemError.getReason();
        }
        if (cause instanceof AccessDeniedException) {
            return "Permission denied";
        }
        return String.valueOf(cause.getMessage());
    }

    static String firstLine(String message) {
        if (message == null) {
            return "no details";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
