package io.certwright.bench;

import java.util.Arrays;
import java.util.Collection;

/** Nearest-rank percentiles of a sample of durations in nanoseconds. */
final class Percentiles {
    private final long[] sorted;

    Percentiles(Collection<Long> nanos) {
        this.sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    int size() {
        return sorted.length;
    }

    /** Returns the nearest-rank {@code percent} percentile in milliseconds, or NaN for an empty sample. */
    double millis(double percent) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }

    double maxMillis() {
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6;
    }

    @Override
    public String toString() {
        return Arrays.toString(sorted);
    }
}
