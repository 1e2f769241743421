package io.certwright.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON properties that a model class declares, found from its fields: the {@code @JsonProperty} name, or
 * the field name. Covers the Certwright model and the fabric8 Kubernetes model, which both annotate fields.
 */
final class ModelProperties {
    private static final String ADDITIONAL_PROPERTIES = "additionalProperties";
    private static final ClassValue<Map<String, Field>> PROPERTIES = new ClassValue<>() {
        @Override
        protected Map<String, Field> computeValue(Class<?> type) {
            return Collections.unmodifiableMap(scan(type));
        }
    };

    private ModelProperties() {
    }

    /** Returns the properties of a class by JSON name, in declaration order, superclass fields first. */
    static Map<String, Field> of(Class<?> type) {
        return PROPERTIES.get(type);
    }

    /** Returns whether objects of this class keep unknown fields in an {@code additionalProperties} map. */
    static boolean keepsUnknownFields(Class<?> type) {
        for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
            try {
                Field field = current.getDeclaredField(ADDITIONAL_PROPERTIES);
                return Map.class.isAssignableFrom(field.getType());
            } catch (NoSuchFieldException e) {
                // Look in the superclass.
            }
        }
        return false;
    }

    /**
     * Returns the declared Java type at a path of property names and list indexes below a root class, or empty
     * when the path leaves the typed model (for example into a map).
     */
    static Optional<Type> typeAt(Class<?> root, List<Object> path) {
        Type current = root;
        for (Object step : path) {
            if (step instanceof Integer) {
                if (!(current instanceof ParameterizedType parameterized)
                        || !List.class.isAssignableFrom(rawClass(current))) {
                    return Optional.empty();
                }
                current = parameterized.getActualTypeArguments()[0];
            } else {
                Class<?> raw = rawClass(current);
                if (Map.class.isAssignableFrom(raw) && current instanceof ParameterizedType parameterized) {
                    current = parameterized.getActualTypeArguments()[1];
                    continue;
                }
                Field field = of(raw).get((String) step);
                if (field == null) {
                    return Optional.empty();
                }
                current = field.getGenericType();
                if (current instanceof TypeVariable<?> variable) {
                    current = resolve(raw, variable);
                }
            }
        }
        return Optional.of(current);
    }

    /** Resolves a type parameter of a superclass, such as the spec type of a CertManagerResource subclass. */
    private static Type resolve(Class<?> concrete, TypeVariable<?> variable) {
        for (Class<?> type = concrete; type != null && type != Object.class; type = type.getSuperclass()) {
            if (type.getGenericSuperclass() instanceof ParameterizedType parent
                    && parent.getRawType() == variable.getGenericDeclaration()) {
                TypeVariable<?>[] parameters = ((Class<?>) parent.getRawType()).getTypeParameters();
                for (int i = 0; i < parameters.length; i++) {
                    if (parameters[i].getName().equals(variable.getName())) {
                        return parent.getActualTypeArguments()[i];
                    }
                }
            }
        }
        return Object.class;
    }

    /** Returns the class of a type, or Object for type variables and wildcards. */
    static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> raw) {
            return raw;
        }
        if (type instanceof ParameterizedType parameterized) {
            return (Class<?>) parameterized.getRawType();
        }
        return Object.class;
    }

    private static Map<String, Field> scan(Class<?> type) {
        Map<String, Field> properties = new LinkedHashMap<>();
        if (type.getSuperclass() != null && type.getSuperclass() != Object.class) {
            properties.putAll(of(type.getSuperclass()));
        }
        for (Field field : type.getDeclaredFields()) {
            int modifiers = field.getModifiers();
            if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers) || field.isSynthetic()
                    || field.getName().equals(ADDITIONAL_PROPERTIES) || field.isAnnotationPresent(JsonIgnore.class)) {
                continue;
            }
            JsonProperty property = field.getAnnotation(JsonProperty.class);
            String name = property == null || property.value().isEmpty() ? field.getName() : property.value();
            properties.put(name, field);
        }
        return properties;
    }
}
