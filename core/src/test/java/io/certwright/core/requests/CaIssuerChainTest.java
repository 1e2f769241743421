package io.certwright.core.requests;

import static io.certwright.core.issuers.CaFixtures.keyPem;
import static io.certwright.core.issuers.CaFixtures.pem;
import static io.certwright.core.issuers.CaFixtures.secret;
import static org.assertj.core.api.Assertions.assertThat;

import io.certwright.api.model.CAIssuer;
import io.certwright.api.model.CertificateRequest;
import io.certwright.api.model.ClusterIssuer;
import io.certwright.core.cluster.ResourceKind;
import io.certwright.core.issuers.CaFixtures;
import io.certwright.core.issuers.CaFixtures.KeyedCertificate;
import io.certwright.core.issuers.IssuerControllers;
import io.certwright.core.testing.Fixtures;
import io.certwright.core.testing.Harness;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The chain and CA a CA issuer stores in a CertificateRequest: the leaf and its intermediates in
 * {@code status.certificate}, a self-signed root only in {@code status.ca}, whatever the order and
 * duplicates of the issuer Secret's certificates.
 */
class CaIssuerChainTest {
    private static final String NS = "demo";
    private static final KeyedCertificate ROOT = CaFixtures.root("Root", Harness.START);
    private static final KeyedCertificate INT1 = CaFixtures.intermediate("Int1", ROOT, Harness.START);
    private static final KeyedCertificate INT2 = CaFixtures.intermediate("Int2", INT1, Harness.START);

    private final Harness harness = Harness.create(IssuerControllers::register, RequestControllers::register);
    private final KeyPair leafKey = CaFixtures.newKey();

