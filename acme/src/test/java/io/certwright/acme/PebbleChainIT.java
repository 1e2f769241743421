package io.certwright.acme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.certwright.acme.testing.PebbleRig;
import io.certwright.acme.testing.PebbleServer;
import io.certwright.api.Conditions;
import io.certwright.api.model.Certificate;
import io.certwright.core.cluster.ResourceKind;
import io.certwright.pki.Pem;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Secret;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks how an ACME certificate chain lands in the Secret, with Pebble on 127.0.0.1: {@code tls.crt} contains
 * the chain in the order Pebble served it (leaf first, no root), there is no {@code ca.crt}, and the PKCS#12
 * keystore carries the intermediates although there is no CA to put in a truststore. Skipped when Pebble is
 * not installed.
 *
 * <p>NOTE: Pebble never sends its root in a chain, so the case of a server that includes the root is not
 * covered here; {@code PEBBLE_CHAIN_LENGTH=2} gives a three-certificate chain with two intermediates instead.
 */
class PebbleChainIT {
    private static final String NAMESPACE = "demo";
    private static final String ISSUER = "pebble";
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final String KEYSTORE_PASSWORD = "changeit";

    @TempDir
    Path work;

    private PebbleServer pebble;
    private PebbleRig rig;

    @BeforeEach
    void requirePebble() {
        boolean installed = PebbleServer.installed();
        if (!installed) {
            // JUnit reports an aborted test without its reason in the summary, so print it too.
            System.err.println(PebbleServer.SKIP_MESSAGE);
        }
        assumeTrue(installed, PebbleServer.SKIP_MESSAGE);
    }

    @AfterEach
    void stopEverything() throws Exception {
        if (rig != null) {
            rig.close();
        }
        if (pebble != null) {
            pebble.close();
        }
    }

    @Test
    void defaultChainIsStoredAsServed() throws Exception {
        start(Map.of());
        Secret secret = issueWithKeystore();

        assertThat(secret.getData()).doesNotContainKey("ca.crt");
        List<X509Certificate> chain = tlsChain(secret);
        assertThat(chain).hasSize(2);
        assertThat(chain.get(0).getSubjectAlternativeNames()).anyMatch(san -> "web.certwright.test".equals(san.get(1)));
        assertThat(chain.get(1).getEncoded()).isEqualTo(pebble.intermediate().getEncoded());
        assertSignedInOrder(chain, pebble.root());

        assertKeystoreHoldsChain(secret, chain);
        assertThat(secret.getData()).doesNotContainKey("truststore.p12");
        assertNoFurtherWrites(secret);
    }

    @Test
    void longerChainKeepsServerOrder() throws Exception {
        start(Map.of("PEBBLE_CHAIN_LENGTH", "2"));
        Secret secret = issueWithKeystore();

        assertThat(secret.getData()).doesNotContainKey("ca.crt");
        List<X509Certificate> chain = tlsChain(secret);
        assertThat(chain).hasSize(3);
        assertSignedInOrder(chain, pebble.root());

        assertKeystoreHoldsChain(secret, chain);
        assertThat(secret.getData()).doesNotContainKey("truststore.p12");
        assertNoFurtherWrites(secret);
    }

    private void start(Map<String, String> environment) throws Exception {
        pebble = PebbleServer.start(work.resolve("pebble"), environment);
        rig = PebbleRig.start(pebble);
    }

    /** Issues Certificate demo/web with a PKCS#12 keystore and returns its Secret once Ready. */
    private Secret issueWithKeystore() throws Exception {
        rig.createIssuer(ISSUER);
        Secret password = new Secret();
        password.setMetadata(new ObjectMeta());
        password.getMetadata().setName("keystore-password");
        password.getMetadata().setNamespace(NAMESPACE);
        password.setData(Map.of("password", Base64.getEncoder().encodeToString(
                KEYSTORE_PASSWORD.getBytes(StandardCharsets.UTF_8))));
        rig.cluster().create(ResourceKind.SECRET, password);
        rig.apply(ResourceKind.CERTIFICATE, """
                apiVersion: cert-manager.io/v1
                kind: Certificate
                metadata: {name: web, namespace: %s}
                spec:
                  secretName: web-tls
                  dnsNames: [web.certwright.test]
                  issuerRef: {name: %s, kind: ClusterIssuer}
                  keystores:
                    pkcs12:
                      create: true
                      passwordSecretRef: {name: keystore-password, key: password}
                """.formatted(NAMESPACE, ISSUER), Certificate.class);
        rig.awaitCondition(NAMESPACE, "web", Conditions.READY, Conditions.TRUE, TIMEOUT);
        return rig.await("Secret demo/web-tls with keystore.p12", TIMEOUT,
                () -> rig.cluster().get(ResourceKind.SECRET, NAMESPACE, "web-tls")
                        .filter(secret -> secret.getData() != null && secret.getData().containsKey("keystore.p12")));
    }

