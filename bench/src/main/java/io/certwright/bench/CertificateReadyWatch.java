package io.certwright.bench;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records, per leaf Certificate ({@code namespace/name}, labelled {@link BenchObjects#LEAF_LABEL}), the
 * {@link System#nanoTime()} at which the benchmark first saw its Ready condition True with at least the
 * expected {@code status.revision}, from a watch on the API server. It keeps no objects, only the
 * times, so its heap stays small beside the runtime it measures. When the API server closes the watch
 * with an error, the watch restarts from a fresh list, and Certificates found Ready in that list get the
 * time of the list.
 */
final class CertificateReadyWatch implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CertificateReadyWatch.class);

    private final KubernetesClient client;
    private final Map<String, Long> readyNanos = new ConcurrentHashMap<>();
    /** The lowest {@code status.revision} that counts: 1 for a first issuance, higher after renewals. */
    private volatile long minimumRevision = 1;
    private volatile Watch watch;
    private volatile boolean closed;

    private CertificateReadyWatch(KubernetesClient client) {
        this.client = client;
    }

    /** Lists and watches leaf Certificates in every namespace. */
    static CertificateReadyWatch start(KubernetesClient client) {
        CertificateReadyWatch readyWatch = new CertificateReadyWatch(client);
        readyWatch.listAndWatch();
        return readyWatch;
    }

    /** Returns the nanoTime at which {@code namespace/name} was first seen Ready, or null. */
    Long readyNanos(String key) {
        return readyNanos.get(key);
    }

    int readyCount() {
        return readyNanos.size();
    }

    /** Forgets every recorded time, so that the map does not count in a heap sample. */
    void clear() {
        readyNanos.clear();
    }

    /**
     * Forgets every recorded time and from now on records a Certificate only once it is Ready with
     * {@code status.revision} of at least {@code revision}, that is, once a renewal has completed.
     */
    void expectRevision(long revision) {
        minimumRevision = revision;
        readyNanos.clear();
    }

    /**
     * Waits until {@code key} ({@code namespace/name}) is Ready and returns the nanoTime it was first seen so.
     *
     * @throws IllegalStateException when it is not Ready within {@code timeout}
     */
    long awaitReady(String key, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (!readyNanos.containsKey(key)) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    throw new IllegalStateException("Certificate " + key + " was not Ready within "
                            + timeout);
                }
                wait(Math.max(1, remaining / 1_000_000));
            }
        }
        return readyNanos.get(key);
    }

    @Override
    public void close() {
        closed = true;
        Watch current = watch;
        if (current != null) {
            current.close();
        }
    }

    private void listAndWatch() {
        GenericKubernetesResourceList list = client.genericKubernetesResources(BenchObjects.CERTIFICATES)
                .inAnyNamespace().withLabel(BenchObjects.LEAF_LABEL).list();
        long now = System.nanoTime();
        for (GenericKubernetesResource certificate : list.getItems()) {
            record(certificate, now);
        }
        watch = client.genericKubernetesResources(BenchObjects.CERTIFICATES).inAnyNamespace()
                .withLabel(BenchObjects.LEAF_LABEL)
                .watch(new ListOptionsBuilder().withResourceVersion(list.getMetadata().getResourceVersion()).build(),
                        new ReadyWatcher());
    }

    private void record(GenericKubernetesResource certificate, long nanos) {
        if (BenchObjects.ready(certificate) && BenchObjects.revision(certificate) >= minimumRevision
                && readyNanos.putIfAbsent(keyOf(certificate), nanos) == null) {
            synchronized (this) {
                notifyAll();
            }
        }
    }

    static String keyOf(GenericKubernetesResource certificate) {
        return certificate.getMetadata().getNamespace() + "/" + certificate.getMetadata().getName();
    }

    private final class ReadyWatcher implements Watcher<GenericKubernetesResource> {
        @Override
        public void eventReceived(Action action, GenericKubernetesResource certificate) {
            long now = System.nanoTime();
            if (action == Action.ADDED || action == Action.MODIFIED) {
                record(certificate, now);
            }
        }

        @Override
        public void onClose(WatcherException cause) {
            if (closed) {
                return;
            }
            log.warn("the leaf Certificate watch closed ({}); listing and watching again", cause.getMessage());
            listAndWatch();
        }
    }
}
