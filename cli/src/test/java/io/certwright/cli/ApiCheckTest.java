package io.certwright.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiCheckTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "missing resource | the server could not find the requested resource"
                + " | the cert-manager CRDs are not yet installed on the Kubernetes API server",
        "missing kind | no matches for kind \"CertificateRequest\" in group \"cert-manager.io\""
                + " | the cert-manager CRDs are not yet installed on the Kubernetes API server",
        "webhook service | Internal error occurred: failed calling webhook \"webhook.cert-manager.io\": Post"
                + " \"https://cert-manager-webhook.cert-manager.svc:443/mutate\": service \"cert-manager-webhook\""
                + " not found | the cert-manager webhook service is not created yet",
        "webhook refused | Internal error occurred: failed calling webhook \"webhook.cert-manager.io\": Post"
                + " \"https://cert-manager-webhook.cert-manager.svc:443/mutate\": dial tcp 10.96.38.90:443: connect:"
                + " connection refused | the cert-manager webhook deployment is not ready yet",
        "webhook CA | Internal error occurred: failed calling webhook \"webhook.cert-manager.io\": Post"
                + " \"https://cert-manager-webhook.cert-manager.svc:443/mutate\": x509: certificate signed by unknown"
                + " authority | the cert-manager webhook CA bundle is not injected yet",
        "webhook denied | admission webhook \"webhook.cert-manager.io\" denied the request: spec.username: Forbidden"
                + " | the cert-manager validating webhook failed because the dry-run CertificateRequest object was"
                + " mutated incorrectly",
        "forbidden | certificaterequests.cert-manager.io is forbidden: User \"x\" cannot create resource"
                + " | failed to check the cert-manager API",
        "other webhook denied | admission webhook \"validate.kyverno.svc-fail\" denied the request: no"
                + " | failed to check the cert-manager API",
        "unknown error | connection reset | connection reset"
    })
    void translateExplainsKnownErrors(String description, String error, String expected) {
        assertThat(ApiCheck.translate(error)).isEqualTo(expected);
    }
}