    static Stream<Arguments> issuerSecrets() {
        return Stream.of(
                Arguments.of("intermediates and root in tls.crt", List.of(INT2, INT1, ROOT), INT2, List.of(),
                        List.of(INT2, INT1), ROOT),
                Arguments.of("root only in ca.crt", List.of(INT1), INT1, List.of(ROOT), List.of(INT1), ROOT),
                Arguments.of("no root anywhere", List.of(INT1), INT1, List.of(), List.of(INT1), INT1),
                Arguments.of("root signs directly", List.of(ROOT), ROOT, List.of(), List.of(), ROOT),
                Arguments.of("mixed order after the first certificate", List.of(INT2, ROOT, INT1), INT2, List.of(),
                        List.of(INT2, INT1), ROOT),
                Arguments.of("duplicates in tls.crt and ca.crt", List.of(INT2, INT1, INT1, ROOT), INT2,
                        List.of(ROOT), List.of(INT2, INT1), ROOT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("issuerSecrets")
    void caIssuerBuildsChainAndCa(String description, List<KeyedCertificate> tlsCrt, KeyedCertificate signer,
            List<KeyedCertificate> caCrt, List<KeyedCertificate> expectedAboveLeaf, KeyedCertificate expectedCa) {
        harness.apply(secret(NS, "int-ca", pem(certificates(tlsCrt)), keyPem(signer.keyPair()),
                caCrt.isEmpty() ? null : pem(certificates(caCrt))));
        harness.apply(Fixtures.issuer("int-ca", Fixtures.inNamespace(NS), Fixtures.withCa("int-ca")));
        harness.apply(CaFixtures.request(NS, "leaf-1", "int-ca", "Issuer", CaFixtures.leafCsr("leaf.example.com",
                leafKey)));
        harness.settle();

        CertificateRequest request = stored("leaf-1");
        assertThat(RequestConditions.readyReason(request)).isEqualTo("Issued");
        List<X509Certificate> chain = CaFixtures.parse(request.getStatus().getCertificate());
        assertThat(chain.get(0).getPublicKey()).isEqualTo(leafKey.getPublic());
        assertThat(chain.subList(1, chain.size())).containsExactly(certificates(expectedAboveLeaf));
        assertThat(CaFixtures.parse(request.getStatus().getCa())).containsExactly(expectedCa.certificate());
    }

    @Test
    void caIssuerSetsRevocationAndAccessUrls() throws Exception {
        harness.apply(secret(NS, "int-ca", pem(ROOT.certificate()), keyPem(ROOT.keyPair()), null));
        var issuer = Fixtures.issuer("int-ca", Fixtures.inNamespace(NS));
        issuer.getSpec().setCa(new CAIssuer().withSecretName("int-ca")
                .withCrlDistributionPoints(List.of("http://crl.example.com/ca.crl"))
                .withOcspServers(List.of("http://ocsp.example.com"))
                .withIssuingCertificateURLs(List.of("http://ca.example.com/ca.crt")));
        harness.apply(issuer);
        harness.apply(CaFixtures.request(NS, "leaf-1", "int-ca", "Issuer", CaFixtures.leafCsr("leaf.example.com",
                leafKey)));
        harness.settle();

        X509Certificate leaf = CaFixtures.parse(stored("leaf-1").getStatus().getCertificate()).get(0);
        assertThat(leaf.getExtensionValue("2.5.29.31")).as("CRL distribution points").isNotNull();
        AuthorityInformationAccess access = AuthorityInformationAccess.getInstance(
                ASN1OctetString.getInstance(leaf.getExtensionValue("1.3.6.1.5.5.7.1.1")).getOctets());
        assertThat(Stream.of(access.getAccessDescriptions()).map(AccessDescription::getAccessMethod))
                .containsExactly(AccessDescription.id_ad_ocsp, AccessDescription.id_ad_caIssuers);
        assertThat(leaf.getIssuerX500Principal()).isEqualTo(ROOT.certificate().getSubjectX500Principal());
    }

    @Test
    void clusterIssuerSignsFromResourceNamespace() {
        harness.apply(secret(Harness.CLUSTER_RESOURCE_NAMESPACE, "root-ca", pem(ROOT.certificate()),
                keyPem(ROOT.keyPair()), null));
        ClusterIssuer issuer = Fixtures.clusterIssuer("root-ca", Fixtures.withCa("root-ca"));
        harness.apply(issuer);
        harness.apply(CaFixtures.request(NS, "leaf-1", "root-ca", "ClusterIssuer",
                CaFixtures.leafCsr("leaf.example.com", leafKey)));
        harness.settle();

        CertificateRequest request = stored("leaf-1");
        assertThat(RequestConditions.readyReason(request)).isEqualTo("Issued");
        assertThat(CaFixtures.parse(request.getStatus().getCa())).containsExactly(ROOT.certificate());
        assertThat(harness.events(request)).anyMatch(event -> event.reason().equals("CertificateIssued")
                && event.source().equals("cert-manager-certificaterequests-issuer-ca"));
    }

    @Test
    void caIssuerRejectsUsagesDifferentFromCsr() {
        harness.apply(secret(NS, "int-ca", pem(ROOT.certificate()), keyPem(ROOT.keyPair()), null));
        harness.apply(Fixtures.issuer("int-ca", Fixtures.inNamespace(NS), Fixtures.withCa("int-ca")));
        CertificateRequest request = CaFixtures.request(NS, "leaf-1", "int-ca", "Issuer",
                CaFixtures.leafCsr("leaf.example.com", leafKey));
        request.getSpec().setUsages(List.of("client auth"));
        harness.apply(request);
        harness.settle();

        CertificateRequest stored = stored("leaf-1");
        assertThat(RequestConditions.readyReason(stored)).isEqualTo("Failed");
        assertThat(RequestConditions.find(stored, "Ready").orElseThrow().getMessage())
                .startsWith("Error generating certificate template: encoded CSR error:");
        assertThat(harness.eventReasons(stored)).contains("SigningError");
        assertThat(stored.getStatus().getFailureTime()).isEqualTo(Harness.START);
    }

    private CertificateRequest stored(String name) {
        return harness.cluster().get(ResourceKind.CERTIFICATE_REQUEST, NS, name).orElseThrow();
    }

    private static X509Certificate[] certificates(List<KeyedCertificate> keyed) {
        return keyed.stream().map(KeyedCertificate::certificate).toArray(X509Certificate[]::new);
    }
}
