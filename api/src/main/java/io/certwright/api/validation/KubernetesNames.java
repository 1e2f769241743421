package io.certwright.api.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Kubernetes' name, label and annotation rules (apimachinery {@code IsDNS1123Subdomain},
 * {@code IsQualifiedName}, {@code IsValidLabelValue}, {@code ValidateLabels} and
 * {@code ValidateAnnotations}), with the same messages.
 */
public final class KubernetesNames {
    public static final int DNS1123_SUBDOMAIN_MAX_LENGTH = 253;
    public static final int DNS1123_LABEL_MAX_LENGTH = 63;
    /** Maximum length of a Secret or ConfigMap data key. */
    public static final int CONFIG_MAP_KEY_MAX_LENGTH = 253;
    public static final int QUALIFIED_NAME_MAX_LENGTH = 63;
    public static final int LABEL_VALUE_MAX_LENGTH = 63;
    /** Maximum total size of the keys and values of one annotation map: 256 KiB. */
    public static final int TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;

    private static final String DNS1123_LABEL_FORMAT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private static final String DNS1123_SUBDOMAIN_FORMAT = DNS1123_LABEL_FORMAT + "(\\." + DNS1123_LABEL_FORMAT + ")*";
    private static final String DNS1123_SUBDOMAIN_MESSAGE = "a lowercase RFC 1123 subdomain must consist of lower case "
            + "alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
    private static final Pattern DNS1123_SUBDOMAIN = Pattern.compile(DNS1123_SUBDOMAIN_FORMAT);
    private static final String DNS1123_LABEL_MESSAGE = "a lowercase RFC 1123 label must consist of lower case "
            + "alphanumeric characters or '-', and must start and end with an alphanumeric character";
    private static final Pattern DNS1123_LABEL = Pattern.compile(DNS1123_LABEL_FORMAT);

    private static final String CONFIG_MAP_KEY_FORMAT = "[-._a-zA-Z0-9]+";
    private static final String CONFIG_MAP_KEY_MESSAGE = "a valid config key must consist of alphanumeric characters, "
            + "'-', '_' or '.'";
    private static final Pattern CONFIG_MAP_KEY = Pattern.compile(CONFIG_MAP_KEY_FORMAT);

    private static final String QUALIFIED_NAME_FORMAT = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
    private static final String QUALIFIED_NAME_MESSAGE = "must consist of alphanumeric characters, '-', '_' or '.', "
            + "and must start and end with an alphanumeric character";
    private static final Pattern QUALIFIED_NAME = Pattern.compile(QUALIFIED_NAME_FORMAT);

    private static final String LABEL_VALUE_FORMAT = "(" + QUALIFIED_NAME_FORMAT + ")?";
    private static final String LABEL_VALUE_MESSAGE = "a valid label must be an empty string or consist of alphanumeric "
            + "characters, '-', '_' or '.', and must start and end with an alphanumeric character";
    private static final Pattern LABEL_VALUE = Pattern.compile(LABEL_VALUE_FORMAT);

    private KubernetesNames() {
    }

    /** Returns the problems of a DNS-1123 subdomain (Secret names, label prefixes); empty when valid. */
    public static List<String> dns1123SubdomainProblems(String value) {
        List<String> problems = new ArrayList<>();
        if (value.length() > DNS1123_SUBDOMAIN_MAX_LENGTH) {
            problems.add(maxLength(DNS1123_SUBDOMAIN_MAX_LENGTH));
        }
        if (!DNS1123_SUBDOMAIN.matcher(value).matches()) {
            problems.add(regexMessage(DNS1123_SUBDOMAIN_MESSAGE, DNS1123_SUBDOMAIN_FORMAT, "example.com"));
        }
        return problems;
    }

    /** Returns the problems of a DNS-1123 label (namespaces); empty when valid. */
    public static List<String> dns1123LabelProblems(String value) {
        List<String> problems = new ArrayList<>();
        if (value.length() > DNS1123_LABEL_MAX_LENGTH) {
            problems.add(maxLength(DNS1123_LABEL_MAX_LENGTH));
        }
        if (!DNS1123_LABEL.matcher(value).matches()) {
            problems.add(regexMessage(DNS1123_LABEL_MESSAGE, DNS1123_LABEL_FORMAT, "my-name", "123-abc"));
        }
        return problems;
    }

    /**
     * Returns the problems of a Secret or ConfigMap data key (apimachinery {@code IsConfigMapKey}); empty when
     * valid. The rule keeps keys usable as file names: no '/', and not {@code .} or {@code ..}.
     */
    public static List<String> configMapKeyProblems(String value) {
        List<String> problems = new ArrayList<>();
        if (value.length() > CONFIG_MAP_KEY_MAX_LENGTH) {
            problems.add(maxLength(CONFIG_MAP_KEY_MAX_LENGTH));
        }
        if (!CONFIG_MAP_KEY.matcher(value).matches()) {
            problems.add(regexMessage(CONFIG_MAP_KEY_MESSAGE, CONFIG_MAP_KEY_FORMAT, "key.name", "KEY_NAME", "key-name"));
        }
        if (value.equals(".")) {
            problems.add("must not be '.'");
        } else if (value.equals("..")) {
            problems.add("must not be '..'");
        } else if (value.startsWith("..")) {
            problems.add("must not start with '..'");
        }
        return problems;
    }

