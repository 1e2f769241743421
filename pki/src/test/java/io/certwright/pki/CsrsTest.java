package io.certwright.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.List;
import java.util.stream.Stream;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CsrsTest {

    private static final KeyPair KEY = TestPki.ecKey(0);

    private static ParsedCsr build(CsrSpec spec) throws PkiException {
        return TestPki.csr(spec, KEY);
    }

    /** Returns the DER of a CSR for {@code web} whose last signature byte is flipped. */
    private static byte[] csrWithBrokenSignature() throws PkiException {
        byte[] der = build(CsrSpec.builder().commonName("web").build()).encoded();
        der[der.length - 1] ^= 0x01;
        return der;
    }

    @Test
    void parseRejectsBrokenSignature() throws PkiException {
        byte[] der = csrWithBrokenSignature();

        assertThatThrownBy(() -> Csrs.parse(der))
                .isInstanceOf(PkiException.class)
                .hasMessageContaining("signature");
    }

    @Test
    void parseUnverifiedReadsBrokenSignature() throws PkiException {
        byte[] der = csrWithBrokenSignature();

        ParsedCsr csr = Csrs.parseUnverified(der);

        assertThat(csr.commonName()).isEqualTo("web");
        assertThat(csr.publicKey().getEncoded()).isEqualTo(KEY.getPublic().getEncoded());
    }

    @Test
    void parseUnverifiedRejectsInvalidDer() {
        assertThatThrownBy(() -> Csrs.parseUnverified(new byte[] {0x30, 0x03, 0x01}))
                .isInstanceOf(PkiException.class)
                .hasMessageContaining("not valid DER");
    }

    @Test
    void subjectFieldsAreEncoded() throws PkiException {
        ParsedCsr csr = build(CsrSpec.builder()
                .commonName("web.example.com")
                .organizations("Example Org", "Second Org")
                .countries("GB")
                .organizationalUnits("Ops")
                .localities("London")
                .provinces("Greater London")
                .streetAddresses("1 High Street")
                .postalCodes("N1 1AA")
                .serialNumber("42")
                .build());

        assertThat(csr.commonName()).isEqualTo("web.example.com");
        assertThat(csr.organizations()).containsExactlyInAnyOrder("Example Org", "Second Org");
        assertThat(csr.countries()).containsExactly("GB");
        assertThat(csr.organizationalUnits()).containsExactly("Ops");
        assertThat(csr.localities()).containsExactly("London");
        assertThat(csr.provinces()).containsExactly("Greater London");
        assertThat(csr.streetAddresses()).containsExactly("1 High Street");
        assertThat(csr.postalCodes()).containsExactly("N1 1AA");
        assertThat(csr.serialNumber()).isEqualTo("42");
    }

    @Test
    void literalSubjectKeepsAttributeOrder() throws PkiException {
        String literal = "CN=app,OU=b,O=Zeta Org,OU=a,C=DE";

        ParsedCsr csr = build(CsrSpec.builder().literalSubject(literal).organizations("ignored").build());

        assertThat(csr.subjectRfc4514()).isEqualTo(literal);
        assertThat(csr.organizationalUnits()).containsExactly("a", "b");
        assertThat(csr.organizations()).containsExactly("Zeta Org");
        assertThat(csr.commonName()).isEqualTo("app");
    }

    @Test
    void literalSubjectIsWrittenLastRdnFirst() throws PkiException {
        ParsedCsr csr = build(CsrSpec.builder().literalSubject("CN=app,O=Org").build());

        // RFC 4514 writes the sequence backwards, so the DER sequence starts with O.
        assertThat(csr.subject().getRDNs()[0].getFirst().getType())
                .isEqualTo(org.bouncycastle.asn1.x500.style.BCStyle.O);
    }

    @Test
    void subjectAltNamesOfEveryTypeAreEncoded() throws PkiException {
        ParsedCsr csr = build(CsrSpec.builder()
                .commonName("web")
                .dnsNames("a.example.com", "b.example.com")
                .ipAddresses("192.0.2.10", "2001:0DB8:0000:0000:0000:0000:0000:0001")
                .uris("spiffe://cluster.local/ns/demo/sa/web")
                .emailAddresses("admin@example.com")
                .otherNames(new OtherName("1.3.6.1.4.1.311.20.2.3", "upn@example.com"))
                .build());

        assertThat(csr.dnsNames()).containsExactly("a.example.com", "b.example.com");
        assertThat(csr.ipAddresses()).containsExactly("192.0.2.10", "2001:db8::1");
        assertThat(csr.uris()).containsExactly("spiffe://cluster.local/ns/demo/sa/web");
        assertThat(csr.emailAddresses()).containsExactly("admin@example.com");
        assertThat(csr.otherNames()).containsExactly(new OtherName("1.3.6.1.4.1.311.20.2.3", "upn@example.com"));
    }

    @Test
    void subjectAltNameIsNotCriticalWithSubject() throws PkiException {
        ParsedCsr csr = build(CsrSpec.builder().commonName("web").dnsNames("web.example.com").build());

        assertThat(csr.subjectAltNameExtension()).hasValueSatisfying(e -> assertThat(e.isCritical()).isFalse());
    }

    @Test
    void subjectAltNameIsCriticalWithEmptySubject() throws PkiException {
        ParsedCsr csr = build(CsrSpec.builder().dnsNames("web.example.com").build());

        assertThat(csr.subject().getRDNs()).isEmpty();
        assertThat(csr.commonName()).isEmpty();
        assertThat(csr.subjectAltNameExtension()).hasValueSatisfying(e -> assertThat(e.isCritical()).isTrue());
    }

    @Test
    void noCommonNameAndNoSanIsRejected() {
        assertThatThrownBy(() -> build(CsrSpec.builder().organizations("Org").build()))
                .isInstanceOf(PkiException.class)
                .hasMessageContaining("needs a common name or at least one subject alternative name");
    }

    @Test
    void commonNameFromLiteralSubjectIsEnough() throws PkiException {
        ParsedCsr csr = build(CsrSpec.builder().literalSubject("CN=only-cn").build());

        assertThat(csr.commonName()).isEqualTo("only-cn");
        assertThat(csr.subjectAltNameExtension()).isEmpty();
    }

    @Test
    void hostNameAsIpAddressIsRejected() {
        assertThatThrownBy(() -> build(CsrSpec.builder().ipAddresses("localhost").build()))
                .isInstanceOf(PkiException.class)
                .hasMessageContaining("invalid IP address: \"localhost\"");
        assertThatThrownBy(() -> build(CsrSpec.builder().ipAddresses("300.1.1.1").build()))
                .isInstanceOf(PkiException.class)
                .hasMessageContaining("invalid IP address: \"300.1.1.1\"");
    }

    static Stream<Arguments> usageCases() {
        return Stream.of(
                Arguments.of("empty usages default to digital signature and key encipherment",
                        List.of(), false, List.of("digital signature", "key encipherment")),
                Arguments.of("isCA adds cert sign",
                        List.of(), true, List.of("digital signature", "key encipherment", "cert sign")),
                Arguments.of("key usage and extended key usage",
                        List.of("signing", "server auth", "client auth"), false,
                        List.of("digital signature", "server auth", "client auth")),
                Arguments.of("s/mime is email protection",
                        List.of("key encipherment", "s/mime"), false, List.of("key encipherment", "email protection")),
                Arguments.of("only extended key usage has no KeyUsage",
                        List.of("server auth"), false, List.of("server auth")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("usageCases")
    void usagesAreEncoded(String name, List<String> usages, boolean isCA, List<String> expected) throws PkiException {
        ParsedCsr csr = build(CsrSpec.builder().commonName("web").usages(usages).isCA(isCA).build());

        assertThat(csr.usages()).hasValue(expected);
    }

    @Test
    void onlyKeyUsageIsCritical() throws PkiException {
        ParsedCsr csr = build(CsrSpec.builder().commonName("web").usages("digital signature", "server auth").build());

        assertThat(csr.extensions().orElseThrow().getExtension(Extension.keyUsage).isCritical()).isTrue();
        assertThat(csr.extensions().orElseThrow().getExtension(Extension.extendedKeyUsage).isCritical()).isFalse();
    }

    @Test
    void usagesAreLeftOutWhenNotEncoded() throws PkiException {
        ParsedCsr csr = build(CsrSpec.builder().commonName("web").usages("server auth").encodeUsagesInRequest(false).build());

        assertThat(csr.usages()).isEmpty();
    }

    @Test
    void unknownUsageIsRejected() {
        assertThatThrownBy(() -> build(CsrSpec.builder().commonName("web").usages("world domination").build()))
                .isInstanceOf(PkiException.class)
                .hasMessageContaining("unknown key usage \"world domination\"");
    }

    @Test
    void basicConstraintsAreNeverRequested() throws PkiException {
        ParsedCsr csr = build(CsrSpec.builder().commonName("ca").isCA(true).build());

        assertThat(csr.basicConstraintsCa()).isEmpty();
    }

    @Test
    void nameConstraintsAreEncoded() throws PkiException {
        NameConstraints constraints = new NameConstraints(true,
                new NameConstraintItem(List.of("example.com"), List.of("10.0.0.0/8", "2001:db8::/32"),
                        List.of("example.com"), List.of(".example.com")),
                new NameConstraintItem(List.of("bad.example.com"), null, null, null));

        ParsedCsr csr = build(CsrSpec.builder().commonName("ca").isCA(true).nameConstraints(constraints).build());

        Extension extension = csr.nameConstraintsExtension().orElseThrow();
        assertThat(extension.isCritical()).isTrue();
        org.bouncycastle.asn1.x509.NameConstraints value =
                org.bouncycastle.asn1.x509.NameConstraints.getInstance(extension.getParsedValue());
        GeneralSubtree[] permitted = value.getPermittedSubtrees();
        assertThat(permitted).hasSize(5);
        assertThat(permitted[0].getBase()).isEqualTo(new GeneralName(GeneralName.dNSName, "example.com"));
        byte[] ipv4 = org.bouncycastle.asn1.DEROctetString.getInstance(permitted[1].getBase().getName()).getOctets();
        assertThat(ipv4).containsExactly(10, 0, 0, 0, 0xff, 0, 0, 0);
        byte[] ipv6 = org.bouncycastle.asn1.DEROctetString.getInstance(permitted[2].getBase().getName()).getOctets();
        assertThat(ipv6).hasSize(32);
        assertThat(permitted[3].getBase()).isEqualTo(new GeneralName(GeneralName.rfc822Name, "example.com"));
        assertThat(permitted[4].getBase()).isEqualTo(new GeneralName(GeneralName.uniformResourceIdentifier, ".example.com"));
        assertThat(value.getExcludedSubtrees()).hasSize(1);
    }

    @Test
    void nonCriticalNameConstraintsStayNonCritical() throws PkiException {
        NameConstraints constraints = new NameConstraints(false,
                new NameConstraintItem(List.of("example.com"), null, null, null), null);

        ParsedCsr csr = build(CsrSpec.builder().commonName("ca").nameConstraints(constraints).build());

        assertThat(csr.nameConstraintsExtension()).hasValueSatisfying(e -> assertThat(e.isCritical()).isFalse());
    }

    @Test
    void invalidCidrIsRejected() {
        NameConstraints constraints = new NameConstraints(false,
                new NameConstraintItem(null, List.of("10.0.0.0"), null, null), null);

        assertThatThrownBy(() -> build(CsrSpec.builder().commonName("ca").nameConstraints(constraints).build()))
                .isInstanceOf(PkiException.class)
                .hasMessageContaining("invalid IP range \"10.0.0.0\"");
    }

    static Stream<Arguments> signatureAlgorithms() {
        return Stream.of(
                Arguments.of("RSA 2048 defaults to SHA256WithRSA", KeyAlgorithm.RSA, 2048, null, "SHA256WITHRSA"),
                Arguments.of("RSA 3072 defaults to SHA384WithRSA", KeyAlgorithm.RSA, 3072, null, "SHA384WITHRSA"),
                Arguments.of("RSA 4096 defaults to SHA512WithRSA", KeyAlgorithm.RSA, 4096, null, "SHA512WITHRSA"),
                Arguments.of("P-256 defaults to ECDSAWithSHA256", KeyAlgorithm.ECDSA, 256, null, "SHA256WITHECDSA"),
                Arguments.of("P-384 defaults to ECDSAWithSHA384", KeyAlgorithm.ECDSA, 384, null, "SHA384WITHECDSA"),
                Arguments.of("P-521 defaults to ECDSAWithSHA512", KeyAlgorithm.ECDSA, 521, null, "SHA512WITHECDSA"),
                Arguments.of("Ed25519 defaults to PureEd25519", KeyAlgorithm.ED25519, 0, null, "ED25519"),
                Arguments.of("explicit SHA512WithRSA on RSA 2048", KeyAlgorithm.RSA, 2048, "SHA512WithRSA", "SHA512WITHRSA"),
                Arguments.of("explicit ECDSAWithSHA384 on P-256", KeyAlgorithm.ECDSA, 256, "ECDSAWithSHA384", "SHA384WITHECDSA"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("signatureAlgorithms")
    void signatureAlgorithmFollowsKeyOrSpec(String name, KeyAlgorithm algorithm, int size, String requested, String expected)
            throws PkiException {
        KeyPair key = PrivateKeys.generate(algorithm, size);

        ParsedCsr csr = TestPki.csr(CsrSpec.builder().commonName("web").signatureAlgorithm(requested).build(), key);

        String actual = new org.bouncycastle.operator.DefaultAlgorithmNameFinder()
                .getAlgorithmName(csr.request().getSignatureAlgorithm());
        assertThat(actual.toUpperCase(java.util.Locale.ROOT)).isEqualTo(expected);
    }

    @Test
    void signatureAlgorithmForOtherKeyTypeIsRejected() {
        assertThatThrownBy(() -> build(CsrSpec.builder().commonName("web").signatureAlgorithm("SHA256WithRSA").build()))
                .isInstanceOf(PkiException.class)
                .hasMessageContaining("cannot be used with a ECDSA key");
    }

    @Test
    void parseAcceptsDer() throws PkiException {
        ParsedCsr pemParsed = build(CsrSpec.builder().commonName("web").build());

        ParsedCsr derParsed = Csrs.parse(pemParsed.encoded());

        assertThat(derParsed.commonName()).isEqualTo("web");
        assertThat(PrivateKeys.publicKeysEqual(derParsed.publicKey(), KEY.getPublic())).isTrue();
    }

    @Test
    void parseRejectsTamperedSignature() throws PkiException {
        byte[] der = build(CsrSpec.builder().commonName("web").build()).encoded();
        der[der.length - 5] ^= 0x01;

        assertThatThrownBy(() -> Csrs.parse(der))
                .isInstanceOf(PkiException.class)
                .hasMessageContaining("signature");
    }

    @Test
    void parseRejectsGarbage() {
        assertThatThrownBy(() -> Csrs.parse("hello".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(PkiException.class)
                .hasMessageContaining("not valid DER");
    }

    @Test
    void tamperedCsrRejectedAfterOriginalVerified() throws Exception {
        KeyPair key = PrivateKeys.generate(KeyAlgorithm.ECDSA, 256);
        byte[] der = Csrs.parse(Csrs.buildPem(CsrSpec.builder().commonName("tamper.example.com").build(), key)
                .getBytes(StandardCharsets.US_ASCII)).encoded();
        byte[] tampered = der.clone();
        int commonNameOffset = new String(der, StandardCharsets.ISO_8859_1).indexOf("tamper");
        tampered[commonNameOffset] = (byte) 'T';

        assertThat(Csrs.parse(der).commonName()).isEqualTo("tamper.example.com");
        assertThatThrownBy(() -> Csrs.parse(tampered))
                .isInstanceOf(PkiException.class)
                .hasMessageContaining("signature is invalid");
    }

    @Test
    void builtCsrIsRememberedAsVerified() throws Exception {
        KeyPair key = PrivateKeys.generate(KeyAlgorithm.ECDSA, 256);
        String pem = Csrs.buildPem(CsrSpec.builder().commonName("built.example.com").build(), key);
        byte[] der = Csrs.parseUnverified(pem.getBytes(StandardCharsets.US_ASCII)).encoded();

        assertThat(VerifiedSignatures.CSRS.contains(der)).isTrue();
    }
}
