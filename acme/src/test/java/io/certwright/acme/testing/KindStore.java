package io.certwright.acme.testing;

import io.certwright.api.Json;
import io.certwright.api.model.CertManagerResource;
import io.certwright.core.cluster.Cluster;
import io.certwright.core.cluster.ResourceKind;
import java.util.List;
import java.util.Optional;

/**
 * One kind of a {@link Cluster}, for tests that set up and read Orders or Challenges. Unlike
 * {@link Cluster#create}, {@link #create} keeps the status given, by writing it after the create.
 */
public final class KindStore<T extends CertManagerResource<?, ?>> {
    private final Cluster cluster;
    private final ResourceKind<T> kind;

    public KindStore(Cluster cluster, ResourceKind<T> kind) {
        this.cluster = cluster;
        this.kind = kind;
    }

    public Optional<T> get(String namespace, String name) {
        return cluster.get(kind, namespace, name);
    }

    public List<T> list(String namespace) {
        return cluster.list(kind, namespace);
    }

    public T create(T object) {
        T created = cluster.create(kind, object);
        if (object.getStatus() == null) {
            return created;
        }
        T withStatus = Json.copy(object);
        withStatus.setMetadata(created.getMetadata());
        return cluster.updateStatus(kind, withStatus);
    }

    public T update(T object) {
        return cluster.update(kind, object);
    }

    public T updateStatus(T object) {
        return cluster.updateStatus(kind, object);
    }

    public void delete(String namespace, String name) {
        cluster.delete(kind, namespace, name);
    }
}
