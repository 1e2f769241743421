package io.certwright.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PrivateKeysTest {

    static Stream<Arguments> keyClasses() {
        return Stream.of(
                Arguments.of("RSA default size is 2048", KeyAlgorithm.RSA, 0, 2048),
                Arguments.of("RSA 2048", KeyAlgorithm.RSA, 2048, 2048),
                Arguments.of("RSA odd size 3000", KeyAlgorithm.RSA, 3000, 3000),
                Arguments.of("ECDSA default size is P-256", KeyAlgorithm.ECDSA, 0, 256),
                Arguments.of("ECDSA P-384", KeyAlgorithm.ECDSA, 384, 384),
                Arguments.of("ECDSA P-521", KeyAlgorithm.ECDSA, 521, 521),
                Arguments.of("Ed25519 ignores the size", KeyAlgorithm.ED25519, 4096, 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keyClasses")
    void generateHasRequestedAlgorithmAndSize(String name, KeyAlgorithm algorithm, int size, int expectedSize) {
        KeyPair pair = PrivateKeys.generate(algorithm, size);

        assertThat(PrivateKeys.algorithmOf(pair.getPrivate())).isEqualTo(algorithm);
        assertThat(PrivateKeys.algorithmOf(pair.getPublic())).isEqualTo(algorithm);
        assertThat(PrivateKeys.sizeOf(pair.getPrivate())).isEqualTo(expectedSize);
        assertThat(PrivateKeys.sizeOf(pair.getPublic())).isEqualTo(expectedSize);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keyClasses")
    void pemRoundTripKeepsKeyForBothEncodings(String name, KeyAlgorithm algorithm, int size, int expectedSize)
            throws PkiException {
        KeyPair pair = PrivateKeys.generate(algorithm, size);

        for (KeyEncoding encoding : KeyEncoding.values()) {
            String pem = PrivateKeys.encodePem(pair.getPrivate(), encoding);
            PrivateKey parsed = PrivateKeys.parsePem(pem.getBytes(StandardCharsets.US_ASCII));

            // SEC 1 input carries the public key inside the PKCS#8 body, so compare the key, not the encoding.
            assertThat(PrivateKeys.algorithmOf(parsed)).as(encoding.name()).isEqualTo(algorithm);
            assertThat(PrivateKeys.publicKeysEqual(PrivateKeys.publicKeyOf(parsed), pair.getPublic()))
                    .as("derived public key after %s", encoding).isTrue();
        }
    }

    static Stream<Arguments> pemTypes() {
        return Stream.of(
                Arguments.of("RSA PKCS1 is RSA PRIVATE KEY", KeyAlgorithm.RSA, KeyEncoding.PKCS1, "RSA PRIVATE KEY"),
                Arguments.of("RSA PKCS8 is PRIVATE KEY", KeyAlgorithm.RSA, KeyEncoding.PKCS8, "PRIVATE KEY"),
                Arguments.of("ECDSA PKCS1 is EC PRIVATE KEY", KeyAlgorithm.ECDSA, KeyEncoding.PKCS1, "EC PRIVATE KEY"),
                Arguments.of("ECDSA PKCS8 is PRIVATE KEY", KeyAlgorithm.ECDSA, KeyEncoding.PKCS8, "PRIVATE KEY"),
                Arguments.of("Ed25519 PKCS1 is still PKCS8", KeyAlgorithm.ED25519, KeyEncoding.PKCS1, "PRIVATE KEY"),
                Arguments.of("Ed25519 PKCS8 is PRIVATE KEY", KeyAlgorithm.ED25519, KeyEncoding.PKCS8, "PRIVATE KEY"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pemTypes")
    void encodePemWritesBlockType(String name, KeyAlgorithm algorithm, KeyEncoding encoding, String type) {
        KeyPair pair = algorithm == KeyAlgorithm.ECDSA ? TestPki.ecKey(0) : PrivateKeys.generate(algorithm, 0);

        String pem = PrivateKeys.encodePem(pair.getPrivate(), encoding);

        assertThat(pem).startsWith("-----BEGIN " + type + "-----\n");
        assertThat(pem).endsWith("-----END " + type + "-----\n");
    }

    @Test
    void ecPkcs1ContainsNamedCurveAndPublicKey() throws PkiException {
        KeyPair pair = PrivateKeys.generate(KeyAlgorithm.ECDSA, 384);
        byte[] der = OutputFormats.derKey(PrivateKeys.encodePem(pair.getPrivate(), KeyEncoding.PKCS1));

        org.bouncycastle.asn1.sec.ECPrivateKey sec1 = org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(der);

        assertThat(sec1.getParametersObject()).isEqualTo(org.bouncycastle.asn1.sec.SECObjectIdentifiers.secp384r1);
        assertThat(sec1.getPublicKey()).isNotNull();
    }

    @ParameterizedTest(name = "RSA size {0} is rejected")
    @ValueSource(ints = {1024, 2047, 8193, -1})
    void generateRejectsInvalidRsaSize(int size) {
        assertThatThrownBy(() -> PrivateKeys.generate(KeyAlgorithm.RSA, size))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid RSA key size " + size)
                .hasMessageContaining("between 2048 and 8192");
    }

    @ParameterizedTest(name = "ECDSA size {0} is rejected")
    @ValueSource(ints = {224, 255, 512, 2048})
    void generateRejectsInvalidEcdsaSize(int size) {
        assertThatThrownBy(() -> PrivateKeys.generate(KeyAlgorithm.ECDSA, size))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid ECDSA key size " + size)
                .hasMessageContaining("256, 384 or 521");
    }

    @Test
    void parsePemSkipsLeadingCertificateBlock() throws Exception {
        TestPki.Issued ca = TestPki.selfSignedCa("ca", TestPki.ecKey(0));
        String pem = Pem.encodeCertificates(java.util.List.of(ca.certificate()))
                + PrivateKeys.encodePem(ca.key().getPrivate(), KeyEncoding.PKCS8);

        PrivateKey parsed = PrivateKeys.parsePem(pem.getBytes(StandardCharsets.US_ASCII));

        assertThat(parsed.getEncoded()).isEqualTo(ca.key().getPrivate().getEncoded());
    }

    @Test
    void parsePemRejectsInputWithoutKeyBlock() {
        assertThatThrownBy(() -> PrivateKeys.parsePem("not a key".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(PkiException.class)
                .hasMessageContaining("no private key PEM block found");
    }

    @Test
    void parsePemRejectsTruncatedBlock() {
        String pem = PrivateKeys.encodePem(TestPki.ecKey(0).getPrivate(), KeyEncoding.PKCS8);
        String truncated = pem.substring(0, pem.length() / 2);

        assertThatThrownBy(() -> PrivateKeys.parsePem(truncated.getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(PkiException.class)
                .hasMessageContaining("truncated");
    }

    @Test
    void parsePemRejectsGarbledBodyWithoutLeakingIt() {
        String pem = "-----BEGIN PRIVATE KEY-----\nQUJDREVGR0g=\n-----END PRIVATE KEY-----\n";

        assertThatThrownBy(() -> PrivateKeys.parsePem(pem.getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(PkiException.class)
                .hasMessageContaining("PRIVATE KEY PEM block does not contain a valid private key")
                .hasMessageNotContaining("QUJDREVGR0g");
    }

    @Test
    void parsePemRejectsEncryptedKey() {
        String pem = "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00\n\nQUJD\n"
                + "-----END RSA PRIVATE KEY-----\n";

        assertThatThrownBy(() -> PrivateKeys.parsePem(pem.getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(PkiException.class)
                .hasMessageContaining("encrypted");
    }

    @Test
    void parsePemRejectsEncryptedPkcs8Key() {
        String pem = "-----BEGIN ENCRYPTED PRIVATE KEY-----\nQUJD\n-----END ENCRYPTED PRIVATE KEY-----\n";

        assertThatThrownBy(() -> PrivateKeys.parsePem(pem.getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(PkiException.class)
                .hasMessageContaining("ENCRYPTED PRIVATE KEY PEM block is encrypted")
                .hasMessageContaining("store the key unencrypted");
    }

    @Test
    void publicKeysEqualDistinguishesKeys() {
        assertThat(PrivateKeys.publicKeysEqual(TestPki.ecKey(0).getPublic(), TestPki.ecKey(0).getPublic())).isTrue();
        assertThat(PrivateKeys.publicKeysEqual(TestPki.ecKey(0).getPublic(), TestPki.ecKey(1).getPublic())).isFalse();
    }

    @Test
    void publicKeyOfRepeatedCallsMatchEachKey() throws Exception {
        KeyPair first = PrivateKeys.generate(KeyAlgorithm.ECDSA, 256);
        KeyPair second = PrivateKeys.generate(KeyAlgorithm.ECDSA, 256);
        PrivateKey firstReparsed = PrivateKeys.parsePem(PrivateKeys.encodePem(first.getPrivate(), KeyEncoding.PKCS8)
                .getBytes(StandardCharsets.US_ASCII));

        for (int call = 0; call < 3; call++) {
            assertThat(PrivateKeys.publicKeysEqual(PrivateKeys.publicKeyOf(first.getPrivate()), first.getPublic()))
                    .isTrue();
            assertThat(PrivateKeys.publicKeysEqual(PrivateKeys.publicKeyOf(second.getPrivate()), second.getPublic()))
                    .isTrue();
            assertThat(PrivateKeys.publicKeysEqual(PrivateKeys.publicKeyOf(firstReparsed), first.getPublic()))
                    .isTrue();
        }
    }

    @Test
    void ecPkcs1PublicKeyIsTheKeysPoint() throws PkiException {
        KeyPair pair = PrivateKeys.generate(KeyAlgorithm.ECDSA, 256);
        byte[] der = OutputFormats.derKey(PrivateKeys.encodePem(pair.getPrivate(), KeyEncoding.PKCS1));

        org.bouncycastle.asn1.sec.ECPrivateKey sec1 = org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(der);
        byte[] expectedPoint = org.bouncycastle.asn1.x509.SubjectPublicKeyInfo.getInstance(pair.getPublic().getEncoded())
                .getPublicKeyData().getBytes();

        assertThat(sec1.getPublicKey().getBytes()).isEqualTo(expectedPoint);
        assertThat(expectedPoint[0]).as("uncompressed point marker").isEqualTo((byte) 0x04);
    }

    @Test
    void derivedPublicKeyIsFoundForEveryEncoding() throws PkiException {
        KeyPair pair = PrivateKeys.generate(KeyAlgorithm.ECDSA, 256);

        for (KeyEncoding encoding : KeyEncoding.values()) {
            PrivateKey parsed = PrivateKeys.parsePem(PrivateKeys.encodePem(pair.getPrivate(), encoding)
                    .getBytes(StandardCharsets.US_ASCII));

            assertThat(DerivedPublicKeys.get(parsed)).as("remembered for %s", encoding).isSameAs(pair.getPublic());
        }
    }
}
