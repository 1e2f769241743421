package io.certwright.kubernetes;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Resolves the {@code --controllers} flag to the set of controllers to run, as cert-manager does:
 * {@code *} adds the default set, {@code foo} adds one controller, {@code -foo} removes one, and a
 * list of only {@code -foo} entries implies {@code *}. Every controller Certwright registers is in the
 * default set.
 */
final class ControllerSelection {
    /**
     * Controller names cert-manager's controller accepts that Certwright does not implement. Disabling
     * one ({@code -ingress-shim}) is accepted and does nothing, so that upstream flag values keep working;
     * enabling one is rejected.
     */
    static final Set<String> UPSTREAM_ONLY = Set.of(
            "certificates-metrics", "ingress-shim", "gateway-shim", "listenerset",
            "certificaterequests-issuer-vault", "certificaterequests-issuer-venafi",
            "certificatesigningrequests-issuer-acme", "certificatesigningrequests-issuer-ca",
            "certificatesigningrequests-issuer-selfsigned", "certificatesigningrequests-issuer-venafi",
            "certificatesigningrequests-issuer-vault");

    private ControllerSelection() {
    }

    /**
     * Returns the enabled controllers in registration order.
     *
     * @param entries the values of {@code --controllers}; blank entries are ignored and an empty list means {@code *}
     * @param registered the controllers the core registered, in registration order
     * @throws IllegalArgumentException naming the first unknown or unimplemented controller and the valid names
     */
    static List<String> resolve(List<String> entries, List<String> registered) {
        Set<String> enabled = new LinkedHashSet<>();
        Set<String> disabled = new LinkedHashSet<>();
        boolean anyEnable = false;
        for (String raw : entries) {
            String entry = raw.trim();
            if (entry.isEmpty()) {
                continue;
            }
            if (entry.equals("*")) {
                anyEnable = true;
                enabled.addAll(registered);
            } else if (entry.startsWith("-")) {
                String name = entry.substring(1);
                check(name, registered, false);
                disabled.add(name);
            } else {
                anyEnable = true;
                check(entry, registered, true);
                enabled.add(entry);
            }
        }
        if (!anyEnable) {
            enabled.addAll(registered);
        }
        List<String> result = new ArrayList<>();
        for (String name : registered) {
            if (enabled.contains(name) && !disabled.contains(name)) {
                result.add(name);
            }
        }
        return result;
    }

    private static void check(String name, List<String> registered, boolean enabling) {
        if (registered.contains(name)) {
            return;
        }
        if (UPSTREAM_ONLY.contains(name)) {
            if (enabling) {
                throw new IllegalArgumentException("invalid --controllers entry " + name
                        + ": cert-manager has this controller but Certwright does not implement it; remove it."
                        + " Controllers Certwright runs: " + String.join(", ", registered));
            }
            return;
        }
        throw new IllegalArgumentException("invalid --controllers entry " + (enabling ? name : "-" + name)
                + ": no controller is named " + name + ". Valid names: *, " + String.join(", ", registered)
                + " (each may be prefixed with - to disable it)");
    }
}
