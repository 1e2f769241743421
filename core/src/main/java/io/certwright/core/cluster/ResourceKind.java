package io.certwright.core.cluster;

import io.certwright.api.model.Certificate;
import io.certwright.api.model.CertificateRequest;
import io.certwright.api.model.Challenge;
import io.certwright.api.model.ClusterIssuer;
import io.certwright.api.model.Issuer;
import io.certwright.api.model.Order;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.List;

/**
 * A kind of object the controllers read and write through the {@link Cluster} port.
 *
 * @param <T> the Java model class of the kind
 */
public final class ResourceKind<T extends HasMetadata> {
    public static final ResourceKind<Certificate> CERTIFICATE =
            new ResourceKind<>("Certificate", "cert-manager.io", Certificate.class, true);
    public static final ResourceKind<CertificateRequest> CERTIFICATE_REQUEST =
            new ResourceKind<>("CertificateRequest", "cert-manager.io", CertificateRequest.class, true);
    public static final ResourceKind<Issuer> ISSUER =
            new ResourceKind<>("Issuer", "cert-manager.io", Issuer.class, true);
    public static final ResourceKind<ClusterIssuer> CLUSTER_ISSUER =
            new ResourceKind<>("ClusterIssuer", "cert-manager.io", ClusterIssuer.class, false);
    public static final ResourceKind<Secret> SECRET =
            new ResourceKind<>("Secret", "", Secret.class, true);

    public static final ResourceKind<Order> ORDER =
            new ResourceKind<>("Order", "acme.cert-manager.io", Order.class, true);
    public static final ResourceKind<Challenge> CHALLENGE =
            new ResourceKind<>("Challenge", "acme.cert-manager.io", Challenge.class, true);

    /**
     * Every kind Certwright handles: Secrets, the cert-manager.io kinds and the acme.cert-manager.io kinds,
     * in the order a store should load them so that references resolve early.
     */
    public static final List<ResourceKind<?>> ALL = List.of(SECRET, CLUSTER_ISSUER, ISSUER, CERTIFICATE,
            CERTIFICATE_REQUEST, ORDER, CHALLENGE);

    private final String kind;
    private final String group;
    private final Class<T> type;
    private final boolean namespaced;

    private ResourceKind(String kind, String group, Class<T> type, boolean namespaced) {
        this.kind = kind;
        this.group = group;
        this.type = type;
        this.namespaced = namespaced;
    }

    public String kind() {
        return kind;
    }

    /** API group; empty for the core group that Secrets belong to. */
    public String group() {
        return group;
    }

    public Class<T> type() {
        return type;
    }

    public boolean namespaced() {
        return namespaced;
    }

    /** Returns the kind whose name is {@code kind}, or null when Certwright does not handle it. */
    public static ResourceKind<?> byKind(String kind) {
        for (ResourceKind<?> candidate : ALL) {
            if (candidate.kind.equals(kind)) {
                return candidate;
            }
        }
        return null;
    }

    /** Returns the kind whose model class {@code object} is an instance of, or null when Certwright does not handle it. */
    public static ResourceKind<?> of(HasMetadata object) {
        for (ResourceKind<?> candidate : ALL) {
            if (candidate.type.isInstance(object)) {
                return candidate;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return group.isEmpty() ? kind : kind + "." + group;
    }
}
