package io.certwright.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.encoder.Encoder;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The logging flags every command accepts; logs go to stderr so that stdout stays for output. */
final class LoggingOptions {
    /**
     * Time, level, logger and message, then {@code [namespace/name]} of the object being reconciled
     * ({@code [name]} for cluster-scoped objects, nothing outside a reconcile).
     */
    static final String TEXT_PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{0}: %msg"
            + "%replace(%replace( [%X{resource_namespace}/%X{resource_name}]){'\\[/', '['}){' \\[\\]', ''}%n";
    /**
     * {@link #TEXT_PATTERN} with the root cause of a logged exception on the same line instead of
     * a stack trace, for levels above debug; see {@link ExceptionSummaryConverter}.
     */
    static final String TEXT_PATTERN_WITHOUT_TRACES = "%d{HH:mm:ss.SSS} %-5level %logger{0}: %msg%exceptionSummary"
            + "%replace(%replace( [%X{resource_namespace}/%X{resource_name}]){'\\[/', '['}){' \\[\\]', ''}%n";

    enum Format { text, json }

    @Option(names = "--log-level", scope = ScopeType.INHERIT, paramLabel = "LEVEL",
            description = "Minimum level logged: error, warn, info, debug or trace (default: ${DEFAULT-VALUE}).")
    String level = "info";

    @Option(names = "--log-format", scope = ScopeType.INHERIT, paramLabel = "FORMAT",
            description = "Log line format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format = Format.text;

    /** Replaces the logback configuration with one console appender on stderr. */
    void apply() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        context.reset();
        Encoder<ILoggingEvent> encoder;
        if (format == Format.json) {
            // One object per line with the formatted message, level, logger, thread, MDC and throwable.
            JsonEncoder json = new JsonEncoder();
            json.setContext(context);
            json.setWithFormattedMessage(true);
            json.setWithMessage(false);
            json.setWithArguments(false);
            json.setWithContext(false);
            json.setWithSequenceNumber(false);
            json.setWithNanoseconds(false);
            json.start();
            encoder = json;
        } else {
            Map<String, String> converters = new HashMap<>();
            converters.put("exceptionSummary", ExceptionSummaryConverter.class.getName());
            context.putObject(CoreConstants.PATTERN_RULE_REGISTRY, converters);
            PatternLayoutEncoder pattern = new PatternLayoutEncoder();
            pattern.setContext(context);
            pattern.setPattern(rootLevel().isGreaterOrEqual(Level.INFO) ? TEXT_PATTERN_WITHOUT_TRACES : TEXT_PATTERN);
            pattern.start();
            encoder = pattern;
        }
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName("stderr");
        appender.setTarget("System.err");
        appender.setEncoder(encoder);
        appender.start();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(appender);
        root.setLevel(rootLevel());
    }

    private Level rootLevel() {
        return Level.toLevel(level.toUpperCase(Locale.ROOT), Level.INFO);
    }
}
