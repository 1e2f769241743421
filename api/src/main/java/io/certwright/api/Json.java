package io.certwright.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Shared Jackson mappers for the cert-manager model, configured the way the Kubernetes API
 * encodes objects: times as RFC 3339 strings, byte arrays as base64, nulls left out.
 */
public final class Json {
    private static final JsonMapper JSON = JsonMapper.builder()
            .changeDefaultPropertyInclusion(include -> include.withValueInclusion(JsonInclude.Include.NON_NULL))
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .changeDefaultPropertyInclusion(include -> include.withValueInclusion(JsonInclude.Include.NON_NULL))
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Json() {
    }

    public static JsonMapper json() {
        return JSON;
    }

    public static YAMLMapper yaml() {
        return YAML;
    }

    /** Returns a deep copy of a model object, made by a JSON round trip. */
    @SuppressWarnings("unchecked")
    public static <T> T copy(T value) {
        if (value == null) {
            return null;
        }
        JavaType type = JSON.getTypeFactory().constructType(value.getClass());
        return (T) JSON.convertValue(value, type);
    }
}
