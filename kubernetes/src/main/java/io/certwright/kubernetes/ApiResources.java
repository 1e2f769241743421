package io.certwright.kubernetes;

import io.certwright.core.cluster.ResourceKind;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.Map;

/**
 * The REST coordinates (group, version, plural, scope) of the cert-manager and acme.cert-manager.io kinds,
 * which the model classes do not carry as fabric8 annotations. Every one of them is served only at {@code v1}.
 */
public final class ApiResources {
    public static final String VERSION = "v1";

    private static final Map<ResourceKind<?>, String> PLURALS = Map.of(
            ResourceKind.CERTIFICATE, "certificates",
            ResourceKind.CERTIFICATE_REQUEST, "certificaterequests",
            ResourceKind.ISSUER, "issuers",
            ResourceKind.CLUSTER_ISSUER, "clusterissuers",
            ResourceKind.SECRET, "secrets",
            ResourceKind.ORDER, "orders",
            ResourceKind.CHALLENGE, "challenges");

    private ApiResources() {
    }

    /** Returns the lower-case plural used in URLs and RBAC rules, e.g. {@code certificaterequests}. */
    public static String plural(ResourceKind<?> kind) {
        String plural = PLURALS.get(kind);
        if (plural == null) {
            throw new IllegalArgumentException("no REST resource is known for kind " + kind);
        }
        return plural;
    }

    /** Returns {@code group/version}, or {@code v1} for the core group. */
    public static String apiVersion(ResourceKind<?> kind) {
        return kind.group().isEmpty() ? VERSION : kind.group() + "/" + VERSION;
    }

    /** Returns the context fabric8 needs to address a kind through its generic resource API. */
    public static ResourceDefinitionContext context(ResourceKind<?> kind) {
        return new ResourceDefinitionContext.Builder()
                .withGroup(kind.group())
                .withVersion(VERSION)
                .withPlural(plural(kind))
                .withKind(kind.kind())
                .withNamespaced(kind.namespaced())
                .build();
    }
}
