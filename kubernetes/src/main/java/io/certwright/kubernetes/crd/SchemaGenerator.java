package io.certwright.kubernetes.crd;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import io.certwright.api.Json;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.introspect.BeanPropertyDefinition;

/**
 * Builds the OpenAPI v3 schema of a model class by walking the properties Jackson serializes, with the
 * same mapper that writes the objects ({@link Json#json()}), so the schema names exactly the fields
 * that appear on the wire.
 *
 * <p>Type mapping: strings, booleans and integers as themselves ({@code int32} for int and Integer,
 * {@code int64} for long); byte arrays as base64 strings ({@code format: byte}); {@link Instant} as
 * {@code date-time} strings; lists as arrays; maps with string keys as objects whose
 * {@code additionalProperties} has the value's schema; {@code metadata} as a plain object, as every
 * CRD has it. Maps of arbitrary values ({@code Map<String, Object>}), {@code Object} and JSON nodes
 * get {@code x-kubernetes-preserve-unknown-fields: true}, and nothing else does. Properties are
 * sorted by name, so the output does not depend on declaration order.
 */
final class SchemaGenerator {
    /** Key of a property rule whose value contains schema keywords for the items of an array. */
    static final String ITEMS_RULES = "items-rules";

    private static final int MAX_DEPTH = 32;

    private SchemaGenerator() {
    }

    /** Returns the schema of a top-level kind: an object with apiVersion, kind, metadata, spec and status. */
    static Map<String, Object> schemaOf(Class<?> type) {
        return schemaOf(Json.json().constructType(type), 0);
    }

    private static Map<String, Object> schemaOf(JavaType type, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalStateException("model nesting deeper than " + MAX_DEPTH + " at " + type
                    + "; a recursive type cannot become a CRD schema");
        }
        Class<?> raw = type.getRawClass();
        // Keys sorted by name, as controller-gen writes them.
        Map<String, Object> schema = new TreeMap<>();
        if (raw == String.class || raw.isEnum() || raw == Character.class || raw == char.class) {
            schema.put("type", "string");
            if (raw.isEnum()) {
                schema.put("enum", enumValues(raw));
            }
        } else if (raw == Boolean.class || raw == boolean.class) {
            schema.put("type", "boolean");
        } else if (raw == Integer.class || raw == int.class || raw == Short.class || raw == short.class) {
            schema.put("type", "integer");
            schema.put("format", "int32");
        } else if (raw == Long.class || raw == long.class) {
            schema.put("type", "integer");
            schema.put("format", "int64");
        } else if (raw == Double.class || raw == double.class || raw == Float.class || raw == float.class) {
            schema.put("type", "number");
        } else if (raw == byte[].class) {
            schema.put("type", "string");
            schema.put("format", "byte");
        } else if (raw == Instant.class || raw == OffsetDateTime.class) {
            schema.put("type", "string");
            schema.put("format", "date-time");
        } else if (raw == ObjectMeta.class) {
            schema.put("type", "object");
        } else if (isArbitrary(type)) {
            schema.put("type", "object");
            schema.put("x-kubernetes-preserve-unknown-fields", true);
        } else if (type.isCollectionLikeType() || type.isArrayType()) {
            schema.put("type", "array");
            schema.put("items", schemaOf(type.getContentType(), depth + 1));
        } else if (type.isMapLikeType()) {
            schema.put("type", "object");
            schema.put("additionalProperties", schemaOf(type.getContentType(), depth + 1));
        } else {
            putObject(schema, type, depth);
        }
        return schema;
    }

    private static void putObject(Map<String, Object> schema, JavaType type, int depth) {
        BeanDescription description = Json.json()._serializationContext().introspectBeanDescription(type);
        Map<String, Object> properties = new TreeMap<>();
        for (BeanPropertyDefinition property : description.findProperties()) {
            if (!property.couldSerialize() || property.getAccessor() == null
                    || property.getAccessor().hasAnnotation(JsonAnyGetter.class)) {
                // The any-getter returns fields the model does not know; they are not part of the API.
                continue;
            }
            Map<String, Object> propertySchema = schemaOf(property.getPrimaryType(), depth + 1);
            applyRules(propertySchema, SchemaRules.propertyRules(type.getRawClass(), property.getName()));
            properties.put(property.getName(), propertySchema);
        }
        if (!properties.isEmpty()) {
            schema.put("properties", properties);
        }
        List<String> required = SchemaRules.required(type.getRawClass());
        if (!required.isEmpty()) {
            for (String name : required) {
                if (!properties.containsKey(name)) {
                    throw new IllegalStateException(type.getRawClass().getSimpleName() + " has no property " + name
                            + " that the schema rules require; update SchemaRules");
                }
            }
            schema.put("required", required);
        }
        schema.put("type", "object");
    }

    @SuppressWarnings("unchecked")
    private static void applyRules(Map<String, Object> schema, Map<String, Object> rules) {
        rules.forEach((keyword, value) -> {
            if (ITEMS_RULES.equals(keyword)) {
                ((Map<String, Object>) schema.get("items")).putAll((Map<String, Object>) value);
            } else {
                schema.put(keyword, value);
            }
        });
    }

    private static boolean isArbitrary(JavaType type) {
        Class<?> raw = type.getRawClass();
        if (raw == Object.class || JsonNode.class.isAssignableFrom(raw)) {
            return true;
        }
        return type.isMapLikeType() && type.getContentType().getRawClass() == Object.class;
    }

    private static List<String> enumValues(Class<?> enumType) {
        List<String> values = new ArrayList<>();
        for (Object constant : enumType.getEnumConstants()) {
            values.add(Json.json().convertValue(constant, String.class));
        }
        return values;
    }
}
