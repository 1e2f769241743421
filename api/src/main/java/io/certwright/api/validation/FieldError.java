package io.certwright.api.validation;

import io.certwright.api.GoDuration;
import io.certwright.api.Json;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One validation problem on one field, shaped like Kubernetes' {@code field.Error} so that
 * {@link #toString()} prints exactly what the API server prints, for example
 * {@code spec.ipAddresses[0]: Invalid value: "300.1.1.1": invalid IP address}.
 *
 * @param type the kind of problem
 * @param field the field path, such as {@code spec.ipAddresses[0]} or {@code spec.additionalOutputFormats[type]}
 * @param badValue the rejected value (a String, number, Boolean, {@link Duration}, list or model object), or null
 *     where Kubernetes does not print one (Required, Forbidden, TooLong)
 * @param detail the explanation, possibly empty
 */
public record FieldError(Type type, String field, Object badValue, String detail) {

    /** Error types, with the text Kubernetes prints for each. */
    public enum Type {
        REQUIRED("Required value"),
        INVALID("Invalid value"),
        DUPLICATE("Duplicate value"),
        NOT_SUPPORTED("Unsupported value"),
        TOO_LONG("Too long"),
        FORBIDDEN("Forbidden");

        private final String text;

        Type(String text) {
            this.text = text;
        }

        /** Returns the text Kubernetes prints for this type, such as {@code Invalid value}. */
        public String text() {
            return text;
        }
    }

    public FieldError {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(field, "field");
        detail = detail == null ? "" : detail;
    }

    public static FieldError required(String field, String detail) {
        return new FieldError(Type.REQUIRED, field, null, detail);
    }

    public static FieldError invalid(String field, Object value, String detail) {
        return new FieldError(Type.INVALID, field, value, detail);
    }

    public static FieldError duplicate(String field, Object value) {
        return new FieldError(Type.DUPLICATE, field, value, "");
    }

    /** Creates an Unsupported value error whose detail lists the supported values, quoted, as Kubernetes does. */
    public static FieldError notSupported(String field, Object value, List<String> supported) {
        String detail = supported.isEmpty() ? ""
                : "supported values: " + supported.stream().map(FieldError::goQuote).collect(Collectors.joining(", "));
        return new FieldError(Type.NOT_SUPPORTED, field, value, detail);
    }

    /** Creates a Too long error with Kubernetes' detail "may not be more than N bytes". */
    public static FieldError tooLong(String field, Object value, int maxBytes) {
        String detail = "may not be more than " + maxBytes + (maxBytes == 1 ? " byte" : " bytes");
        return new FieldError(Type.TOO_LONG, field, value, detail);
    }

    public static FieldError forbidden(String field, String detail) {
        return new FieldError(Type.FORBIDDEN, field, null, detail);
    }

    /** Returns the message without the field path, as Kubernetes' {@code ErrorBody}. */
    public String body() {
        StringBuilder body = new StringBuilder(type.text());
        if (type != Type.REQUIRED && type != Type.FORBIDDEN && type != Type.TOO_LONG) {
            body.append(": ").append(renderValue(badValue));
        }
        if (!detail.isEmpty()) {
            body.append(": ").append(detail);
        }
        return body.toString();
    }

    @Override
    public String toString() {
        return field + ": " + body();
    }

    /** Renders a value the way Go's fmt does in field errors: strings quoted, numbers and durations bare. */
    static String renderValue(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String text) {
            return goQuote(text);
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof Duration duration) {
            return GoDuration.format(duration);
        }
        if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            return list.stream().map(item -> goQuote((String) item))
                    .collect(Collectors.joining(", ", "[]string{", "}"));
        }
        // NOTE: Go prints structs with %#v (Go syntax); JSON is the closest readable form for model objects.
        return Json.json().writeValueAsString(value);
    }

    /** Quotes a string like Go's {@code %q}: double quotes, backslash escapes, printable Unicode kept. */
    public static String goQuote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        text.codePoints().forEach(cp -> {
            switch (cp) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case 0x07 -> out.append("\\a");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case 0x0b -> out.append("\\v");
                default -> {
                    if (cp < 0x20 || cp == 0x7f) {
                        out.append(String.format("\\x%02x", cp));
                    } else if (!isPrintable(cp)) {
                        out.append(cp > 0xffff ? String.format("\\U%08x", cp) : String.format("\\u%04x", cp));
                    } else {
                        out.appendCodePoint(cp);
                    }
                }
            }
        });
        return out.append('"').toString();
    }

    private static boolean isPrintable(int cp) {
        int category = Character.getType(cp);
        return category != Character.CONTROL && category != Character.FORMAT && category != Character.UNASSIGNED
                && category != Character.SURROGATE && category != Character.PRIVATE_USE
                && category != Character.LINE_SEPARATOR && category != Character.PARAGRAPH_SEPARATOR
                && (category != Character.SPACE_SEPARATOR || cp == ' ');
    }
}
