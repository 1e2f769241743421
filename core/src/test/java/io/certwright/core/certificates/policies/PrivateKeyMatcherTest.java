package io.certwright.core.certificates.policies;

import static io.certwright.core.certificates.policies.CertificateFixtures.certificate;
import static io.certwright.core.certificates.policies.CertificateFixtures.key;
import static org.assertj.core.api.Assertions.assertThat;

import io.certwright.api.model.CertificateSpec;
import io.certwright.pki.KeyAlgorithm;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PrivateKeyMatcherTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("RSA 2048 key matches the defaults", KeyAlgorithm.RSA, 2048, null, null, List.of()),
                Arguments.of("RSA 2048 key matches explicit RSA 2048", KeyAlgorithm.RSA, 2048, "RSA", 2048, List.of()),
                Arguments.of("RSA 2048 key is too small for 4096", KeyAlgorithm.RSA, 2048, "RSA", 4096, List.of("spec.privateKey.size")),
                Arguments.of("RSA key does not match ECDSA", KeyAlgorithm.RSA, 2048, "ECDSA", null, List.of("spec.privateKey.algorithm")),
                Arguments.of("P-256 key matches ECDSA default size", KeyAlgorithm.ECDSA, 256, "ECDSA", null, List.of()),
                Arguments.of("P-256 key does not match size 384", KeyAlgorithm.ECDSA, 256, "ECDSA", 384, List.of("spec.privateKey.size")),
                Arguments.of("P-384 key matches size 384", KeyAlgorithm.ECDSA, 384, "ECDSA", 384, List.of()),
                Arguments.of("ECDSA key does not match the RSA default", KeyAlgorithm.ECDSA, 256, null, null, List.of("spec.privateKey.algorithm")),
                Arguments.of("Ed25519 key ignores size", KeyAlgorithm.ED25519, 0, "Ed25519", 4096, List.of()),
                Arguments.of("Ed25519 key does not match RSA", KeyAlgorithm.ED25519, 0, "RSA", null, List.of("spec.privateKey.algorithm")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void comparesAlgorithmAndSize(String name, KeyAlgorithm algorithm, int size, String specAlgorithm, Integer specSize,
                                  List<String> expected) {
        CertificateSpec spec = certificate(s -> s.withPrivateKey(TriggerPolicyTest.privateKey(specAlgorithm, specSize))).getSpec();
        assertThat(PrivateKeyMatcher.violations(key(algorithm, size, 0).getPrivate(), spec)).isEqualTo(expected);
    }
}
