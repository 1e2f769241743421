package io.certwright.local;

import io.certwright.pki.CsrSpec;
import io.certwright.pki.KeyAlgorithm;
import io.certwright.pki.KeyEncoding;
import io.certwright.pki.Pem;
import io.certwright.pki.PrivateKeys;
import io.certwright.pki.TemporaryCertificates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Manifests with one mistake each, as users make them. */
final class BadInput {
    static final String UNPARSABLE = "bad-syntax.yaml";
    static final String UNKNOWN_KIND = "unknown-kind.yaml";
    static final String INVALID_CERTIFICATE = "invalid-certificate.yaml";
    static final String MISMATCHED_CA = "mismatched-ca.yaml";
    static final String TRUNCATED_PEM = "truncated-ca.yaml";

    private BadInput() {
    }

    static void writeAll(Path directory) throws IOException {
        Files.writeString(directory.resolve(UNPARSABLE), """
                apiVersion: cert-manager.io/v1
                kind: Certificate
                metadata:
                  name: broken
                  labels: [unclosed
                """);
        Files.writeString(directory.resolve(UNKNOWN_KIND), """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: web
                """);
        Files.writeString(directory.resolve(INVALID_CERTIFICATE), """
                apiVersion: cert-manager.io/v1
                kind: Certificate
                metadata:
                  name: invalid
                  namespace: demo
                spec:
                  dnsNames: [invalid.demo.example]
                  issuerRef:
                    kind: ClusterIssuer
                    name: quickstart-ca
                """);
        String caCertificate = caCertificatePem(PrivateKeys.generate(KeyAlgorithm.ECDSA, 256));
        String otherKey = PrivateKeys.encodePem(PrivateKeys.generate(KeyAlgorithm.ECDSA, 256).getPrivate(),
                KeyEncoding.PKCS8);
        Files.writeString(directory.resolve(MISMATCHED_CA), """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: mismatched-ca
                  namespace: demo
                type: kubernetes.io/tls
                stringData:
                  tls.crt: |
                %s
                  tls.key: |
                %s
                ---
                apiVersion: cert-manager.io/v1
                kind: Issuer
                metadata:
                  name: mismatched-ca
                  namespace: demo
                spec:
                  ca:
                    secretName: mismatched-ca
                ---
                apiVersion: cert-manager.io/v1
                kind: Certificate
                metadata:
                  name: on-mismatched-ca
                  namespace: demo
                spec:
                  secretName: on-mismatched-ca-tls
                  dnsNames: [mismatched.demo.example]
                  issuerRef:
                    name: mismatched-ca
                """.formatted(indent(caCertificate), indent(otherKey)));
        KeyPair truncatedKeyPair = PrivateKeys.generate(KeyAlgorithm.ECDSA, 256);
        String truncated = caCertificatePem(truncatedKeyPair);
        truncated = truncated.substring(0, truncated.length() / 2);
        Files.writeString(directory.resolve(TRUNCATED_PEM), """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: truncated-ca
                  namespace: demo
                type: kubernetes.io/tls
                stringData:
                  tls.crt: |
                %s
                  tls.key: |
                %s
                """.formatted(indent(truncated), indent(PrivateKeys.encodePem(truncatedKeyPair.getPrivate(),
                KeyEncoding.PKCS8))));
    }

    private static String caCertificatePem(KeyPair keyPair) {
        X509Certificate certificate = TemporaryCertificates.issue(CsrSpec.builder().commonName("Test CA").build(),
                keyPair, Duration.ofDays(30), Instant.now());
        return Pem.encodeCertificates(List.of(certificate));
    }

    private static String indent(String pem) {
        return pem.strip().lines().map(line -> "    " + line).reduce((a, b) -> a + "\n" + b).orElse("");
    }
}
