package io.certwright.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x509.Extension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateSignerTest {

    @Test
    void chainToCaValidatesWithJdk() throws Exception {
        TestPki.Issued root = TestPki.selfSignedCa("root", TestPki.ecKey(0));
        TestPki.Issued intermediate = TestPki.intermediate("intermediate", TestPki.ecKey(1), root);
        TestPki.Issued leaf = TestPki.leaf("leaf.example.com", TestPki.ecKey(2), intermediate);

        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(root.certificate(), null)));
        parameters.setRevocationEnabled(false);
        parameters.setDate(Date.from(TestPki.NOW));
        CertPathValidator.getInstance("PKIX").validate(
                CertificateFactory.getInstance("X.509").generateCertPath(List.of(leaf.certificate(), intermediate.certificate())),
                parameters);
    }

    @Test
    void chainToCaValidatesWithOpenssl(@TempDir Path directory) throws Exception {
        assumeTrue(TestPki.opensslAvailable(), "openssl is not installed");
        KeyPair rsaRoot = PrivateKeys.generate(KeyAlgorithm.RSA, 3072);
        TestPki.Issued root = TestPki.selfSignedCa("root", rsaRoot);
        TestPki.Issued intermediate = TestPki.intermediate("intermediate", PrivateKeys.generate(KeyAlgorithm.ED25519, 0), root);
        TestPki.Issued leaf = TestPki.leaf("leaf.example.com", TestPki.ecKey(2), intermediate);
        TestPki.writePem(directory, "root.pem", List.of(root.certificate()));
        TestPki.writePem(directory, "intermediate.pem", List.of(intermediate.certificate()));
        TestPki.writePem(directory, "leaf.pem", List.of(leaf.certificate()));

        TestPki.ProcessResult result = TestPki.run(List.of("openssl", "verify", "-attime",
                String.valueOf(TestPki.NOW.getEpochSecond()), "-CAfile", "root.pem", "-untrusted", "intermediate.pem",
                "leaf.pem"), directory);

        assertThat(result.output()).contains("leaf.pem: OK");
        assertThat(result.exitCode()).isZero();
    }

    @Test
    void certificateCopiesCsrSubjectAndSans() throws Exception {
        TestPki.Issued ca = TestPki.selfSignedCa("ca", TestPki.ecKey(0));
        ParsedCsr csr = TestPki.csr(CsrSpec.builder()
                .literalSubject("CN=web,O=Example")
                .dnsNames("web.example.com")
                .ipAddresses("2001:db8::1")
                .uris("https://web.example.com")
                .emailAddresses("a@example.com")
                .otherNames(new OtherName("1.3.6.1.4.1.311.20.2.3", "upn@example.com"))
                .build(), TestPki.ecKey(1));

        X509Certificate certificate = CertificateSigner.sign(csr,
                SigningOptions.builder().notBefore(TestPki.NOW).build(), ca.certificate(), ca.key().getPrivate());

        assertThat(certificate.getSubjectX500Principal().getEncoded()).isEqualTo(csr.subjectDer());
        assertThat(certificate.getIssuerX500Principal()).isEqualTo(ca.certificate().getSubjectX500Principal());
        assertThat(CertificateFacts.dnsNames(certificate)).containsExactly("web.example.com");
        assertThat(CertificateFacts.ipAddresses(certificate)).containsExactly("2001:db8::1");
        assertThat(CertificateFacts.uris(certificate)).containsExactly("https://web.example.com");
        assertThat(CertificateFacts.emailAddresses(certificate)).containsExactly("a@example.com");
        assertThat(CertificateFacts.otherNames(certificate))
                .containsExactly(new OtherName("1.3.6.1.4.1.311.20.2.3", "upn@example.com"));
        assertThat(certificate.getNonCriticalExtensionOIDs()).contains(Extension.subjectAlternativeName.getId());
    }

    @Test
    void emptySubjectMakesSanCritical() throws Exception {
        TestPki.Issued ca = TestPki.selfSignedCa("ca", TestPki.ecKey(0));
        ParsedCsr csr = TestPki.csr(CsrSpec.builder().dnsNames("web.example.com").build(), TestPki.ecKey(1));

        X509Certificate certificate = CertificateSigner.sign(csr,
                SigningOptions.builder().notBefore(TestPki.NOW).build(), ca.certificate(), ca.key().getPrivate());

        assertThat(certificate.getCriticalExtensionOIDs()).contains(Extension.subjectAlternativeName.getId());
    }

    @Test
    void validityAndSerialFollowOptions() throws Exception {
        TestPki.Issued ca = TestPki.selfSignedCa("ca", TestPki.ecKey(0));
        ParsedCsr csr = TestPki.csr(CsrSpec.builder().commonName("web").build(), TestPki.ecKey(1));
        Instant notBefore = TestPki.NOW.plusMillis(750);

        X509Certificate certificate = CertificateSigner.sign(csr, SigningOptions.builder()
                        .notBefore(notBefore).duration(Duration.ofHours(1)).serialNumber(BigInteger.valueOf(4242)).build(),
                ca.certificate(), ca.key().getPrivate());

        assertThat(certificate.getNotBefore().toInstant()).isEqualTo(TestPki.NOW);
        assertThat(certificate.getNotAfter().toInstant()).isEqualTo(TestPki.NOW.plus(Duration.ofHours(1)));
        assertThat(certificate.getSerialNumber()).isEqualTo(BigInteger.valueOf(4242));
    }

    @Test
    void defaultDurationIs2160Hours() throws Exception {
        KeyPair key = TestPki.ecKey(0);
        ParsedCsr csr = TestPki.csr(CsrSpec.builder().commonName("self").build(), key);

        X509Certificate certificate = CertificateSigner.sign(csr,
                SigningOptions.builder().notBefore(TestPki.NOW).build(), null, key.getPrivate());

        assertThat(certificate.getNotAfter().toInstant()).isEqualTo(TestPki.NOW.plus(Duration.ofHours(2160)));
        assertThat(certificate.getSerialNumber().signum()).isPositive();
    }

    @Test
    void caCertificateIsMarkedCa() throws Exception {
        TestPki.Issued ca = TestPki.selfSignedCa("ca", TestPki.ecKey(0));

        X509Certificate certificate = ca.certificate();

        assertThat(certificate.getBasicConstraints()).isEqualTo(Integer.MAX_VALUE);
        assertThat(certificate.getCriticalExtensionOIDs())
                .contains(Extension.basicConstraints.getId(), Extension.keyUsage.getId());
        assertThat(CertificateFacts.usageNames(certificate))
                .containsExactly("digital signature", "key encipherment", "cert sign");
    }

    @Test
    void leafHasCaFalseAndRequestedUsages() throws Exception {
        TestPki.Issued ca = TestPki.selfSignedCa("ca", TestPki.ecKey(0));
        ParsedCsr csr = TestPki.csr(CsrSpec.builder().commonName("web").usages("signing", "server auth").build(), TestPki.ecKey(1));

        X509Certificate certificate = CertificateSigner.sign(csr, SigningOptions.builder()
                .notBefore(TestPki.NOW).usages("digital signature", "server auth").build(), ca.certificate(), ca.key().getPrivate());

        assertThat(certificate.getBasicConstraints()).isEqualTo(-1);
        assertThat(certificate.getCriticalExtensionOIDs()).contains(Extension.basicConstraints.getId());
        assertThat(CertificateFacts.usageNames(certificate)).containsExactly("digital signature", "server auth");
    }

    @Test
    void damagedRsaIssuerKeyIsNamedDamaged() throws Exception {
        KeyPair rsa = PrivateKeys.generate(KeyAlgorithm.RSA, 2048);
        java.security.interfaces.RSAPrivateCrtKey intact = (java.security.interfaces.RSAPrivateCrtKey) rsa.getPrivate();
        // One wrong CRT exponent keeps the public key (modulus and exponent) but breaks every signature.
        java.security.PrivateKey damaged = java.security.KeyFactory.getInstance("RSA").generatePrivate(
                new java.security.spec.RSAPrivateCrtKeySpec(intact.getModulus(), intact.getPublicExponent(),
                        intact.getPrivateExponent(), intact.getPrimeP(), intact.getPrimeQ(),
                        intact.getPrimeExponentP().add(BigInteger.ONE), intact.getPrimeExponentQ(),
                        intact.getCrtCoefficient()));
        TestPki.Issued ca = TestPki.selfSignedCa("rsa ca", rsa);
        ParsedCsr csr = TestPki.csr(CsrSpec.builder().commonName("web").build(), TestPki.ecKey(1));
        SigningOptions options = SigningOptions.builder().notBefore(TestPki.NOW).build();

        assertThatThrownBy(() -> CertificateSigner.sign(csr, options, ca.certificate(), damaged))
                .isInstanceOf(PkiException.class)
                .hasMessageContaining("signing with the issuer's private key failed")
                .hasMessageContaining("may be damaged");
    }

    @Test
    void usageMismatchWithCsrIsRejected() throws Exception {
        TestPki.Issued ca = TestPki.selfSignedCa("ca", TestPki.ecKey(0));
        ParsedCsr csr = TestPki.csr(CsrSpec.builder().commonName("web").usages("server auth").build(), TestPki.ecKey(1));
        SigningOptions options = SigningOptions.builder().notBefore(TestPki.NOW).usages("client auth").build();

        assertThatThrownBy(() -> CertificateSigner.sign(csr, options, ca.certificate(), ca.key().getPrivate()))
                .isInstanceOf(PkiException.class)
                .hasMessageContaining("usages in the CSR do not match the requested usages")
                .hasMessageContaining("server auth")
                .hasMessageContaining("client auth");
    }

    @Test
    void csrWithoutUsagesAcceptsAnyRequest() throws Exception {
        TestPki.Issued ca = TestPki.selfSignedCa("ca", TestPki.ecKey(0));
        ParsedCsr csr = TestPki.csr(CsrSpec.builder().commonName("web").encodeUsagesInRequest(false).build(), TestPki.ecKey(1));

        X509Certificate certificate = CertificateSigner.sign(csr, SigningOptions.builder()
                .notBefore(TestPki.NOW).usages("client auth").build(), ca.certificate(), ca.key().getPrivate());

        assertThat(CertificateFacts.usageNames(certificate)).containsExactly("client auth");
    }

    @Test
    void keyIdentifiersLinkLeafToIssuer() throws Exception {
        TestPki.Issued ca = TestPki.selfSignedCa("ca", TestPki.ecKey(0));
        TestPki.Issued leaf = TestPki.leaf("web.example.com", TestPki.ecKey(1), ca);

        assertThat(Chains.authorityKeyId(leaf.certificate())).isEqualTo(Chains.subjectKeyId(ca.certificate()));
        assertThat(Chains.authorityKeyId(ca.certificate())).isEqualTo(Chains.subjectKeyId(ca.certificate()));
        assertThat(Chains.subjectKeyId(leaf.certificate())).isNotEqualTo(Chains.subjectKeyId(ca.certificate()));
    }

    @Test
    void signatureAlgorithmFollowsSignerKey() throws Exception {
        TestPki.Issued p521 = TestPki.selfSignedCa("ca", PrivateKeys.generate(KeyAlgorithm.ECDSA, 521));
        TestPki.Issued leaf = TestPki.leaf("web.example.com", PrivateKeys.generate(KeyAlgorithm.RSA, 2048), p521);

        assertThat(leaf.certificate().getSigAlgOID()).as("ecdsa-with-SHA512").isEqualTo("1.2.840.10045.4.3.4");
        assertThat(p521.certificate().getSigAlgOID()).as("ecdsa-with-SHA512").isEqualTo("1.2.840.10045.4.3.4");
    }

    @Test
    void signerKeyMustMatchIssuerCertificate() throws Exception {
        TestPki.Issued ca = TestPki.selfSignedCa("ca", TestPki.ecKey(0));
        ParsedCsr csr = TestPki.csr(CsrSpec.builder().commonName("web").build(), TestPki.ecKey(1));

        assertThatThrownBy(() -> CertificateSigner.sign(csr, SigningOptions.builder().notBefore(TestPki.NOW).build(),
                ca.certificate(), TestPki.ecKey(2).getPrivate()))
                .isInstanceOf(PkiException.class)
                .hasMessageContaining("does not match the public key of the issuer certificate");
    }

    @Test
    void csrWithIssuerKeyIsRejected() throws Exception {
        TestPki.Issued ca = TestPki.selfSignedCa("ca", TestPki.ecKey(0));
        ParsedCsr csr = TestPki.csr(CsrSpec.builder().commonName("web").build(), TestPki.ecKey(0));

        assertThatThrownBy(() -> CertificateSigner.sign(csr, SigningOptions.builder().notBefore(TestPki.NOW).build(),
                ca.certificate(), ca.key().getPrivate()))
                .isInstanceOf(PkiException.class)
                .hasMessageContaining("uses the issuer's own public key");
    }

    @Test
    void selfSignedNeedsCsrKey() throws Exception {
        ParsedCsr csr = TestPki.csr(CsrSpec.builder().commonName("web").build(), TestPki.ecKey(0));

        assertThatThrownBy(() -> CertificateSigner.sign(csr, SigningOptions.builder().notBefore(TestPki.NOW).build(),
                null, TestPki.ecKey(1).getPrivate()))
                .isInstanceOf(PkiException.class)
                .hasMessageContaining("does not match the self-signing private key");
    }

    @Test
    void revocationAndAccessUrlsAreAdded() throws Exception {
        TestPki.Issued ca = TestPki.selfSignedCa("ca", TestPki.ecKey(0));
        ParsedCsr csr = TestPki.csr(CsrSpec.builder().commonName("web").build(), TestPki.ecKey(1));

        X509Certificate certificate = CertificateSigner.sign(csr, SigningOptions.builder()
                        .notBefore(TestPki.NOW)
                        .crlDistributionPoints(List.of("http://crl.example.com/ca.crl"))
                        .ocspServers(List.of("http://ocsp.example.com"))
                        .issuingCertificateURLs(List.of("http://ca.example.com/ca.crt"))
                        .build(),
                ca.certificate(), ca.key().getPrivate());

        assertThat(CertificateInspector.crlDistributionPoints(certificate)).containsExactly("http://crl.example.com/ca.crl");
        assertThat(CertificateInspector.accessLocations(certificate,
                org.bouncycastle.asn1.x509.AccessDescription.id_ad_ocsp)).containsExactly("http://ocsp.example.com");
        assertThat(CertificateInspector.accessLocations(certificate,
                org.bouncycastle.asn1.x509.AccessDescription.id_ad_caIssuers)).containsExactly("http://ca.example.com/ca.crt");
    }

    @Test
    void nameConstraintsAreCopiedFromCsr() throws Exception {
        TestPki.Issued root = TestPki.selfSignedCa("root", TestPki.ecKey(0));
        NameConstraints constraints = new NameConstraints(true,
                new NameConstraintItem(List.of("example.com"), null, null, null), null);
        ParsedCsr csr = TestPki.csr(CsrSpec.builder().commonName("sub").isCA(true).nameConstraints(constraints).build(),
                TestPki.ecKey(1));

        X509Certificate certificate = CertificateSigner.sign(csr, SigningOptions.builder().notBefore(TestPki.NOW).isCA(true).build(),
                root.certificate(), root.key().getPrivate());

        assertThat(certificate.getCriticalExtensionOIDs()).contains(Extension.nameConstraints.getId());
        assertThat(certificate.getExtensionValue(Extension.nameConstraints.getId())).isNotNull();
    }

    @Test
    void selfSignedCertificateWithOnlySansHasEmptySubjectAndIssuer() throws Exception {
        KeyPair key = PrivateKeys.generate(KeyAlgorithm.ECDSA, 256);
        CsrSpec spec = CsrSpec.builder().dnsNames("only-a-san.example.com").build();
        ParsedCsr csr = Csrs.parse(Csrs.buildPem(spec, key).getBytes(java.nio.charset.StandardCharsets.US_ASCII));

        X509Certificate certificate = CertificateSigner.sign(csr,
                SigningOptions.builder().notBefore(TestPki.NOW).build(), null, key.getPrivate());
        List<X509Certificate> reparsed = Pem.parseCertificates(
                Pem.encodeCertificates(List.of(certificate)).getBytes(java.nio.charset.StandardCharsets.US_ASCII));

        assertThat(certificate.getSubjectX500Principal().getEncoded()).hasSize(2);
        assertThat(certificate.getIssuerX500Principal().getEncoded()).hasSize(2);
        assertThat(CertificateFacts.dnsNames(reparsed.get(0))).containsExactly("only-a-san.example.com");
        assertThat(reparsed.get(0).getExtensionValue(Extension.subjectAlternativeName.getId())).isNotNull();
        certificate.verify(key.getPublic());
    }
}
