package io.certwright.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.certwright.api.model.Certificate;
import io.certwright.api.model.CertificateRequest;
import io.certwright.api.model.ClusterIssuer;
import io.certwright.api.model.Issuer;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;
import tools.jackson.dataformat.yaml.util.StringQuotingChecker;

/**
 * Reads cert-manager manifests from YAML files into typed objects, and writes objects back as YAML.
 *
 * <p>Loading never stops at a bad document: each problem becomes a {@link ManifestError} and the
 * other documents and files still load. YAML is read as Kubernetes reads it: aliases resolved (within
 * limits), duplicate keys and unknown fields rejected. Certificates, CertificateRequests, Issuers and
 * ClusterIssuers are validated as the admission webhook would, and an object with field errors is
 * left out of the result, as the API server would reject it. Secrets get their {@code stringData}
 * folded into base64 {@code data}, as the API server does. Objects keep the namespace they were
 * written with, possibly none.
 */
public final class Manifests {
    /** Directory name that is skipped at any depth; the local runtime keeps its state there. */
    public static final String STATE_DIRECTORY = ".certwright";
    static final String CERT_MANAGER_API_VERSION = "cert-manager.io/v1";
    static final String CORE_API_VERSION = "v1";
    private static final String KNOWN_KINDS = "Certificate, CertificateRequest, Issuer, ClusterIssuer or Secret";

