package io.certwright.bench;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Requests the kube-apiserver has served, from its own {@code apiserver_request_total} counter, summed by
 * verb, resource and subresource over response codes. A difference of two snapshots counts every client,
 * including the benchmark's own requests and the scrape that took the later snapshot.
 */
record ApiRequestCounts(Map<String, Long> byRequest) {
    private static final Pattern SAMPLE = Pattern.compile("^apiserver_request_total\\{([^}]*)} ([0-9.e+]+)$");
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    /** Scrapes {@code /metrics} of the API server that {@code client} talks to. */
    static ApiRequestCounts scrape(KubernetesClient client) {
        return parse(client.raw("/metrics"));
    }

    /** Parses the Prometheus text format; series other than {@code apiserver_request_total} are skipped. */
    static ApiRequestCounts parse(String metrics) {
        Map<String, Long> counts = new HashMap<>();
        for (String line : metrics.split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (!sample.matches()) {
                continue;
            }
            Map<String, String> labels = new HashMap<>();
            Matcher label = LABEL.matcher(sample.group(1));
            while (label.find()) {
                labels.put(label.group(1), label.group(2));
            }
            String resource = labels.getOrDefault("resource", "");
            String subresource = labels.getOrDefault("subresource", "");
            String key = labels.getOrDefault("verb", "?") + " " + (resource.isEmpty() ? "(none)" : resource)
                    + (subresource.isEmpty() ? "" : "/" + subresource);
            counts.merge(key, (long) Double.parseDouble(sample.group(2)), Long::sum);
        }
        return new ApiRequestCounts(Map.copyOf(counts));
    }

    long total() {
        return byRequest.values().stream().mapToLong(Long::longValue).sum();
    }

    long count(String verb, String resource) {
        return byRequest.getOrDefault(verb + " " + resource, 0L);
    }

    /** Returns the requests served after {@code earlier} was taken. */
    ApiRequestCounts since(ApiRequestCounts earlier) {
        Map<String, Long> difference = new HashMap<>();
        byRequest.forEach((key, value) -> {
            long delta = value - earlier.byRequest.getOrDefault(key, 0L);
            if (delta != 0) {
                difference.put(key, delta);
            }
        });
        return new ApiRequestCounts(Map.copyOf(difference));
    }

    /** Returns the counts, largest first, as {@code "POST certificates=1000, ..."}. */
    String describe() {
        return byRequest.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .map(entry -> String.format(Locale.ROOT, "%s=%d", entry.getKey(), entry.getValue()))
                .collect(Collectors.joining(", "));
    }
}
