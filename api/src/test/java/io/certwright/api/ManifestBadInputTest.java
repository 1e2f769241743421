package io.certwright.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.certwright.api.model.Certificate;
import io.fabric8.kubernetes.api.model.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Hostile or mistyped manifests: each one gets a plain error that names the file, document and field. */
class ManifestBadInputTest {
    private static final String CERTIFICATE = """
            apiVersion: cert-manager.io/v1
            kind: Certificate
            metadata: {name: app, namespace: demo}
            spec:
              secretName: app-tls
              dnsNames: [app.example.com]
              issuerRef: {name: selfsigned, kind: Issuer}
            """;
    private static final String SECRET = """
            apiVersion: v1
            kind: Secret
            metadata: {name: creds, namespace: demo}
            stringData: {password: hunter2}
            """;

    @TempDir
    Path directory;

    private static ManifestSet load(String yaml) {
        return Manifests.readString(yaml, Path.of("input.yaml"));
    }

    private static String onlyError(ManifestSet set) {
        assertThat(set.errors()).hasSize(1);
        return set.errors().get(0).message();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "Certificate, metadata.namespace",
        "Certificate, metadata.name",
        "Secret, metadata.namespace",
        "Secret, metadata.name",
    })
    void pathTraversalInNameIsRejected(String kind, String field) {
        String yaml = kind.equals("Secret") ? SECRET : CERTIFICATE;
        String original = field.equals("metadata.name") ? (kind.equals("Secret") ? "name: creds" : "name: app")
                : "namespace: demo";
        String key = field.substring("metadata.".length());
        ManifestSet set = load(yaml.replace(original, key + ": \"../../../../x\""));

        assertThat(set.objects()).isEmpty();
        assertThat(onlyError(set)).contains(field + ": Invalid value: \"../../../../x\": a lowercase RFC 1123 "
                + (key.equals("name") ? "subdomain" : "label") + " must consist of lower case alphanumeric characters");
    }

    @Test
    void namespaceErrorNamesFileDocumentAndRule() {
        ManifestSet set = load(CERTIFICATE.replace("namespace: demo", "namespace: My.Team"));

        ManifestError error = set.errors().get(0);
        assertThat(error.source()).isEqualTo(Path.of("input.yaml"));
        assertThat(error.document()).isEqualTo(1);
        assertThat(error.message()).startsWith("Certificate \"app\" is invalid: metadata.namespace: Invalid value: "
                + "\"My.Team\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', "
                + "and must start and end with an alphanumeric character");
    }

    @Test
    void nameLongerThan253CharactersIsRejected() {
        ManifestSet set = load(CERTIFICATE.replace("name: app,", "name: " + "a".repeat(254) + ","));

        assertThat(onlyError(set)).contains("metadata.name: Invalid value: ").contains("must be no more than 253 characters");
    }

    @Test
    void validNamesStillLoad() {
        ManifestSet set = load(CERTIFICATE.replace("name: app,", "name: app.v2-1,"));

        assertThat(set.errors()).isEmpty();
    }

    @Test
    void secretDataKeyWithPathIsRejected() {
        ManifestSet set = load(SECRET.replace("password:", "\"../../x\":"));

        assertThat(set.objects()).isEmpty();
        assertThat(set.errors()).extracting(ManifestError::message).allSatisfy(message -> assertThat(message)
                .contains("stringData[../../x]: Invalid value: \"../../x\""));
    }

    @Test
    void scalarAliasResolvesToAnchoredValue() {
        ManifestSet set = load(CERTIFICATE.replace("dnsNames: [app.example.com]",
                "commonName: &cn app.example.com\n  dnsNames: [*cn]"));

        assertThat(set.errors()).isEmpty();
        assertThat(set.objectsOfType(Certificate.class).get(0).getSpec().getDnsNames()).containsExactly("app.example.com");
    }

    @Test
    void listAliasResolvesToAnchoredList() {
        ManifestSet set = load(CERTIFICATE.replace("dnsNames: [app.example.com]",
                "dnsNames: &names [a.example.com, b.example.com]\n  isCA: true\n"
                        + "  nameConstraints: {permitted: {dnsDomains: *names}}"));

        assertThat(set.errors()).isEmpty();
        assertThat(set.objectsOfType(Certificate.class).get(0).getSpec().getNameConstraints().getPermitted()
                .getDnsDomains()).containsExactly("a.example.com", "b.example.com");
    }

    @Test
    void mappingAliasAndMergeKeyResolve() {
        ManifestSet set = load("""
                apiVersion: cert-manager.io/v1
                kind: Certificate
                metadata:
                  name: app
                  namespace: demo
                  labels: &ref {name: selfsigned, kind: Issuer}
                spec:
                  secretName: app-tls
                  dnsNames: [app.example.com]
                  issuerRef:
                    <<: *ref
                    kind: ClusterIssuer
                """);

        assertThat(set.errors()).isEmpty();
        Certificate certificate = set.objectsOfType(Certificate.class).get(0);
        assertThat(certificate.getSpec().getIssuerRef().getName()).isEqualTo("selfsigned");
        assertThat(certificate.getSpec().getIssuerRef().getKind()).isEqualTo("ClusterIssuer");
    }

    @Test
    @Timeout(10)
    void aliasBombIsRejectedWithLimit() {
        ManifestSet set = load(withAliasTree(10, 'k', 10));

        assertThat(set.objects()).isEmpty();
        assertThat(onlyError(set)).contains("alias").contains("50");
        assertThat(set.errors().get(0).document()).isEqualTo(1);
    }

    @Test
    @Timeout(10)
    void aliasExpansionBeyondLimitIsRejected() {
        ManifestSet set = load(withAliasTree(20, 'h', 6));

        assertThat(set.objects()).isEmpty();
        assertThat(onlyError(set)).contains("aliases expand to more than");
    }

    @Test
    void recursiveAliasIsRejected() {
        ManifestSet set = load(CERTIFICATE + "extra: &loop [*loop]\n");

        assertThat(set.objects()).isEmpty();
        assertThat(onlyError(set)).startsWith("invalid YAML");
    }

    @Test
    void explicitNumberTagOnTextIsRejected() {
        ManifestSet set = load(CERTIFICATE + "  revisionHistoryLimit: !!int \"many\"\n");

        assertThat(onlyError(set)).startsWith("invalid YAML: \"many\" is tagged");
    }

    @Test
    void duplicateKeyIsRejectedWithKeyAndLine() {
        ManifestSet set = load(CERTIFICATE.replace("  dnsNames:", "  secretName: other-tls\n  dnsNames:"));

        assertThat(set.objects()).isEmpty();
        assertThat(onlyError(set)).contains("\"secretName\"").contains("line 5").contains("line 6");
        assertThat(set.errors().get(0).line()).isEqualTo(6);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "privatekey | '  privatekey: {size: 4096}' | spec.privatekey: unknown field \"privatekey\"; did you mean \"privateKey\"?",
        "isCa | '  isCa: true' | spec.isCa: unknown field \"isCa\"; did you mean \"isCA\"?",
        "nested | '  privateKey: {algorithm: ECDSA, sise: 384}' | spec.privateKey.sise: unknown field \"sise\"; did you mean \"size\"?",
        "in list | '  additionalOutputFormats: [{tpye: DER}]' | spec.additionalOutputFormats[0].tpye: unknown field \"tpye\"; did you mean \"type\"?",
        "no close name | '  colour: blue' | spec.colour: unknown field \"colour\"",
    })
    void unknownFieldIsRejectedWithSuggestion(String description, String line, String expected) {
        ManifestSet set = load(CERTIFICATE + line + "\n");

        assertThat(set.objects()).isEmpty();
        assertThat(set.errors()).extracting(ManifestError::message).anySatisfy(message -> assertThat(message)
                .contains(expected));
    }

    @Test
    void unknownFieldReportsItsLine() {
        ManifestSet set = load(CERTIFICATE + "  privatekey: {size: 4096}\n");

        assertThat(set.errors().get(0).line()).isEqualTo(8);
    }

    @Test
    void unknownMetadataFieldIsRejected() {
        ManifestSet set = load(CERTIFICATE.replace("namespace: demo", "namespace: demo, lables: {a: b}"));

        assertThat(onlyError(set)).contains("metadata.lables: unknown field \"lables\"; did you mean \"labels\"?");
    }

    @Test
    void unknownSecretFieldIsRejected() {
        ManifestSet set = load(SECRET.replace("stringData:", "stringdata:"));

        assertThat(set.objects()).isEmpty();
        assertThat(onlyError(set)).contains("stringdata: unknown field \"stringdata\"; did you mean \"stringData\"?");
    }

    @Test
    void untypedMapsAreNotUnknownFields() {
        ManifestSet set = load("""
                apiVersion: cert-manager.io/v1
                kind: Issuer
                metadata:
                  name: acme
                  namespace: demo
                  labels: {anything: goes}
                  annotations: {example.com/note: free text}
                spec:
                  acme:
                    server: https://acme.example.com/directory
                    privateKeySecretRef: {name: acme-key}
                    solvers:
                    - http01: {ingress: {ingressClassName: nginx, podTemplate: {spec: {anyField: x}}}}
                """);

        assertThat(set.errors()).isEmpty();
    }

    @Test
    void fractionalKeySizeIsRejected() {
        ManifestSet set = load(CERTIFICATE + "  privateKey: {size: 2048.5}\n");

        assertThat(set.objects()).isEmpty();
        assertThat(onlyError(set)).contains("spec.privateKey.size: Invalid value: 2048.5: must be an integer");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "string for integer | '  privateKey: {size: big}' | spec.privateKey.size: Invalid value: \"big\": must be an integer",
        "string for list | '  uris: a.example.com' | spec.uris: Invalid value: \"a.example.com\": must be a list of strings",
        "string for boolean | '  isCA: maybe' | spec.isCA: Invalid value: \"maybe\": must be true or false",
        "list for string | '  commonName: [a, b]' | spec.commonName: Invalid value: [\"a\",\"b\"]: must be a string",
        "string for object | '  privateKey: big' | spec.privateKey: Invalid value: \"big\": must be a mapping",
    })
    void wrongTypeIsReportedInPlainWords(String description, String line, String expected) {
        ManifestSet set = load(CERTIFICATE + line + "\n");

        assertThat(onlyError(set)).contains(expected).doesNotContain("java.").doesNotContain("`");
    }

    @Test
    void wrongTypeReportsLine() {
        ManifestSet set = load(CERTIFICATE + "  privateKey: {size: big}\n");

        assertThat(set.errors().get(0).line()).isEqualTo(8);
    }

    @Test
    @Timeout(20)
    void oversizedFileIsRejectedUnparsedAndOthersLoad() throws IOException {
        Path big = directory.resolve("a-big.yaml");
        byte[] filler = ("# " + "x".repeat(1021) + "\n").getBytes(StandardCharsets.UTF_8);
        try (var out = Files.newOutputStream(big)) {
            for (int i = 0; i < 4 * 1024; i++) {
                out.write(filler);
            }
        }
        Files.writeString(directory.resolve("b.yaml"), CERTIFICATE);

        ManifestSet set = Manifests.readDirectory(directory);

        assertThat(set.objects()).hasSize(1);
        assertThat(set.errors()).hasSize(1);
        assertThat(set.errors().get(0).source()).isEqualTo(big);
        assertThat(set.errors().get(0).message()).contains("4194304 bytes").contains("3 MiB");
    }

    @Test
    void binaryFileReportsByteOffset() throws IOException {
        Files.write(directory.resolve("blob.yaml"), new byte[] {'a', ':', ' ', (byte) 0xff, (byte) 0xfe, 0});

        ManifestSet set = Manifests.readDirectory(directory);

        assertThat(set.errors()).hasSize(1);
        assertThat(set.errors().get(0).message()).contains("not UTF-8").contains("offset 3")
                .doesNotContain("readable");
    }

    @Test
    void tabIndentationIsReportedWithLine() {
        ManifestSet set = load(CERTIFICATE.replace("  dnsNames:", "\tdnsNames:"));

        assertThat(onlyError(set)).contains("tab").contains("indentation");
        assertThat(set.errors().get(0).line()).isEqualTo(6);
    }

    @Test
    void fieldErrorCarriesRuleSpecificFix() {
        ManifestSet set = load(CERTIFICATE.replace("dnsNames: [app.example.com]", "commonName: " + "a".repeat(65)));

        assertThat(set.errors().get(0).fix())
                .isEqualTo("shorten spec.commonName to at most 64 bytes or leave it out and rely on dnsNames");
    }

    @Test
    void keystoreWithoutPasswordHasCleanMessage() {
        ManifestSet set = load(CERTIFICATE + "  keystores: {jks: {create: true}}\n");

        assertThat(onlyError(set)).endsWith("spec.keystores.jks: Forbidden: exactly one of passwordSecretRef and "
                + "password must be set for JKS keystores");
    }

    @Test
    void readStillAcceptsUnknownFieldsForRoundTrips() {
        Certificate certificate = Manifests.read(CERTIFICATE + "  futureField: 1\n", Certificate.class);

        assertThat(certificate.getSpec().getAdditionalProperties()).containsKey("futureField");
    }

    @Test
    void readResolvesAliases() {
        Secret secret = Manifests.read(SECRET.replace("{password: hunter2}", "{a: &p hunter2, b: *p}"), Secret.class);

        assertThat(secret.getData()).containsEntry("b", "aHVudGVyMg==");
    }

    @Test
    void duplicateKeyErrorKeepsOtherDocuments() {
        ManifestSet set = load(CERTIFICATE.replace("  dnsNames:", "  secretName: x\n  dnsNames:") + "---\n" + SECRET);

        assertThat(set.objectsOfType(Secret.class)).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1.5", "2048.5"})
    void fractionalIntegersNeverRoundDown(String size) {
        ManifestSet set = load(CERTIFICATE + "  revisionHistoryLimit: " + size + "\n");

        assertThat(set.objects()).isEmpty();
    }

    /**
     * Returns the Certificate manifest with an extra field of nested YAML aliases: level {@code a} lists
     * {@code scalars} plain values, and each level from {@code b} to {@code lastLevel} lists
     * {@code aliasesPerLevel} aliases of the level before it.
     */
    private static String withAliasTree(int scalars, char lastLevel, int aliasesPerLevel) {
        StringBuilder yaml = new StringBuilder(CERTIFICATE).append("extra:\n");
        yaml.append("  a: &a [").append(String.join(", ", Collections.nCopies(scalars, "x"))).append("]\n");
        char previous = 'a';
        for (char level = 'b'; level <= lastLevel; level++) {
            yaml.append("  ").append(level).append(": &").append(level).append(" [");
            for (int i = 0; i < aliasesPerLevel; i++) {
                yaml.append(i == 0 ? "" : ", ").append('*').append(previous);
            }
            yaml.append("]\n");
            previous = level;
        }
        return yaml.toString();
    }
}
