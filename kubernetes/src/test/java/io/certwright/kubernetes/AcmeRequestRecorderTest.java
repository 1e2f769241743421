package io.certwright.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.certwright.acme.client.AcmeRequestMetrics;
import io.certwright.core.time.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AcmeRequestRecorderTest {
    private static final String NEW_ORDER_LABELS =
            "scheme=\"https\",host=\"127.0.0.1:14000\",action=\"authorize_order\",method=\"POST\",status=\"201\"";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final AcmeRequestRecorder recorder = new AcmeRequestRecorder(clock);

    @Test
    void requestsWithSameLabelsShareSeries() {
        recorder.record(newOrder(201, 100));
        recorder.record(newOrder(201, 300));

        String text = scrape();

        assertThat(text).contains("certmanager_http_acme_client_request_count{" + NEW_ORDER_LABELS + "} 2\n");
        assertThat(text).contains("certmanager_http_acme_client_request_duration_seconds_sum{" + NEW_ORDER_LABELS
                + "} 0.4\n");
        assertThat(text).contains("certmanager_http_acme_client_request_duration_seconds_count{" + NEW_ORDER_LABELS
                + "} 2\n");
    }

    @Test
    void statusSplitsSeries() {
        recorder.record(newOrder(201, 100));
        recorder.record(newOrder(AcmeRequestMetrics.Request.NO_RESPONSE, 100));

        String text = scrape();

        assertThat(text).contains("certmanager_http_acme_client_request_count{" + NEW_ORDER_LABELS + "} 1\n");
        assertThat(text).contains("certmanager_http_acme_client_request_count{scheme=\"https\",host=\"127.0.0.1:14000\","
                + "action=\"authorize_order\",method=\"POST\",status=\"999\"} 1\n");
    }

    @Test
    void quantilesUseNearestRank() {
        for (int millis = 1; millis <= 100; millis++) {
            recorder.record(newOrder(201, millis));
        }

        String text = scrape();

        String prefix = "certmanager_http_acme_client_request_duration_seconds{" + NEW_ORDER_LABELS;
        assertThat(text).contains(prefix + ",quantile=\"0.5\"} 0.05\n");
        assertThat(text).contains(prefix + ",quantile=\"0.9\"} 0.09\n");
        assertThat(text).contains(prefix + ",quantile=\"0.99\"} 0.099\n");
    }

    @Test
    void oldObservationsLeaveQuantilesButNotTotals() {
        recorder.record(newOrder(201, 100));
        clock.advance(AcmeRequestRecorder.WINDOW_AGE.plusSeconds(1));

        String text = scrape();

        assertThat(text).contains("certmanager_http_acme_client_request_duration_seconds{" + NEW_ORDER_LABELS
                + ",quantile=\"0.5\"} NaN\n");
        assertThat(text).contains("certmanager_http_acme_client_request_count{" + NEW_ORDER_LABELS + "} 1\n");
    }

    @Test
    void windowKeepsLatestObservations() {
        recorder.record(newOrder(201, 10_000));
        for (int i = 0; i < AcmeRequestRecorder.WINDOW_SIZE; i++) {
            recorder.record(newOrder(201, 1));
        }

        String text = scrape();

        assertThat(text).contains("certmanager_http_acme_client_request_duration_seconds{" + NEW_ORDER_LABELS
                + ",quantile=\"0.99\"} 0.001\n");
        assertThat(text).contains("certmanager_http_acme_client_request_duration_seconds_count{" + NEW_ORDER_LABELS
                + "} " + (AcmeRequestRecorder.WINDOW_SIZE + 1) + "\n");
    }

    @Test
    void noRequestsKeepHeaders() {
        assertThat(scrape()).isEqualTo("""
                # HELP certmanager_http_acme_client_request_count Number of HTTP requests the ACME client sent to \
                ACME servers.
                # TYPE certmanager_http_acme_client_request_count counter
                # HELP certmanager_http_acme_client_request_duration_seconds Time in seconds from sending an ACME \
                HTTP request until its response headers arrived.
                # TYPE certmanager_http_acme_client_request_duration_seconds summary
                """);
    }

    private String scrape() {
        ResponseBody body = new ResponseBody();
        PrometheusText.write(body, recorder.families());
        return body.toString();
    }

    private static AcmeRequestMetrics.Request newOrder(int status, long millis) {
        return new AcmeRequestMetrics.Request("https", "127.0.0.1:14000", "authorize_order", "POST", status,
                Duration.ofMillis(millis));
    }
}
