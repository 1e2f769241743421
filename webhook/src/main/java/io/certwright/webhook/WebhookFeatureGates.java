package io.certwright.webhook;

import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The webhook's feature gates ({@code --feature-gates}), with cert-manager v1.21's defaults. The
 * validators implement each gate only at its default, so any other value is rejected.
 */
public final class WebhookFeatureGates {
    /** Gate name to default value; all five are enabled (GA or Beta) in cert-manager v1.21. */
    static final Map<String, Boolean> DEFAULTS = Map.of(
            "AdditionalCertificateOutputFormats", true,
            "LiteralCertificateSubject", true,
            "DisallowInsecureCSRUsageDefinition", true,
            "NameConstraints", true,
            "OtherNames", true);

    private WebhookFeatureGates() {
    }

    /**
     * Checks comma-separated {@code NAME=true|false} pairs.
     *
     * @throws IllegalArgumentException naming the pair when the gate is unknown, the value is not a
     *     boolean, or the value differs from the default
     */
    public static void check(String gates) {
        if (gates == null || gates.isBlank()) {
            return;
        }
        for (String pair : gates.split(",")) {
            String trimmed = pair.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            int equals = trimmed.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("invalid --feature-gates entry \"" + trimmed
                        + "\"; expected NAME=true or NAME=false");
            }
            String name = trimmed.substring(0, equals).trim();
            String value = trimmed.substring(equals + 1).trim().toLowerCase(Locale.ROOT);
            if (!value.equals("true") && !value.equals("false")) {
                throw new IllegalArgumentException("invalid value \"" + value + "\" for feature gate " + name
                        + "; expected true or false");
            }
            Boolean defaultValue = DEFAULTS.get(name);
            if (defaultValue == null) {
                throw new IllegalArgumentException("unknown webhook feature gate " + name + "; known gates: "
                        + String.join(", ", new TreeSet<>(DEFAULTS.keySet())));
            }
            if (Boolean.parseBoolean(value) != defaultValue) {
                throw new IllegalArgumentException("feature gate " + name + "=" + value + " is not supported:"
                        + " Certwright implements it only at its default " + name + "=" + defaultValue);
            }
        }
    }
}
