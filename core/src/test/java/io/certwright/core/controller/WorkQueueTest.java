package io.certwright.core.controller;

import static org.assertj.core.api.Assertions.assertThat;

import io.certwright.core.cluster.ObjectKey;
import io.certwright.core.time.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WorkQueueTest {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final ObjectKey WEB = new ObjectKey("default", "web");
    private static final ObjectKey API = new ObjectKey("default", "api");

    private final MutableClock clock = new MutableClock(START);
    private final WorkQueue queue = new WorkQueue(clock, RateLimit.CERTIFICATES);

    @Test
    void duplicateAddsQueueOnce() {
        queue.add(WEB);
        queue.add(WEB);

        assertThat(queue.poll()).isEqualTo(WEB);
        assertThat(queue.poll()).isNull();
    }

    @Test
    void keysComeOutInAddOrder() {
        queue.add(WEB);
        queue.add(API);

        assertThat(queue.poll()).isEqualTo(WEB);
        assertThat(queue.poll()).isEqualTo(API);
    }

    @Test
    void keyAddedWhileProcessingRunsAfterDone() {
        queue.add(WEB);
        ObjectKey taken = queue.poll();

        queue.add(WEB);

        assertThat(queue.poll()).isNull();
        queue.done(taken);
        assertThat(queue.poll()).isEqualTo(WEB);
    }

    @Test
    void keyNotReaddedIsGoneAfterDone() {
        queue.add(WEB);
        queue.done(queue.poll());

        assertThat(queue.poll()).isNull();
        assertThat(queue.isIdle()).isTrue();
    }

    @Test
    void delayedKeyWaitsForClock() {
        queue.addAfter(WEB, Duration.ofMinutes(5));

        assertThat(queue.poll()).isNull();
        clock.advance(Duration.ofMinutes(5).minusSeconds(1));
        assertThat(queue.poll()).isNull();
        clock.advance(Duration.ofSeconds(1));
        assertThat(queue.poll()).isEqualTo(WEB);
    }

    @Test
    void delayedKeysComeOutByDueTime() {
        queue.addAfter(WEB, Duration.ofMinutes(10));
        queue.addAfter(API, Duration.ofMinutes(5));
        clock.advance(Duration.ofMinutes(10));

        assertThat(queue.poll()).isEqualTo(API);
        assertThat(queue.poll()).isEqualTo(WEB);
    }

    @Test
    void earlierDueTimeWins() {
        queue.addAfter(WEB, Duration.ofMinutes(10));
        queue.addAfter(WEB, Duration.ofMinutes(1));
        queue.addAfter(WEB, Duration.ofMinutes(5));

        assertThat(queue.nextDueTime()).contains(START.plus(Duration.ofMinutes(1)));
        clock.advance(Duration.ofMinutes(1));
        assertThat(queue.poll()).isEqualTo(WEB);
        queue.done(WEB);
        clock.advance(Duration.ofMinutes(20));
        assertThat(queue.poll()).isNull();
    }

    @Test
    void zeroDelayQueuesAtOnce() {
        queue.addAfter(WEB, Duration.ZERO);

        assertThat(queue.poll()).isEqualTo(WEB);
    }

    @Test
    void rateLimitedAddsBackOffExponentially() {
        assertThat(queue.addRateLimited(WEB)).isEqualTo(Duration.ofSeconds(1));
        assertThat(queue.addRateLimited(WEB)).isEqualTo(Duration.ofSeconds(2));
        assertThat(queue.addRateLimited(WEB)).isEqualTo(Duration.ofSeconds(4));
        assertThat(queue.failures(WEB)).isEqualTo(3);
    }

    @Test
    void forgetResetsBackoff() {
        queue.addRateLimited(WEB);
        queue.addRateLimited(WEB);

        queue.forget(WEB);

        assertThat(queue.addRateLimited(WEB)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void failuresArePerKey() {
        queue.addRateLimited(WEB);
        queue.addRateLimited(WEB);

        assertThat(queue.addRateLimited(API)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void delayedKeysDoNotCountAgainstIdle() {
        queue.addAfter(WEB, Duration.ofHours(1));

        assertThat(queue.isIdle()).isTrue();
    }

    @Test
    void takeBlocksUntilAKeyIsAdded() throws Exception {
        CompletableFuture<ObjectKey> taken = CompletableFuture.supplyAsync(() -> {
            try {
                return queue.take();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(50);
        assertThat(taken).isNotDone();

        queue.add(WEB);

        assertThat(taken.get(5, TimeUnit.SECONDS)).isEqualTo(WEB);
    }

    @Test
    void shutDownReleasesBlockedTake() throws Exception {
        CompletableFuture<ObjectKey> taken = CompletableFuture.supplyAsync(() -> {
            try {
                return queue.take();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        queue.shutDown();

        assertThat(taken.get(5, TimeUnit.SECONDS)).isNull();
    }
}
