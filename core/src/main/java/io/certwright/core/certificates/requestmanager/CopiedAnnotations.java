package io.certwright.core.certificates.requestmanager;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Selects the Certificate annotations that are copied onto its CertificateRequests, following the
 * {@code --copied-annotation-prefixes} list: {@code *} selects every annotation, a plain prefix selects
 * keys starting with it, and {@code -prefix} excludes keys starting with {@code prefix}. An exclusion
 * wins over any selection.
 */
public final class CopiedAnnotations {
    private static final String ALL = "*";
    private static final String EXCLUDE = "-";

    private CopiedAnnotations() {
    }

    public static Map<String, String> select(Map<String, String> annotations, List<String> prefixes) {
        Map<String, String> selected = new LinkedHashMap<>();
        if (annotations == null) {
            return selected;
        }
        boolean includeAll = prefixes.contains(ALL);
        annotations.forEach((key, value) -> {
            if ((includeAll || isIncluded(key, prefixes)) && !isExcluded(key, prefixes)) {
                selected.put(key, value);
            }
        });
        return selected;
    }

    private static boolean isIncluded(String key, List<String> prefixes) {
        return prefixes.stream()
                .filter(prefix -> !prefix.equals(ALL) && !prefix.startsWith(EXCLUDE))
                .anyMatch(key::startsWith);
    }

    private static boolean isExcluded(String key, List<String> prefixes) {
        return prefixes.stream()
                .filter(prefix -> prefix.startsWith(EXCLUDE))
                .anyMatch(prefix -> key.startsWith(prefix.substring(EXCLUDE.length())));
    }
}
