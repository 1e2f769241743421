package io.certwright.cli;

import io.certwright.api.model.CertificateRequest;
import io.certwright.api.model.CertificateRequestSpec;
import io.certwright.api.model.IssuerReference;
import io.certwright.core.cluster.ResourceKind;
import io.certwright.kubernetes.ApiErrors;
import io.certwright.pki.CsrSpec;
import io.certwright.pki.Csrs;
import io.certwright.pki.KeyAlgorithm;
import io.certwright.pki.PkiException;
import io.certwright.pki.PrivateKeys;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One attempt of {@code check api}: a server-side dry-run create of a CertificateRequest
 * ({@code generateName: cmapichecker-valid-}, a CSR for {@code example.com}) in the given namespace. It
 * proves that the API server serves the cert-manager CRDs and that every admission webhook on
 * CertificateRequests answers. Known failures are translated into cmctl's explanations.
 *
 * <p>NOTE: cmctl also requires cert-manager's mutating webhook to have set {@code spec.username}, and its
 * validating webhook to reject a CSR that does not parse. Certwright has no webhook, so neither check is made.
 */
final class ApiCheck {
    static final String CRDS_NOT_FOUND = "the cert-manager CRDs are not yet installed on the Kubernetes API server";
    static final String WEBHOOK_SERVICE_MISSING = "the cert-manager webhook service is not created yet";
    static final String WEBHOOK_NOT_READY = "the cert-manager webhook deployment is not ready yet";
    static final String WEBHOOK_CA_NOT_INJECTED = "the cert-manager webhook CA bundle is not injected yet";
    static final String WEBHOOK_MUTATED_INCORRECTLY = "the cert-manager validating webhook failed because the"
            + " dry-run CertificateRequest object was mutated incorrectly";
    static final String CHECK_FAILED = "failed to check the cert-manager API";

    /** Error texts and their explanations, first match wins; the patterns are those cmctl matches. */
    private static final List<Translation> TRANSLATIONS = List.of(
            new Translation(Pattern.compile("the server could not find the requested resource"), CRDS_NOT_FOUND),
            new Translation(Pattern.compile("failed to find API group \"cert-manager\\.io\""), CRDS_NOT_FOUND),
            new Translation(Pattern.compile("no resources found for group \"cert-manager\\.io/v1\""), CRDS_NOT_FOUND),
            new Translation(Pattern.compile("no matches for kind \"CertificateRequest\" in group \"cert-manager\\.io\""),
                    CRDS_NOT_FOUND),
            new Translation(Pattern.compile("Post \"(.*)\": service \"(.*)-webhook\" not found"),
                    WEBHOOK_SERVICE_MISSING),
            new Translation(Pattern.compile("Post \"(.*)\": (.*): connect: connection refused"), WEBHOOK_NOT_READY),
            new Translation(Pattern.compile("Post \"(.*)\": x509: certificate signed by unknown authority"),
                    WEBHOOK_CA_NOT_INJECTED),
            new Translation(Pattern.compile("admission webhook \"webhook\\.cert-manager\\.io\" denied the request: (.*)"),
                    WEBHOOK_MUTATED_INCORRECTLY),
            new Translation(Pattern.compile("certificaterequests\\.cert-manager\\.io is forbidden"), CHECK_FAILED),
            new Translation(Pattern.compile("admission webhook \"(.*)\" denied the request: (.*)"), CHECK_FAILED));

    private final ApiObjects objects;
    private final String namespace;
    private final byte[] csr;

    ApiCheck(ApiObjects objects, String namespace) {
        this.objects = objects;
        this.namespace = namespace;
        this.csr = exampleCsr();
    }

    /** Runs the check; returns empty when the API is ready, else the explanation or the API server's error. */
    Optional<String> attempt() {
        CertificateRequest probe = new CertificateRequest();
        ObjectMeta metadata = new ObjectMeta();
        metadata.setGenerateName("cmapichecker-valid-");
        metadata.setNamespace(namespace);
        probe.setMetadata(metadata);
        probe.setSpec(new CertificateRequestSpec()
                .withRequest(csr)
                .withIssuerRef(new IssuerReference().withName("cmapichecker")));
        try {
            objects.createDryRun(ResourceKind.CERTIFICATE_REQUEST, probe);
            return Optional.empty();
        } catch (KubernetesClientException e) {
            return Optional.of(translate(ApiErrors.serverMessage(e)));
        }
    }

    /** Returns cmctl's explanation for an error text, or the text itself when none applies. */
    static String translate(String error) {
        for (Translation translation : TRANSLATIONS) {
            if (translation.pattern().matcher(error).find()) {
                return translation.explanation();
            }
        }
        return error;
    }

    private static byte[] exampleCsr() {
        try {
            CsrSpec spec = CsrSpec.builder().dnsNames(List.of("example.com")).build();
            return Csrs.buildPem(spec, PrivateKeys.generate(KeyAlgorithm.ECDSA, 521)).getBytes(StandardCharsets.US_ASCII);
        } catch (PkiException e) {
            throw new IllegalStateException("building the CSR of the API check failed: " + e.getMessage(), e);
        }
    }

    private record Translation(Pattern pattern, String explanation) {
    }
}
