package io.certwright.api;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds fields that a bound object kept in {@code additionalProperties} because its model has no such field,
 * as kubectl's strict field validation does ({@code strict decoding error: unknown field "spec.privatekey"}).
 *
 * <p>The walk follows typed properties and lists. It does not enter maps, so deliberately untyped settings
 * (ACME solver {@code http01} and {@code dns01}, labels, annotations, Secret data) are never reported.
 */
final class UnknownFields {
    /** Largest edit distance at which a known field name is offered as the intended one. */
    private static final int MAX_SUGGESTION_DISTANCE = 2;
    private static final List<String> MODEL_PACKAGES = List.of("io.certwright.api.model.", "io.fabric8.kubernetes.api.model.");
    /** fabric8 classes that keep every field in additionalProperties on purpose. */
    private static final List<String> UNTYPED_CLASSES = List.of("io.fabric8.kubernetes.api.model.FieldsV1");

    /**
     * One unknown field.
     *
     * @param path the field path, such as {@code spec.privatekey}
     * @param name the field name as written
     * @param suggestion the known field name it probably means, if one is close
     */
    record UnknownField(String path, String name, Optional<String> suggestion) {
        /** Returns the message, such as {@code spec.isCa: unknown field "isCa"; did you mean "isCA"?}. */
        String message() {
            String message = path + ": unknown field \"" + name + "\"";
            return suggestion.map(known -> message + "; did you mean \"" + known + "\"?").orElse(message);
        }

        /** Returns what to change. */
        String fix() {
            return suggestion.map(known -> "rename " + name + " to " + known)
                    .orElse("remove " + path + " or correct its spelling");
        }
    }

    private UnknownFields() {
    }

    /** Returns every unknown field of an object, in field order. */
    static List<UnknownField> find(Object object) {
        List<UnknownField> found = new ArrayList<>();
        walk(object, "", found);
        return found;
    }

    private static void walk(Object value, String path, List<UnknownField> found) {
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walk(list.get(i), path + "[" + i + "]", found);
            }
            return;
        }
        if (value == null || !isModel(value.getClass())) {
            return;
        }
        Map<String, Field> properties = ModelProperties.of(value.getClass());
        for (Object key : additionalProperties(value)) {
            String name = String.valueOf(key);
            found.add(new UnknownField(join(path, name), name, closest(name, properties.keySet())));
        }
        for (Map.Entry<String, Field> property : properties.entrySet()) {
            walk(read(property.getValue(), value), join(path, property.getKey()), found);
        }
    }

    private static boolean isModel(Class<?> type) {
        String name = type.getName();
        return MODEL_PACKAGES.stream().anyMatch(name::startsWith) && !UNTYPED_CLASSES.contains(name)
                && ModelProperties.keepsUnknownFields(type);
    }

    private static Collection<?> additionalProperties(Object value) {
        for (Class<?> type = value.getClass(); type != Object.class; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField("additionalProperties");
                Object map = read(field, value);
                return map instanceof Map<?, ?> properties ? properties.keySet() : List.of();
            } catch (NoSuchFieldException e) {
                // Look in the superclass.
            }
        }
        return List.of();
    }

    private static Object read(Field field, Object owner) {
        try {
            field.setAccessible(true);
            return field.get(owner);
        } catch (IllegalAccessException | RuntimeException e) {
            throw new IllegalStateException("cannot read field " + field + " of the manifest model", e);
        }
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** Returns the known name that matches ignoring case, else the nearest one within a small edit distance. */
    static Optional<String> closest(String name, Collection<String> known) {
        for (String candidate : known) {
            if (candidate.equalsIgnoreCase(name)) {
                return Optional.of(candidate);
            }
        }
        String best = null;
        int bestDistance = MAX_SUGGESTION_DISTANCE + 1;
        for (String candidate : known) {
            int distance = editDistance(name.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance && distance < candidate.length()) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Returns the Damerau-Levenshtein distance (optimal string alignment), so "tpye" is 1 from "type". */
    static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
