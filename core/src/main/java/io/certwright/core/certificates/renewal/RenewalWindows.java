package io.certwright.core.certificates.renewal;

import io.certwright.api.GoDuration;
import io.certwright.api.model.CertificateRenewalWindow;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Moves a desired renewal time into one of the Certificate's renewal windows.
 *
 * <p>Each window is a cron schedule of window starts plus a window length {@code d}; only starts in
 * {@code [notBefore - d, notAfter + d]} count. Two candidates are searched per window:
 * <ul>
 *   <li>best before: the latest start {@code S <= desired}. The candidate is {@code desired} when it
 *       lies inside {@code [S, S + d)}, otherwise {@code S + d}, and it is kept only when it is not
 *       earlier than {@code desired}, so in practice only when {@code desired} is inside a window.</li>
 *   <li>best after: the first start {@code S >= desired}; the candidate is {@code S}, or
 *       {@code desired} when that lies inside {@code [S, S + d)}.</li>
 * </ul>
 * The result is the latest best-before candidate over all windows, else the earliest best-after
 * candidate, else an error that carries the un-windowed desired time.
 */
final class RenewalWindows {

    private static final Duration SEARCH_RESOLUTION = Duration.ofSeconds(1);

    private RenewalWindows() {}

    static RenewalTime apply(Instant notBefore, Instant notAfter, Instant desired, List<CertificateRenewalWindow> windows) {
        if (windows == null || windows.isEmpty()) {
            return RenewalTime.at(desired);
        }

        Instant bestBefore = null;
        Instant bestAfter = null;
        for (CertificateRenewalWindow window : windows) {
            ZoneId zone;
            CronSchedule schedule;
            Duration length;
            try {
                zone = zoneOf(window);
                schedule = CronSchedule.parse(window.getCron(), zone);
                length = lengthOf(window);
            } catch (IllegalArgumentException e) {
                return new RenewalTime(null, e.getMessage());
            }

            Instant searchMin = notBefore.minus(length);
            Instant searchMax = notAfter.plus(length);
            bestBefore = findBeforeDesired(schedule, searchMin, searchMax, desired, bestBefore, length);
            bestAfter = findAfterDesired(schedule, searchMin, searchMax, desired, bestAfter, length);
        }

        if (bestBefore != null) {
            return RenewalTime.at(bestBefore);
        }
        if (bestAfter != null) {
            return RenewalTime.at(bestAfter);
        }
        return new RenewalTime(desired, "cannot find a time with the given windows between " + GoTimes.format(notBefore)
                + " and " + GoTimes.format(notAfter) + " for: " + GoTimes.format(desired));
    }

    private static ZoneId zoneOf(CertificateRenewalWindow window) {
        String timezone = window.getTimezone();
        if (timezone == null || timezone.isEmpty()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(timezone);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("error parsing timezone in window: unknown time zone " + timezone
                    + "; set spec.renewal.windows[].timezone to an IANA zone such as Europe/Berlin", e);
        }
    }

    private static Duration lengthOf(CertificateRenewalWindow window) {
        String text = window.getWindowDuration();
        Duration length = null;
        if (text != null && !text.isEmpty()) {
            try {
                length = GoDuration.parse(text);
            } catch (IllegalArgumentException e) {
                length = null;
            }
        }
        if (length == null || length.isZero() || length.isNegative()) {
            throw new IllegalArgumentException("windowDuration must be a positive duration in window with cron \""
                    + window.getCron() + "\", got \"" + (text == null ? "" : text) + "\"");
        }
        return length;
    }

    /** Returns the first schedule activation after {@code time}; a schedule that never fires again yields {@link Instant#MAX}. */
    private static Instant next(CronSchedule schedule, Instant time) {
        Instant next = schedule.next(time);
        return next == null ? Instant.MAX : next;
    }

    /**
     * Binary-searches, at one-second resolution, for the latest activation S with
     * {@code minTime <= S <= maxTime}; returns null when there is none.
     */
    static Instant latestStartWithin(CronSchedule schedule, Instant minTime, Instant maxTime) {
        if (!minTime.isBefore(maxTime)) {
            return null;
        }
        if (next(schedule, minTime.minus(SEARCH_RESOLUTION)).isAfter(maxTime)) {
            return null;
        }

        // Invariant: some activation S satisfies low <= S <= maxTime.
        Instant low = minTime;
        Instant high = maxTime;
        while (Duration.between(low, high).compareTo(SEARCH_RESOLUTION) > 0) {
            Instant mid = low.plus(Duration.between(low, high).dividedBy(2));
            if (next(schedule, mid).isAfter(maxTime)) {
                high = mid;
            } else {
                low = mid;
            }
        }

        Instant last = next(schedule, low.minus(SEARCH_RESOLUTION));
        return last.isAfter(maxTime) ? null : last;
    }

    private static Instant findBeforeDesired(CronSchedule schedule, Instant searchMin, Instant searchMax, Instant desired,
                                             Instant bestBefore, Duration length) {
        if (desired.isBefore(searchMin)) {
            return null;
        }
        Instant beforeMax = desired.isBefore(searchMax) ? desired : searchMax;
        Instant lastStart = latestStartWithin(schedule, searchMin, beforeMax);
        if (lastStart == null) {
            return bestBefore;
        }

        Instant end = lastStart.plus(length);
        Instant candidate = !desired.isBefore(lastStart) && desired.isBefore(end) ? desired : end;
        if (!candidate.isBefore(desired) && (bestBefore == null || candidate.isAfter(bestBefore))) {
            return candidate;
        }
        return bestBefore;
    }

    private static Instant findAfterDesired(CronSchedule schedule, Instant searchMin, Instant searchMax, Instant desired,
                                            Instant bestAfter, Duration length) {
        Instant afterMin = desired.isAfter(searchMin) ? desired : searchMin;
        Instant start = next(schedule, afterMin.minus(SEARCH_RESOLUTION));
        if (start.isAfter(searchMax)) {
            return bestAfter;
        }

        Instant end = start.plus(length);
        Instant candidate;
        if (!desired.isBefore(start) && desired.isBefore(end)) {
            candidate = desired;
        } else if (desired.isBefore(start)) {
            candidate = start;
        } else {
            return bestAfter;
        }
        if (!candidate.isBefore(desired) && (bestAfter == null || candidate.isBefore(bestAfter))) {
            return candidate;
        }
        return bestAfter;
    }
}
