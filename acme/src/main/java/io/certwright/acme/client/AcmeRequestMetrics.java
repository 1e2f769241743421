package io.certwright.acme.client;

import java.time.Duration;
import java.util.Objects;

/**
 * Receives one observation for every HTTP request that the ACME client sends, such as the directory
 * fetch, a nonce request or a signed POST. Implementations must be thread-safe, because controller
 * workers send requests concurrently, and must return quickly, because they run on the sending thread.
 */
public interface AcmeRequestMetrics {
    /** Discards every observation. */
    AcmeRequestMetrics NONE = request -> { };

    /** Records one request after its response headers arrived or its sending failed. */
    void record(Request request);

    /**
     * One outbound ACME request.
     *
     * @param scheme the URL scheme, such as {@code https}
     * @param host the URL host with the port when the URL has one, such as {@code 127.0.0.1:14000}
     * @param action the ACME operation that sent the request, one of {@link AcmeAction}'s label values
     * @param method the HTTP method
     * @param status the HTTP status code, or {@link #NO_RESPONSE} when no response arrived
     * @param latency the time from sending the request until the response headers arrived or sending failed
     */
    record Request(String scheme, String host, String action, String method, int status, Duration latency) {
        /** The status recorded when the request failed without a response, as cert-manager records it. */
        public static final int NO_RESPONSE = 999;

        public Request {
            Objects.requireNonNull(scheme, "scheme");
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(latency, "latency");
        }
    }
}
