package io.certwright.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.certwright.api.model.Certificate;
import io.certwright.api.model.ClusterIssuer;
import io.certwright.api.model.Issuer;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class ManifestsTest {
    private static final String SELF_SIGNED_ISSUER = """
            apiVersion: cert-manager.io/v1
            kind: Issuer
            metadata: {name: selfsigned, namespace: demo}
            spec: {selfSigned: {}}
            """;
    private static final String CERTIFICATE = """
            apiVersion: cert-manager.io/v1
            kind: Certificate
            metadata: {name: app}
            spec:
              secretName: app-tls
              dnsNames: [app.example.com]
              issuerRef: {name: selfsigned, kind: Issuer}
            """;

    @TempDir
    Path directory;

    private static String resource(String name) throws IOException {
        try (InputStream in = ManifestsTest.class.getResourceAsStream("/manifests/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private Path write(String relative, String text) throws IOException {
        Path file = directory.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    @Test
    void certificateRoundTripKeepsEveryField() throws IOException {
        String original = resource("certificate-all-fields.yaml");

        Certificate certificate = Manifests.read(original, Certificate.class);
        String written = Manifests.toYaml(certificate);

        JsonNode before = Json.yaml().readTree(original);
        JsonNode after = Json.yaml().readTree(written);
        assertThat(after).isEqualTo(before);
    }

    @Test
    void certificateRoundTripKeepsUnknownFieldsInModel() throws IOException {
        Certificate certificate = Manifests.read(resource("certificate-all-fields.yaml"), Certificate.class);

        assertThat(certificate.getSpec().getAdditionalProperties()).containsKey("futureField");
        assertThat(certificate.getAdditionalProperties()).containsEntry("topLevelUnknown", "kept");
    }

    @Test
    void certificateRoundTripGivesEqualObject() throws IOException {
        Certificate certificate = Manifests.read(resource("certificate-all-fields.yaml"), Certificate.class);

        assertThat(Manifests.read(Manifests.toYaml(certificate), Certificate.class)).isEqualTo(certificate);
    }

    static Stream<Arguments> issuers() {
        return Stream.of(
                Arguments.of("selfSigned", "selfSigned: {crlDistributionPoints: [\"http://crl.example.com/ca.crl\"]}"),
                Arguments.of("ca", """
                        ca:
                            secretName: ca-key-pair
                            crlDistributionPoints: ["http://crl.example.com"]
                            ocspServers: ["http://ocsp.example.com"]
                            issuingCertificateURLs: ["http://ca.example.com/ca.crt"]
                        """),
                Arguments.of("vault", """
                        vault:
                            server: https://vault.example.com:8200
                            path: pki/sign/example
                            serverName: vault.internal
                            namespace: team-a
                            caBundleSecretRef: {name: vault-ca, key: ca.crt}
                            clientCertSecretRef: {name: vault-client, key: tls.crt}
                            clientKeySecretRef: {name: vault-client, key: tls.key}
                            auth:
                              appRole:
                                path: approle
                                roleId: my-role
                                secretRef: {name: vault-approle, key: secretId}
                        """),
                Arguments.of("venafi", """
                        venafi:
                            zone: DevOps\\\\Default
                            tpp:
                              url: https://tpp.example.com/vedsdk
                              credentialsRef: {name: tpp-credentials}
                        """),
                Arguments.of("acme", """
                        acme:
                            email: admin@example.com
                            server: https://acme.example.com/directory
                            preferredChain: ISRG Root X1
                            skipTLSVerify: false
                            externalAccountBinding:
                              keyID: kid-1
                              keySecretRef: {name: eab, key: secret}
                            privateKeySecretRef: {name: acme-account}
                            profile: shortlived
                            renewalInformationSource: ARI
                            solvers:
                              - selector: {dnsZones: [example.com]}
                                dns01:
                                  rfc2136:
                                    nameserver: "127.0.0.1:53"
                                    tsigKeyName: key
                                    tsigAlgorithm: HMACSHA256
                                    tsigSecretSecretRef: {name: tsig, key: secret}
                              - http01:
                                  ingress: {ingressClassName: nginx, serviceType: ClusterIP}
                                waitInsteadOfSelfCheck: 30s
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("issuers")
    void issuerRoundTripKeepsEveryField(String type, String spec) {
        String original = "apiVersion: cert-manager.io/v1\nkind: Issuer\nmetadata: {name: " + type.toLowerCase()
                + ", namespace: demo}\nspec:\n    " + spec.strip().replace("\n", "\n    ") + "\n";

        Issuer issuer = Manifests.read(original, Issuer.class);

        assertThat(Json.yaml().readTree(Manifests.toYaml(issuer))).isEqualTo(Json.yaml().readTree(original));
    }

    @Test
    void readChoosesClassByKind() {
        HasMetadata object = Manifests.read(SELF_SIGNED_ISSUER.replace("kind: Issuer", "kind: ClusterIssuer"));

        assertThat(object).isInstanceOf(ClusterIssuer.class);
    }

    @Test
    void readRejectsUnknownKind() {
        assertThatThrownBy(() -> Manifests.read(SELF_SIGNED_ISSUER.replace("kind: Issuer", "kind: Isuer")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kind \"Isuer\"");
    }

    @Test
    void toYamlHasNoDocumentStartMarker() {
        String yaml = Manifests.toYaml(Manifests.read(CERTIFICATE, Certificate.class));

        assertThat(yaml).doesNotStartWith("---");
    }

    @Test
    void toYamlLeavesPlainStringsUnquoted() {
        String yaml = Manifests.toYaml(Manifests.read(CERTIFICATE, Certificate.class));

        assertThat(yaml).contains("secretName: app-tls");
    }

    @Test
    void toYamlLeavesDurationsAndAddressesUnquoted() throws IOException {
        String yaml = Manifests.toYaml(Manifests.read(resource("certificate-all-fields.yaml"), Certificate.class));

        assertThat(yaml).contains("duration: 2160h\n");
        assertThat(yaml).contains("- 192.0.2.10\n");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"true", "false", "yes", "no", "on", "off", "y", "n", "null", "~", "", "123", "1.5",
            "0x1F", "1e3", "2160", "- item", "key: value", "#comment", "*alias", "&anchor", "!tag", "@at", "`tick",
            "{a}", "[a]", " leading", "trailing ", "a #b", "'quoted'", "\"double\"", "%percent", "|", ">", "multi\nline",
            "NULL", "True", "YES", ".inf", "-.inf", ".nan", "0o17", "+12", "1_000", "2026-01-01"})
    void toYamlKeepsStringsThatYamlWouldMisread(String value) {
        Secret secret = new Secret();
        secret.setApiVersion("v1");
        secret.setKind("Secret");
        secret.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMeta());
        secret.getMetadata().setName("s");
        secret.getMetadata().setAnnotations(java.util.Map.of("example.com/value", value));

        String yaml = Manifests.toYaml(secret);

        // Any YAML 1.1 or 1.2 reader must get the string back: here a plain parse must return a textual node.
        JsonNode read = Json.yaml().readTree(yaml).get("metadata").get("annotations").get("example.com/value");
        assertThat(read.isString()).as(yaml).isTrue();
        assertThat(read.asString()).isEqualTo(value);
        if (java.util.Set.of("yes", "no", "on", "off", "y", "n", "YES", "True", "NULL", "0o17", "1_000", "+12")
                .contains(value)) {
            assertThat(yaml).as("YAML 1.1 readers such as Kubernetes' take this plain scalar as another type")
                    .doesNotContain("value: " + value + "\n");
        }
    }

    @Test
    void secretStringDataBecomesBase64Data() {
        Secret secret = Manifests.read("""
                apiVersion: v1
                kind: Secret
                metadata: {name: ks-pass, namespace: demo}
                data: {other: b3RoZXI=, password: b2xk}
                stringData: {password: "s3cret"}
                """, Secret.class);

        assertThat(secret.getData()).containsEntry("password",
                Base64.getEncoder().encodeToString("s3cret".getBytes(StandardCharsets.UTF_8)));
        assertThat(secret.getData()).containsEntry("other", "b3RoZXI=");
        assertThat(secret.getStringData()).isNull();
    }

    @Test
    void directoryLoadsEveryFileAndDocumentInOrder() throws IOException {
        write("b/issuer.yml", SELF_SIGNED_ISSUER);
        write("a.yaml", CERTIFICATE + "---\n" + CERTIFICATE.replace("name: app}", "name: second}"));
        write("notes.txt", CERTIFICATE);

        ManifestSet set = Manifests.readDirectory(directory);

        assertThat(set.errors()).isEmpty();
        assertThat(set.objects()).extracting(m -> m.object().getMetadata().getName())
                .containsExactly("app", "second", "selfsigned");
        assertThat(set.objects().get(1).document()).isEqualTo(2);
        assertThat(set.objects().get(1).source()).isEqualTo(directory.resolve("a.yaml"));
    }

    @Test
    void directorySkipsStateDirectory() throws IOException {
        write(".certwright/state.yaml", CERTIFICATE);
        write("nested/.certwright/more.yaml", CERTIFICATE);
        write("issuer.yaml", SELF_SIGNED_ISSUER);

        ManifestSet set = Manifests.readDirectory(directory);

        assertThat(set.objects()).hasSize(1);
    }

    @Test
    void objectWithoutNamespaceGetsNone() throws IOException {
        write("cert.yaml", CERTIFICATE);

        ManifestSet set = Manifests.readDirectory(directory);

        assertThat(set.objects().get(0).object().getMetadata().getNamespace()).isNull();
    }

    @Test
    void emptyAndCommentOnlyDocumentsAreSkipped() throws IOException {
        write("x.yaml", "# header\n---\n# only a comment\n---\n\n---\n" + SELF_SIGNED_ISSUER);

        ManifestSet set = Manifests.readDirectory(directory);

        assertThat(set.errors()).isEmpty();
        assertThat(set.objects()).hasSize(1);
        assertThat(set.objects().get(0).document()).isEqualTo(3);
    }

    @Test
    void unknownKindIsReportedWithFileAndDocument() throws IOException {
        write("examples/x.yaml", SELF_SIGNED_ISSUER + "---\n" + CERTIFICATE.replace("kind: Certificate", "kind: Certifcate"));

        ManifestSet set = Manifests.readDirectory(directory);

        assertThat(set.errors()).hasSize(1);
        assertThat(set.errors().get(0).toString()).isEqualTo(directory.resolve("examples/x.yaml")
                + " document 2: kind \"Certifcate\" in apiVersion cert-manager.io/v1 is not a kind Certwright handles; "
                + "use Certificate, CertificateRequest, Issuer, ClusterIssuer or Secret");
        assertThat(set.objects()).hasSize(1);
    }

    @Test
    void unknownApiVersionIsReported() throws IOException {
        write("x.yaml", CERTIFICATE.replace("cert-manager.io/v1", "cert-manager.io/v1alpha2"));

        ManifestSet set = Manifests.readDirectory(directory);

        assertThat(set.errors().get(0).message()).isEqualTo(
                "apiVersion \"cert-manager.io/v1alpha2\" of kind Certificate is not supported; use apiVersion: cert-manager.io/v1");
    }

    @Test
    void missingKindIsReported() throws IOException {
        write("x.yaml", "apiVersion: cert-manager.io/v1\nmetadata: {name: a}\n");

        ManifestSet set = Manifests.readDirectory(directory);

        assertThat(set.errors().get(0).message()).startsWith("kind is missing");
    }

    @Test
    void missingNameIsReported() throws IOException {
        write("x.yaml", CERTIFICATE.replace("metadata: {name: app}", "metadata: {namespace: demo}"));

        ManifestSet set = Manifests.readDirectory(directory);

        assertThat(set.errors().get(0).message()).isEqualTo("Certificate has no metadata.name; every object needs a name");
    }

    @Test
    void brokenYamlReportedWithLine() throws IOException {
        write("x.yaml", SELF_SIGNED_ISSUER + "---\napiVersion: v1\nkind: Secret\nmetadata: {name: [unclosed\n---\n"
                + CERTIFICATE);
        write("y.yaml", SELF_SIGNED_ISSUER.replace("selfsigned", "other"));

        ManifestSet set = Manifests.readDirectory(directory);

        assertThat(set.errors()).hasSize(1);
        ManifestError error = set.errors().get(0);
        assertThat(error.document()).isEqualTo(2);
        assertThat(error.line()).isBetween(8, 10);
        assertThat(error.message()).startsWith("invalid YAML");
        assertThat(set.objects()).extracting(m -> m.object().getMetadata().getName())
                .containsExactly("selfsigned", "app", "other");
    }

    @Test
    void wrongFieldTypeIsReportedWithPath() throws IOException {
        write("x.yaml", CERTIFICATE.replace("dnsNames: [app.example.com]", "dnsNames: {a: b}"));

        ManifestSet set = Manifests.readDirectory(directory);

        assertThat(set.errors()).hasSize(1);
        assertThat(set.errors().get(0).message()).contains("spec.dnsNames");
    }

    @Test
    void invalidCertificateIsReportedAndLeftOut() throws IOException {
        write("x.yaml", CERTIFICATE.replace("dnsNames: [app.example.com]", "ipAddresses: [\"300.1.1.1\"]"));

        ManifestSet set = Manifests.readDirectory(directory);

        assertThat(set.objects()).isEmpty();
        assertThat(set.errors()).hasSize(1);
        assertThat(set.errors().get(0).message()).isEqualTo(
                "Certificate \"app\" is invalid: spec.ipAddresses[0]: Invalid value: \"300.1.1.1\": invalid IP address");
        assertThat(set.errors().get(0).fieldError().field()).isEqualTo("spec.ipAddresses[0]");
    }

    @Test
    void eachFieldErrorIsItsOwnManifestError() throws IOException {
        write("x.yaml", CERTIFICATE.replace("secretName: app-tls", "secretName: App_TLS")
                .replace("dnsNames: [app.example.com]", "ipAddresses: [\"300.1.1.1\"]"));

        ManifestSet set = Manifests.readDirectory(directory);

        assertThat(set.errors()).hasSize(2);
    }

    @Test
    void admissionWarningsAreCollected() throws IOException {
        write("x.yaml", """
                apiVersion: cert-manager.io/v1
                kind: ClusterIssuer
                metadata: {name: acme}
                spec:
                  acme:
                    server: https://acme.example.com/directory
                    privateKeySecretRef: {name: account}
                    externalAccountBinding: {keyID: kid, keySecretRef: {name: eab, key: k}, keyAlgorithm: HS256}
                """);

        ManifestSet set = Manifests.readDirectory(directory);

        assertThat(set.objects()).hasSize(1);
        assertThat(set.warnings()).singleElement().asString().contains("externalAccount.keyAlgorithm' is deprecated");
    }

    @Test
    void secretWithInvalidBase64IsReported() throws IOException {
        write("x.yaml", "apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata: {password: 'not base64!'}\n");

        ManifestSet set = Manifests.readDirectory(directory);

        assertThat(set.objects()).isEmpty();
        assertThat(set.errors().get(0).message()).contains("data[password] is not base64");
    }

    @Test
    void objectsOfTypeFilters() throws IOException {
        write("a.yaml", SELF_SIGNED_ISSUER + "---\n" + CERTIFICATE);

        ManifestSet set = Manifests.readDirectory(directory);

        assertThat(set.objectsOfType(Certificate.class)).hasSize(1);
        assertThat(set.objectsOfType(Issuer.class)).hasSize(1);
    }
}
