package io.certwright.bench;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The floor of one issuance through a kube-apiserver: the crypto of {@link CryptoFloor} plus the five writes
 * without which a Certificate cannot become Ready, with no controller, cache or watch involved. The writes
 * are: create the Certificate (the user's write), create the CertificateRequest, write its status with the
 * Approved and Ready conditions and the signed chain, create the labelled {@code kubernetes.io/tls} Secret,
 * and write the Certificate's Ready status. The objects go into their own namespace and are deleted
 * afterwards, before any runtime starts.
 */
final class ApiWriteFloor {
    static final String NAMESPACE = "bench-floor";
    static final int WRITES_PER_ISSUANCE = 5;

    /**
     * Concurrent issuances. Each waits on API round trips most of the time, so more threads than cores keep
     * both the crypto and the API server busy. The runtime under test runs 5 workers in each of several
     * controllers, so it can have at least as many requests in flight.
     */
    static final int THREADS = 16;

    private final KubernetesClient client;
    private final CryptoFloor crypto;
    private final String key;

    ApiWriteFloor(KubernetesClient client, CryptoFloor crypto, String key) {
        this.client = client;
        this.crypto = crypto;
        this.key = key;
    }

    /** Runs {@code count} issuances on {@link #THREADS} threads and returns the elapsed nanoseconds. */
    long run(int count) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            long start = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        issueOne(i);
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
            return System.nanoTime() - start;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Deletes every object the floor wrote, with one delete-collection request per kind. */
    void deleteObjects() {
        client.genericKubernetesResources(BenchObjects.CERTIFICATES).inNamespace(NAMESPACE).delete();
        client.genericKubernetesResources(BenchObjects.CERTIFICATE_REQUESTS).inNamespace(NAMESPACE).delete();
        client.secrets().inNamespace(NAMESPACE).delete();
    }

    private void issueOne(int index) throws Exception {
        String name = "floor-" + index;
        CryptoFloor.Issued issued = crypto.issueEncoded(index);
        // Whole seconds, as Kubernetes writes its own timestamps.
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();

        GenericKubernetesResource certificate = client.genericKubernetesResources(BenchObjects.CERTIFICATES)
                .inNamespace(NAMESPACE).resource(BenchObjects.leaf(NAMESPACE, name, key)).create();

        GenericKubernetesResource request = BenchObjects.object("CertificateRequest", NAMESPACE, name + "-1", Map.of(
                "request", base64(issued.csrPem()),
                "issuerRef", Map.of("name", BenchObjects.CA_ISSUER, "kind", "ClusterIssuer")));
        request = client.genericKubernetesResources(BenchObjects.CERTIFICATE_REQUESTS).inNamespace(NAMESPACE)
                .resource(request).create();
        request.setAdditionalProperty("status", Map.of(
                "conditions", List.of(condition("Approved", "cert-manager.io", now), condition("Ready", "Issued", now)),
                "certificate", base64(issued.chainPem()),
                "ca", base64(issued.caPem())));
        client.genericKubernetesResources(BenchObjects.CERTIFICATE_REQUESTS).inNamespace(NAMESPACE)
                .resource(request).updateStatus();

        client.secrets().inNamespace(NAMESPACE).resource(new SecretBuilder()
                .withNewMetadata().withName(name + "-tls")
                .withLabels(Map.of("controller.cert-manager.io/fao", "true")).endMetadata()
                .withType("kubernetes.io/tls")
                .withData(Map.of("tls.key", base64(issued.keyPem()), "tls.crt", base64(issued.chainPem()),
                        "ca.crt", base64(issued.caPem())))
                .build()).create();

        certificate.setAdditionalProperty("status", Map.of(
                "conditions", List.of(condition("Ready", "Ready", now)),
                "notBefore", now,
                "revision", 1));
        client.genericKubernetesResources(BenchObjects.CERTIFICATES).inNamespace(NAMESPACE)
                .resource(certificate).updateStatus();
    }

    private static Map<String, Object> condition(String type, String reason, String now) {
        return Map.of("type", type, "status", "True", "reason", reason, "message", "written by the API floor",
                "lastTransitionTime", now);
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }
}
