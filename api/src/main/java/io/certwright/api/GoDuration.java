package io.certwright.api;

import java.time.Duration;

/**
 * Parses and formats durations in Go's {@code time.Duration} syntax, the form that Kubernetes
 * {@code metav1.Duration} fields use ({@code "2160h"}, {@code "1h30m"}, {@code "1.5s"}).
 *
 * <p>Parsing accepts what Go's {@code time.ParseDuration} accepts: an optional sign, then one or
 * more decimal numbers, each with an optional fraction and a unit ({@code ns}, {@code us},
 * {@code µs}, {@code ms}, {@code s}, {@code m}, {@code h}). There is no day unit. A bare
 * {@code "0"} is the only number allowed without a unit. Like Go, values are limited to the
 * range of a signed 64-bit count of nanoseconds (about 292 years), and a fraction is converted
 * with the same floating-point step, so the result equals Go's to the nanosecond.
 *
 * <p>Formatting produces what Go's {@code Duration.String} produces: {@code 2160h0m0s},
 * {@code 5m0s}, {@code 45s}, {@code 1.5s}, {@code 300ms}, {@code 0s}.
 */
public final class GoDuration {
    private static final long NANOSECOND = 1L;
    private static final long MICROSECOND = 1_000L * NANOSECOND;
    private static final long MILLISECOND = 1_000L * MICROSECOND;
    private static final long SECOND = 1_000L * MILLISECOND;
    private static final long MINUTE = 60L * SECOND;
    private static final long HOUR = 60L * MINUTE;

    /** Go accepts both the micro sign (U+00B5) and the Greek small letter mu (U+03BC). */
    private static final char MICRO_SIGN = '\u00b5';
    private static final char GREEK_MU = '\u03bc';

    private GoDuration() {
    }

