package io.certwright.acme.store;

import io.certwright.api.Json;
import io.certwright.api.model.CertManagerResource;
import io.certwright.core.cluster.ClusterException;
import io.certwright.core.cluster.ObjectKey;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/**
 * An in-memory store of one ACME kind (Orders or Challenges) with the semantics of the core
 * {@code Cluster} port: callers get copies, writes compare {@code metadata.resourceVersion}, creation
 * stamps uid, resourceVersion, creationTimestamp and generation 1. Listeners see every change after
 * it is applied. Thread-safe.
 *
 * <p>TODO: this store exists only because the core {@code ResourceKind} set is closed. Once core has
 * ORDER and CHALLENGE kinds, the controllers should read and write these objects through
 * {@code Cluster}, which also gives the local runtime files and owner garbage collection.
 *
 * @param <T> Order or Challenge
 */
public final class AcmeObjectStore<T extends CertManagerResource<?, ?>> {
    private final Class<T> type;
    private final Clock clock;
    private final TreeMap<ObjectKey, T> objects = new TreeMap<>(
            (a, b) -> (a.namespace() + "/" + a.name()).compareTo(b.namespace() + "/" + b.name()));
    private final List<BiConsumer<T, T>> listeners = new CopyOnWriteArrayList<>();
    private long resourceVersion;

    public AcmeObjectStore(Class<T> type, Clock clock) {
        this.type = Objects.requireNonNull(type, "type");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Returns a copy of the object, or empty when it does not exist. */
    public synchronized Optional<T> get(String namespace, String name) {
        T stored = objects.get(new ObjectKey(namespace, name));
        return stored == null ? Optional.empty() : Optional.of(copy(stored));
    }

    /** Lists copies of the objects in {@code namespace}, or in all namespaces when it is null, by name. */
    public synchronized List<T> list(String namespace) {
        List<T> result = new ArrayList<>();
        for (T object : objects.values()) {
            if (namespace == null || namespace.equals(object.getMetadata().getNamespace())) {
                result.add(copy(object));
            }
        }
        return result;
    }

    /**
     * Creates an object.
     *
     * @throws ClusterException.AlreadyExists when the name is taken
     */
    public T create(T object) {
        T stored;
        synchronized (this) {
            ObjectKey key = ObjectKey.of(object);
            if (objects.containsKey(key)) {
                throw new ClusterException.AlreadyExists(type.getSimpleName() + " " + key + " already exists");
            }
            stored = copy(object);
            ObjectMeta metadata = stored.getMetadata();
            metadata.setUid(UUID.randomUUID().toString());
            metadata.setCreationTimestamp(clock.instant().truncatedTo(ChronoUnit.SECONDS).toString());
            metadata.setGeneration(1L);
            metadata.setResourceVersion(Long.toString(++resourceVersion));
            objects.put(key, stored);
        }
        notifyListeners(null, stored);
        return copy(stored);
    }

    /**
     * Replaces metadata and spec, keeping the stored status.
     *
     * @throws ClusterException.NotFound when the object does not exist
     * @throws ClusterException.Conflict when the resourceVersion is stale
     */
    public T update(T object) {
        return write(object, false);
    }

    /**
     * Replaces only the status.
     *
     * @throws ClusterException.NotFound when the object does not exist
     * @throws ClusterException.Conflict when the resourceVersion is stale
     */
    public T updateStatus(T object) {
        return write(object, true);
    }

    /** Deletes an object; does nothing when it does not exist. */
    public void delete(String namespace, String name) {
        T removed;
        synchronized (this) {
            removed = objects.remove(new ObjectKey(namespace, name));
        }
        if (removed != null) {
            notifyListeners(removed, null);
        }
    }

    /** Registers a listener called with (old, new) copies after each change; old is null on create, new on delete. */
    public void addListener(BiConsumer<T, T> listener) {
        listeners.add(listener);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private T write(T object, boolean statusOnly) {
        T previous;
        T stored;
        synchronized (this) {
            ObjectKey key = ObjectKey.of(object);
            previous = objects.get(key);
            if (previous == null) {
                throw new ClusterException.NotFound(type.getSimpleName() + " " + key + " not found");
            }
            String expected = object.getMetadata().getResourceVersion();
            if (expected != null && !expected.isEmpty()
                    && !expected.equals(previous.getMetadata().getResourceVersion())) {
                throw new ClusterException.Conflict(type.getSimpleName() + " " + key
                        + " was changed since it was read (resourceVersion " + expected + ")");
            }
            stored = copy(previous);
            CertManagerResource raw = stored;
            if (statusOnly) {
                raw.setStatus(Json.copy(object.getStatus()));
            } else {
                ObjectMeta metadata = Json.copy(object.getMetadata());
                metadata.setUid(previous.getMetadata().getUid());
                metadata.setCreationTimestamp(previous.getMetadata().getCreationTimestamp());
                metadata.setGeneration(previous.getMetadata().getGeneration());
                raw.setMetadata(metadata);
                raw.setSpec(Json.copy(object.getSpec()));
            }
            if (stored.equals(previous)) {
                return copy(previous);
            }
            stored.getMetadata().setResourceVersion(Long.toString(++resourceVersion));
            objects.put(key, stored);
        }
        notifyListeners(previous, stored);
        return copy(stored);
    }

    private void notifyListeners(T oldObject, T newObject) {
        for (BiConsumer<T, T> listener : listeners) {
            listener.accept(oldObject == null ? null : copy(oldObject), newObject == null ? null : copy(newObject));
        }
    }

    private T copy(T object) {
        return Json.copy(object);
    }
}
