package io.certwright.core.cluster;

import static io.certwright.core.testing.Fixtures.certificate;
import static io.certwright.core.testing.Fixtures.withDnsNames;
import static org.assertj.core.api.Assertions.assertThat;

import io.certwright.api.model.Certificate;
import io.certwright.core.time.MutableClock;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How an {@link InMemoryCluster} delivers changes to its sink, its reads and its listeners. */
class ChangeDeliveryTest {
    private static final long TIMEOUT_SECONDS = 10;

    private final InMemoryCluster cluster = new InMemoryCluster(new MutableClock(Instant.parse("2026-01-01T00:00:00Z")));
    private final ExecutorService threads = Executors.newFixedThreadPool(8);

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void readsSeeChangeOnlyAfterSinkAcceptedIt() throws Exception {
        cluster.create(ResourceKind.CERTIFICATE, certificate("web", withDnsNames("a.example.com")));
        CountDownLatch inSink = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        cluster.setSink((kind, oldObject, newObject) -> {
            inSink.countDown();
            await(release);
            return true;
        });

        Future<Certificate> write = threads.submit(() -> {
            Certificate changed = cluster.get(ResourceKind.CERTIFICATE, "default", "web").orElseThrow();
            changed.getSpec().setDnsNames(List.of("b.example.com"));
            return cluster.update(ResourceKind.CERTIFICATE, changed);
        });
        assertThat(inSink.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();

        Certificate duringSink = cluster.get(ResourceKind.CERTIFICATE, "default", "web").orElseThrow();
        List<Certificate> listedDuringSink = cluster.list(ResourceKind.CERTIFICATE, "default");
        release.countDown();
        Certificate returned = write.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);

        assertThat(duringSink.getSpec().getDnsNames()).containsExactly("a.example.com");
        assertThat(listedDuringSink.get(0).getSpec().getDnsNames()).containsExactly("a.example.com");
        assertThat(cluster.get(ResourceKind.CERTIFICATE, "default", "web").orElseThrow().getMetadata()
                .getResourceVersion()).isEqualTo(returned.getMetadata().getResourceVersion());
    }

    @Test
    void slowSinkOfOneObjectDoesNotBlockAnother() throws Exception {
        cluster.create(ResourceKind.CERTIFICATE, certificate("slow"));
        cluster.create(ResourceKind.CERTIFICATE, certificate("fast"));
        CountDownLatch fastStored = new CountDownLatch(1);
        cluster.setSink((kind, oldObject, newObject) -> {
            String name = newObject.getMetadata().getName();
            if (name.equals("slow")) {
                // Under one global delivery order this would wait forever for the change behind it.
                await(fastStored);
            } else {
                fastStored.countDown();
            }
            return true;
        });

        Future<?> slow = threads.submit(() -> relabel("slow", "1"));
        Future<?> fast = threads.submit(() -> relabel("fast", "1"));

        fast.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        slow.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertThat(fastStored.getCount()).isZero();
    }

    @Test
    void changesOfOneObjectArriveInWriteOrder() throws Exception {
        int objects = 4;
        int writesPerObject = 50;
        for (int i = 0; i < objects; i++) {
            cluster.create(ResourceKind.CERTIFICATE, certificate("cert-" + i));
        }
        Map<String, List<Long>> sinkVersions = new ConcurrentHashMap<>();
        Map<String, List<Long>> listenerVersions = new ConcurrentHashMap<>();
        cluster.setSink((kind, oldObject, newObject) -> {
            recordVersion(sinkVersions, newObject);
            return true;
        });
        cluster.addListener((kind, oldObject, newObject) -> recordVersion(listenerVersions, newObject));

        List<Future<?>> writers = new ArrayList<>();
        for (int writer = 0; writer < 8; writer++) {
            int offset = writer;
            writers.add(threads.submit(() -> {
                for (int write = 0; write < writesPerObject; write++) {
                    relabelRetryingConflicts("cert-" + ((write + offset) % objects), offset + "-" + write);
                }
            }));
        }
        for (Future<?> writer : writers) {
            writer.get(60, TimeUnit.SECONDS);
        }

        assertThat(sinkVersions).hasSize(objects);
        for (String name : sinkVersions.keySet()) {
            List<Long> versions = sinkVersions.get(name);
            assertThat(versions).as("sink order of %s", name).isSorted().doesNotHaveDuplicates();
            assertThat(listenerVersions.get(name)).as("listener order of %s", name).isEqualTo(versions);
        }
        assertThat(sinkVersions.values().stream().mapToInt(List::size).sum()).isEqualTo(8 * writesPerObject);
    }

    @Test
    void rejectedChangeIsVisibleWithoutNotification() {
        cluster.create(ResourceKind.CERTIFICATE, certificate("web"));
        List<String> notified = Collections.synchronizedList(new ArrayList<>());
        cluster.addListener((kind, oldObject, newObject) -> notified.add(newObject.getMetadata().getName()));
        cluster.setSink((kind, oldObject, newObject) -> false);

        Certificate returned = relabel("web", "1");

        assertThat(notified).isEmpty();
        assertThat(cluster.get(ResourceKind.CERTIFICATE, "default", "web").orElseThrow().getMetadata()
                .getResourceVersion()).isEqualTo(returned.getMetadata().getResourceVersion());
    }

    @Test
    void failingSinkDoesNotBlockLaterWrites() {
        cluster.create(ResourceKind.CERTIFICATE, certificate("web"));
        cluster.setSink((kind, oldObject, newObject) -> {
            throw new IllegalStateException("disk full");
        });

        relabel("web", "1");
        Certificate second = relabel("web", "2");

        assertThat(second.getMetadata().getLabels()).containsEntry("step", "2");
    }

    private Certificate relabel(String name, String value) {
        Certificate current = cluster.get(ResourceKind.CERTIFICATE, "default", name).orElseThrow();
        current.getMetadata().setLabels(Map.of("step", value));
        return cluster.update(ResourceKind.CERTIFICATE, current);
    }

    private void relabelRetryingConflicts(String name, String value) {
        while (true) {
            try {
                relabel(name, value);
                return;
            } catch (ClusterException.Conflict e) {
                // Another writer changed the object between this writer's read and write; read again.
            }
        }
    }

    private static void recordVersion(Map<String, List<Long>> versions, HasMetadata object) {
        versions.computeIfAbsent(object.getMetadata().getName(), ignored -> Collections.synchronizedList(new ArrayList<>()))
                .add(Long.parseLong(object.getMetadata().getResourceVersion()));
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("timed out waiting for another write");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
