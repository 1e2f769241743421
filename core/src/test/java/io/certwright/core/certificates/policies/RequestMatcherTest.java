package io.certwright.core.certificates.policies;

import static io.certwright.core.certificates.policies.CertificateFixtures.certificate;
import static io.certwright.core.certificates.policies.CertificateFixtures.issuerRef;
import static io.certwright.core.certificates.policies.CertificateFixtures.request;
import static io.certwright.core.certificates.policies.CertificateFixtures.rsaKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.certwright.api.model.Certificate;
import io.certwright.api.model.CertificateRequest;
import io.certwright.api.model.CertificateSpec;
import io.certwright.api.model.OtherName;
import io.certwright.api.model.X509Subject;
import io.certwright.pki.PkiException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RequestMatcherTest {

    private static X509Subject subject(Consumer<X509Subject> customiser) {
        X509Subject subject = new X509Subject();
        customiser.accept(subject);
        return subject;
    }

    private static OtherName otherName(String oid, String value) {
        OtherName name = new OtherName();
        name.setOid(oid);
        name.setUtf8Value(value);
        return name;
    }

    /** Base spec of the request: every compared field set, so that each change is visible. */
    private static void base(CertificateSpec spec) {
        spec.withCommonName("app.example.com")
                .withDnsNames(List.of("app.example.com", "www.example.com"))
                .withIpAddresses(List.of("192.0.2.1", "2001:db8::1"))
                .withUris(List.of("spiffe://example.com/app"))
                .withEmailAddresses(List.of("ops@example.com"))
                .withSubject(subject(s -> {
                    s.setOrganizations(List.of("Example"));
                    s.setCountries(List.of("DE"));
                    s.setLocalities(List.of("Berlin"));
                    s.setOrganizationalUnits(List.of("Ops"));
                    s.setPostalCodes(List.of("10115"));
                    s.setProvinces(List.of("Berlin"));
                    s.setStreetAddresses(List.of("Main St 1"));
                    s.setSerialNumber("42");
                }))
                .withUsages(List.of("digital signature", "key encipherment", "server auth"))
                .withDuration("2160h");
    }

    static Stream<Arguments> changes() {
        return Stream.<Arguments>of(
                Arguments.of("unchanged spec matches", (Consumer<CertificateSpec>) spec -> { }, List.of()),
                Arguments.of("DNS names in another order match",
                        (Consumer<CertificateSpec>) spec -> spec.withDnsNames(List.of("www.example.com", "app.example.com")), List.of()),
                Arguments.of("expanded upper-case IPv6 matches its short form",
                        (Consumer<CertificateSpec>) spec -> spec.withIpAddresses(List.of("2001:0DB8:0000:0000:0000:0000:0000:0001", "192.0.2.1")), List.of()),
                Arguments.of("another IPv6 address is a change",
                        (Consumer<CertificateSpec>) spec -> spec.withIpAddresses(List.of("2001:db8::2", "192.0.2.1")), List.of("spec.ipAddresses")),
                Arguments.of("another URI is a change",
                        (Consumer<CertificateSpec>) spec -> spec.withUris(List.of("spiffe://example.com/other")), List.of("spec.uris")),
                Arguments.of("another email address is a change",
                        (Consumer<CertificateSpec>) spec -> spec.withEmailAddresses(List.of()), List.of("spec.emailAddresses")),
                Arguments.of("an added DNS name is a change",
                        (Consumer<CertificateSpec>) spec -> spec.withDnsNames(List.of("app.example.com", "www.example.com", "x.example.com")),
                        List.of("spec.dnsNames")),
                Arguments.of("a duplicated DNS name is a change",
                        (Consumer<CertificateSpec>) spec -> spec.withDnsNames(List.of("app.example.com", "www.example.com", "www.example.com")),
                        List.of("spec.dnsNames")),
                Arguments.of("another common name is a change",
                        (Consumer<CertificateSpec>) spec -> spec.withCommonName("other.example.com"), List.of("spec.commonName")),
                Arguments.of("another subject serial number is a change",
                        (Consumer<CertificateSpec>) spec -> spec.getSubject().setSerialNumber("43"), List.of("spec.subject.serialNumber")),
                Arguments.of("another organization is a change",
                        (Consumer<CertificateSpec>) spec -> spec.getSubject().setOrganizations(List.of("Other")), List.of("spec.subject.organizations")),
                Arguments.of("another country is a change",
                        (Consumer<CertificateSpec>) spec -> spec.getSubject().setCountries(List.of("FR")), List.of("spec.subject.countries")),
                Arguments.of("another locality is a change",
                        (Consumer<CertificateSpec>) spec -> spec.getSubject().setLocalities(List.of("Paris")), List.of("spec.subject.localities")),
                Arguments.of("another organizational unit is a change",
                        (Consumer<CertificateSpec>) spec -> spec.getSubject().setOrganizationalUnits(List.of("Dev")),
                        List.of("spec.subject.organizationalUnits")),
                Arguments.of("another postal code is reported as postCodes",
                        (Consumer<CertificateSpec>) spec -> spec.getSubject().setPostalCodes(List.of("75001")), List.of("spec.subject.postCodes")),
                Arguments.of("another province is a change",
                        (Consumer<CertificateSpec>) spec -> spec.getSubject().setProvinces(List.of("Bavaria")), List.of("spec.subject.provinces")),
                Arguments.of("another street address is a change",
                        (Consumer<CertificateSpec>) spec -> spec.getSubject().setStreetAddresses(List.of("Side St 2")),
                        List.of("spec.subject.streetAddresses")),
                Arguments.of("isCA is a change",
                        (Consumer<CertificateSpec>) spec -> spec.withIsCA(true), List.of("spec.isCA")),
                Arguments.of("usages in another order match",
                        (Consumer<CertificateSpec>) spec -> spec.withUsages(List.of("server auth", "key encipherment", "digital signature")), List.of()),
                Arguments.of("removed usages are a change even though they were the defaults",
                        (Consumer<CertificateSpec>) spec -> spec.withUsages(null), List.of("spec.usages")),
                Arguments.of("another duration is a change",
                        (Consumer<CertificateSpec>) spec -> spec.withDuration("720h"), List.of("spec.duration")),
                Arguments.of("the same duration written differently matches",
                        (Consumer<CertificateSpec>) spec -> spec.withDuration("2159h60m"), List.of()),
                Arguments.of("a removed duration is no change",
                        (Consumer<CertificateSpec>) spec -> spec.withDuration(null), List.of()),
                Arguments.of("another issuer name is a change",
                        (Consumer<CertificateSpec>) spec -> spec.withIssuerRef(issuerRef("other", "Issuer", null)), List.of("spec.issuerRef")),
                Arguments.of("another issuer kind is a change",
                        (Consumer<CertificateSpec>) spec -> spec.withIssuerRef(issuerRef("ca", "ClusterIssuer", null)), List.of("spec.issuerRef")),
                Arguments.of("the default group spelled out matches",
                        (Consumer<CertificateSpec>) spec -> spec.withIssuerRef(issuerRef("ca", "Issuer", "cert-manager.io")), List.of()),
                Arguments.of("the default kind left out matches",
                        (Consumer<CertificateSpec>) spec -> spec.withIssuerRef(issuerRef("ca", "", null)), List.of()),
                Arguments.of("several changes are reported in order",
                        (Consumer<CertificateSpec>) spec -> spec.withDnsNames(List.of("x.example.com")).withIpAddresses(List.of()).withDuration("1h"),
                        List.of("spec.ipAddresses", "spec.dnsNames", "spec.duration")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void reportsChangedFields(String name, Consumer<CertificateSpec> change, List<String> expected) throws PkiException {
        Certificate certificate = certificate(RequestMatcherTest::base);
        CertificateRequest request = request(certificate, rsaKey(), 1);
        change.accept(certificate.getSpec());
        assertThat(RequestMatcher.requestMatchesSpec(request, certificate.getSpec())).isEqualTo(expected);
    }

    @Test
    void durationIsIgnoredWhenRequestHasNone() throws PkiException {
        Certificate certificate = certificate();
        CertificateRequest request = request(certificate, rsaKey(), 1);
        certificate.getSpec().withDuration("768h");
        assertThat(RequestMatcher.requestMatchesSpec(request, certificate.getSpec())).isEmpty();
    }

    @Test
    void literalSubjectMatchesItsOwnEncoding() throws PkiException {
        Certificate certificate = certificate(spec -> spec.withLiteralSubject("CN=app,O=Example,C=DE"));
        CertificateRequest request = request(certificate, rsaKey(), 1);
        assertThat(RequestMatcher.requestMatchesSpec(request, certificate.getSpec())).isEmpty();
    }

    @Test
    void literalSubjectInAnotherOrderIsAChange() throws PkiException {
        Certificate certificate = certificate(spec -> spec.withLiteralSubject("CN=app,O=Example,C=DE"));
        CertificateRequest request = request(certificate, rsaKey(), 1);
        certificate.getSpec().withLiteralSubject("C=DE,O=Example,CN=app");
        assertThat(RequestMatcher.requestMatchesSpec(request, certificate.getSpec())).containsExactly("spec.literalSubject");
    }

    @Test
    void otherNamesAreComparedWhenSpecSetsThem() throws PkiException {
        Certificate certificate = certificate(spec -> spec.withOtherNames(List.of(otherName("1.3.6.1.4.1.311.20.2.3", "app@example.com"))));
        CertificateSpec requested = certificate.getSpec();
        CertificateRequest request = request(certificate, rsaKey(), 1);
        // The fixture CSR carries no otherNames, so the spec's otherName is missing from it.
        assertThat(RequestMatcher.requestMatchesSpec(request, requested)).containsExactly("spec.otherNames");
        requested.withOtherNames(null);
        assertThat(RequestMatcher.requestMatchesSpec(request, requested)).isEmpty();
    }

    @Test
    void undecodableRequestIsAnError() throws PkiException {
        Certificate certificate = certificate();
        CertificateRequest request = request(certificate, rsaKey(), 1);
        request.getSpec().setRequest("garbage".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> RequestMatcher.requestMatchesSpec(request, certificate.getSpec()))
                .isInstanceOf(PkiException.class);
    }
}
