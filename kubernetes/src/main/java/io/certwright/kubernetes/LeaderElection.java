package io.certwright.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElector;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaderElectionRecord;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.Lock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One candidate in the election for the controller Lease, on fabric8's {@link LeaderElector}.
 *
 * <p>fabric8 calls {@code onStartedLeading} once the Lease is acquired and {@code onStoppedLeading} when a
 * renewal did not succeed within the renew deadline, or after {@link #close()} released the Lease.
 * The Lease is released on close, so a successor need not wait out the lease duration.
 *
 * <p>The wrapped lock records when this candidate last wrote the Lease as holder, which is what the
 * {@code /livez} watchdog compares against.
 */
final class LeaderElection implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LeaderElection.class);

    private final LeaderElectionSettings settings;
    private final Clock clock;
    private final RecordingLock lock;
    private final LeaderElector elector;
    private final ExecutorService executor;
    private final AtomicBoolean leading = new AtomicBoolean();
    private volatile CompletableFuture<?> running;

    LeaderElection(KubernetesClient client, LeaderElectionSettings settings, Clock clock, Runnable onStartedLeading,
            Runnable onStoppedLeading) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.lock = new RecordingLock(new LeaseLock(settings.namespace(), settings.leaseName(), settings.identity()),
                clock);
        this.executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "certwright-leader-election");
            thread.setDaemon(true);
            return thread;
        });
        LeaderCallbacks callbacks = new LeaderCallbacks(
                () -> {
                    leading.set(true);
                    log.info("acquired the Lease {}/{} as {}", settings.namespace(), settings.leaseName(),
                            settings.identity());
                    onStartedLeading.run();
                },
                () -> {
                    boolean wasLeading = leading.getAndSet(false);
                    if (wasLeading) {
                        onStoppedLeading.run();
                    }
                },
                holder -> log.info("the Lease {}/{} is held by {}", settings.namespace(), settings.leaseName(), holder));
        this.elector = new LeaderElector(client, new LeaderElectionConfigBuilder()
                .withName(settings.leaseName())
                .withLock(lock)
                .withLeaseDuration(settings.leaseDuration())
                .withRenewDeadline(settings.renewDeadline())
                .withRetryPeriod(settings.retryPeriod())
                .withReleaseOnCancel(true)
                .withLeaderCallbacks(callbacks)
                .build(), (Executor) executor);
    }

    /** Starts campaigning for the Lease; returns at once. */
    void start() {
        log.info("waiting to acquire the Lease {}/{} as {} (lease {}, renew deadline {}, retry {})",
                settings.namespace(), settings.leaseName(), settings.identity(), settings.leaseDuration(),
                settings.renewDeadline(), settings.retryPeriod());
        running = elector.start();
    }

    boolean isLeading() {
        return leading.get();
    }

    /**
     * Returns why the leader-election watchdog fails, or empty when healthy. It fails only while this
     * candidate leads and has not renewed the Lease within the lease duration plus the healthz timeout.
     */
    Optional<String> watchdogFailure() {
        if (!leading.get()) {
            return Optional.empty();
        }
        Instant renewed = lock.lastRenewal();
        Duration tolerated = settings.leaseDuration().plus(settings.healthzTimeout());
        Duration since = Duration.between(renewed, clock.instant());
        if (since.compareTo(tolerated) > 0) {
            return Optional.of("the Lease " + settings.namespace() + "/" + settings.leaseName() + " was last renewed "
                    + since.toSeconds() + " s ago, more than " + tolerated.toSeconds() + " s");
        }
        return Optional.empty();
    }

    /** Stops campaigning and releases the Lease when this candidate holds it. */
    @Override
    public void close() {
        CompletableFuture<?> future = running;
        leading.set(false);
        if (future != null) {
            future.cancel(true);
        }
        executor.shutdownNow();
    }

    /** Delegates to the Lease lock and records when this candidate last wrote the Lease as its holder. */
    private static final class RecordingLock implements Lock {
        private final Lock delegate;
        private final Clock clock;
        private volatile Instant lastRenewal = Instant.EPOCH;

        RecordingLock(Lock delegate, Clock clock) {
            this.delegate = delegate;
            this.clock = clock;
        }

        Instant lastRenewal() {
            return lastRenewal;
        }

        @Override
        public LeaderElectionRecord get(KubernetesClient client) {
            return delegate.get(client);
        }

        @Override
        public void create(KubernetesClient client, LeaderElectionRecord record) {
            delegate.create(client, record);
            recordIfHolder(record);
        }

        @Override
        public void update(KubernetesClient client, LeaderElectionRecord record) {
            delegate.update(client, record);
            recordIfHolder(record);
        }

        @Override
        public String identity() {
            return delegate.identity();
        }

        @Override
        public String describe() {
            return delegate.describe();
        }

        private void recordIfHolder(LeaderElectionRecord record) {
            if (identity().equals(record.getHolderIdentity())) {
                lastRenewal = clock.instant();
            }
        }
    }
}
