package io.certwright.api.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.certwright.api.model.Certificate;
import io.certwright.api.model.CertificateAdditionalOutputFormat;
import io.certwright.api.model.CertificateKeystores;
import io.certwright.api.model.CertificatePrivateKey;
import io.certwright.api.model.CertificateRenewal;
import io.certwright.api.model.CertificateRenewalWindow;
import io.certwright.api.model.CertificateSecretTemplate;
import io.certwright.api.model.CertificateSpec;
import io.certwright.api.model.IssuerReference;
import io.certwright.api.model.JKSKeystore;
import io.certwright.api.model.NameConstraintItem;
import io.certwright.api.model.NameConstraints;
import io.certwright.api.model.OtherName;
import io.certwright.api.model.PKCS12Keystore;
import io.certwright.api.model.SecretKeySelector;
import io.certwright.api.model.X509Subject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CertificateValidatorTest {
    private static final String LONG_65 = "a234567890b234567890c234567890d234567890e234567890f2345.example.c";

    /** Builds a Certificate that passes every rule, then applies one change. */
    private static Certificate certificate(Consumer<CertificateSpec> change) {
        Certificate certificate = new Certificate();
        certificate.getMetadata().setName("app");
        certificate.getMetadata().setNamespace("demo");
        CertificateSpec spec = new CertificateSpec()
                .withSecretName("app-tls")
                .withDnsNames(List.of("app.example.com"))
                .withIssuerRef(new IssuerReference().withName("selfsigned").withKind("Issuer"));
        change.accept(spec);
        certificate.setSpec(spec);
        return certificate;
    }

    private static List<String> errors(Consumer<CertificateSpec> change) {
        return CertificateValidator.validate(certificate(change)).errors().stream().map(FieldError::toString).toList();
    }

    private static Arguments accepted(String name, Consumer<CertificateSpec> change) {
        return Arguments.of(name, change);
    }

    private static Arguments rejected(String name, Consumer<CertificateSpec> change, String... expected) {
        return Arguments.of(name, change, List.of(expected));
    }

    private static Map<String, String> map(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static CertificateRenewalWindow window(String timezone, String duration, String cron) {
        return new CertificateRenewalWindow().withTimezone(timezone).withWindowDuration(duration).withCron(cron);
    }

    static Stream<Arguments> rejectedSpecs() {
        return Stream.of(
                rejected("missing secretName", s -> s.setSecretName(null),
                        "spec.secretName: Required value: must be specified"),
                rejected("secretName not a DNS subdomain", s -> s.setSecretName("App_TLS"),
                        "spec.secretName: Invalid value: \"App_TLS\": a lowercase RFC 1123 subdomain must consist of "
                                + "lower case alphanumeric characters, '-' or '.', and must start and end with an "
                                + "alphanumeric character (e.g. 'example.com', regex used for validation is "
                                + "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"),
                rejected("missing issuerRef name", s -> s.setIssuerRef(new IssuerReference()),
                        "spec.issuerRef.name: Required value: must be specified"),
                rejected("external kind without group", s -> s.getIssuerRef().setKind("AWSPCAClusterIssuer"),
                        "spec.issuerRef.kind: Invalid value: \"AWSPCAClusterIssuer\": must be one of Issuer or "
                                + "ClusterIssuer (did you forget to set spec.issuerRef.group?)"),
                rejected("external kind in cert-manager group", s -> s.setIssuerRef(new IssuerReference()
                                .withName("x").withKind("VenafiIssuer").withGroup("cert-manager.io")),
                        "spec.issuerRef.kind: Invalid value: \"VenafiIssuer\": must be one of Issuer or ClusterIssuer"),
                rejected("no names at all", s -> s.setDnsNames(null),
                        "spec: Invalid value: \"\": at least one of commonName (from the commonName field or from a "
                                + "literalSubject), dnsNames, emailSANs, ipAddresses, otherNames, or uriSANs must be set"),
                rejected("commonName of 65 ASCII characters", s -> s.setCommonName(LONG_65),
                        "spec.commonName: Too long: may not be more than 64 bytes"),
                rejected("commonName of 33 e-acute is 66 bytes", s -> s.setCommonName("é".repeat(33)),
                        "spec.commonName: Too long: may not be more than 64 bytes"),
                rejected("literalSubject CN of 65 characters", s -> s.setLiteralSubject("CN=" + LONG_65 + ",O=Example Org"),
                        "spec.commonName: Too long: may not be more than 64 bytes"),
                rejected("literalSubject with commonName", s -> {
                    s.setLiteralSubject("CN=a,O=b");
                    s.setCommonName("a");
                }, "spec.commonName: Invalid value: \"a\": When providing a `LiteralSubject` no `commonName` may be provided."),
                rejected("literalSubject with subject", s -> {
                    s.setLiteralSubject("CN=a");
                    s.setSubject(new X509Subject().withCountries(List.of("US")));
                }, "spec.subject: Invalid value: {\"countries\":[\"US\"]}: When providing a `LiteralSubject` no "
                        + "`Subject` properties may be provided."),
                rejected("literalSubject with unknown keyword", s -> s.setLiteralSubject("CN=a,FOO=bar"),
                        "spec.literalSubject: Invalid value: \"CN=a,FOO=bar\": Literal subject contains unrecognized key "
                                + "with value [bar]"),
                rejected("literalSubject that does not parse", s -> s.setLiteralSubject("CN"),
                        "spec.literalSubject: Invalid value: \"CN\": DN ended with incomplete type, value pair"),
                rejected("invalid IPv4 address", s -> s.setIpAddresses(List.of("300.1.1.1")),
                        "spec.ipAddresses[0]: Invalid value: \"300.1.1.1\": invalid IP address"),
                rejected("second IP invalid", s -> s.setIpAddresses(List.of("10.0.0.1", "2001:db8::1::2")),
                        "spec.ipAddresses[1]: Invalid value: \"2001:db8::1::2\": invalid IP address"),
                rejected("email with display name", s -> s.setEmailAddresses(List.of("Admin <admin@example.com>")),
                        "spec.emailAddresses[0]: Invalid value: \"Admin <admin@example.com>\": invalid email address: "
                                + "make sure the supplied value only contains the email address itself"),
                rejected("email without at sign", s -> s.setEmailAddresses(List.of("admin")),
                        "spec.emailAddresses[0]: Invalid value: \"admin\": invalid email address: mail: missing @ in addr-spec"),
                rejected("otherName without oid", s -> s.setOtherNames(List.of(new OtherName().withUtf8Value("v"))),
                        "spec.otherNames[0].oid: Required value: must be specified",
                        "spec.otherNames[0].oid: Invalid value: \"\": invalid oid syntax"),
                rejected("otherName with bad oid", s -> s.setOtherNames(List.of(new OtherName().withOid("1.2.x")
                                .withUtf8Value("v"))),
                        "spec.otherNames[0].oid: Invalid value: \"1.2.x\": invalid oid syntax"),
                rejected("otherName without value", s -> s.setOtherNames(List.of(new OtherName().withOid("1.2.3"))),
                        "spec.otherNames[0].utf8Value: Required value: must be set to a valid non-empty UTF8 string"),
                rejected("RSA key too small", s -> s.setPrivateKey(new CertificatePrivateKey().withAlgorithm("RSA").withSize(1024)),
                        "spec.privateKey.size: Invalid value: 1024: must be between 2048 and 8192 for rsa keyAlgorithm"),
                rejected("RSA key too large", s -> s.setPrivateKey(new CertificatePrivateKey().withSize(8193)),
                        "spec.privateKey.size: Invalid value: 8193: must be between 2048 and 8192 for rsa keyAlgorithm"),
                rejected("ECDSA size not a curve", s -> s.setPrivateKey(new CertificatePrivateKey().withAlgorithm("ECDSA")
                                .withSize(512)),
                        "spec.privateKey.size: Unsupported value: 512: supported values: \"256\", \"384\", \"521\""),
                rejected("unknown key algorithm", s -> s.setPrivateKey(new CertificatePrivateKey().withAlgorithm("DSA")),
                        "spec.privateKey.algorithm: Invalid value: \"DSA\": must be either empty or one of rsa, ecdsa or ed25519"),
                rejected("unknown rotation policy", s -> s.setPrivateKey(new CertificatePrivateKey().withRotationPolicy("Sometimes")),
                        "spec.privateKey.rotationPolicy: Unsupported value: \"Sometimes\": supported values: \"Never\", \"Always\""),
                rejected("unknown encoding", s -> s.setPrivateKey(new CertificatePrivateKey().withEncoding("DER")),
                        "spec.privateKey.encoding: Unsupported value: \"DER\": supported values: \"PKCS1\", \"PKCS8\""),
                rejected("ECDSA signature with default RSA key", s -> s.setSignatureAlgorithm("ECDSAWithSHA256"),
                        "spec.signatureAlgorithm: Invalid value: \"ECDSAWithSHA256\": for key algorithm RSA the allowed "
                                + "signature algorithms are [SHA256WithRSA SHA384WithRSA SHA512WithRSA]"),
                rejected("RSA signature with Ed25519 key", s -> {
                    s.setPrivateKey(new CertificatePrivateKey().withAlgorithm("Ed25519"));
                    s.setSignatureAlgorithm("SHA256WithRSA");
                }, "spec.signatureAlgorithm: Invalid value: \"SHA256WithRSA\": for key algorithm Ed25519 the allowed "
                        + "signature algorithms are [PureEd25519]"),
                rejected("unknown signature algorithm", s -> s.setSignatureAlgorithm("MD5WithRSA"),
                        "spec.signatureAlgorithm: Unsupported value: \"MD5WithRSA\": supported values: \"SHA256WithRSA\", "
                                + "\"SHA384WithRSA\", \"SHA512WithRSA\", \"ECDSAWithSHA256\", \"ECDSAWithSHA384\", "
                                + "\"ECDSAWithSHA512\", \"PureEd25519\""),
                rejected("duration below one hour", s -> s.setDuration("30m"),
                        "spec.duration: Invalid value: 30m0s: certificate duration must be greater than 1h0m0s"),
                rejected("duration in days", s -> s.setDuration("90d"),
                        "spec.duration: Invalid value: \"90d\": must be a Go duration such as 2160h, 1h30m or 45s "
                                + "(units ns, us, ms, s, m, h; no days)"),
                rejected("renewBefore below five minutes", s -> s.setRenewBefore("4m"),
                        "spec.renewBefore: Invalid value: 4m0s: certificate renewBefore must be greater than 5m0s"),
                rejected("renewBefore equal to duration", s -> {
                    s.setDuration("24h");
                    s.setRenewBefore("24h");
                }, "spec.renewBefore: Invalid value: 24h0m0s: certificate duration 24h0m0s must be greater than renewBefore 24h0m0s"),
                rejected("renewBefore not below default duration", s -> s.setRenewBefore("2160h"),
                        "spec.renewBefore: Invalid value: 2160h0m0s: certificate duration 2160h0m0s must be greater than "
                                + "renewBefore 2160h0m0s"),
                rejected("renewBefore and percentage together", s -> {
                    s.setRenewBefore("1h");
                    s.setRenewBeforePercentage(25);
                }, "spec.renewBefore: Invalid value: 1h0m0s: renewBefore and renewBeforePercentage are mutually exclusive "
                        + "and cannot both be set",
                        "spec.renewBeforePercentage: Invalid value: 25: renewBefore and renewBeforePercentage are mutually "
                                + "exclusive and cannot both be set"),
                rejected("percentage 100 with duration", s -> {
                    s.setDuration("1h");
                    s.setRenewBeforePercentage(100);
                }, "spec.renewBeforePercentage: Invalid value: 100: certificate renewBeforePercentage must result in a "
                        + "renewBefore greater than 5m0s"),
                rejected("percentage 0 with duration", s -> {
                    s.setDuration("1h");
                    s.setRenewBeforePercentage(0);
                }, "spec.renewBeforePercentage: Invalid value: 0: certificate renewBeforePercentage must result in a "
                        + "renewBefore less than duration"),
                rejected("unknown usage", s -> s.setUsages(List.of("server auth", "teleport")),
                        "spec.usages[1]: Invalid value: \"teleport\": unknown keyusage"),
                rejected("revisionHistoryLimit zero", s -> s.setRevisionHistoryLimit(0),
                        "spec.revisionHistoryLimit: Invalid value: 0: must not be less than 1"),
                rejected("label key with a space", s -> s.setSecretTemplate(new CertificateSecretTemplate()
                                .withLabels(map("bad key", "x"))),
                        "spec.secretTemplate.labels: Invalid value: \"bad key\": name part must consist of alphanumeric "
                                + "characters, '-', '_' or '.', and must start and end with an alphanumeric character "
                                + "(e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is "
                                + "'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"),
                rejected("label value too long", s -> s.setSecretTemplate(new CertificateSecretTemplate()
                                .withLabels(map("team", "x".repeat(64)))),
                        "spec.secretTemplate.labels: Invalid value: \"" + "x".repeat(64) + "\": must be no more than 63 characters"),
                rejected("cert-manager annotation in template", s -> s.setSecretTemplate(new CertificateSecretTemplate()
                                .withAnnotations(map("cert-manager.io/secret-copy-tls.crt", "ca.crt",
                                        "cert-manager.io/allow-direct-injection", "true"))),
                        "spec.secretTemplate.annotations: Invalid value: \"cert-manager.io/secret-copy-tls.crt\": "
                                + "cert-manager.io/* annotations are not allowed"),
                rejected("annotation key with two slashes", s -> s.setSecretTemplate(new CertificateSecretTemplate()
                                .withAnnotations(map("a/b/c", "x"))),
                        "spec.secretTemplate.annotations: Invalid value: \"a/b/c\": a qualified name must consist of "
                                + "alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric "
                                + "character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is "
                                + "'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and "
                                + "'/' (e.g. 'example.com/MyName')"),
                rejected("name constraints without isCA", s -> s.setNameConstraints(new NameConstraints()
                                .withPermitted(new NameConstraintItem().withDnsDomains(List.of("example.com")))),
                        "spec.nameConstraints: Invalid value: {\"permitted\":{\"dnsDomains\":[\"example.com\"]}}: "
                                + "isCA should be true when nameConstraints is set"),
                rejected("name constraints empty", s -> {
                    s.setIsCA(true);
                    s.setNameConstraints(new NameConstraints().withCritical(true));
                }, "spec.nameConstraints: Invalid value: {\"critical\":true}: either permitted or excluded must be set"),
                rejected("name constraints bad CIDR", s -> {
                    s.setIsCA(true);
                    s.setNameConstraints(new NameConstraints().withExcluded(new NameConstraintItem()
                            .withIpRanges(List.of("10.0.0.0/8", "10.0.0.0/33"))));
                }, "spec.nameConstraints.excluded.ipRanges[1]: Invalid value: \"10.0.0.0/33\": invalid CIDR address"),
                rejected("duplicate output format", s -> s.setAdditionalOutputFormats(List.of(
                                new CertificateAdditionalOutputFormat().withType("DER"),
                                new CertificateAdditionalOutputFormat().withType("DER"))),
                        "spec.additionalOutputFormats[type]: Duplicate value: \"DER\""),
                rejected("unknown output format", s -> s.setAdditionalOutputFormats(List.of(
                                new CertificateAdditionalOutputFormat().withType("PFX"))),
                        "spec.additionalOutputFormats[0].type: Unsupported value: \"PFX\": supported values: \"DER\", "
                                + "\"CombinedPEM\""),
                rejected("JKS with both passwords", s -> s.setKeystores(new CertificateKeystores().withJks(new JKSKeystore()
                                .withCreate(true).withPassword("p").withPasswordSecretRef(new SecretKeySelector().withName("s")))),
                        "spec.keystores.jks: Forbidden: exactly one of passwordSecretRef and password must be provided "
                                + "for JKS keystores; cannot set both"),
                rejected("JKS without password", s -> s.setKeystores(new CertificateKeystores().withJks(new JKSKeystore()
                                .withCreate(true))),
                        "spec.keystores.jks: Forbidden: exactly one of passwordSecretRef and password must be set for "
                                + "JKS keystores"),
                rejected("PKCS12 empty literal password", s -> s.setKeystores(new CertificateKeystores()
                                .withPkcs12(new PKCS12Keystore().withCreate(true).withPassword(""))),
                        "spec.keystores.pkcs12.password: Forbidden: literal password cannot be empty if set on PKCS#12 keystores"),
                rejected("PKCS12 unknown profile", s -> s.setKeystores(new CertificateKeystores()
                                .withPkcs12(new PKCS12Keystore().withCreate(true).withPassword("p").withProfile("Modern2030"))),
                        "spec.keystores.pkcs12.profile: Unsupported value: \"Modern2030\": supported values: "
                                + "\"LegacyRC2\", \"LegacyDES\", \"Modern2023\", \"Modern2026\""),
                rejected("keystore without create", s -> s.setKeystores(new CertificateKeystores()
                                .withJks(new JKSKeystore().withPassword("p"))),
                        "spec.keystores.jks.create: Required value"),
                rejected("renewal without policy", s -> s.setRenewal(new CertificateRenewal()),
                        "spec.renewal.policy: Unsupported value: \"\": supported values: \"Disabled\", \"RenewBefore\""),
                rejected("renewal disabled with windows", s -> s.setRenewal(new CertificateRenewal().withPolicy("Disabled")
                                .withWindows(List.of(window(null, "1h", "0 2 * * *")))),
                        "spec.renewal.windows: Forbidden: windows cannot be set when `renewal.policy` is set to Disabled"),
                rejected("window without duration", s -> s.setRenewal(new CertificateRenewal().withPolicy("RenewBefore")
                                .withWindows(List.of(window(null, null, "@daily")))),
                        "spec.renewal.windows[0].windowDuration: Required value: windowDuration must be specified and "
                                + "should be greater than 0"),
                rejected("window duration in days", s -> s.setRenewal(new CertificateRenewal().withPolicy("RenewBefore")
                                .withWindows(List.of(window(null, "1d", "@daily")))),
                        "spec.renewal.windows[0].windowDuration: Invalid value: \"1d\": spec.renewal.windows[0].windowDuration "
                                + "in body should match '^([0-9]+(\\.[0-9]+)?(s|m|h))+$'"),
                rejected("window with unknown timezone", s -> s.setRenewal(new CertificateRenewal().withPolicy("RenewBefore")
                                .withWindows(List.of(window("Mars/Olympus", "1h", "0 2 * * *")))),
                        "spec.renewal.windows[0].timezone: Invalid value: \"Mars/Olympus\": invalid value for timezone. "
                                + "timezone must be IANA compliant",
                        "spec.renewal.windows[0].cron: Invalid value: \"0 2 * * *\": invalid cron syntax: failed to parse "
                                + "cron spec '0 2 * * *': provided bad location Mars/Olympus: unknown time zone Mars/Olympus. "
                                + "cron needs to follow: cron.Minute | cron.Hour | cron.Dom | cron.Month | cron.Dow"),
                rejected("window with six-field cron", s -> s.setRenewal(new CertificateRenewal().withPolicy("RenewBefore")
                                .withWindows(List.of(window("UTC", "1h", "0 0 2 * * *")))),
                        "spec.renewal.windows[0].cron: Invalid value: \"0 0 2 * * *\": invalid cron syntax: failed to parse "
                                + "cron spec '0 0 2 * * *': expected exactly 5 fields, found 6: [0 0 2 * * *]. cron needs "
                                + "to follow: cron.Minute | cron.Hour | cron.Dom | cron.Month | cron.Dow"),
                rejected("window with empty timezone", s -> s.setRenewal(new CertificateRenewal().withPolicy("RenewBefore")
                                .withWindows(List.of(window("", "1h", "@daily")))),
                        "spec.renewal.windows[0].timezone: Invalid value: \"\": spec.renewal.windows[0].timezone in body "
                                + "should be at least 1 chars long"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejectedSpecs")
    void rejectsWithExactErrors(String name, Consumer<CertificateSpec> change, List<String> expected) {
        assertThat(errors(change)).containsExactlyElementsOf(expected);
    }

    static Stream<Arguments> acceptedSpecs() {
        return Stream.of(
                accepted("the base certificate", s -> { }),
                accepted("commonName of exactly 64 bytes", s -> s.setCommonName(LONG_65.substring(1))),
                accepted("long dnsName without commonName", s -> s.setDnsNames(List.of(
                        "very-long-service-name-0.very-long-service-name-peer.demo.svc.cluster.local"))),
                accepted("commonName only", s -> {
                    s.setDnsNames(null);
                    s.setCommonName("app");
                }),
                accepted("literalSubject CN only", s -> {
                    s.setDnsNames(null);
                    s.setLiteralSubject("CN=app,O=Example\\, Inc.,C=US+2.5.4.5=42");
                }),
                accepted("expanded upper-case IPv6", s -> s.setIpAddresses(List.of("2001:0DB8:0000:0000:0000:0000:0000:0001"))),
                accepted("IPv4-mapped IPv6", s -> s.setIpAddresses(List.of("::ffff:192.0.2.1"))),
                accepted("bare email", s -> s.setEmailAddresses(List.of("admin@example.com"))),
                accepted("otherName", s -> s.setOtherNames(List.of(new OtherName().withOid("1.3.6.1.4.1.311.20.2.3")
                        .withUtf8Value("upn@example.com")))),
                accepted("RSA 3000 bits", s -> s.setPrivateKey(new CertificatePrivateKey().withSize(3000))),
                accepted("ECDSA 521", s -> s.setPrivateKey(new CertificatePrivateKey().withAlgorithm("ECDSA").withSize(521))),
                accepted("Ed25519 with any size", s -> s.setPrivateKey(new CertificatePrivateKey().withAlgorithm("Ed25519")
                        .withSize(1))),
                accepted("matching signature algorithm", s -> {
                    s.setPrivateKey(new CertificatePrivateKey().withAlgorithm("ECDSA"));
                    s.setSignatureAlgorithm("ECDSAWithSHA384");
                }),
                accepted("renewBefore just below duration and backdated issuers", s -> {
                    s.setDuration("2160h");
                    s.setRenewBefore("2159h50m");
                }),
                accepted("renewBefore below a longer requested duration", s -> {
                    s.setDuration("1440h");
                    s.setRenewBefore("800h");
                }),
                accepted("percentage without duration is not checked", s -> s.setRenewBeforePercentage(150)),
                accepted("percentage 25 with duration", s -> {
                    s.setDuration("3h");
                    s.setRenewBeforePercentage(25);
                }),
                accepted("allow-direct-injection annotation", s -> s.setSecretTemplate(new CertificateSecretTemplate()
                        .withAnnotations(map("cert-manager.io/allow-direct-injection", "true", "example.com/owner", "a"))
                        .withLabels(map("team", "blue")))),
                accepted("both output formats", s -> s.setAdditionalOutputFormats(List.of(
                        new CertificateAdditionalOutputFormat().withType("CombinedPEM"),
                        new CertificateAdditionalOutputFormat().withType("DER")))),
                accepted("keystores with secret refs", s -> s.setKeystores(new CertificateKeystores()
                        .withJks(new JKSKeystore().withCreate(true).withPasswordSecretRef(new SecretKeySelector()
                                .withName("ks-pass").withKey("password")))
                        .withPkcs12(new PKCS12Keystore().withCreate(false).withPassword("p")))),
                accepted("name constraints on a CA", s -> {
                    s.setIsCA(true);
                    s.setNameConstraints(new NameConstraints().withPermitted(new NameConstraintItem()
                            .withIpRanges(List.of("192.0.2.0/24", "2001:db8::/32"))));
                }),
                accepted("renewal windows", s -> s.setRenewal(new CertificateRenewal().withPolicy("RenewBefore")
                        .withWindows(List.of(window("Europe/Berlin", "1.5h", "*/15 2-4 1,15 jan-mar mon-fri"),
                                window(null, "30m", "@every 1h30m"))))),
                accepted("renewal disabled", s -> s.setRenewal(new CertificateRenewal().withPolicy("Disabled"))),
                accepted("issuerRef with external group", s -> s.setIssuerRef(new IssuerReference().withName("pca")
                        .withKind("AWSPCAClusterIssuer").withGroup("awspca.cert-manager.io"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedSpecs")
    void accepts(String name, Consumer<CertificateSpec> change) {
        assertThat(errors(change)).isEmpty();
    }

    @Test
    void reportsEveryProblemAtOnce() {
        List<String> errors = errors(s -> {
            s.setSecretName(null);
            s.setIpAddresses(List.of("300.1.1.1"));
            s.setRevisionHistoryLimit(0);
        });

        assertThat(errors).hasSize(3);
    }

    @Test
    void certificateWithoutSpecNamesRequiredFields() {
        Certificate certificate = new Certificate();

        assertThat(CertificateValidator.validate(certificate).errors()).extracting(FieldError::field)
                .containsExactly("spec.secretName", "spec.issuerRef.name");
    }
}
