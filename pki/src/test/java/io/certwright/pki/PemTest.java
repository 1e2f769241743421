package io.certwright.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PemTest {

    private static List<X509Certificate> chain;

    @BeforeAll
    static void mintChain() throws PkiException {
        TestPki.Issued root = TestPki.selfSignedCa("root", TestPki.ecKey(0));
        TestPki.Issued leaf = TestPki.leaf("leaf.example.com", TestPki.ecKey(1), root);
        chain = List.of(leaf.certificate(), root.certificate());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void roundTripKeepsOrder() throws PkiException {
        List<X509Certificate> parsed = Pem.parseCertificates(bytes(Pem.encodeCertificates(chain)));

        assertThat(parsed).containsExactlyElementsOf(chain);
    }

    @Test
    void textBetweenBlocksIsIgnored() throws PkiException {
        String pem = "subject=leaf\n" + Pem.encodeCertificates(chain.subList(0, 1)) + "\nissuer=root\n"
                + Pem.encodeCertificates(chain.subList(1, 2)) + "trailing text";

        assertThat(Pem.parseCertificates(bytes(pem))).containsExactlyElementsOf(chain);
    }

    @Test
    void crlfLineEndingsAreAccepted() throws PkiException {
        String pem = Pem.encodeCertificates(chain).replace("\n", "\r\n");

        assertThat(Pem.parseCertificates(bytes(pem))).containsExactlyElementsOf(chain);
    }

    @Test
    void truncatedSecondCertificateNamesItsIndex() {
        String pem = Pem.encodeCertificates(chain);
        String truncated = pem.substring(0, pem.length() - 40);

        assertThatThrownBy(() -> Pem.parseCertificates(bytes(truncated)))
                .isInstanceOf(PkiException.class)
                .hasMessageContaining("certificate 2 is truncated");
    }

    @Test
    void cutBodyWithEndLineIsReported() {
        String first = Pem.encodeCertificates(chain.subList(0, 1));
        String second = Pem.encodeCertificates(chain.subList(1, 2));
        String[] lines = second.split("\n");
        String cut = lines[0] + "\n" + lines[1] + "\n" + lines[lines.length - 1] + "\n";

        assertThatThrownBy(() -> Pem.parseCertificates(bytes(first + cut)))
                .isInstanceOf(PkiException.class)
                .hasMessageContaining("certificate 2 of the chain is truncated or invalid");
    }

    @Test
    void invalidBase64IsReported() {
        String pem = "-----BEGIN CERTIFICATE-----\n!!!notbase64!!!\n-----END CERTIFICATE-----\n";

        assertThatThrownBy(() -> Pem.parseCertificates(bytes(pem)))
                .isInstanceOf(PkiException.class)
                .hasMessageContaining("certificate 1 (CERTIFICATE) is not valid base64");
    }

    @Test
    void otherBlockTypeIsRejected() {
        String pem = Pem.encodeCertificates(chain.subList(0, 1))
                + PrivateKeys.encodePem(TestPki.ecKey(0).getPrivate(), KeyEncoding.PKCS8);

        assertThatThrownBy(() -> Pem.parseCertificates(bytes(pem)))
                .isInstanceOf(PkiException.class)
                .hasMessageContaining("PEM block 2 has type PRIVATE KEY, expected CERTIFICATE");
    }

    @Test
    void inputWithoutBlocksIsRejected() {
        assertThatThrownBy(() -> Pem.parseCertificates(bytes("")))
                .isInstanceOf(PkiException.class)
                .hasMessageContaining("no CERTIFICATE PEM block found");
    }

    @Test
    void encodeCsrWritesCertificateRequestBlock() throws PkiException {
        ParsedCsr csr = TestPki.csr(CsrSpec.builder().commonName("web").build(), TestPki.ecKey(0));

        String pem = Pem.encodeCsr(csr.encoded());

        assertThat(pem).startsWith("-----BEGIN CERTIFICATE REQUEST-----\n");
        assertThat(Csrs.parse(bytes(pem)).commonName()).isEqualTo("web");
    }
}
