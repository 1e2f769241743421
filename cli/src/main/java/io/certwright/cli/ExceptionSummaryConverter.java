package io.certwright.cli;

import ch.qos.logback.classic.pattern.ThrowableHandlingConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;

/**
 * Logback converter that renders a logged exception as {@code  (Type: message)} of its root
 * cause on the same line, instead of a stack trace. A failure that repeats for every write, such
 * as a full disk ({@code No space left on device}), then costs one readable line per write; the
 * full trace stays available with {@code --log-level debug}. Public because logback instantiates
 * it by class name.
 */
public final class ExceptionSummaryConverter extends ThrowableHandlingConverter {
    @Override
    public String convert(ILoggingEvent event) {
        IThrowableProxy throwable = event.getThrowableProxy();
        if (throwable == null) {
            return "";
        }
        while (throwable.getCause() != null) {
            throwable = throwable.getCause();
        }
        String className = throwable.getClassName();
        String simpleName = className.substring(className.lastIndexOf('.') + 1);
        String message = throwable.getMessage();
        if (message != null && event.getFormattedMessage() != null && event.getFormattedMessage().contains(message)) {
            return "";
        }
        return " (" + simpleName + (message == null ? "" : ": " + message) + ")";
    }
}
