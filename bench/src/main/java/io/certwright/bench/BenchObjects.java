package io.certwright.bench;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The cert-manager objects the Kubernetes benchmark creates, as fabric8 generic resources so that the
 * benchmark writes the same JSON a user's kubectl would.
 */
final class BenchObjects {
    /** Prefix of the leaf namespaces: {@code bench-0}, {@code bench-1}, ... */
    static final String LEAF_NAMESPACE_PREFIX = "bench-";

    /** Label on every leaf Certificate, so that a watch with this label selector receives leaves only. */
    static final String LEAF_LABEL = "bench.certwright.io/leaf";
    static final String CLUSTER_RESOURCE_NAMESPACE = "cert-manager";
    static final String CA_ISSUER = "bench-ca";

    static final ResourceDefinitionContext CERTIFICATES = namespaced("Certificate", "certificates");
    static final ResourceDefinitionContext CERTIFICATE_REQUESTS = namespaced("CertificateRequest", "certificaterequests");
    static final ResourceDefinitionContext CLUSTER_ISSUERS = new ResourceDefinitionContext.Builder()
            .withGroup("cert-manager.io").withVersion("v1").withKind("ClusterIssuer").withPlural("clusterissuers")
            .withNamespaced(false).build();

    private BenchObjects() {
    }

    /** Returns a self-signed ClusterIssuer, the CA Certificate it signs, and a CA ClusterIssuer on that Certificate. */
    static List<GenericKubernetesResource> caIssuer() {
        GenericKubernetesResource bootstrap = object("ClusterIssuer", null, "bootstrap",
                Map.of("selfSigned", Map.of()));
        GenericKubernetesResource caCertificate = object("Certificate", CLUSTER_RESOURCE_NAMESPACE, CA_ISSUER, Map.of(
                "isCA", true,
                "commonName", "Certwright bench CA",
                "secretName", CA_ISSUER,
                "privateKey", Map.of("algorithm", "ECDSA", "size", 256),
                "issuerRef", Map.of("name", "bootstrap", "kind", "ClusterIssuer")));
        GenericKubernetesResource ca = object("ClusterIssuer", null, CA_ISSUER,
                Map.of("ca", Map.of("secretName", CA_ISSUER)));
        return List.of(bootstrap, caCertificate, ca);
    }

    static String leafNamespace(int index, int namespaces) {
        return LEAF_NAMESPACE_PREFIX + (index % namespaces);
    }

    /**
     * Returns a leaf Certificate from the CA ClusterIssuer, labelled {@link #LEAF_LABEL}, with one DNS name and a key
     * of {@code key} (ecdsa or rsa).
     */
    static GenericKubernetesResource leaf(String namespace, String name, String key) {
        GenericKubernetesResource leaf = object("Certificate", namespace, name, Map.of(
                "secretName", name + "-tls",
                "dnsNames", List.of(name + ".bench.example"),
                "privateKey", Map.of("algorithm", key.equals("rsa") ? "RSA" : "ECDSA"),
                "issuerRef", Map.of("name", CA_ISSUER, "kind", "ClusterIssuer")));
        leaf.getMetadata().setLabels(Map.of(LEAF_LABEL, "true"));
        return leaf;
    }

    static GenericKubernetesResource object(String kind, String namespace, String name, Map<String, Object> spec) {
        GenericKubernetesResource resource = new GenericKubernetesResourceBuilder()
                .withApiVersion("cert-manager.io/v1")
                .withKind(kind)
                .withNewMetadata().withName(name).withNamespace(namespace).endMetadata()
                .build();
        resource.setAdditionalProperty("spec", spec);
        return resource;
    }

    /**
     * Returns whether the object's Ready condition is True for its current generation; Certificates and
     * ClusterIssuers both carry the condition this way.
     */
    static boolean ready(GenericKubernetesResource resource) {
        Object status = resource.getAdditionalProperties().get("status");
        if (!(status instanceof Map<?, ?> statusMap) || !(statusMap.get("conditions") instanceof List<?> conditions)) {
            return false;
        }
        for (Object entry : conditions) {
            if (entry instanceof Map<?, ?> condition && "Ready".equals(condition.get("type"))) {
                Object observed = condition.get("observedGeneration");
                Long generation = resource.getMetadata().getGeneration();
                boolean current = observed == null || generation == null
                        || ((Number) observed).longValue() == generation;
                return "True".equals(condition.get("status")) && current;
            }
        }
        return false;
    }

    /** Returns {@code status.revision}, or 0 when the object has none. */
    static long revision(GenericKubernetesResource resource) {
        return statusField(resource, "revision") instanceof Number revision ? revision.longValue() : 0;
    }

    /** Returns the time in {@code status.<field>} (RFC 3339), or null when the object has none. */
    static Instant statusTime(GenericKubernetesResource resource, String field) {
        return statusField(resource, field) instanceof String time ? Instant.parse(time) : null;
    }

    private static Object statusField(GenericKubernetesResource resource, String field) {
        Object status = resource.getAdditionalProperties().get("status");
        return status instanceof Map<?, ?> statusMap ? statusMap.get(field) : null;
    }

    private static ResourceDefinitionContext namespaced(String kind, String plural) {
        return new ResourceDefinitionContext.Builder()
                .withGroup("cert-manager.io").withVersion("v1").withKind(kind).withPlural(plural)
                .withNamespaced(true).build();
    }
}
