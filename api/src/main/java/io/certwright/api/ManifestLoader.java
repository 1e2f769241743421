package io.certwright.api;

import io.certwright.api.ManifestSet.Manifest;
import io.certwright.api.model.Certificate;
import io.certwright.api.model.CertificateRequest;
import io.certwright.api.model.ClusterIssuer;
import io.certwright.api.model.Issuer;
import io.certwright.api.validation.CertificateRequestValidator;
import io.certwright.api.validation.CertificateValidator;
import io.certwright.api.validation.FieldError;
import io.certwright.api.validation.FieldErrorFixes;
import io.certwright.api.validation.IssuerValidator;
import io.certwright.api.validation.KubernetesNames;
import io.certwright.api.validation.ValidationResult;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Secret;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.exceptions.Mark;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads manifest documents one at a time and accumulates the objects that pass and every problem found.
 *
 * <p>Each document goes through these checks in order, and the first failing one ends its load: YAML
 * syntax (with aliases and duplicate keys), apiVersion and kind, binding to the model, metadata.name
 * present. Then the object is rejected when any of these fail, and all their errors are reported:
 * metadata name and namespace format, unknown fields, Secret data, admission validation.
 */
final class ManifestLoader {
    /**
     * The mapper used to bind parsed manifests. It rejects fractional numbers for integer fields, as the
     * API server does, where Jackson would round them down.
     */
    private static final JsonMapper BINDER = Json.json().rebuild()
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .build();

    private final List<Manifest> objects = new ArrayList<>();
    private final List<ManifestError> errors = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    /** Binds a parsed document to a model type. */
    static <T> T bind(JsonNode tree, Class<T> type) {
        return BINDER.treeToValue(tree, type);
    }

    /** Reads a file, reporting a file that is too large or not UTF-8 text as one error. */
    void loadFile(Path file) {
        ManifestFiles.Result result = ManifestFiles.read(file);
        if (result instanceof ManifestFiles.Text text) {
            loadText(file, text.text());
        } else if (result instanceof ManifestFiles.Unusable unusable) {
            errors.add(new ManifestError(file, 0, 0, 0, unusable.message(), null, unusable.fix()));
        }
    }

    void loadText(Path file, String text) {
        for (YamlDocuments.Document document : YamlDocuments.split(text)) {
            loadDocument(file, document);
        }
    }

    ManifestSet result() {
        return new ManifestSet(objects, errors, warnings);
    }

    private void loadDocument(Path file, YamlDocuments.Document document) {
        if (YamlDocuments.isBlank(document.text())) {
            return;
        }
        YamlTrees.Tree tree;
        try {
            tree = YamlTrees.parse(document.text(), ManifestFiles.MAX_FILE_BYTES);
        } catch (YamlTrees.InvalidYamlException e) {
            error(file, document, e.mark(), e.getMessage(), null, "");
            return;
        }
        JsonNode node = tree.root();
        if (node == null || node.isNull()) {
            return;
        }
        if (!node.isObject()) {
            error(file, document, Optional.empty(),
                    "the document is not a mapping; expected an object with apiVersion and kind", null, "");
            return;
        }

        Class<? extends HasMetadata> type;
        try {
            type = Manifests.typeOf(text(node, "apiVersion"), text(node, "kind"));
        } catch (IllegalArgumentException e) {
            error(file, document, Optional.empty(), e.getMessage(), null, "");
            return;
        }
        String kind = type.getSimpleName();

        HasMetadata object;
        try {
            object = bind(node, type);
        } catch (JacksonException e) {
            BindingErrors.BindingError binding = BindingErrors.describe(e, node, type);
            error(file, document, tree.positionOf(binding.path()), "cannot read " + kind + ": " + binding.message(),
                    null, "");
            return;
        }
        if (object.getMetadata() == null || object.getMetadata().getName() == null
                || object.getMetadata().getName().isEmpty()) {
            error(file, document, Optional.empty(), kind + " has no metadata.name; every object needs a name", null, "");
            return;
        }

        String label = kind + " \"" + object.getMetadata().getName() + "\"";
        boolean valid = checkMetadata(file, document, tree, label, object.getMetadata());
        valid &= checkUnknownFields(file, document, tree, label, object);
        if (object instanceof Secret secret) {
            valid &= checkSecretData(file, document, tree, label, secret);
            if (valid) {
                Manifests.foldStringData(secret);
                objects.add(new Manifest(file, document.number(), secret));
            }
            return;
        }

        ValidationResult result = validate(object);
        for (String warning : result.warnings()) {
            warnings.add(file + " document " + document.number() + ": " + label + ": " + warning);
        }
        for (FieldError fieldError : result.errors()) {
            fieldError(file, document, tree, label, fieldError);
        }
        if (valid && result.isValid()) {
            objects.add(new Manifest(file, document.number(), object));
        }
    }