    /**
     * Parses a Go duration string.
     *
     * @throws IllegalArgumentException when the text is null, empty, malformed, has a missing or
     *     unknown unit, or is out of the signed 64-bit nanosecond range; the message quotes the text
     */
    public static Duration parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("invalid duration: null");
        }
        String s = text;
        boolean negative = false;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            negative = s.charAt(0) == '-';
            s = s.substring(1);
        }
        if (s.equals("0")) {
            return Duration.ZERO;
        }
        if (s.isEmpty()) {
            throw invalid(text);
        }

        // Unsigned accumulation up to 1<<63 nanoseconds, as Go does, so that "-9223372036854775808ns" parses.
        long total = 0;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (!(c == '.' || isDigit(c))) {
                throw invalid(text);
            }

            // Integer part.
            int start = i;
            long whole = 0;
            while (i < s.length() && isDigit(s.charAt(i))) {
                if (Long.compareUnsigned(whole, Long.divideUnsigned(1L << 63, 10)) > 0) {
                    throw invalid(text);
                }
                whole = whole * 10 + (s.charAt(i) - '0');
                if (Long.compareUnsigned(whole, 1L << 63) > 0) {
                    throw invalid(text);
                }
                i++;
            }
            boolean hasWhole = i > start;

            // Fraction part: keep leading digits while they fit, and ignore the rest like Go does.
            long fraction = 0;
            double scale = 1;
            boolean hasFraction = false;
            if (i < s.length() && s.charAt(i) == '.') {
                i++;
                int fractionStart = i;
                boolean overflowed = false;
                while (i < s.length() && isDigit(s.charAt(i))) {
                    if (!overflowed) {
                        if (fraction > Long.MAX_VALUE / 10) {
                            overflowed = true;
                        } else {
                            long next = fraction * 10 + (s.charAt(i) - '0');
                            if (Long.compareUnsigned(next, 1L << 63) > 0) {
                                overflowed = true;
                            } else {
                                fraction = next;
                                scale *= 10;
                            }
                        }
                    }
                    i++;
                }
                hasFraction = i > fractionStart;
            }
            if (!hasWhole && !hasFraction) {
                throw invalid(text);
            }

            // Unit.
            int unitStart = i;
            while (i < s.length() && s.charAt(i) != '.' && !isDigit(s.charAt(i))) {
                i++;
            }
            if (unitStart == i) {
                throw new IllegalArgumentException("invalid duration \"" + text + "\": missing unit");
            }
            String unitText = s.substring(unitStart, i);
            long unit = unitOf(unitText);
            if (unit == 0) {
                throw new IllegalArgumentException("invalid duration \"" + text + "\": unknown unit \""
                        + unitText + "\" (use ns, us, µs, ms, s, m or h)");
            }

            if (Long.compareUnsigned(whole, Long.divideUnsigned(1L << 63, unit)) > 0) {
                throw invalid(text);
            }
            long value = whole * unit;
            if (fraction != 0) {
                // Same float64 step as Go: uint64(float64(f) * (float64(unit) / scale)).
                double fractional = unsignedToDouble(fraction) * ((double) unit / scale);
                value += doubleToUnsigned(fractional);
                if (Long.compareUnsigned(value, 1L << 63) > 0) {
                    throw invalid(text);
                }
            }
            total += value;
            if (Long.compareUnsigned(total, 1L << 63) > 0) {
                throw invalid(text);
            }
        }
        if (total == Long.MIN_VALUE) {
            // 1<<63 nanoseconds fit only as a negative value.
            if (!negative) {
                throw invalid(text);
            }
            return Duration.ofNanos(Long.MIN_VALUE);
        }
        return Duration.ofNanos(negative ? -total : total);
    }

    /**
     * Formats a duration the way Go's {@code Duration.String} does. Durations beyond the range of
     * a signed 64-bit nanosecond count are still formatted, with the same layout.
     */
    public static String format(Duration duration) {
        if (duration.isZero()) {
            return "0s";
        }
        boolean negative = duration.isNegative();
        // Work on seconds and nanoseconds separately so that no value overflows.
        long seconds = duration.getSeconds();
        int nanos = duration.getNano();
        if (negative) {
            if (nanos > 0) {
                seconds = -seconds - 1;
                nanos = 1_000_000_000 - nanos;
            } else {
                seconds = -seconds;
            }
        }

        StringBuilder out = new StringBuilder();
        if (negative) {
            out.append('-');
        }
        if (seconds == 0) {
            // Below one second Go picks the largest unit that keeps the integer part non-zero.
            if (nanos < MICROSECOND) {
                out.append(nanos).append("ns");
            } else if (nanos < MILLISECOND) {
                appendFraction(out, nanos, 3);
                out.append(MICRO_SIGN).append('s');
            } else {
                appendFraction(out, nanos, 6);
                out.append("ms");
            }
            return out.toString();
        }

        long hours = Long.divideUnsigned(seconds, 3600);
        long minutes = Long.remainderUnsigned(seconds, 3600) / 60;
        long secs = Long.remainderUnsigned(seconds, 60);
        if (hours > 0) {
            out.append(Long.toUnsignedString(hours)).append('h');
        }
        if (hours > 0 || minutes > 0) {
            out.append(minutes).append('m');
        }
        appendFraction(out, secs * SECOND + nanos, 9);
        out.append('s');
        return out.toString();
    }

    /** Appends value / 10^digits with trailing zeros of the fraction removed. */
    private static void appendFraction(StringBuilder out, long value, int digits) {
        long divisor = 1;
        for (int d = 0; d < digits; d++) {
            divisor *= 10;
        }
        out.append(value / divisor);
        long fraction = value % divisor;
        if (fraction == 0) {
            return;
        }
        StringBuilder fractionDigits = new StringBuilder(Long.toString(fraction));
        while (fractionDigits.length() < digits) {
            fractionDigits.insert(0, '0');
        }
        int end = fractionDigits.length();
        while (fractionDigits.charAt(end - 1) == '0') {
            end--;
        }
        out.append('.').append(fractionDigits, 0, end);
    }

    private static long unitOf(String unit) {
        switch (unit) {
            case "ns":
                return NANOSECOND;
            case "us":
            case MICRO_SIGN + "s":
            case GREEK_MU + "s":
                return MICROSECOND;
            case "ms":
                return MILLISECOND;
            case "s":
                return SECOND;
            case "m":
                return MINUTE;
            case "h":
                return HOUR;
            default:
                return 0;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static double unsignedToDouble(long value) {
        double result = (double) (value >>> 1) * 2.0;
        return result + (value & 1L);
    }

    private static long doubleToUnsigned(double value) {
        if (value < 0x1p63) {
            return (long) value;
        }
        return ((long) (value - 0x1p63)) | Long.MIN_VALUE;
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("invalid duration \"" + text
                + "\": expected a Go duration such as 2160h, 1h30m or 45s (units ns, us, ms, s, m, h; no days)");
    }
}
