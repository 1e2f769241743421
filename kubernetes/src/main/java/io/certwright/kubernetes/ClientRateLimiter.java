package io.certwright.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A token bucket in front of every request of a fabric8 client, as client-go's {@code QPS} and
 * {@code Burst} settings are: {@code burst} requests may go at once, then {@code qps} per second.
 * fabric8 has no such setting of its own, so this interceptor blocks the thread that sends the
 * request until a token is free.
 */
final class ClientRateLimiter implements Interceptor {
    /** Name under which the interceptor is added to the HTTP client builder. */
    static final String NAME = "certwright-rate-limit";

    private final double qps;
    private final double burst;
    private final LongSupplier nanoTime;
    private double tokens;
    private long lastRefillNanos;

    ClientRateLimiter(double qps, int burst) {
        this(qps, burst, System::nanoTime);
    }

    ClientRateLimiter(double qps, int burst, LongSupplier nanoTime) {
        if (!(qps > 0)) {
            throw new IllegalArgumentException("--kube-api-qps must be greater than 0, got " + qps);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("--kube-api-burst must be at least 1, got " + burst);
        }
        this.qps = qps;
        this.burst = burst;
        this.nanoTime = nanoTime;
        this.tokens = burst;
        this.lastRefillNanos = nanoTime.getAsLong();
    }

    @Override
    public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
        long wait = reserve();
        if (wait <= 0) {
            return;
        }
        try {
            TimeUnit.NANOSECONDS.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KubernetesClientException("interrupted while waiting for the client rate limit ("
                    + qps + " requests per second)", e);
        }
    }

    /**
     * Takes one token, going into debt when none is left, and returns how long the caller must wait in
     * nanoseconds until its token is earned.
     */
    synchronized long reserve() {
        long now = nanoTime.getAsLong();
        tokens = Math.min(burst, tokens + (now - lastRefillNanos) / 1e9 * qps);
        lastRefillNanos = now;
        tokens -= 1;
        return tokens >= 0 ? 0 : (long) Math.ceil(-tokens / qps * 1e9);
    }
}
