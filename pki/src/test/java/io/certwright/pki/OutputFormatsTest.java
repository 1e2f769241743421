package io.certwright.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.junit.jupiter.api.Test;

class OutputFormatsTest {

    @Test
    void derKeyOfPkcs1IsRsaPrivateKey() {
        KeyPair key = PrivateKeys.generate(KeyAlgorithm.RSA, 2048);

        byte[] der = OutputFormats.derKey(PrivateKeys.encodePem(key.getPrivate(), KeyEncoding.PKCS1));

        assertThat(RSAPrivateKey.getInstance(der).getModulus())
                .isEqualTo(((java.security.interfaces.RSAPrivateKey) key.getPrivate()).getModulus());
    }

    @Test
    void derKeyOfPkcs8IsPrivateKeyInfo() throws java.io.IOException {
        KeyPair key = TestPki.ecKey(0);

        byte[] der = OutputFormats.derKey(PrivateKeys.encodePem(key.getPrivate(), KeyEncoding.PKCS8));

        assertThat(der).isEqualTo(PrivateKeyInfo.getInstance(key.getPrivate().getEncoded()).getEncoded("DER"));
    }

    @Test
    void derKeyRejectsTextWithoutPem() {
        assertThatThrownBy(() -> OutputFormats.derKey("no pem here"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no PEM block");
    }

    @Test
    void combinedPemPutsKeyFirst() throws PkiException {
        TestPki.Issued ca = TestPki.selfSignedCa("ca", TestPki.ecKey(0));
        String keyPem = PrivateKeys.encodePem(ca.key().getPrivate(), KeyEncoding.PKCS1);
        String certPem = Pem.encodeCertificates(java.util.List.of(ca.certificate()));

        String combined = OutputFormats.combinedPem(keyPem, certPem);

        assertThat(combined).isEqualTo(keyPem + "\n" + certPem);
        assertThat(combined).startsWith("-----BEGIN EC PRIVATE KEY-----");
    }
}
