package io.certwright.core;

import java.time.Duration;
import java.util.List;

/**
 * Settings shared by the controllers, with cert-manager's controller flag defaults.
 *
 * @param clusterResourceNamespace namespace that Secrets referenced by ClusterIssuers are read from
 * @param minimumBackoff first wait after a failed issuance ({@code --certificate-request-minimum-backoff-duration})
 * @param maximumBackoff ceiling of the doubling wait ({@code --certificate-request-maximum-backoff-duration})
 * @param copiedAnnotationPrefixes filter for Certificate annotations copied to CertificateRequests:
 *     {@code *} copies all, {@code -prefix} excludes a prefix
 * @param enableCertificateOwnerRef whether issued Secrets get an owner reference to their Certificate
 * @param concurrentWorkers workers per controller
 * @param acmeUseAri the alpha feature gate {@code ACMEUseARI} (default off): ACME Renewal Information in
 *     {@code status.acme.ari} and the {@code replaces} field of new ACME orders
 */
public record ControllerOptions(
        String clusterResourceNamespace,
        Duration minimumBackoff,
        Duration maximumBackoff,
        List<String> copiedAnnotationPrefixes,
        boolean enableCertificateOwnerRef,
        int concurrentWorkers,
        boolean acmeUseAri) {

    /** Creates options with the feature gate {@code ACMEUseARI} off. */
    public ControllerOptions(String clusterResourceNamespace, Duration minimumBackoff, Duration maximumBackoff,
            List<String> copiedAnnotationPrefixes, boolean enableCertificateOwnerRef, int concurrentWorkers) {
        this(clusterResourceNamespace, minimumBackoff, maximumBackoff, copiedAnnotationPrefixes,
                enableCertificateOwnerRef, concurrentWorkers, false);
    }

    /** The upstream default of {@code --cluster-resource-namespace}. */
    public static final String DEFAULT_CLUSTER_RESOURCE_NAMESPACE = "kube-system";

    public static final List<String> DEFAULT_COPIED_ANNOTATION_PREFIXES =
            List.of("*", "-kubectl.kubernetes.io/", "-fluxcd.io/", "-argocd.argoproj.io/");

    public static ControllerOptions defaults() {
        return new ControllerOptions(DEFAULT_CLUSTER_RESOURCE_NAMESPACE, Duration.ofHours(1), Duration.ofHours(32),
                DEFAULT_COPIED_ANNOTATION_PREFIXES, false, 5);
    }

    public ControllerOptions withClusterResourceNamespace(String namespace) {
        return new ControllerOptions(namespace, minimumBackoff, maximumBackoff, copiedAnnotationPrefixes,
                enableCertificateOwnerRef, concurrentWorkers, acmeUseAri);
    }

    public ControllerOptions withBackoff(Duration minimum, Duration maximum) {
        return new ControllerOptions(clusterResourceNamespace, minimum, maximum, copiedAnnotationPrefixes,
                enableCertificateOwnerRef, concurrentWorkers, acmeUseAri);
    }

    public ControllerOptions withEnableCertificateOwnerRef(boolean enable) {
        return new ControllerOptions(clusterResourceNamespace, minimumBackoff, maximumBackoff,
                copiedAnnotationPrefixes, enable, concurrentWorkers, acmeUseAri);
    }

    public ControllerOptions withConcurrentWorkers(int workers) {
        return new ControllerOptions(clusterResourceNamespace, minimumBackoff, maximumBackoff,
                copiedAnnotationPrefixes, enableCertificateOwnerRef, workers, acmeUseAri);
    }

    public ControllerOptions withAcmeUseAri(boolean enabled) {
        return new ControllerOptions(clusterResourceNamespace, minimumBackoff, maximumBackoff,
                copiedAnnotationPrefixes, enableCertificateOwnerRef, concurrentWorkers, enabled);
    }
}
