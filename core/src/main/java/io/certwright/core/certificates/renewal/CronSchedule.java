package io.certwright.core.certificates.renewal;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

/**
 * A five-field cron schedule ({@code minute hour day-of-month month day-of-week}) evaluated in one
 * time zone, with the descriptors {@code @yearly}, {@code @annually}, {@code @monthly},
 * {@code @weekly}, {@code @daily}, {@code @midnight} and {@code @hourly}. A {@code CRON_TZ=zone}
 * or {@code TZ=zone} prefix in the expression overrides the zone, as in the Go cron library that
 * cert-manager uses. When both day-of-month and day-of-week are restricted, a day matching either
 * one matches, as in classic cron.
 */
final class CronSchedule {

    private static final CronParser PARSER =
            new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

    private static final Map<String, String> DESCRIPTORS = Map.of(
            "@yearly", "0 0 1 1 *",
            "@annually", "0 0 1 1 *",
            "@monthly", "0 0 1 * *",
            "@weekly", "0 0 * * 0",
            "@daily", "0 0 * * *",
            "@midnight", "0 0 * * *",
            "@hourly", "0 * * * *");

    private final ExecutionTime executionTime;
    private final ZoneId zone;

    private CronSchedule(ExecutionTime executionTime, ZoneId zone) {
        this.executionTime = executionTime;
        this.zone = zone;
    }

    /**
     * Parses {@code expression} for evaluation in {@code zone}.
     *
     * @throws IllegalArgumentException naming the expression when it is not valid cron syntax or its
     *     {@code CRON_TZ} prefix names an unknown zone
     */
    static CronSchedule parse(String expression, ZoneId zone) {
        String spec = expression == null ? "" : expression.strip();
        ZoneId effectiveZone = zone;
        if (spec.startsWith("CRON_TZ=") || spec.startsWith("TZ=")) {
            int space = spec.indexOf(' ');
            if (space < 0) {
                throw new IllegalArgumentException("failed to parse cron spec '" + expression + "': no schedule after the time zone");
            }
            String zoneName = spec.substring(spec.indexOf('=') + 1, space);
            try {
                effectiveZone = ZoneId.of(zoneName);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("failed to parse cron spec '" + expression + "': unknown time zone " + zoneName, e);
            }
            spec = spec.substring(space + 1).strip();
        }
        String fields = spec.startsWith("@") ? DESCRIPTORS.get(spec) : spec;
        if (fields == null) {
            throw new IllegalArgumentException("failed to parse cron spec '" + expression + "': unrecognized descriptor " + spec);
        }
        try {
            return new CronSchedule(ExecutionTime.forCron(PARSER.parse(fields)), effectiveZone);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("failed to parse cron spec '" + expression + "': " + e.getMessage(), e);
        }
    }

    /** Returns the first activation strictly after {@code time}, or null when the schedule never fires again. */
    Instant next(Instant time) {
        return executionTime.nextExecution(time.atZone(zone))
                .map(next -> next.toInstant())
                .orElse(null);
    }
}
