package io.certwright.acme.ari;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.certwright.acme.testing.AcmeFixtures;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Date;
import java.util.HexFormat;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.shredzone.acme4j.toolbox.AcmeUtils;

class AriCertIdTest {
    private static final KeyPair KEY = AcmeFixtures.rsaKey();

    @Test
    void certIdMatchesSpecificationExample() throws Exception {
        // The worked example of the ARI specification: keyIdentifier 69:88:5B:...:D4 and serial 0x87654321,
        // whose DER content octets 00:87:65:43:21 carry a leading zero, give this CertID.
        byte[] keyIdentifier = HexFormat.ofDelimiter(":")
                .parseHex("69:88:5B:6B:87:46:40:41:E1:B3:7B:84:7B:A0:AE:2C:DE:01:C8:D4");
        X509Certificate certificate = certificate(new BigInteger("87654321", 16), keyIdentifier);

        assertThat(AriCertId.of(certificate)).isEqualTo("aYhba4dGQEHhs3uEe6CuLN4ByNQ.AIdlQyE");
    }

    @Test
    void serialWithoutTopBitHasNoLeadingZero() throws Exception {
        X509Certificate certificate = certificate(new BigInteger("7f0102", 16), new byte[] {1, 2, 3});

        assertThat(AriCertId.of(certificate)).isEqualTo("AQID.fwEC");
    }

    @Test
    void certIdAgreesWithAcme4j() throws Exception {
        X509Certificate certificate = certificate(new BigInteger("00ff00ff00ff00ff00ff", 16),
                HexFormat.of().parseHex("0123456789abcdef0123456789abcdef01234567"));

        assertThat(AriCertId.of(certificate)).isEqualTo(AcmeUtils.getRenewalUniqueIdentifier(certificate));
    }

    @Test
    void missingAuthorityKeyIdentifierIsRejected() throws Exception {
        X509Certificate certificate = certificate(BigInteger.TEN, null);

        assertThatIllegalArgumentException().isThrownBy(() -> AriCertId.of(certificate))
                .withMessageContaining("has no authority key identifier extension");
    }

    private static X509Certificate certificate(BigInteger serial, byte[] authorityKeyIdentifier) throws Exception {
        X500Name name = new X500Name("CN=ari.example.com");
        Date notBefore = Date.from(AcmeFixtures.NOW);
        Date notAfter = Date.from(AcmeFixtures.NOW.plus(Duration.ofDays(90)));
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial, notBefore, notAfter, name,
                KEY.getPublic());
        if (authorityKeyIdentifier != null) {
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    new AuthorityKeyIdentifier(authorityKeyIdentifier));
        }
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(KEY.getPrivate())));
    }
}
