package io.certwright.kubernetes;

import io.certwright.acme.client.AcmeRequestMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Aggregates outbound ACME requests into cert-manager's {@code certmanager_http_acme_client_request_count}
 * counter and {@code certmanager_http_acme_client_request_duration_seconds} summary, one series per
 * scheme, host, action, method and status. Thread-safe.
 *
 * <p>NOTE: cert-manager's Go summary estimates the 0.5, 0.9 and 0.99 quantiles with error bounds 0.05, 0.01
 * and 0.001 over a sliding ten-minute window. This recorder instead computes them exactly over a bounded
 * window per series: the latest {@link #WINDOW_SIZE} observations that are at most {@link #WINDOW_AGE} old.
 * Series with more requests than that in ten minutes therefore report quantiles of their latest requests
 * only. {@code _sum} and {@code _count} cover every request since the process started.
 */
final class AcmeRequestRecorder implements AcmeRequestMetrics {
    static final String COUNT_NAME = "certmanager_http_acme_client_request_count";
    static final String DURATION_NAME = "certmanager_http_acme_client_request_duration_seconds";

    /** The reported quantiles, cert-manager's summary objectives. */
    static final double[] QUANTILES = {0.5, 0.9, 0.99};

    /** Maximum observations kept per series for the quantiles, which bounds memory per series. */
    static final int WINDOW_SIZE = 500;

    /** Maximum age of an observation in the quantiles, {@code DefMaxAge} of prometheus/client_golang's summaries. */
    static final Duration WINDOW_AGE = Duration.ofMinutes(10);

    private static final Comparator<Series> SERIES_ORDER = Comparator.comparing(Series::scheme)
            .thenComparing(Series::host).thenComparing(Series::action).thenComparing(Series::method)
            .thenComparing(Series::status);

    private final Clock clock;
    private final Map<Series, Statistics> series = new ConcurrentHashMap<>();

    AcmeRequestRecorder(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void record(Request request) {
        Series key = new Series(request.scheme(), request.host(), request.action(), request.method(),
                Integer.toString(request.status()));
        double seconds = request.latency().toNanos() / 1e9;
        series.computeIfAbsent(key, ignored -> new Statistics()).observe(clock.instant(), seconds);
    }

    /** Returns the counter and the summary, with every series seen since start. */
    List<PrometheusText.Family> families() {
        Instant now = clock.instant();
        List<PrometheusText.Sample> counts = new ArrayList<>();
        List<PrometheusText.Sample> durations = new ArrayList<>();
        List<Series> keys = new ArrayList<>(series.keySet());
        keys.sort(SERIES_ORDER);
        for (Series key : keys) {
            Snapshot snapshot = series.get(key).snapshot(now);
            String[] labels = key.labelPairs();
            counts.add(PrometheusText.Sample.of(snapshot.count(), labels));
            for (int i = 0; i < QUANTILES.length; i++) {
                durations.add(PrometheusText.Sample.withSuffix("", snapshot.quantiles()[i],
                        append(labels, "quantile", Double.toString(QUANTILES[i]))));
            }
            durations.add(PrometheusText.Sample.withSuffix("_sum", snapshot.sum(), labels));
            durations.add(PrometheusText.Sample.withSuffix("_count", snapshot.count(), labels));
        }
        return List.of(
                new PrometheusText.Family(COUNT_NAME,
                        "Number of HTTP requests the ACME client sent to ACME servers.", "counter", counts),
                new PrometheusText.Family(DURATION_NAME,
                        "Time in seconds from sending an ACME HTTP request until its response headers arrived.", "summary", durations));
    }

    private static String[] append(String[] labelPairs, String name, String value) {
        String[] result = Arrays.copyOf(labelPairs, labelPairs.length + 2);
        result[labelPairs.length] = name;
        result[labelPairs.length + 1] = value;
        return result;
    }

    private record Series(String scheme, String host, String action, String method, String status) {
        String[] labelPairs() {
            return new String[] {"scheme", scheme, "host", host, "action", action, "method", method,
                "status", status};
        }
    }

    private record Observation(Instant at, double seconds) {
    }

    private record Snapshot(long count, double sum, double[] quantiles) {
    }

    /** The totals of one series and its window of recent observations. */
    private static final class Statistics {
        private long count;
        private double sum;
        private final ArrayDeque<Observation> window = new ArrayDeque<>();

        synchronized void observe(Instant at, double seconds) {
            count++;
            sum += seconds;
            window.addLast(new Observation(at, seconds));
            if (window.size() > WINDOW_SIZE) {
                window.removeFirst();
            }
        }

        synchronized Snapshot snapshot(Instant now) {
            Instant oldest = now.minus(WINDOW_AGE);
            while (!window.isEmpty() && window.peekFirst().at().isBefore(oldest)) {
                window.removeFirst();
            }
            double[] sorted = window.stream().mapToDouble(Observation::seconds).sorted().toArray();
            double[] quantiles = new double[QUANTILES.length];
            for (int i = 0; i < QUANTILES.length; i++) {
                quantiles[i] = quantile(sorted, QUANTILES[i]);
            }
            return new Snapshot(count, sum, quantiles);
        }

        /** Returns the nearest-rank quantile, or NaN without observations, which a Go summary also reports then. */
        private static double quantile(double[] sorted, double q) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(q * sorted.length);
            return sorted[Math.max(0, rank - 1)];
        }
    }
}
