package io.certwright.core.cluster;

import io.certwright.api.Annotations;
import io.certwright.api.model.Certificate;
import io.certwright.api.model.CertificateRequest;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A secondary index of one kind: the values each object is found under, so that {@link Cluster#listIndexed}
 * finds the objects with one value without filtering the whole namespace. The controllers look up a
 * Certificate's requests and next-key Secrets, and the Certificates that name a Secret, on most reconciles,
 * and filtering every object of the namespace each time grows with the square of the Certificates in it.
 *
 * <p>The value function must read only the object's metadata and spec, which do not change in place, and
 * return the same values for equal objects.
 *
 * @param <T> the indexed model type
 */
public final class ClusterIndex<T extends HasMetadata> {
    /** CertificateRequests by the uid of their controller owner reference. */
    public static final ClusterIndex<CertificateRequest> REQUESTS_BY_CONTROLLER =
            new ClusterIndex<>("controller-uid", ResourceKind.CERTIFICATE_REQUEST, ClusterIndex::controllerUid);

    /** Secrets by the uid of their controller owner reference. */
    public static final ClusterIndex<Secret> SECRETS_BY_CONTROLLER =
            new ClusterIndex<>("controller-uid", ResourceKind.SECRET, ClusterIndex::controllerUid);

    /** Certificates by {@code spec.secretName}. */
    public static final ClusterIndex<Certificate> CERTIFICATES_BY_SECRET_NAME =
            new ClusterIndex<>("secret-name", ResourceKind.CERTIFICATE, certificate ->
                    certificate.getSpec() == null || certificate.getSpec().getSecretName() == null
                            ? List.of() : List.of(certificate.getSpec().getSecretName()));

    /**
     * CertificateRequests by their {@code cert-manager.io/private-key-secret-name} annotation, which names the
     * Secret holding the key of a SelfSigned request.
     */
    public static final ClusterIndex<CertificateRequest> REQUESTS_BY_PRIVATE_KEY_SECRET =
            new ClusterIndex<>("private-key-secret-name", ResourceKind.CERTIFICATE_REQUEST, request -> {
                Map<String, String> annotations = request.getMetadata().getAnnotations();
                String secretName = annotations == null ? null : annotations.get(Annotations.PRIVATE_KEY_SECRET_NAME);
                return secretName == null ? List.of() : List.of(secretName);
            });

    /** Every index; implementations that keep indexes maintain these. */
    public static final List<ClusterIndex<?>> ALL = List.of(REQUESTS_BY_CONTROLLER, SECRETS_BY_CONTROLLER,
            CERTIFICATES_BY_SECRET_NAME, REQUESTS_BY_PRIVATE_KEY_SECRET);

    private final String name;
    private final ResourceKind<T> kind;
    private final Function<? super T, List<String>> values;

    private ClusterIndex(String name, ResourceKind<T> kind, Function<? super T, List<String>> values) {
        this.name = name;
        this.kind = kind;
        this.values = values;
    }

    /** Returns the index name, unique among the indexes of one kind. */
    public String name() {
        return name;
    }

    public ResourceKind<T> kind() {
        return kind;
    }

    /** Returns the values {@code object} is found under; empty when it is in no entry of this index. */
    public List<String> valuesOf(HasMetadata object) {
        return values.apply(kind.type().cast(object));
    }

    /** Returns the uid of the object's controller owner reference, or nothing when it has none. */
    static List<String> controllerUid(HasMetadata object) {
        List<OwnerReference> references = object.getMetadata() == null ? null : object.getMetadata().getOwnerReferences();
        if (references == null) {
            return List.of();
        }
        for (OwnerReference reference : references) {
            if (Boolean.TRUE.equals(reference.getController()) && reference.getUid() != null) {
                return List.of(reference.getUid());
            }
        }
        return List.of();
    }

    @Override
    public String toString() {
        return kind.kind() + " by " + name;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ClusterIndex<?> index && index.name.equals(name) && index.kind == kind;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, kind.kind());
    }
}
