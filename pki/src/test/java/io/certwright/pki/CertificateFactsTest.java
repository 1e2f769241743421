package io.certwright.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;

class CertificateFactsTest {

    @Test
    void subjectPartsAreReadBack() throws Exception {
        TestPki.Issued root = TestPki.selfSignedCa("root", TestPki.ecKey(0));
        ParsedCsr csr = TestPki.csr(CsrSpec.builder()
                .commonName("web").organizations("Org").organizationalUnits("Unit").countries("GB")
                .provinces("Kent").localities("Dover").postalCodes("CT16").streetAddresses("1 Quay").serialNumber("77")
                .ipAddresses("2001:0DB8:0000:0000:0000:0000:0000:0001").build(), TestPki.ecKey(1));

        X509Certificate certificate = CertificateSigner.sign(csr, SigningOptions.builder().notBefore(TestPki.NOW).build(),
                root.certificate(), root.key().getPrivate());

        assertThat(CertificateFacts.commonName(certificate)).isEqualTo("web");
        assertThat(CertificateFacts.organizations(certificate)).containsExactly("Org");
        assertThat(CertificateFacts.organizationalUnits(certificate)).containsExactly("Unit");
        assertThat(CertificateFacts.countries(certificate)).containsExactly("GB");
        assertThat(CertificateFacts.provinces(certificate)).containsExactly("Kent");
        assertThat(CertificateFacts.localities(certificate)).containsExactly("Dover");
        assertThat(CertificateFacts.postalCodes(certificate)).containsExactly("CT16");
        assertThat(CertificateFacts.streetAddresses(certificate)).containsExactly("1 Quay");
        assertThat(CertificateFacts.serialNumberAttribute(certificate)).isEqualTo("77");
        assertThat(CertificateFacts.ipAddresses(certificate)).containsExactly("2001:db8::1");
        assertThat(IpAddresses.sameAddresses(CertificateFacts.ipAddresses(certificate),
                java.util.List.of("2001:0DB8::0001"))).isTrue();
    }

    @Test
    void certificateWithoutSansHasEmptyLists() throws Exception {
        X509Certificate root = TestPki.selfSignedCa("root", TestPki.ecKey(0)).certificate();

        assertThat(CertificateFacts.dnsNames(root)).isEmpty();
        assertThat(CertificateFacts.otherNames(root)).isEmpty();
        assertThat(CertificateFacts.serialNumberAttribute(root)).isEmpty();
    }
}
