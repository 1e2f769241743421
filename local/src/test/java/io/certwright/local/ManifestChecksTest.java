package io.certwright.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.certwright.core.cluster.ResourceKind;
import io.certwright.core.issuers.CaFixtures;
import io.certwright.pki.KeyAlgorithm;
import io.certwright.pki.PrivateKeys;
import io.fabric8.kubernetes.api.model.Secret;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPrivateKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestChecksTest {
    private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");

    private static List<InputProblem> inspect(Secret secret) {
        return new ManifestChecks().inspect(new ManifestObject(Path.of("ca.yaml"), 1, ResourceKind.SECRET, secret));
    }

    @Test
    void mismatchedKeyNamesTlsKey() {
        CaFixtures.KeyedCertificate ca = CaFixtures.root("Manifest CA", NOW);
        Secret secret = CaFixtures.secret("demo", "ca", CaFixtures.pem(ca.certificate()),
                CaFixtures.keyPem(CaFixtures.newKey()), null);

        List<InputProblem> problems = inspect(secret);

        assertThat(problems).extracting(InputProblem::field).containsExactly("data.tls.key");
        assertThat(problems.get(0).message()).contains("does not match the public key");
    }

    @Test
    void rsaKeyWithoutCrtIsReported() throws Exception {
        KeyPair rsa = PrivateKeys.generate(KeyAlgorithm.RSA, 2048);
        RSAPrivateCrtKey crt = (RSAPrivateCrtKey) rsa.getPrivate();
        // The JDK builds a key without CRT parameters from the modulus and private exponent alone.
        var withoutCrt = KeyFactory.getInstance("RSA")
                .generatePrivate(new RSAPrivateKeySpec(crt.getModulus(), crt.getPrivateExponent()));
        String keyPem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(withoutCrt.getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        CaFixtures.KeyedCertificate ca = CaFixtures.root("Manifest CA", NOW);
        Secret secret = CaFixtures.secret("demo", "ca", CaFixtures.pem(ca.certificate()), keyPem, null);

        List<InputProblem> problems = inspect(secret);

        assertThat(problems).extracting(InputProblem::field).containsExactly("data.tls.key");
        assertThat(problems.get(0).message()).contains("has no CRT parameters");
        assertThat(problems.get(0).fix()).contains("CRT parameters");
    }
}
