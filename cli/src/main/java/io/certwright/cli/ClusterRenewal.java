package io.certwright.cli;

import io.certwright.api.Conditions;
import io.certwright.api.model.Certificate;
import io.certwright.core.certificates.CertificateConditions;
import io.certwright.core.certificates.ManualRenewal;
import io.certwright.core.cluster.ResourceKind;
import io.certwright.kubernetes.ApiErrors;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * {@code renew} against a cluster, as {@code cmctl renew} does it: reads the Certificates, sets
 * {@code Issuing=True} with reason {@code ManuallyTriggered} on each and writes it through the status
 * subresource. A Certificate that changed between the read and the write fails the command with a
 * conflict, as in cmctl; run it again.
 */
final class ClusterRenewal {
    private final CommandLine.Model.CommandSpec spec;
    private final ClusterOptions cluster;
    private final String namespaceOption;
    private final Clock clock;

    ClusterRenewal(CommandLine.Model.CommandSpec spec, ClusterOptions cluster, String namespaceOption) {
        this(spec, cluster, namespaceOption, Clock.systemUTC());
    }

    ClusterRenewal(CommandLine.Model.CommandSpec spec, ClusterOptions cluster, String namespaceOption, Clock clock) {
        this.spec = spec;
        this.cluster = cluster;
        this.namespaceOption = namespaceOption;
        this.clock = clock;
    }

    /**
     * Renews the named Certificates, or every Certificate matching {@code selector} (all of them when it
     * is null) in the namespace or, with {@code allNamespaces}, in every namespace.
     */
    int run(List<String> names, String selector, boolean allNamespaces) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (KubeConnection connection = KubeConnection.open(spec, cluster, namespaceOption)) {
            ApiObjects objects = connection.objects();
            List<Certificate> certificates = find(objects, connection.namespace(), names, selector, allNamespaces);
            if (certificates.isEmpty()) {
                err.println(allNamespaces ? "No Certificates found"
                        : "No Certificates found in " + connection.namespace() + " namespace.");
                err.flush();
                return ExitCodes.OK;
            }
            for (Certificate certificate : certificates) {
                String key = certificate.getMetadata().getNamespace() + "/" + certificate.getMetadata().getName();
                CertificateConditions.set(certificate, Conditions.ISSUING, Conditions.TRUE,
                        Conditions.REASON_MANUALLY_TRIGGERED, ManualRenewal.MESSAGE, clock.instant());
                try {
                    objects.updateStatus(ResourceKind.CERTIFICATE, certificate);
                } catch (KubernetesClientException e) {
                    throw new IllegalStateException("failed to trigger issuance of Certificate " + key + ": "
                            + ApiErrors.serverMessage(e), e);
                }
                out.println("Manually triggered issuance of Certificate " + key);
                out.flush();
            }
            return ExitCodes.OK;
        }
    }

    private static List<Certificate> find(ApiObjects objects, String namespace, List<String> names, String selector,
            boolean allNamespaces) {
        try {
            if (names.isEmpty()) {
                return objects.list(ResourceKind.CERTIFICATE, allNamespaces ? null : namespace, selector);
            }
            List<Certificate> found = new ArrayList<>();
            for (String name : names) {
                found.add(objects.get(ResourceKind.CERTIFICATE, namespace, name).orElseThrow(
                        () -> new IllegalStateException(ApiNames.notFound(ResourceKind.CERTIFICATE, name))));
            }
            return found;
        } catch (KubernetesClientException e) {
            throw new IllegalStateException(ApiErrors.serverMessage(e), e);
        }
    }
}
