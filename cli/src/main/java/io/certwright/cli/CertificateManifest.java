package io.certwright.cli;

import io.certwright.api.Json;
import io.certwright.api.model.Certificate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;

/** Reads the one cert-manager.io/v1 Certificate of a YAML or JSON manifest file, as {@code cmctl create} expects it. */
final class CertificateManifest {
    private CertificateManifest() {
    }

    /**
     * Returns the Certificate in the file.
     *
     * @throws IllegalArgumentException when the file holds no object, more than one, or something other than
     *     a cert-manager.io/v1 Certificate
     */
    static Certificate read(Path file) throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> values = Json.yaml().readerFor(JsonNode.class)
                .readValues(Files.readAllBytes(file))) {
            while (values.hasNextValue()) {
                JsonNode document = values.nextValue();
                if (document != null && !document.isNull() && !document.isMissingNode() && !document.isEmpty()) {
                    documents.add(document);
                }
            }
        } catch (JacksonException e) {
            throw new IllegalArgumentException("manifest file \"" + file + "\" is not valid YAML: "
                    + e.getOriginalMessage(), e);
        }
        if (documents.isEmpty()) {
            throw new IllegalArgumentException("no objects found in manifest file \"" + file
                    + "\". Expected one Certificate object");
        }
        if (documents.size() > 1) {
            throw new IllegalArgumentException("multiple objects found in manifest file \"" + file
                    + "\". Expected only one Certificate object");
        }
        JsonNode document = documents.get(0);
        if (!Certificate.API_VERSION.equals(document.path("apiVersion").asString(""))
                || !Certificate.KIND.equals(document.path("kind").asString(""))) {
            throw new IllegalArgumentException("decoded object is not a v1 Certificate: manifest file \"" + file
                    + "\" contains apiVersion \"" + document.path("apiVersion").asString("")
                    + "\" kind \"" + document.path("kind").asString("") + "\"; expected " + Certificate.API_VERSION
                    + " Certificate");
        }
        try {
            return Json.yaml().treeToValue(document, Certificate.class);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("manifest file \"" + file + "\" is not a valid Certificate: "
                    + e.getOriginalMessage(), e);
        }
    }
}
