package io.certwright.bench;

import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Small Opaque Secrets without the {@code controller.cert-manager.io/fao} label, standing for the Secrets of
 * other applications in a cluster. Each carries {@link #PAYLOAD_BYTES} bytes of data.
 */
final class UnrelatedSecrets {
    static final String NAMESPACE = "unrelated";
    static final int PAYLOAD_BYTES = 64;

    /** Concurrent creates; the API server and etcd bound the rate, and 16 in flight keep them busy. */
    private static final int THREADS = 16;

    private UnrelatedSecrets() {
    }

    /** Creates {@code count} Secrets in {@link #NAMESPACE}, which must exist. */
    static void create(KubernetesClient client, int count) throws Exception {
        String payload = Base64.getEncoder().encodeToString(new byte[PAYLOAD_BYTES]);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int thread = 0; thread < THREADS; thread++) {
                int first = thread;
                futures.add(pool.submit(() -> {
                    for (int index = first; index < count; index += THREADS) {
                        client.secrets().inNamespace(NAMESPACE).resource(new SecretBuilder()
                                .withNewMetadata().withName("unrelated-" + index).endMetadata()
                                .withType("Opaque")
                                .withData(Map.of("payload", payload))
                                .build()).create();
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
