package io.certwright.core.certificates.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.certwright.api.SecretKeys;
import io.certwright.core.certificates.secrets.SecretData;
import io.certwright.core.testing.Harness;
import io.certwright.pki.CertificateSigner;
import io.certwright.pki.CsrSpec;
import io.certwright.pki.Csrs;
import io.certwright.pki.KeyAlgorithm;
import io.certwright.pki.KeyEncoding;
import io.certwright.pki.Pem;
import io.certwright.pki.PkiException;
import io.certwright.pki.PrivateKeys;
import io.certwright.pki.SigningOptions;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Certificates from a CA issuer whose Secret contains intermediates: {@code tls.crt} is the leaf followed by
 * the intermediates, and {@code ca.crt} is only the top certificate of the chain.
 */
class IssuedChainLayoutTest {
    private static final String LEAF = """
            apiVersion: cert-manager.io/v1
            kind: Issuer
            metadata: {name: int-ca, namespace: demo}
            spec: {ca: {secretName: int-ca}}
            ---
            apiVersion: cert-manager.io/v1
            kind: Certificate
            metadata: {name: leaf, namespace: demo}
            spec:
              secretName: leaf-tls
              dnsNames: [leaf.example.com]
              privateKey: {algorithm: ECDSA}
              issuerRef: {name: int-ca, kind: Issuer}
            """;

    private final Authority root = Authority.root("Root");
    private final Authority int1 = root.issue("Int1");
    private final Authority int2 = int1.issue("Int2");

    @Test
    void intermediatesStayInChainAndRootBecomesCa() {
        Scenario scenario = issueWith(int2, List.of(int2, int1, root), List.of());

        assertChain(scenario, List.of(int2, int1), root);
    }

    @Test
    void issuerCaFileBecomesCa() {
        Scenario scenario = issueWith(int1, List.of(int1), List.of(root));

        assertChain(scenario, List.of(int1), root);
    }

    @Test
    void chainWithoutRootUsesTopIntermediateAsCa() {
        Scenario scenario = issueWith(int1, List.of(int1), List.of());

        assertChain(scenario, List.of(int1), int1);
    }

    @Test
    void rootSigningDirectlyLeavesLeafAlone() {
        Scenario scenario = issueWith(root, List.of(root), List.of());

        assertChain(scenario, List.of(), root);
    }

    @Test
    void mixedOrderIsRebuiltByIssuerLinks() {
        Scenario scenario = issueWith(int2, List.of(int2, root, int1), List.of());

        assertChain(scenario, List.of(int2, int1), root);
    }

    @Test
    void selfSignedLeafIsItsOwnCa() {
        Scenario scenario = Scenario.create().apply(Scenario.SELF_SIGNED_ISSUER + "---\n"
                + LEAF.substring(LEAF.indexOf("kind: Certificate") - "apiVersion: cert-manager.io/v1\n".length())
                        .replace("{name: int-ca, kind: Issuer}", "{name: selfsigned, kind: Issuer}"));

        assertThat(scenario.isReady("leaf")).isTrue();
        Secret secret = scenario.secret("leaf-tls");
        assertThat(Scenario.chain(secret, SecretKeys.TLS_CERT)).hasSize(1);
        assertThat(Scenario.data(secret, SecretKeys.CA_CERT)).isEqualTo(Scenario.data(secret, SecretKeys.TLS_CERT));
    }

    @Test
    void combinedPemCarriesIntermediatesWithoutCa() {
        Scenario scenario = issueWith(int2, List.of(int2, int1, root), List.of(),
                LEAF + "  additionalOutputFormats: [{type: CombinedPEM}]\n");

        assertChain(scenario, List.of(int2, int1), root);
        Secret secret = scenario.secret("leaf-tls");
        String combined = Scenario.text(secret, SecretKeys.TLS_COMBINED_PEM);
        assertThat(combined).isEqualTo(Scenario.text(secret, SecretKeys.TLS_KEY) + "\n"
                + Scenario.text(secret, SecretKeys.TLS_CERT));
        assertThat(combined).doesNotContain(Scenario.text(secret, SecretKeys.CA_CERT).strip());
    }

    private Scenario issueWith(Authority signer, List<Authority> tlsCrt, List<Authority> caCrt) {
        return issueWith(signer, tlsCrt, caCrt, LEAF);
    }

    private Scenario issueWith(Authority signer, List<Authority> tlsCrt, List<Authority> caCrt, String manifests) {
        Scenario scenario = Scenario.create();
        Map<String, String> data = new LinkedHashMap<>();
        data.put(SecretKeys.TLS_KEY, SecretData.encode(signer.keyPem()));
        data.put(SecretKeys.TLS_CERT, SecretData.encode(pem(tlsCrt)));
        if (!caCrt.isEmpty()) {
            data.put(SecretKeys.CA_CERT, SecretData.encode(pem(caCrt)));
        }
        Secret issuerSecret = new SecretBuilder().withNewMetadata().withName("int-ca").withNamespace("demo").endMetadata()
                .withType(SecretKeys.TLS_SECRET_TYPE).withData(data).build();
        scenario.harness.apply(issuerSecret);
        return scenario.apply(manifests);
    }

    private static void assertChain(Scenario scenario, List<Authority> intermediates, Authority ca) {
        assertThat(scenario.isReady("leaf")).isTrue();
        Secret secret = scenario.secret("leaf-tls");
        List<X509Certificate> chain = Scenario.chain(secret, SecretKeys.TLS_CERT);
        assertThat(chain).hasSize(1 + intermediates.size());
        assertThat(chain.get(0).getSubjectX500Principal().getName()).isEmpty();
        assertThat(chain.subList(1, chain.size()))
                .containsExactlyElementsOf(intermediates.stream().map(Authority::certificate).toList());
        assertThat(Scenario.chain(secret, SecretKeys.CA_CERT)).containsExactly(ca.certificate());
    }

    private static byte[] pem(List<Authority> authorities) {
        return Pem.encodeCertificates(authorities.stream().map(Authority::certificate).toList())
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** A CA key pair and certificate minted in the test, valid for ten years from the harness start. */
    private record Authority(KeyPair keyPair, X509Certificate certificate) {
        static Authority root(String name) {
            KeyPair keyPair = PrivateKeys.generate(KeyAlgorithm.ECDSA, 256);
            return new Authority(keyPair, sign(name, keyPair, null, keyPair));
        }

        Authority issue(String name) {
            KeyPair child = PrivateKeys.generate(KeyAlgorithm.ECDSA, 256);
            return new Authority(child, sign(name, child, certificate, keyPair));
        }

        byte[] keyPem() {
            return PrivateKeys.encodePem(keyPair.getPrivate(), KeyEncoding.PKCS8).getBytes(StandardCharsets.US_ASCII);
        }

        private static X509Certificate sign(String name, KeyPair subject, X509Certificate issuer, KeyPair issuerKey) {
            try {
                String csr = Csrs.buildPem(CsrSpec.builder().commonName(name).isCA(true).build(), subject);
                return CertificateSigner.sign(Csrs.parse(csr.getBytes(StandardCharsets.US_ASCII)),
                        SigningOptions.builder().notBefore(Harness.START.minus(Duration.ofDays(1)))
                                .duration(Duration.ofDays(3650)).isCA(true).build(),
                        issuer, issuerKey.getPrivate());
            } catch (PkiException e) {
                throw new IllegalStateException("minting test CA " + name + " failed", e);
            }
        }
    }
}
