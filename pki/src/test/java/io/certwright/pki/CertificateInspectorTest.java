package io.certwright.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CertificateInspectorTest {

    @Test
    void reportListsSectionsAndValues() throws Exception {
        TestPki.Issued root = TestPki.selfSignedCa("Example Root", TestPki.ecKey(0));
        ParsedCsr csr = TestPki.csr(CsrSpec.builder()
                .commonName("web").organizations("Example Org").dnsNames("web.example.com")
                .ipAddresses("2001:db8::1").usages("digital signature", "server auth").build(), TestPki.ecKey(1));
        var certificate = CertificateSigner.sign(csr, SigningOptions.builder().notBefore(TestPki.NOW)
                .usages("digital signature", "server auth").build(), root.certificate(), root.key().getPrivate());

        String report = CertificateInspector.describe(List.of(certificate), List.of(root.certificate()), TestPki.NOW);

        assertThat(report).contains("Valid for:", "Validity period:", "Issued By:", "Issued For:", "Certificate:", "Debugging:");
        assertThat(report).contains("\tDNS Names:\tweb.example.com\n");
        assertThat(report).contains("\tIP Addresses:\t2001:db8::1\n");
        assertThat(report).contains("\tUsages:\tdigital signature, server auth\n");
        assertThat(report).contains("\tCommon Name:\tExample Root\n");
        assertThat(report).contains("\tOrganization:\tExample Org\n");
        assertThat(report).contains("\tSigning Algorithm:\tECDSA-SHA256\n");
        assertThat(report).contains("\tPublic Key Algorithm:\tECDSA\n");
        assertThat(report).contains("\tFingerprints:\tSHA-256 ");
        assertThat(report).contains("\tIs a CA certificate:\tfalse\n");
        assertThat(report).contains("\tTrusted by this computer:\tno\n");
        assertThat(report).contains("\tCRL Status:\tNo CRL endpoints set\n");
        assertThat(report).contains("\tNot Before:\tSun, 01 Jun 2025 12:00:00 UTC\n");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"RSA, 2048, RSA", "ECDSA, 256, ECDSA", "ED25519, 0, Ed25519"})
    void publicKeyAlgorithmIsNamedAsGoNamesIt(KeyAlgorithm algorithm, int size, String expected) throws Exception {
        KeyPair key = PrivateKeys.generate(algorithm, size);
        TestPki.Issued root = TestPki.selfSignedCa("Example Root", key);

        String report = CertificateInspector.describe(List.of(root.certificate()), List.of(), TestPki.NOW);

        assertThat(report).contains("\tPublic Key Algorithm:\t" + expected + "\n");
    }

    @Test
    void usagesOfJoinsNames() throws Exception {
        TestPki.Issued root = TestPki.selfSignedCa("Example Root", TestPki.ecKey(0));

        assertThat(CertificateInspector.usagesOf(root.certificate()))
                .isEqualTo("digital signature, key encipherment, cert sign");
    }
}
