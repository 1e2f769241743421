package io.certwright.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.certwright.api.Annotations;
import io.certwright.core.cluster.ResourceKind;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The informer cache contains only Secrets labelled {@code controller.cert-manager.io/fao=true}. A runtime
 * and an observer cluster run over the quickstart Certificates and are closed. Then 2,000 unrelated
 * Secrets of 100 KiB each (195.3 MiB) are added to the API server, and a second pair starts. Its retained
 * heap must exceed that of the first pair by far less than the size of those Secrets. Retained heap is the
 * used heap after full collections, and a class histogram of live objects counts the fabric8 Secret
 * instances in this JVM.
 *
 * <p>NOTE: the closed first pair stays referenced by {@link PeerCluster} until the end, so its cache
 * counts in the second sample too, and the measured growth is an upper bound.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnrelatedSecretsMemoryIT {
    private static final int UNRELATED_SECRETS = 2_000;
    private static final int SECRET_BYTES = 100 * 1024;
    private static final int CREATE_THREADS = 16;
    private static final long MAX_RETAINED_GROWTH = 20L * 1024 * 1024;
    private static final String SECRET_CLASS = "io.fabric8.kubernetes.api.model.Secret";
    private static final String BULK_NAMESPACE = "bulk";

    private PeerCluster peers;
    private KubernetesCluster observer;
    private HeapSample baseline;
    private HeapSample withoutSecrets;
    private HeapSample withSecrets;

    @BeforeAll
    void fillApiServerAndStartRuntime() throws Exception {
        peers = PeerCluster.start();
        peers.kubectlOrFail("create", "namespace", BULK_NAMESPACE);
        baseline = HeapSample.take();

        // A first runtime issues the quickstart Certificates, so that the second one, started over the
        // same objects plus the unrelated Secrets, caches exactly what this one cached.
        KubernetesRuntime first = peers.startRuntime(LeaderElectionSettings.defaults().withEnabled(false));
        KubernetesCluster firstObserver = peers.startObserver();
        peers.kubectlOrFail("apply", "-f", peers.root().resolve("examples/quickstart").toString());
        PeerCluster.await("every quickstart Certificate is Ready", Duration.ofSeconds(120),
                () -> PeerCluster.readyCertificates(firstObserver).containsAll(PeerCluster.QUICKSTART_CERTIFICATES));
        withoutSecrets = HeapSample.take();
        first.close();
        firstObserver.close();

        long creating = System.nanoTime();
        createUnrelatedSecrets(peers.admin());
        Duration creation = Duration.ofNanos(System.nanoTime() - creating);
        System.out.printf("UnrelatedSecretsMemoryIT: created %d Secrets of %d KiB in %d ms with %d threads%n",
                UNRELATED_SECRETS, SECRET_BYTES / 1024, creation.toMillis(), CREATE_THREADS);
        peers.admin().secrets().inNamespace("demo").resource(secret("labelled", true, new byte[16])).create();
        peers.admin().secrets().inNamespace("demo").resource(secret("unlabelled", false, new byte[16])).create();

        KubernetesRuntime second = peers.startRuntime(LeaderElectionSettings.defaults().withEnabled(false));
        observer = peers.startObserver();
        PeerCluster.await("the second runtime runs its controllers", Duration.ofSeconds(60), second::controllersRunning);
        PeerCluster.await("every quickstart Certificate is Ready", Duration.ofSeconds(60),
                () -> PeerCluster.readyCertificates(observer).containsAll(PeerCluster.QUICKSTART_CERTIFICATES));
        withSecrets = HeapSample.take();

        System.out.printf("UnrelatedSecretsMemoryIT: retained heap before any runtime %.1f MiB; runtime and observer"
                        + " running without the unrelated Secrets %.1f MiB, with them %.1f MiB; growth %.2f MiB"
                        + " (the unrelated Secrets hold %.1f MiB of data)%n",
                mebibytes(baseline.usedBytes()), mebibytes(withoutSecrets.usedBytes()),
                mebibytes(withSecrets.usedBytes()), mebibytes(growth()),
                mebibytes((long) UNRELATED_SECRETS * SECRET_BYTES));
        System.out.printf("UnrelatedSecretsMemoryIT: live %s instances %d without and %d with the unrelated Secrets;"
                        + " live byte[] %.1f MiB and %.1f MiB%n",
                SECRET_CLASS, withoutSecrets.secretInstances(), withSecrets.secretInstances(),
                mebibytes(withoutSecrets.byteArrayBytes()), mebibytes(withSecrets.byteArrayBytes()));
    }

    @AfterAll
    void stopEverything() throws Exception {
        if (peers != null) {
            peers.close();
        }
    }

    @Test
    void apiServerHoldsUnrelatedSecrets() {
        int stored = peers.admin().secrets().inNamespace(BULK_NAMESPACE).list(new ListOptionsBuilder().withLimit(500L).build())
                .getItems().size();

        assertThat(stored).isEqualTo(500);
    }

    @Test
    void retainedHeapGrowsFarLessThanSecretData() {
        assertThat(growth()).as("retained heap growth in bytes").isLessThan(MAX_RETAINED_GROWTH);
    }

    @Test
    void unrelatedSecretsAreNotLiveObjects() {
        // The issued Secrets and the one labelled Secret are cached twice (runtime and observer).
        assertThat(withSecrets.secretInstances()).isLessThan(UNRELATED_SECRETS / 20);
    }

    @Test
    void labelledSecretIsCached() {
        List<String> cached = names(observer.list(ResourceKind.SECRET, "demo"));

        assertThat(cached).contains("labelled");
    }

    @Test
    void unlabelledSecretIsNotCached() {
        List<String> cached = names(observer.list(ResourceKind.SECRET, "demo"));

        assertThat(cached).doesNotContain("unlabelled");
    }

    @Test
    void unrelatedSecretsAreNotListed() {
        assertThat(observer.list(ResourceKind.SECRET, BULK_NAMESPACE)).isEmpty();
    }

    @Test
    void unlabelledSecretIsReadLive() {
        assertThat(observer.get(ResourceKind.SECRET, "demo", "unlabelled")).isPresent();
    }

    // ---- helpers ----

    private long growth() {
        return withSecrets.usedBytes() - withoutSecrets.usedBytes();
    }

    private static void createUnrelatedSecrets(KubernetesClient client) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(CREATE_THREADS);
        try {
            List<Future<?>> created = new ArrayList<>();
            for (int thread = 0; thread < CREATE_THREADS; thread++) {
                int first = thread;
                created.add(executor.submit(() -> {
                    SplittableRandom random = new SplittableRandom(first);
                    byte[] payload = new byte[SECRET_BYTES];
                    for (int index = first; index < UNRELATED_SECRETS; index += CREATE_THREADS) {
                        random.nextBytes(payload);
                        client.secrets().inNamespace(BULK_NAMESPACE)
                                .resource(secret(String.format("unrelated-%04d", index), false, payload)).create();
                    }
                    return null;
                }));
            }
            for (Future<?> future : created) {
                future.get();
            }
        } finally {
            executor.shutdownNow();
        }
    }

    private static Secret secret(String name, boolean labelled, byte[] payload) {
        SecretBuilder builder = new SecretBuilder()
                .withNewMetadata().withName(name).endMetadata()
                .withType("Opaque")
                .withData(Map.of("payload", Base64.getEncoder().encodeToString(payload)));
        if (labelled) {
            builder.editMetadata().withLabels(Map.of(Annotations.FAO_LABEL, "true")).endMetadata();
        }
        return builder.build();
    }

    private static List<String> names(List<? extends HasMetadata> objects) {
        return objects.stream().map(object -> object.getMetadata().getName()).toList();
    }

    private static double mebibytes(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }

    /**
     * Retained heap of this JVM: the minimum used heap over several {@code System.gc()} calls (full
     * collections with G1 unless -XX:+ExplicitGCInvokesConcurrent is set), and counts from
     * {@code GC.class_histogram}, which also collects before it counts.
     */
    private record HeapSample(long usedBytes, long secretInstances, long byteArrayBytes) {
        static HeapSample take() throws Exception {
            long used = Long.MAX_VALUE;
            for (int round = 0; round < 5; round++) {
                System.gc();
                Thread.sleep(200);
                Runtime runtime = Runtime.getRuntime();
                used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
            }
            String histogram = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
            return new HeapSample(used, histogramColumn(histogram, SECRET_CLASS, 1),
                    histogramColumn(histogram, "[B", 2));
        }

        /** Reads column 1 (instances) or 2 (bytes) of a histogram row such as "  12:  345  6789  [B (java.base@17)". */
        private static long histogramColumn(String histogram, String className, int column) {
            for (String line : histogram.split("\n")) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length >= 4 && fields[3].equals(className)) {
                    return Long.parseLong(fields[column]);
                }
            }
            return 0;
        }
    }
}
