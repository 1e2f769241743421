package io.certwright.acme.testing;

import io.certwright.api.Json;
import io.certwright.api.model.CertificateRequest;
import io.certwright.api.model.ClusterIssuer;
import io.certwright.pki.CsrSpec;
import io.certwright.pki.Csrs;
import io.certwright.pki.KeyAlgorithm;
import io.certwright.pki.PkiException;
import io.certwright.pki.PrivateKeys;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;

/** Builders for the objects ACME tests start from. */
public final class AcmeFixtures {
    public static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private AcmeFixtures() {
    }

    /** Builds a ClusterIssuer named {@code name} for server {@code https://acme.test/directory} with the given solvers YAML. */
    public static ClusterIssuer clusterIssuer(String name, String solversYaml) {
        return Json.yaml().readValue("""
                apiVersion: cert-manager.io/v1
                kind: ClusterIssuer
                metadata: {name: %s, uid: %s-uid}
                spec:
                  acme:
                    server: https://acme.test/directory
                    privateKeySecretRef: {name: %s-account}
                    solvers: %s
                """.formatted(name, name, name, solversYaml), ClusterIssuer.class);
    }

    /** Generates an RSA 2048 key pair for CSRs and account keys. */
    public static KeyPair rsaKey() {
        return PrivateKeys.generate(KeyAlgorithm.RSA, 2048);
    }

    /** A CertificateRequest in namespace demo for the ClusterIssuer {@code issuer}, with a CSR for {@code dnsNames}. */
    public static CertificateRequest request(String name, String issuer, KeyPair key, String commonName,
            String... dnsNames) throws PkiException {
        CsrSpec.Builder csr = CsrSpec.builder().dnsNames(dnsNames);
        if (commonName != null) {
            csr.commonName(commonName);
        }
        String pem = Csrs.buildPem(csr.build(), key);
        CertificateRequest request = Json.yaml().readValue("""
                apiVersion: cert-manager.io/v1
                kind: CertificateRequest
                metadata: {name: %s, namespace: demo, uid: %s-uid}
                spec:
                  issuerRef: {name: %s, kind: ClusterIssuer, group: cert-manager.io}
                """.formatted(name, name, issuer), CertificateRequest.class);
        request.getSpec().setRequest(pem.getBytes(StandardCharsets.US_ASCII));
        return request;
    }
}
