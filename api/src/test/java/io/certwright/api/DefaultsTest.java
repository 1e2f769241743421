package io.certwright.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.certwright.api.model.CertificatePrivateKey;
import io.certwright.api.model.CertificateSpec;
import io.certwright.api.model.IssuerReference;
import io.certwright.api.model.JKSKeystore;
import io.certwright.api.model.PKCS12Keystore;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DefaultsTest {

    @Test
    void emptyIssuerKindMeansIssuer() {
        assertThat(Defaults.issuerKind(new IssuerReference().withName("ca").withKind(""))).isEqualTo("Issuer");
    }

    @Test
    void missingIssuerKindMeansIssuer() {
        assertThat(Defaults.issuerKind(new IssuerReference().withName("ca"))).isEqualTo("Issuer");
    }

    @Test
    void explicitIssuerKindIsKept() {
        assertThat(Defaults.issuerKind(new IssuerReference().withKind("ClusterIssuer"))).isEqualTo("ClusterIssuer");
    }

    @Test
    void emptyIssuerGroupMeansCertManager() {
        assertThat(Defaults.issuerGroup(new IssuerReference().withGroup(""))).isEqualTo("cert-manager.io");
    }

    @Test
    void explicitIssuerGroupIsKept() {
        assertThat(Defaults.issuerGroup(new IssuerReference().withGroup("awspca.cert-manager.io")))
                .isEqualTo("awspca.cert-manager.io");
    }

    @Test
    void spelledOutDefaultsCompareEqualToEmpty() {
        IssuerReference implicit = new IssuerReference().withName("local-ca");
        IssuerReference explicit = new IssuerReference().withName("local-ca").withKind("Issuer").withGroup("cert-manager.io");
        assertThat(Defaults.sameIssuer(implicit, explicit)).isTrue();
    }

    @Test
    void differentIssuerNamesDiffer() {
        IssuerReference a = new IssuerReference().withName("ca-old").withKind("ClusterIssuer");
        IssuerReference b = new IssuerReference().withName("ca-new").withKind("ClusterIssuer");
        assertThat(Defaults.sameIssuer(a, b)).isFalse();
    }

    @Test
    void defaultingDoesNotWriteIntoReference() {
        IssuerReference ref = new IssuerReference().withName("ca");
        Defaults.issuerKind(ref);
        Defaults.issuerGroup(ref);
        assertThat(ref.getKind()).isNull();
        assertThat(ref.getGroup()).isNull();
    }

    @Test
    void unsetDurationIsNinetyDays() {
        assertThat(Defaults.duration(new CertificateSpec())).isEqualTo(Duration.ofHours(2160));
    }

    @Test
    void setDurationIsParsed() {
        assertThat(Defaults.duration(new CertificateSpec().withDuration("1h30m"))).isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void privateKeyDefaults() {
        assertThat(Defaults.rotationPolicy(null)).isEqualTo("Always");
        assertThat(Defaults.encoding(null)).isEqualTo("PKCS1");
        assertThat(Defaults.algorithm(null)).isEqualTo("RSA");
        assertThat(Defaults.size(null)).isEqualTo(2048);
    }

    @Test
    void explicitRotationPolicyIsKept() {
        assertThat(Defaults.rotationPolicy(new CertificatePrivateKey().withRotationPolicy("Never"))).isEqualTo("Never");
    }

    static Stream<Arguments> sizes() {
        return Stream.of(
                Arguments.of("RSA without size", "RSA", null, 2048),
                Arguments.of("empty algorithm without size", "", null, 2048),
                Arguments.of("RSA with size 4096", "RSA", 4096, 4096),
                Arguments.of("ECDSA without size", "ECDSA", null, 256),
                Arguments.of("ECDSA with size 0", "ECDSA", 0, 256),
                Arguments.of("ECDSA with size 384", "ECDSA", 384, 384),
                Arguments.of("Ed25519 ignores size", "Ed25519", 4096, 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sizes")
    void keySize(String name, String algorithm, Integer size, int expected) {
        CertificatePrivateKey key = new CertificatePrivateKey().withAlgorithm(algorithm).withSize(size);
        assertThat(Defaults.size(key)).isEqualTo(expected);
    }

    @Test
    void emptyUsagesMeanDigitalSignatureAndKeyEncipherment() {
        assertThat(Defaults.usages(List.of())).containsExactly("digital signature", "key encipherment");
    }

    @Test
    void explicitUsagesAreKept() {
        assertThat(Defaults.usages(List.of("server auth"))).containsExactly("server auth");
    }

    @Test
    void revisionHistoryLimitDefaultsToOne() {
        assertThat(Defaults.revisionHistoryLimit(new CertificateSpec())).isEqualTo(1);
    }

    @Test
    void encodeUsagesInRequestDefaultsToTrue() {
        assertThat(Defaults.encodeUsagesInRequest(new CertificateSpec())).isTrue();
    }

    @Test
    void explicitEncodeUsagesInRequestFalseIsKept() {
        assertThat(Defaults.encodeUsagesInRequest(new CertificateSpec().withEncodeUsagesInRequest(false))).isFalse();
    }

    @Test
    void jksAliasDefaultsToCertificate() {
        assertThat(Defaults.jksAlias(new JKSKeystore())).isEqualTo("certificate");
    }

    @Test
    void pkcs12ProfileDefaultsToLegacyRc2() {
        assertThat(Defaults.pkcs12Profile(new PKCS12Keystore())).isEqualTo("LegacyRC2");
    }

    @Test
    void unknownPkcs12ProfileMeansLegacyRc2() {
        assertThat(Defaults.pkcs12Profile(new PKCS12Keystore().withProfile("Modern2030"))).isEqualTo("LegacyRC2");
    }

    @Test
    void knownPkcs12ProfileIsKept() {
        assertThat(Defaults.pkcs12Profile(new PKCS12Keystore().withProfile("Modern2023"))).isEqualTo("Modern2023");
    }
}
