package io.certwright.api.validation;

import io.certwright.api.GoDuration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Syntax check for renewal-window cron expressions, accepting what cert-manager's parser accepts:
 * five fields ({@code minute hour day-of-month month day-of-week}) or a descriptor
 * ({@code @yearly}, {@code @annually}, {@code @monthly}, {@code @weekly}, {@code @daily},
 * {@code @midnight}, {@code @hourly}, {@code @every <Go duration>}).
 *
 * <p>cert-manager uses github.com/robfig/cron/v3; the error texts below follow that parser so that
 * users see the same messages. This class only checks syntax and computes no schedule.
 */
public final class CronSyntax {
    private record Bounds(int min, int max, Map<String, Integer> names) {
    }

    private static final Bounds MINUTES = new Bounds(0, 59, Map.of());
    private static final Bounds HOURS = new Bounds(0, 23, Map.of());
    private static final Bounds DAYS_OF_MONTH = new Bounds(1, 31, Map.of());
    private static final Bounds MONTHS = new Bounds(1, 12, Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4),
            Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8),
            Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec", 12)));
    private static final Bounds DAYS_OF_WEEK = new Bounds(0, 6, Map.of(
            "sun", 0, "mon", 1, "tue", 2, "wed", 3, "thu", 4, "fri", 5, "sat", 6));
    private static final List<Bounds> FIELDS = List.of(MINUTES, HOURS, DAYS_OF_MONTH, MONTHS, DAYS_OF_WEEK);

    private static final Set<String> DESCRIPTORS = Set.of(
            "@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly");
    private static final String EVERY = "@every ";

    private CronSyntax() {
    }

    /**
     * Checks a cron expression, evaluated in a timezone ({@code ""} meaning none).
     *
     * @return the parse error, worded like cert-manager's, or empty when the expression is valid
     */
    public static Optional<String> check(String cron, String timezone) {
        String expression = cron == null ? "" : cron;
        Optional<String> error = parse(expression, timezone == null ? "" : timezone);
        return error.map(message -> "failed to parse cron spec '" + expression + "': " + message);
    }

    /** Returns whether the name loads as a timezone the way Go's {@code time.LoadLocation} does. */
    public static boolean isLoadableTimezone(String name) {
        if (name.isEmpty() || name.equals("UTC") || name.equals("Local")) {
            return true;
        }
        return ZoneId.getAvailableZoneIds().contains(name);
    }

    private static Optional<String> parse(String expression, String timezone) {
        String spec = expression;
        if (!timezone.isEmpty()) {
            // cert-manager prefixes CRON_TZ=<timezone> and lets the parser load it.
            if (!isLoadableTimezone(timezone)) {
                return Optional.of("provided bad location " + timezone + ": unknown time zone " + timezone);
            }
        } else if (spec.isEmpty()) {
            return Optional.of("empty spec string");
        }
        spec = spec.strip();

        if (spec.startsWith("@")) {
            return checkDescriptor(spec);
        }

        String[] fields = spec.isEmpty() ? new String[0] : spec.split("\\s+");
        if (fields.length != FIELDS.size()) {
            return Optional.of("expected exactly " + FIELDS.size() + " fields, found " + fields.length + ": ["
                    + String.join(" ", fields) + "]");
        }
        for (int i = 0; i < fields.length; i++) {
            Optional<String> error = checkField(fields[i], FIELDS.get(i));
            if (error.isPresent()) {
                return error;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> checkDescriptor(String descriptor) {
        if (DESCRIPTORS.contains(descriptor)) {
            return Optional.empty();
        }
        if (descriptor.startsWith(EVERY)) {
            String duration = descriptor.substring(EVERY.length());
            try {
                GoDuration.parse(duration);
                return Optional.empty();
            } catch (IllegalArgumentException e) {
                return Optional.of("failed to parse duration " + descriptor + ": time: invalid duration \""
                        + duration + "\"");
            }
        }
        return Optional.of("unrecognized descriptor: " + descriptor);
    }

    private static Optional<String> checkField(String field, Bounds bounds) {
        for (String expression : field.split(",")) {
            if (expression.isEmpty()) {
                continue;
            }
            Optional<String> error = checkRange(expression, bounds);
            if (error.isPresent()) {
                return error;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> checkRange(String expression, Bounds bounds) {
        String[] rangeAndStep = expression.split("/", -1);
        String[] lowAndHigh = rangeAndStep[0].split("-", -1);
        boolean single = lowAndHigh.length == 1;
        long start;
        long end;
        if (lowAndHigh[0].equals("*") || lowAndHigh[0].equals("?")) {
            start = bounds.min();
            end = bounds.max();
        } else {
            List<String> errors = new ArrayList<>();
            start = intOrName(lowAndHigh[0], bounds, errors);
            if (!errors.isEmpty()) {
                return Optional.of(errors.get(0));
            }
            if (lowAndHigh.length == 1) {
                end = start;
            } else if (lowAndHigh.length == 2) {
                end = intOrName(lowAndHigh[1], bounds, errors);
                if (!errors.isEmpty()) {
                    return Optional.of(errors.get(0));
                }
            } else {
                return Optional.of("too many hyphens: " + expression);
            }
        }

        long step;
        if (rangeAndStep.length == 1) {
            step = 1;
        } else if (rangeAndStep.length == 2) {
            List<String> errors = new ArrayList<>();
            step = positiveInt(rangeAndStep[1], errors);
            if (!errors.isEmpty()) {
                return Optional.of(errors.get(0));
            }
            if (single) {
                end = bounds.max();
            }
        } else {
            return Optional.of("too many slashes: " + expression);
        }

        if (start < bounds.min()) {
            return Optional.of("beginning of range (" + start + ") below minimum (" + bounds.min() + "): " + expression);
        }
        if (end > bounds.max()) {
            return Optional.of("end of range (" + end + ") above maximum (" + bounds.max() + "): " + expression);
        }
        if (start > end) {
            return Optional.of("beginning of range (" + start + ") beyond end of range (" + end + "): " + expression);
        }
        if (step == 0) {
            return Optional.of("step of range should be a positive number: " + expression);
        }
        return Optional.empty();
    }

    private static long intOrName(String text, Bounds bounds, List<String> errors) {
        Integer named = bounds.names().get(text.toLowerCase(Locale.ROOT));
        if (named != null) {
            return named;
        }
        return positiveInt(text, errors);
    }

    private static long positiveInt(String text, List<String> errors) {
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException e) {
            errors.add("failed to parse int from " + text + ": strconv.Atoi: parsing \"" + text + "\": invalid syntax");
            return 0;
        }
        if (value < 0) {
            errors.add("negative number (" + value + ") not allowed: " + text);
            return 0;
        }
        return value;
    }
}
