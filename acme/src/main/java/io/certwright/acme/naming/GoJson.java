package io.certwright.acme.naming;

import java.util.List;
import java.util.Map;

/**
 * Writes JSON the way Go's {@code encoding/json} does, for the few values that object names are
 * hashed from: no spaces, fields in the order the caller appends them, and strings escaped with Go's
 * rules ({@code <}, {@code >}, {@code &}, U+2028 and U+2029 as {@code \}{@code u} escapes). Not
 * thread-safe; use one instance per value.
 */
final class GoJson {
    private final StringBuilder out = new StringBuilder();
    private boolean first = true;

    GoJson begin() {
        out.append('{');
        first = true;
        return this;
    }

    GoJson end() {
        out.append('}');
        first = false;
        return this;
    }

    /** Appends {@code "name":} and leaves the value to the caller. */
    GoJson name(String name) {
        if (!first) {
            out.append(',');
        }
        first = true;
        string(name);
        out.append(':');
        return this;
    }

    GoJson field(String name, String value) {
        name(name);
        string(value);
        first = false;
        return this;
    }

    /** Appends a string field unless the value is null or empty, as {@code omitempty} does. */
    GoJson fieldOmitEmpty(String name, String value) {
        return value == null || value.isEmpty() ? this : field(name, value);
    }

    GoJson fieldNull(String name) {
        name(name);
        out.append("null");
        first = false;
        return this;
    }

    GoJson fieldBoolOmitEmpty(String name, Boolean value) {
        if (Boolean.TRUE.equals(value)) {
            name(name);
            out.append("true");
            first = false;
        }
        return this;
    }

    GoJson fieldStringsOmitEmpty(String name, List<String> values) {
        if (values == null || values.isEmpty()) {
            return this;
        }
        name(name);
        out.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            string(values.get(i));
        }
        out.append(']');
        first = false;
        return this;
    }

    /** Appends an arbitrary value (map, list, string, number, boolean, null); maps keep their iteration order. */
    GoJson value(Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String text) {
            string(text);
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            begin();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                name(String.valueOf(entry.getKey()));
                value(entry.getValue());
                first = false;
            }
            end();
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                value(list.get(i));
            }
            out.append(']');
        } else {
            string(value.toString());
        }
        first = false;
        return this;
    }

    GoJson raw(String json) {
        out.append(json);
        first = false;
        return this;
    }

    private void string(String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
