package io.certwright.cli;

import io.certwright.core.cluster.ResourceKind;
import io.certwright.kubernetes.ApiResources;

/** The resource names the API server uses in its messages, such as {@code certificates.cert-manager.io}. */
final class ApiNames {
    private ApiNames() {
    }

    /** Returns {@code plural.group}, or the plural alone for the core group. */
    static String resource(ResourceKind<?> kind) {
        String plural = ApiResources.plural(kind);
        return kind.group().isEmpty() ? plural : plural + "." + kind.group();
    }

    /** Returns the API server's NotFound message, e.g. {@code certificates.cert-manager.io "web" not found}. */
    static String notFound(ResourceKind<?> kind, String name) {
        return resource(kind) + " \"" + name + "\" not found";
    }
}
