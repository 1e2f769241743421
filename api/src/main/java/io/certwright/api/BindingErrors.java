package io.certwright.api;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import io.certwright.api.validation.FieldError;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Words a Jackson binding error the way Kubernetes words field errors, with the JSON path, the value and the
 * type the field needs ({@code spec.privateKey.size: Invalid value: "big": must be an integer}), and without
 * Java class names.
 */
final class BindingErrors {
    /** Maximum length of a rejected mapping or list as printed in a message; longer ones are cut short. */
    private static final int MAX_VALUE_LENGTH = 60;

    private BindingErrors() {
    }

    /** A binding error: the field path (possibly empty) and the message, which starts with the path. */
    record BindingError(String path, String message) {
    }

    /** Describes an error from binding {@code tree} to {@code rootType}. */
    static BindingError describe(JacksonException e, JsonNode tree, Class<?> rootType) {
        List<Object> steps = new ArrayList<>();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                steps.add(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                steps.add(reference.getIndex());
            }
        }
        String path = pathOf(steps);
        Optional<Type> declared = ModelProperties.typeAt(rootType, steps);
        Type expected = declared.orElse(e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
                ? mismatch.getTargetType() : null);
        JsonNode value = nodeAt(tree, steps);
        String requirement = expected == null ? "has the wrong type for this field" : "must be " + describe(expected);
        if (value != null && value.isFloatingPointNumber() && requirement.equals("must be an integer")) {
            requirement += ", without a fractional part";
        }
        String body = value == null ? requirement : "Invalid value: " + render(value) + ": " + requirement;
        return new BindingError(path, path.isEmpty() ? body : path + ": " + body);
    }

    /** Builds a Kubernetes-style field path ({@code spec.dnsNames[0]}). */
    static String pathOf(List<Object> steps) {
        StringBuilder path = new StringBuilder();
        for (Object step : steps) {
            if (step instanceof Integer index) {
                path.append('[').append(index).append(']');
            } else {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(step);
            }
        }
        return path.toString();
    }

    private static JsonNode nodeAt(JsonNode tree, List<Object> steps) {
        JsonNode current = tree;
        for (Object step : steps) {
            if (current == null) {
                return null;
            }
            current = step instanceof Integer index ? current.get(index) : current.get((String) step);
        }
        return current;
    }

    /** Describes what a Java type accepts, as a noun phrase: "an integer", "a list of strings". */
    static String describe(Type type) {
        Class<?> raw = ModelProperties.rawClass(type);
        if (raw == byte[].class) {
            return "a base64-encoded string";
        }
        if (raw.isArray() || Collection.class.isAssignableFrom(raw)) {
            Type element = raw.isArray() ? raw.getComponentType()
                    : type instanceof ParameterizedType parameterized ? parameterized.getActualTypeArguments()[0] : null;
            return element == null ? "a list" : "a list of " + plural(element);
        }
        if (Map.class.isAssignableFrom(raw)) {
            Type valueType = type instanceof ParameterizedType parameterized
                    ? parameterized.getActualTypeArguments()[1] : Object.class;
            return valueType == String.class ? "a mapping of strings to strings" : "a mapping";
        }
        if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class || raw == Short.class
                || raw == short.class || raw == BigInteger.class) {
            return "an integer";
        }
        if (raw == Double.class || raw == double.class || raw == Float.class || raw == float.class
                || raw == BigDecimal.class) {
            return "a number";
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return "true or false";
        }
        if (raw == String.class || raw.isEnum()) {
            return "a string";
        }
        if (Temporal.class.isAssignableFrom(raw)) {
            return "an RFC 3339 time such as 2026-01-01T00:00:00Z";
        }
        return "a mapping";
    }

    private static String plural(Type element) {
        String single = describe(element);
        return switch (single) {
            case "an integer" -> "integers";
            case "a number" -> "numbers";
            case "true or false" -> "booleans";
            case "a string" -> "strings";
            default -> single.startsWith("a list") ? "lists" : "mappings";
        };
    }

    /** Renders a rejected value: strings quoted, numbers and booleans bare, mappings and lists as short JSON. */
    private static String render(JsonNode value) {
        if (value.isString()) {
            return FieldError.goQuote(value.asString());
        }
        if (value.isValueNode()) {
            return value.toString();
        }
        String json = value.toString();
        return json.length() <= MAX_VALUE_LENGTH ? json : json.substring(0, MAX_VALUE_LENGTH) + "...";
    }
}
