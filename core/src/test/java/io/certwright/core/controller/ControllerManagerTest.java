package io.certwright.core.controller;

import static io.certwright.core.testing.Fixtures.certificate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.certwright.api.model.Certificate;
import io.certwright.core.cluster.ChangeListener;
import io.certwright.core.cluster.Cluster;
import io.certwright.core.cluster.ClusterException;
import io.certwright.core.cluster.Event;
import io.certwright.core.cluster.EventRecorder;
import io.certwright.core.cluster.InMemoryCluster;
import io.certwright.core.cluster.ObjectKey;
import io.certwright.core.cluster.ResourceKind;
import io.certwright.core.time.MutableClock;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class ControllerManagerTest {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final ObjectKey WEB = new ObjectKey("default", "web");

    private final MutableClock clock = new MutableClock(START);
    private final InMemoryCluster cluster = new InMemoryCluster(clock);
    private final ControllerManager manager = new ControllerManager(cluster, clock);

    @AfterEach
    void closeManager() {
        manager.close();
    }

    @Test
    void clusterChangesReachReconciler() {
        List<ObjectKey> seen = new ArrayList<>();
        register("toy", key -> {
            seen.add(key);
            return Result.done();
        });

        cluster.create(ResourceKind.CERTIFICATE, certificate("web"));
        int reconciles = manager.runUntilIdle();

        assertThat(reconciles).isEqualTo(1);
        assertThat(seen).containsExactly(WEB);
    }

    @Test
    void periodicTaskRunsWhenQueuesRunDry() {
        List<ObjectKey> seen = new ArrayList<>();
        register("toy", key -> {
            seen.add(key);
            return Result.done();
        });
        AtomicInteger runs = new AtomicInteger();
        manager.addPeriodicTask("creator", Duration.ofSeconds(1), () -> {
            if (runs.incrementAndGet() == 1) {
                cluster.create(ResourceKind.CERTIFICATE, certificate("web"));
            }
        });

        int reconciles = manager.runUntilIdle();

        assertThat(reconciles).isEqualTo(1);
        assertThat(seen).containsExactly(WEB);
        assertThat(runs.get()).isEqualTo(2);
    }

    @Test
    void periodicTaskRunsOnTimerAfterStart() throws InterruptedException {
        register("toy", key -> Result.done());
        java.util.concurrent.CountDownLatch ran = new java.util.concurrent.CountDownLatch(2);
        manager.addPeriodicTask("counter", Duration.ofMillis(10), ran::countDown);

        manager.start(1);

        assertThat(ran.await(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void keysOfOtherKindsAreNotQueued() {
        register("toy", key -> Result.done());

        Secret secret = new Secret();
        secret.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMeta());
        secret.getMetadata().setName("web");
        secret.getMetadata().setNamespace("default");
        cluster.create(ResourceKind.SECRET, secret);

        assertThat(manager.runUntilIdle()).isZero();
    }

    @Test
    void failuresBackOffExponentially() {
        List<Instant> attempts = new ArrayList<>();
        register("failing", key -> {
            attempts.add(clock.instant());
            throw new IllegalStateException("issuer not ready");
        });
        manager.enqueue("failing", WEB);

        manager.runUntilIdle();
        for (int i = 0; i < 7; i++) {
            clock.set(manager.nextDueTime().orElseThrow());
            manager.runUntilIdle();
        }

        assertThat(gapsInSeconds(attempts)).containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L);
        assertThat(manager.syncErrors("failing")).isEqualTo(8);
    }

    @Test
    void successResetsBackoff() {
        AtomicInteger calls = new AtomicInteger();
        register("flaky", key -> {
            int call = calls.incrementAndGet();
            if (call == 3) {
                return Result.done();
            }
            throw new IllegalStateException("failure " + call);
        });
        manager.enqueue("flaky", WEB);
        manager.runUntilIdle();
        clock.set(manager.nextDueTime().orElseThrow());
        manager.runUntilIdle();
        clock.set(manager.nextDueTime().orElseThrow());
        manager.runUntilIdle();

        manager.enqueue("flaky", WEB);
        manager.runUntilIdle();

        assertThat(manager.nextDueTime()).contains(clock.instant().plusSeconds(1));
    }

    @Test
    void conflictIsRetriedWithoutCountingAnError() {
        register("conflicting", key -> {
            throw new ClusterException.Conflict("stale");
        });
        manager.enqueue("conflicting", WEB);

        manager.runUntilIdle();

        assertThat(manager.syncCalls("conflicting")).isEqualTo(1);
        assertThat(manager.syncErrors("conflicting")).isZero();
        assertThat(manager.nextDueTime()).contains(START.plusSeconds(1));
    }

    @Test
    void requeueAfterSchedulesDelayedRun() {
        AtomicInteger calls = new AtomicInteger();
        register("renewing", key -> {
            calls.incrementAndGet();
            return Result.requeueAfter(Duration.ofHours(2));
        });
        manager.enqueue("renewing", WEB);
        manager.runUntilIdle();

        clock.advance(Duration.ofHours(1));
        manager.runUntilIdle();
        assertThat(calls).hasValue(1);

        clock.advance(Duration.ofHours(1));
        manager.runUntilIdle();
        assertThat(calls).hasValue(2);
    }

    @Test
    void hotLoopFailsNamingControllerAndKey() {
        register("spinning", key -> Result.requeueAfter(Duration.ZERO));
        manager.enqueue("spinning", WEB);

        assertThatThrownBy(manager::runUntilIdle)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("spinning default/web");
    }

    @Test
    void controllersTakeTurns() {
        List<String> order = new ArrayList<>();
        register("first", key -> {
            order.add("first " + key.name());
            return Result.done();
        });
        register("second", key -> {
            order.add("second " + key.name());
            return Result.done();
        });
        manager.enqueue("first", new ObjectKey("default", "a"));
        manager.enqueue("first", new ObjectKey("default", "b"));
        manager.enqueue("second", new ObjectKey("default", "c"));

        manager.runUntilIdle();

        assertThat(order).containsExactly("first a", "second c", "first b");
    }

    @Test
    void syncCallsCountEveryReconcile() {
        register("toy", key -> Result.done());
        manager.enqueue("toy", WEB);
        manager.enqueue("toy", new ObjectKey("default", "api"));

        manager.runUntilIdle();

        assertThat(manager.syncCalls("toy")).isEqualTo(2);
        assertThat(manager.syncErrors("toy")).isZero();
    }

    @Test
    void enqueueAllMapsEveryStoredObject() {
        cluster.create(ResourceKind.CERTIFICATE, certificate("web"));
        cluster.create(ResourceKind.CERTIFICATE, certificate("api"));
        List<ObjectKey> seen = new ArrayList<>();
        register("late", key -> {
            seen.add(key);
            return Result.done();
        });

        manager.enqueueAll();
        manager.runUntilIdle();

        assertThat(seen).containsExactlyInAnyOrder(WEB, new ObjectKey("default", "api"));
    }

    @Test
    void unknownControllerIsRejected() {
        assertThatThrownBy(() -> manager.enqueue("missing", WEB))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("missing");
    }

    @Test
    void mdcNamesControllerAndObjectDuringReconcile() {
        List<String> mdc = new ArrayList<>();
        manager.register(new ControllerDefinition("toy", key -> {
            mdc.add(MDC.get("controller") + " " + MDC.get("resource_kind") + " " + MDC.get("resource_namespace")
                    + " " + MDC.get("resource_name"));
            return Result.done();
        }, RateLimit.CERTIFICATES, KeyMappers.self(ResourceKind.CERTIFICATE), "Certificate"));
        manager.enqueue("toy", WEB);

        manager.runUntilIdle();

        assertThat(mdc).containsExactly("toy Certificate default web");
        assertThat(MDC.get("controller")).isNull();
    }

    @Test
    void updatesWithUnchangedResourceVersionAreSkipped() {
        RecordingCluster recording = new RecordingCluster();
        ControllerManager isolated = new ControllerManager(recording, clock);
        AtomicInteger calls = new AtomicInteger();
        isolated.register(new ControllerDefinition("toy", key -> {
            calls.incrementAndGet();
            return Result.done();
        }, RateLimit.CERTIFICATES, KeyMappers.self(ResourceKind.CERTIFICATE)));
        Certificate version = certificate("web");
        version.getMetadata().setResourceVersion("7");

        recording.listener.onChange(ResourceKind.CERTIFICATE, version, version);
        isolated.runUntilIdle();

        assertThat(calls).hasValue(0);
    }

    @Test
    void workersReconcileUntilIdle() throws Exception {
        List<ObjectKey> seen = Collections.synchronizedList(new ArrayList<>());
        register("toy", key -> {
            seen.add(key);
            return Result.done();
        });
        manager.start(3);

        for (int i = 0; i < 20; i++) {
            cluster.create(ResourceKind.CERTIFICATE, certificate("cert-" + i));
        }

        assertThat(manager.awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(seen).hasSize(20);
    }

    @Test
    void runUntilIdleIsRejectedWhileWorkersRun() {
        register("toy", key -> Result.done());
        manager.start(1);

        assertThatThrownBy(manager::runUntilIdle).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void earlierDelayedKeyWakesSleepingWorker() throws Exception {
        Clock system = Clock.systemUTC();
        InMemoryCluster realTimeCluster = new InMemoryCluster(system);
        try (ControllerManager realTime = new ControllerManager(realTimeCluster, system)) {
            List<ObjectKey> seen = Collections.synchronizedList(new ArrayList<>());
            realTime.register(new ControllerDefinition("toy", key -> {
                seen.add(key);
                return Result.done();
            }, RateLimit.CERTIFICATES, KeyMappers.self(ResourceKind.CERTIFICATE)));
            realTime.start(1);
            realTime.enqueueAfter("toy", new ObjectKey("default", "later"), Duration.ofHours(1));
            Thread.sleep(50);

            realTime.enqueueAfter("toy", WEB, Duration.ofMillis(100));

            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (seen.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(seen).containsExactly(WEB);
        }
    }

    @Test
    void closeStopsWorkers() {
        register("toy", key -> Result.done());
        manager.start(2);

        manager.close();

        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                .noneMatch(name -> name.startsWith("certwright-toy-"));
    }

    private void register(String name, Reconciler reconciler) {
        manager.register(new ControllerDefinition(name, reconciler, RateLimit.CERTIFICATES,
                KeyMappers.self(ResourceKind.CERTIFICATE)));
    }

    private static List<Long> gapsInSeconds(List<Instant> attempts) {
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < attempts.size(); i++) {
            gaps.add(Duration.between(attempts.get(i - 1), attempts.get(i)).toSeconds());
        }
        return gaps;
    }

    /** A cluster that only captures its listener, so a test can deliver hand-made changes. */
    private static final class RecordingCluster implements Cluster {
        ChangeListener listener;

        @Override
        public void addListener(ChangeListener listener) {
            this.listener = listener;
        }

        @Override
        public <T extends HasMetadata> Optional<T> get(ResourceKind<T> kind, String namespace, String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <T extends HasMetadata> List<T> list(ResourceKind<T> kind, String namespace) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <T extends HasMetadata> T create(ResourceKind<T> kind, T object) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <T extends HasMetadata> T update(ResourceKind<T> kind, T object) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <T extends HasMetadata> T updateStatus(ResourceKind<T> kind, T object) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <T extends HasMetadata> void delete(ResourceKind<T> kind, String namespace, String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Secret applySecret(Secret desired, String fieldManager) {
            throw new UnsupportedOperationException();
        }

        @Override
        public EventRecorder events(String source) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Event> eventsFor(ResourceKind<?> kind, String namespace, String name) {
            throw new UnsupportedOperationException();
        }
    }
}
