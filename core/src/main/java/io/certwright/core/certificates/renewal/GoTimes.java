package io.certwright.core.certificates.renewal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Renders instants the way Go's {@code time.Time.String} does for a UTC time, for example
 * {@code 2026-01-02 15:04:05 +0000 UTC}. cert-manager interpolates times into condition messages
 * with that default rendering, and users and tools match on those messages.
 */
public final class GoTimes {

    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private static final DateTimeFormatter RFC1123 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private GoTimes() {}

    /**
     * Formats {@code instant} in UTC with Go's {@code time.RFC1123} layout, for example
     * {@code Fri, 02 Jan 2026 15:04:05 UTC}: two-digit day and the zone abbreviation, where Java's
     * RFC 1123 formatter would write {@code 2 Jan} and {@code GMT}.
     */
    public static String formatRfc1123(Instant instant) {
        return RFC1123.format(instant);
    }

    /**
     * Formats {@code instant} in UTC. Fractional seconds appear only when non-zero, without trailing
     * zeros, as Go prints them. A null instant renders as {@code <nil>}, which is what Go prints for a
     * nil time pointer.
     */
    public static String format(Instant instant) {
        if (instant == null) {
            return "<nil>";
        }
        StringBuilder text = new StringBuilder(SECONDS.format(instant));
        int nanos = instant.getNano();
        if (nanos != 0) {
            String fraction = String.format("%09d", nanos).replaceAll("0+$", "");
            text.append('.').append(fraction);
        }
        return text.append(" +0000 UTC").toString();
    }
}
