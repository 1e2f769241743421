package io.certwright.core.certificates.policies;

import java.util.Collection;

/** Renders values inside violation messages the way cert-manager's Go code prints them. */
public final class Messages {

    private Messages() {}

    /** Renders a list as Go's {@code %v} does: {@code [spec.dnsNames spec.duration]}, space-separated. */
    public static String list(Collection<String> values) {
        return "[" + String.join(" ", values) + "]";
    }

    /** Renders a string as Go's {@code %q} does for printable text: in double quotes, with quotes and backslashes escaped. */
    public static String quote(String value) {
        String text = value == null ? "" : value;
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
