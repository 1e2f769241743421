package io.certwright.core.certificates;

import io.certwright.api.model.Certificate;
import io.certwright.core.cluster.Cluster;
import io.certwright.core.cluster.ClusterIndex;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import java.util.List;
import java.util.function.Predicate;

/**
 * The objects a Certificate controls through a controller owner reference, such as its CertificateRequests
 * and next-key Secrets.
 */
public final class ControlledObjects {
    private ControlledObjects() {
    }

    /**
     * Lists the objects of the index's kind in the Certificate's namespace that the Certificate controls and
     * that {@code filter} accepts. When the Certificate has a uid they are looked up through {@code index},
     * which must map objects to the uid of their controller reference; otherwise the namespace is filtered.
     */
    public static <T extends HasMetadata> List<T> list(Cluster cluster, ClusterIndex<T> index,
            Certificate certificate, Predicate<? super T> filter) {
        String namespace = certificate.getMetadata().getNamespace();
        String uid = certificate.getMetadata().getUid();
        Predicate<T> controlled = object -> filter.test(object) && isControlledBy(object, certificate);
        List<T> candidates = uid == null || uid.isEmpty()
                ? cluster.listMatching(index.kind(), namespace, controlled)
                : cluster.listIndexed(index, namespace, uid);
        return candidates.stream().filter(controlled).toList();
    }

    /**
     * Returns true when {@code object}'s controller owner reference names {@code certificate}: by uid, or by
     * kind and name when the Certificate has no uid (objects loaded from files may lack one). Kubernetes
     * allows one controller reference per object, so only the first is read.
     */
    public static boolean isControlledBy(HasMetadata object, Certificate certificate) {
        List<OwnerReference> references = object.getMetadata().getOwnerReferences();
        if (references == null) {
            return false;
        }
        String uid = certificate.getMetadata().getUid();
        for (OwnerReference reference : references) {
            if (!Boolean.TRUE.equals(reference.getController())) {
                continue;
            }
            if (uid != null && !uid.isEmpty()) {
                return uid.equals(reference.getUid());
            }
            return Certificate.KIND.equals(reference.getKind())
                    && certificate.getMetadata().getName().equals(reference.getName());
        }
        return false;
    }
}