    private static List<X509Certificate> tlsChain(Secret secret) throws Exception {
        return Pem.parseCertificates(Base64.getDecoder().decode(secret.getData().get("tls.crt")));
    }

    /** Checks that each certificate is signed by the next one and the last one by the root, which is not in it. */
    private static void assertSignedInOrder(List<X509Certificate> chain, X509Certificate root) throws Exception {
        for (int i = 0; i + 1 < chain.size(); i++) {
            assertThat(chain.get(i).getIssuerX500Principal()).as("issuer of certificate %d", i)
                    .isEqualTo(chain.get(i + 1).getSubjectX500Principal());
            chain.get(i).verify(chain.get(i + 1).getPublicKey());
        }
        X509Certificate top = chain.get(chain.size() - 1);
        assertThat(top.getIssuerX500Principal()).isEqualTo(root.getSubjectX500Principal());
        top.verify(root.getPublicKey());
        assertThat(chain).noneMatch(certificate -> certificate.getSubjectX500Principal()
                .equals(certificate.getIssuerX500Principal()));
    }

    private static void assertKeystoreHoldsChain(Secret secret, List<X509Certificate> chain) throws Exception {
        KeyStore keystore = KeyStore.getInstance("PKCS12");
        keystore.load(new ByteArrayInputStream(Base64.getDecoder().decode(secret.getData().get("keystore.p12"))),
                KEYSTORE_PASSWORD.toCharArray());
        List<String> keyAliases = Collections.list(keystore.aliases()).stream()
                .filter(alias -> isKeyEntry(keystore, alias)).toList();
        assertThat(keyAliases).hasSize(1);
        String alias = keyAliases.get(0);
        java.security.cert.Certificate[] stored = keystore.getCertificateChain(alias);
        assertThat(stored).hasSize(chain.size());
        for (int i = 0; i < chain.size(); i++) {
            assertThat(stored[i].getEncoded()).as("keystore certificate %d", i).isEqualTo(chain.get(i).getEncoded());
        }
        Key key = keystore.getKey(alias, KEYSTORE_PASSWORD.toCharArray());
        assertThat(key).isInstanceOf(PrivateKey.class);
        assertThat(key.getAlgorithm()).isEqualTo(chain.get(0).getPublicKey().getAlgorithm());
    }

    private static boolean isKeyEntry(KeyStore keystore, String alias) {
        try {
            return keystore.isKeyEntry(alias);
        } catch (KeyStoreException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Resyncs every object and checks that the missing truststore causes no Secret write and no new request. */
    private void assertNoFurtherWrites(Secret issued) throws Exception {
        rig.manager().enqueueAll();
        assertThat(rig.manager().awaitIdle(Duration.ofSeconds(30))).as("controllers idle after a resync").isTrue();
        Thread.sleep(2000);

        Secret now = rig.cluster().get(ResourceKind.SECRET, NAMESPACE, "web-tls").orElseThrow();
        assertThat(now.getMetadata().getResourceVersion()).isEqualTo(issued.getMetadata().getResourceVersion());
        assertThat(rig.requestsOf(NAMESPACE, "web")).hasSize(1);
        Certificate web = rig.certificate(NAMESPACE, "web");
        assertThat(web.getStatus().getRevision()).isEqualTo(1);
        assertThat(rig.condition(NAMESPACE, "web", Conditions.ISSUING)
                .filter(condition -> Conditions.TRUE.equals(condition.getStatus()))).isEmpty();
    }
}
