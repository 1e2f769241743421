package io.certwright.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.certwright.api.ManifestSet.Manifest;
import io.certwright.api.model.Certificate;
import io.certwright.api.model.CertificateRequest;
import io.certwright.api.model.ClusterIssuer;
import io.certwright.api.model.Issuer;
import io.certwright.api.validation.CertificateRequestValidator;
import io.certwright.api.validation.CertificateValidator;
import io.certwright.api.validation.FieldError;
import io.certwright.api.validation.IssuerValidator;
import io.certwright.api.validation.ValidationResult;
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
import tools.jackson.core.TokenStreamLocation;
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
 * other documents and files still load. Certificates, CertificateRequests, Issuers and
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
     * @throws IOException when the directory cannot be listed; unreadable files become errors instead
     */
    public static ManifestSet readDirectory(Path directory) throws IOException {
        List<Path> files = listManifestFiles(directory);
        Loader loader = new Loader();
        for (Path file : files) {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                loader.errors.add(new ManifestError(file, 0, 0, 0, "cannot read file: " + e, null));
                continue;
            }
            loader.loadFile(file, text);
        }
        return loader.result();
    }

    /** Loads the documents of one YAML text, reporting problems against {@code source}. */
    public static ManifestSet readString(String yaml, Path source) {
        Loader loader = new Loader();
        loader.loadFile(source, yaml);
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
        return read(yaml, type);
    }

    /**
     * Reads one YAML document into the given type, with no validation.
     *
     * @throws IllegalArgumentException when the YAML is invalid or does not fit the type
     */
    public static <T> T read(String yaml, Class<T> type) {
        T value = bind(yaml, type);
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
            node = Json.yaml().readTree(yaml);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("invalid YAML: " + firstLine(e.getOriginalMessage()), e);
        }
        if (node == null || node.isMissingNode() || node.isNull()) {
            throw new IllegalArgumentException("the document is empty");
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("the document is not a mapping; expected an object with apiVersion and kind");
        }
        return node;
    }

    private static <T> T bind(String yaml, Class<T> type) {
        try {
            return Json.yaml().readValue(yaml, type);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(bindingMessage(e), e);
        }
    }

    private static String bindingMessage(JacksonException e) {
        String path = fieldPath(e);
        String message = firstLine(e.getOriginalMessage());
        return path.isEmpty() ? message : path + ": " + message;
    }

    /** Builds a Kubernetes-style field path ({@code spec.dnsNames[0]}) from Jackson's reference chain. */
    private static String fieldPath(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asString();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).strip();
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

    /** Accumulates objects and problems across files. */
    private static final class Loader {
        private final List<Manifest> objects = new ArrayList<>();
        private final List<ManifestError> errors = new ArrayList<>();
        private final List<String> warnings = new ArrayList<>();

        void loadFile(Path file, String text) {
            for (YamlDocuments.Document document : YamlDocuments.split(text)) {
                loadDocument(file, document);
            }
        }

        private void loadDocument(Path file, YamlDocuments.Document document) {
            if (YamlDocuments.isBlank(document.text())) {
                return;
            }
            JsonNode node;
            try {
                node = Json.yaml().readTree(document.text());
            } catch (JacksonException e) {
                error(file, document, e.getLocation(), "invalid YAML: " + firstLine(e.getOriginalMessage()), null);
                return;
            }
            if (node == null || node.isMissingNode() || node.isNull()) {
                return;
            }
            if (!node.isObject()) {
                error(file, document, null,
                        "the document is not a mapping; expected an object with apiVersion and kind", null);
                return;
            }

            Class<? extends HasMetadata> type;
            try {
                type = typeOf(text(node, "apiVersion"), text(node, "kind"));
            } catch (IllegalArgumentException e) {
                error(file, document, null, e.getMessage(), null);
                return;
            }

            HasMetadata object;
            try {
                object = Json.yaml().readValue(document.text(), type);
            } catch (JacksonException e) {
                error(file, document, e.getLocation(), "cannot read " + type.getSimpleName() + ": " + bindingMessage(e), null);
                return;
            }
            String kind = type.getSimpleName();
            if (object.getMetadata() == null || object.getMetadata().getName() == null
                    || object.getMetadata().getName().isEmpty()) {
                error(file, document, null, kind + " has no metadata.name; every object needs a name", null);
                return;
            }

            if (object instanceof Secret secret) {
                if (checkSecretData(file, document, secret)) {
                    foldStringData(secret);
                    objects.add(new Manifest(file, document.number(), secret));
                }
                return;
            }
            ValidationResult result = validate(object);
            String label = kind + " \"" + object.getMetadata().getName() + "\"";
            for (String warning : result.warnings()) {
                warnings.add(file + " document " + document.number() + ": " + label + ": " + warning);
            }
            for (FieldError fieldError : result.errors()) {
                error(file, document, null, label + " is invalid: " + fieldError, fieldError);
            }
            if (result.isValid()) {
                objects.add(new Manifest(file, document.number(), object));
            }
        }

        /** Rejects Secret data values that are not base64, as the API server does. */
        private boolean checkSecretData(Path file, YamlDocuments.Document document, Secret secret) {
            boolean valid = true;
            if (secret.getData() != null) {
                for (Map.Entry<String, String> entry : secret.getData().entrySet()) {
                    try {
                        Base64.getDecoder().decode(entry.getValue() == null ? "" : entry.getValue());
                    } catch (IllegalArgumentException e) {
                        valid = false;
                        error(file, document, null, "Secret \"" + secret.getMetadata().getName() + "\": data["
                                + entry.getKey() + "] is not base64; put plain text under stringData instead", null);
                    }
                }
            }
            return valid;
        }

        private static ValidationResult validate(HasMetadata object) {
            if (object instanceof Certificate certificate) {
                return CertificateValidator.validate(certificate);
            }
            if (object instanceof CertificateRequest request) {
                return CertificateRequestValidator.validate(request);
            }
            if (object instanceof Issuer issuer) {
                return IssuerValidator.validate(issuer);
            }
            if (object instanceof ClusterIssuer issuer) {
                return IssuerValidator.validate(issuer);
            }
            return ValidationResult.of(List.of());
        }

        private void error(Path file, YamlDocuments.Document document, TokenStreamLocation location, String message,
                FieldError fieldError) {
            int line = 0;
            int column = 0;
            if (location != null && location.getLineNr() > 0) {
                line = document.firstLine() + location.getLineNr() - 1;
                column = Math.max(location.getColumnNr(), 0);
            }
            errors.add(new ManifestError(file, document.number(), line, column, message, fieldError));
        }

        ManifestSet result() {
            return new ManifestSet(objects, errors, warnings);
        }
    }
}