    /** Returns the problems of a qualified name ({@code [prefix/]name}, label and annotation keys); empty when valid. */
    public static List<String> qualifiedNameProblems(String value) {
        List<String> problems = new ArrayList<>();
        String[] parts = value.split("/", -1);
        String name;
        if (parts.length == 1) {
            name = parts[0];
        } else if (parts.length == 2) {
            String prefix = parts[0];
            name = parts[1];
            if (prefix.isEmpty()) {
                problems.add("prefix part must be non-empty");
            } else {
                for (String problem : dns1123SubdomainProblems(prefix)) {
                    problems.add("prefix part " + problem);
                }
            }
        } else {
            problems.add("a qualified name "
                    + regexMessage(QUALIFIED_NAME_MESSAGE, QUALIFIED_NAME_FORMAT, "MyName", "my.name", "123-abc")
                    + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
            return problems;
        }
        if (name.isEmpty()) {
            problems.add("name part must be non-empty");
        } else if (name.length() > QUALIFIED_NAME_MAX_LENGTH) {
            problems.add("name part " + maxLength(QUALIFIED_NAME_MAX_LENGTH));
        }
        if (!QUALIFIED_NAME.matcher(name).matches()) {
            problems.add("name part "
                    + regexMessage(QUALIFIED_NAME_MESSAGE, QUALIFIED_NAME_FORMAT, "MyName", "my.name", "123-abc"));
        }
        return problems;
    }

    /** Returns the problems of a label value; empty when valid. */
    public static List<String> labelValueProblems(String value) {
        List<String> problems = new ArrayList<>();
        if (value.length() > LABEL_VALUE_MAX_LENGTH) {
            problems.add(maxLength(LABEL_VALUE_MAX_LENGTH));
        }
        if (!LABEL_VALUE.matcher(value).matches()) {
            problems.add(regexMessage(LABEL_VALUE_MESSAGE, LABEL_VALUE_FORMAT, "MyValue", "my_value", "12345"));
        }
        return problems;
    }

    /** Validates a label map; every error is reported on {@code path} itself, as Kubernetes does. */
    public static List<FieldError> validateLabels(Map<String, String> labels, String path) {
        List<FieldError> errors = new ArrayList<>();
        for (Map.Entry<String, String> label : sorted(labels).entrySet()) {
            for (String problem : qualifiedNameProblems(label.getKey())) {
                errors.add(FieldError.invalid(path, label.getKey(), problem));
            }
            String value = label.getValue() == null ? "" : label.getValue();
            for (String problem : labelValueProblems(value)) {
                errors.add(FieldError.invalid(path, value, problem));
            }
        }
        return errors;
    }

    /** Validates an annotation map: keys are checked lower-cased, and the total size is limited. */
    public static List<FieldError> validateAnnotations(Map<String, String> annotations, String path) {
        List<FieldError> errors = new ArrayList<>();
        long totalSize = 0;
        for (Map.Entry<String, String> annotation : sorted(annotations).entrySet()) {
            for (String problem : qualifiedNameProblems(annotation.getKey().toLowerCase(java.util.Locale.ROOT))) {
                errors.add(FieldError.invalid(path, annotation.getKey(), problem));
            }
            totalSize += utf8Length(annotation.getKey());
            totalSize += annotation.getValue() == null ? 0 : utf8Length(annotation.getValue());
        }
        if (totalSize > TOTAL_ANNOTATION_SIZE_LIMIT) {
            errors.add(FieldError.tooLong(path, "", TOTAL_ANNOTATION_SIZE_LIMIT));
        }
        return errors;
    }

    /** Go iterates maps in random order; sorting the keys keeps the error list stable. */
    private static Map<String, String> sorted(Map<String, String> map) {
        Map<String, String> copy = new TreeMap<>();
        map.forEach((k, v) -> copy.put(k == null ? "" : k, v));
        return copy;
    }

    private static int utf8Length(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    private static String maxLength(int length) {
        return "must be no more than " + length + " characters";
    }

    private static String regexMessage(String message, String format, String... examples) {
        StringBuilder out = new StringBuilder(message).append(" (e.g. ");
        for (int i = 0; i < examples.length; i++) {
            if (i > 0) {
                out.append(" or ");
            }
            out.append('\'').append(examples[i]).append("', ");
        }
        return out.append("regex used for validation is '").append(format).append("')").toString();
    }
}
