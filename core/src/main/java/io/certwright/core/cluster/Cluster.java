package io.certwright.core.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The one port through which the controller core reads and writes cluster state. The
 * Kubernetes runtime implements it over the API server; the local runtime over a directory.
 *
 * <p>Contract shared by every method:
 * <ul>
 *   <li>Objects returned are copies the caller owns; changing them changes nothing until
 *       written back.</li>
 *   <li>Writes are atomic per object. {@link #update} and {@link #updateStatus} compare
 *       {@code metadata.resourceVersion} and raise {@link ClusterException.Conflict} when it is
 *       stale; an empty resourceVersion skips the comparison.</li>
 *   <li>Cluster-scoped kinds take a null namespace.</li>
 *   <li>Implementations are thread-safe.</li>
 * </ul>
 */
public interface Cluster {
    /** Returns the object, or empty when it does not exist. */
    <T extends HasMetadata> Optional<T> get(ResourceKind<T> kind, String namespace, String name);

    /** Lists objects of a kind in one namespace, or in all namespaces when {@code namespace} is null. */
    <T extends HasMetadata> List<T> list(ResourceKind<T> kind, String namespace);

    /**
     * Lists the objects that {@link #list} returns for the same arguments and that {@code filter}
     * accepts, in the same order. Use it instead of listing and filtering, so that an implementation
     * that keeps objects in memory copies only the accepted ones.
     *
     * <p>The filter may be called on the implementation's stored objects rather than on copies,
     * from the calling thread, once per candidate. It must only read its argument: it must not
     * change it, keep a reference to it, or call back into this cluster. The returned objects are
     * copies the caller owns, as with {@link #list}.
     *
     * <p>The default implementation lists and then filters the copies.
     */
    default <T extends HasMetadata> List<T> listMatching(ResourceKind<T> kind, String namespace,
                                                         Predicate<? super T> filter) {
        List<T> accepted = new ArrayList<>();
        for (T object : list(kind, namespace)) {
            if (filter.test(object)) {
                accepted.add(object);
            }
        }
        return accepted;
    }

    /**
     * Lists the objects that {@link #list} returns for the index's kind and {@code namespace} and that
     * {@code index} finds under {@code value}, in the same order. Implementations that keep the index
     * return them without filtering the namespace, and the default filters it.
     */
    default <T extends HasMetadata> List<T> listIndexed(ClusterIndex<T> index, String namespace, String value) {
        Objects.requireNonNull(value, "value");
        return listMatching(index.kind(), namespace, object -> index.valuesOf(object).contains(value));
    }

    /**
     * Calls {@code reader} with each object that {@link #list} returns for the same arguments, in no
     * particular order, and copies none where the implementation can avoid it. Use it to read many
     * objects without keeping them, as a metrics scrape does. The reader has the obligations of a
     * {@link #listMatching} filter: it must only read its argument, keep no reference to it or to a
     * mutable part of it, and not call back into this cluster.
     */
    default <T extends HasMetadata> void forEachShared(ResourceKind<T> kind, String namespace,
                                                       Consumer<? super T> reader) {
        listMatching(kind, namespace, object -> {
            reader.accept(object);
            return false;
        });
    }

    /**
     * Creates an object. When {@code metadata.name} is empty and {@code metadata.generateName}
     * is set, a random five-character suffix is appended. Sets uid, resourceVersion,
     * creationTimestamp and generation 1.
     *
     * @return the stored object
     * @throws ClusterException.AlreadyExists when the name is taken
     */
    <T extends HasMetadata> T create(ResourceKind<T> kind, T object);

    /**
     * Replaces metadata and spec (for Secrets: the whole object). The status in the argument is
     * ignored and the stored status kept. The generation grows when the spec changes.
     *
     * @throws ClusterException.NotFound when the object does not exist
     * @throws ClusterException.Conflict when the resourceVersion is stale
     */
    <T extends HasMetadata> T update(ResourceKind<T> kind, T object);

    /**
     * Replaces only the status; metadata and spec in the argument are ignored.
     *
     * @throws ClusterException.NotFound when the object does not exist
     * @throws ClusterException.Conflict when the resourceVersion is stale
     */
    <T extends HasMetadata> T updateStatus(ResourceKind<T> kind, T object);

    /** Deletes an object; does nothing when it does not exist. */
    <T extends HasMetadata> void delete(ResourceKind<T> kind, String namespace, String name);

    /**
     * Server-side applies a Secret for {@code fieldManager} with force: the labels, annotations,
     * data keys, type and ownerReferences present in {@code desired} are set and owned by that
     * manager; keys the manager owned before and that are absent from {@code desired} are
     * removed; keys owned by other managers are kept. The result records ownership in
     * {@code metadata.managedFields} (operation Apply, fieldsV1), as the API server does, so that
     * post-issuance checks can read it back. Creates the Secret when missing.
     *
     * @return the stored Secret
     */
    Secret applySecret(Secret desired, String fieldManager);

    /** Registers a listener that sees every later change. */
    void addListener(ChangeListener listener);

    /** Returns a recorder that stamps events with {@code source} as the reporting component. */
    EventRecorder events(String source);

    /** Lists recorded events about one object, oldest first. */
    List<Event> eventsFor(ResourceKind<?> kind, String namespace, String name);
}