    private static final YAMLMapper WRITER = YAMLMapper.builder(YAMLFactory.builder()
                    .stringQuotingChecker(new KubernetesQuotingChecker())
                    .build())
            .changeDefaultPropertyInclusion(include -> include.withValueInclusion(JsonInclude.Include.NON_NULL))
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
            .enable(YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build();

    private Manifests() {
    }

    /**
     * Quotes what Jackson quotes, plus strings that go-yaml, the YAML library behind Kubernetes, reads as
     * numbers or timestamps: {@code 1_000}, {@code 0o17}, {@code +12}, {@code 2026-01-01}.
     */
    private static final class KubernetesQuotingChecker extends StringQuotingChecker.Default {
        private static final long serialVersionUID = 1L;
        private static final Pattern GO_YAML_INT = Pattern.compile("[-+]?(0b[01]+|0o?[0-7]+|0x[0-9a-fA-F]+|[0-9]+)");
        private static final Pattern GO_YAML_FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
        private static final Pattern TIMESTAMP = Pattern.compile("[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ].*)?");

        @Override
        public boolean needToQuoteValue(String value) {
            if (super.needToQuoteValue(value)) {
                return true;
            }
            String digits = value.replace("_", "");
            return GO_YAML_INT.matcher(digits).matches() || GO_YAML_FLOAT.matcher(digits).matches()
                    || TIMESTAMP.matcher(value).matches();
        }
    }

    /**
     * Loads every {@code *.yaml} and {@code *.yml} file under a directory, recursively, in sorted
     * path order, skipping directories named {@value #STATE_DIRECTORY}.
     *
     * Files larger than 3 MiB, the Kubernetes API server's request limit, and files that are not UTF-8 text are
     * reported as one error each without being parsed.
     *
     * @throws IOException when the directory cannot be listed; unreadable files become errors instead
     */
    public static ManifestSet readDirectory(Path directory) throws IOException {
        ManifestLoader loader = new ManifestLoader();
        for (Path file : listManifestFiles(directory)) {
            loader.loadFile(file);
        }
        return loader.result();
    }

    /** Loads the documents of one YAML text, reporting problems against {@code source}. */
    public static ManifestSet readString(String yaml, Path source) {
        ManifestLoader loader = new ManifestLoader();
        loader.loadText(source, yaml);
        return loader.result();
    }

    /**
     * Reads one YAML document as a cert-manager object or Secret, chosen by its apiVersion and kind.
     * No validation is applied.
     *
     * @throws IllegalArgumentException when the text is not one object of a kind Certwright handles
     */
    public static HasMetadata read(String yaml) {
        JsonNode node = parseTree(yaml);
        Class<? extends HasMetadata> type = typeOf(text(node, "apiVersion"), text(node, "kind"));
        return bindAndFold(node, type);
    }

    /**
     * Reads one YAML document into the given type, with no validation.
     *
     * @throws IllegalArgumentException when the YAML is invalid or does not fit the type
     */
    public static <T> T read(String yaml, Class<T> type) {
        return bindAndFold(parseTree(yaml), type);
    }

    private static <T> T bindAndFold(JsonNode node, Class<T> type) {
        T value;
        try {
            value = ManifestLoader.bind(node, type);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(BindingErrors.describe(e, node, type).message(), e);
        }
        if (value instanceof Secret secret) {
            foldStringData(secret);
        }
        return value;
    }

    /**
     * Writes an object as YAML without a document start marker, quoting only strings that YAML
     * would otherwise read as another type (numbers, booleans, null) or that contain special characters.
     */
    public static String toYaml(Object value) {
        return WRITER.writeValueAsString(value);
    }

    /** Lists manifest files under a directory in sorted order, skipping state directories. */
    static List<Path> listManifestFiles(Path directory) throws IOException {
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(directory, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                if (!dir.equals(directory) && dir.getFileName().toString().equals(STATE_DIRECTORY)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                String name = file.getFileName().toString();
                if (attributes.isRegularFile() && (name.endsWith(".yaml") || name.endsWith(".yml"))) {
                    files.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort(Comparator.comparing(Path::toString));
        return files;
    }

    /**
     * Returns the model class for an apiVersion and kind.
     *
     * @throws IllegalArgumentException naming the kinds Certwright handles
     */
    static Class<? extends HasMetadata> typeOf(String apiVersion, String kind) {
        if (apiVersion.isEmpty() || kind.isEmpty()) {
            List<String> missing = new ArrayList<>();
            if (apiVersion.isEmpty()) {
                missing.add("apiVersion");
            }
            if (kind.isEmpty()) {
                missing.add("kind");
            }
            throw new IllegalArgumentException(String.join(" and ", missing) + (missing.size() > 1 ? " are" : " is")
                    + " missing; every document needs both, for example apiVersion: cert-manager.io/v1 and kind: Certificate");
        }
        Class<? extends HasMetadata> type = switch (kind) {
            case Certificate.KIND -> Certificate.class;
            case CertificateRequest.KIND -> CertificateRequest.class;
            case Issuer.KIND -> Issuer.class;
            case ClusterIssuer.KIND -> ClusterIssuer.class;
            case "Secret" -> Secret.class;
            default -> null;
        };
        if (type == null) {
            throw new IllegalArgumentException("kind \"" + kind + "\" in apiVersion " + apiVersion
                    + " is not a kind Certwright handles; use " + KNOWN_KINDS);
        }
        String expected = type == Secret.class ? CORE_API_VERSION : CERT_MANAGER_API_VERSION;
        if (!apiVersion.equals(expected)) {
            throw new IllegalArgumentException("apiVersion \"" + apiVersion + "\" of kind " + kind
                    + " is not supported; use apiVersion: " + expected);
        }
        return type;
    }

    private static JsonNode parseTree(String yaml) {
        JsonNode node;
        try {
            node = YamlTrees.parse(yaml, ManifestFiles.MAX_FILE_BYTES).root();
        } catch (YamlTrees.InvalidYamlException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        if (node == null || node.isNull()) {
            throw new IllegalArgumentException("the document is empty");
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("the document is not a mapping; expected an object with apiVersion and kind");
        }
        return node;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asString();
    }

    /** Moves {@code stringData} into base64 {@code data}, with stringData winning on conflicts, as the API server does. */
    static void foldStringData(Secret secret) {
        Map<String, String> stringData = secret.getStringData();
        if (stringData == null || stringData.isEmpty()) {
            secret.setStringData(null);
            return;
        }
        Map<String, String> data = secret.getData() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(secret.getData());
        stringData.forEach((key, value) -> data.put(key,
                Base64.getEncoder().encodeToString((value == null ? "" : value).getBytes(StandardCharsets.UTF_8))));
        secret.setData(data);
        secret.setStringData(null);
    }
}