    /**
     * Checks name and namespace as the API server does. Both become file names in the local runtime, so
     * this check also keeps names such as {@code ../x} out of paths.
     */
    private boolean checkMetadata(Path file, YamlDocuments.Document document, YamlTrees.Tree tree, String label,
            ObjectMeta metadata) {
        List<FieldError> problems = new ArrayList<>();
        for (String problem : KubernetesNames.dns1123SubdomainProblems(metadata.getName())) {
            problems.add(FieldError.invalid("metadata.name", metadata.getName(), problem));
        }
        String namespace = metadata.getNamespace();
        if (namespace != null && !namespace.isEmpty()) {
            for (String problem : KubernetesNames.dns1123LabelProblems(namespace)) {
                problems.add(FieldError.invalid("metadata.namespace", namespace, problem));
            }
        }
        problems.forEach(problem -> fieldError(file, document, tree, label, problem));
        return problems.isEmpty();
    }

    private boolean checkUnknownFields(Path file, YamlDocuments.Document document, YamlTrees.Tree tree, String label,
            HasMetadata object) {
        List<UnknownFields.UnknownField> unknown = UnknownFields.find(object);
        for (UnknownFields.UnknownField field : unknown) {
            error(file, document, tree.positionOf(field.path()), label + " is invalid: " + field.message(), null,
                    field.fix());
        }
        return unknown.isEmpty();
    }

    /** Rejects Secret data keys that are not valid config keys and values that are not base64, as the API server does. */
    private boolean checkSecretData(Path file, YamlDocuments.Document document, YamlTrees.Tree tree, String label,
            Secret secret) {
        boolean valid = true;
        for (String section : List.of("data", "stringData")) {
            Map<String, String> entries = section.equals("data") ? secret.getData() : secret.getStringData();
            if (entries == null) {
                continue;
            }
            for (String key : entries.keySet()) {
                for (String problem : KubernetesNames.configMapKeyProblems(key)) {
                    valid = false;
                    fieldError(file, document, tree, label, FieldError.invalid(section + "[" + key + "]", key, problem));
                }
            }
        }
        if (secret.getData() != null) {
            for (Map.Entry<String, String> entry : secret.getData().entrySet()) {
                try {
                    Base64.getDecoder().decode(entry.getValue() == null ? "" : entry.getValue());
                } catch (IllegalArgumentException e) {
                    valid = false;
                    error(file, document, tree.positionOf("data." + entry.getKey()), "Secret \""
                            + secret.getMetadata().getName() + "\": data[" + entry.getKey()
                            + "] is not base64; put plain text under stringData instead", null, "");
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

    private void fieldError(Path file, YamlDocuments.Document document, YamlTrees.Tree tree, String label,
            FieldError fieldError) {
        error(file, document, tree.positionOf(fieldPath(fieldError.field())), label + " is invalid: " + fieldError,
                fieldError, FieldErrorFixes.fixFor(fieldError));
    }

    /** Turns a field error path into a tree path: {@code data[key]} names the map entry {@code data.key}. */
    private static String fieldPath(String field) {
        if (field.startsWith("data[") || field.startsWith("stringData[")) {
            int open = field.indexOf('[');
            return field.substring(0, open) + "." + field.substring(open + 1, field.length() - 1);
        }
        return field;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asString();
    }

    /** Records an error; a YAML position within the document becomes a 1-based line and column in the file. */
    private void error(Path file, YamlDocuments.Document document, Optional<Mark> mark, String message,
            FieldError fieldError, String fix) {
        int line = mark.map(m -> document.firstLine() + m.getLine()).orElse(0);
        int column = mark.map(m -> m.getColumn() + 1).orElse(0);
        errors.add(new ManifestError(file, document.number(), line, column, message, fieldError, fix));
    }
}
