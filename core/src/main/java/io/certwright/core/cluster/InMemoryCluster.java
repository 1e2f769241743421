package io.certwright.core.cluster;

import io.certwright.api.Json;
import io.certwright.api.model.CertManagerResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Cluster} kept in memory that behaves like a Kubernetes API server for the kinds Certwright
 * handles: it assigns uid, resourceVersion (one global counter), creationTimestamp and generation, appends a
 * random suffix to {@code generateName}, enforces optimistic concurrency, keeps status and the rest of an
 * object apart, deletes dependents whose controller owner reference names a deleted object, tracks
 * server-side apply field ownership of Secrets in {@code metadata.managedFields}, and records events.
 *
 * <p>Differences from an API server: no admission webhooks, no finalizers (delete removes at once), and
 * garbage collection follows only owner references with {@code controller: true}. A create drops the status
 * of the cert-manager kinds, as their status subresource does; {@link #load} keeps it.
 *
 * <p>Objects are deep-copied on the way in and out. Each change goes first to the {@link ChangeSink}, if one
 * is set, then becomes visible to reads, then reaches the listeners, all outside the store lock. Changes of
 * one object are delivered in the order they were applied. Changes of different objects are delivered
 * concurrently by the threads that wrote them, so listeners may see them in any order. A write returns
 * after its changes were delivered, so a thread reads its own writes. Writes check resourceVersions against
 * the newest applied version, which can be ahead of the visible one while its change is being delivered.
 *
 * <p>Reads return only delivered versions. With a sink that persists changes, nothing a reader saw can be
 * lost in a crash, so a write derived from it can never be on disk without its cause.
 * Thread-safe.
 */
public final class InMemoryCluster implements Cluster {
    private static final Logger log = LoggerFactory.getLogger(InMemoryCluster.class);

    /** Characters of generated name suffixes: lowercase consonants and digits, so no words or look-alikes form. */
    private static final char[] SUFFIX_ALPHABET = "bcdfghjklmnpqrstvwxz2456789".toCharArray();
    private static final int SUFFIX_LENGTH = 5;
    private static final Comparator<ObjectKey> KEY_ORDER = Comparator
            .comparing(ObjectKey::namespace, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(ObjectKey::name);

    private final Clock clock;
    private final ReentrantLock storeLock = new ReentrantLock();
    /** The newest applied version of every object, which writes check and build on. Guarded by the store lock. */
    private final Map<ResourceKind<?>, TreeMap<ObjectKey, StoredObject>> objects = new HashMap<>();
    /** The applied objects by the owner their controller reference names. Guarded by the store lock. */
    private final ControllerReferenceIndex controlled = new ControllerReferenceIndex();
    /** The delivered version of every object, which reads return. Guarded by the store lock. */
    private final Map<ResourceKind<?>, TreeMap<ObjectKey, StoredObject>> visible = new HashMap<>();
    /** For each {@link ClusterIndex}, the keys of the visible objects by index value; guarded by the store lock. */
    private final Map<ClusterIndex<?>, Map<String, TreeSet<ObjectKey>>> indexed = new HashMap<>();
    private long resourceVersion;

    private final List<ChangeListener> listeners = new CopyOnWriteArrayList<>();
    private volatile ChangeSink sink;
    /** The delivery lane of every object with changes in flight. Guarded by the store lock. */
    private final Map<LaneKey, DeliveryLane> lanes = new HashMap<>();
    /** Changes the write holding the store lock produced, delivered by the same thread after it unlocks. */
    private List<Change> produced = new ArrayList<>();

    private final InMemoryEventStore events;
    private final SecureRandom random = new SecureRandom();

    public InMemoryCluster(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.events = new InMemoryEventStore(clock);
        for (ResourceKind<?> kind : ResourceKind.ALL) {
            objects.put(kind, new TreeMap<>(KEY_ORDER));
            visible.put(kind, new TreeMap<>(KEY_ORDER));
        }
        for (ClusterIndex<?> index : ClusterIndex.ALL) {
            indexed.put(index, new HashMap<>());
        }
    }

    @Override
    public <T extends HasMetadata> Optional<T> get(ResourceKind<T> kind, String namespace, String name) {
        StoredObject stored;
        storeLock.lock();
        try {
            stored = visible.get(kind).get(key(kind, namespace, name));
        } finally {
            storeLock.unlock();
        }
        // Stored objects are never changed in place, so copying outside the lock is safe.
        return Optional.ofNullable(stored).map(object -> object.copy(kind));
    }

    @Override
    public <T extends HasMetadata> List<T> list(ResourceKind<T> kind, String namespace) {
        List<StoredObject> found = storedObjects(kind, namespace);
        List<T> copies = new ArrayList<>(found.size());
        for (StoredObject object : found) {
            copies.add(object.copy(kind));
        }
        return copies;
    }

    /** Lists as {@link Cluster#listMatching} does, running the filter on the stored objects and copying only the accepted ones. */
    @Override
    public <T extends HasMetadata> List<T> listMatching(ResourceKind<T> kind, String namespace,
                                                        Predicate<? super T> filter) {
        Objects.requireNonNull(filter, "filter");
        List<T> copies = new ArrayList<>();
        // Stored objects are never changed in place, so filtering and copying outside the lock is safe.
        for (StoredObject stored : storedObjects(kind, namespace)) {
            if (filter.test(kind.type().cast(stored.object()))) {
                copies.add(stored.copy(kind));
            }
        }
        return copies;
    }

    /** Lists as {@link Cluster#listIndexed} does, from the index kept beside the visible objects. */
    @Override
    public <T extends HasMetadata> List<T> listIndexed(ClusterIndex<T> index, String namespace, String value) {
        Objects.requireNonNull(value, "value");
        List<StoredObject> found = new ArrayList<>();
        storeLock.lock();
        try {
            TreeMap<ObjectKey, StoredObject> byKey = visible.get(index.kind());
            TreeSet<ObjectKey> keys = indexed.get(index).get(value);
            for (ObjectKey key : keys == null ? List.<ObjectKey>of() : keys) {
                if (namespace == null || !index.kind().namespaced() || namespace.equals(key.namespace())) {
                    found.add(byKey.get(key));
                }
            }
        } finally {
            storeLock.unlock();
        }
        List<T> copies = new ArrayList<>(found.size());
        for (StoredObject stored : found) {
            copies.add(stored.copy(index.kind()));
        }
        return copies;
    }

    /** Returns the stored objects (not copies) of a kind in one namespace, or in all when it is null, in key order. */
    private List<StoredObject> storedObjects(ResourceKind<?> kind, String namespace) {
        storeLock.lock();
        try {
            TreeMap<ObjectKey, StoredObject> byKey = visible.get(kind);
            if (namespace == null || !kind.namespaced()) {
                return new ArrayList<>(byKey.values());
            }
            return new ArrayList<>(byKey.subMap(new ObjectKey(namespace, ""), true, new ObjectKey(namespace + "\0", ""),
                    false).values());
        } finally {
            storeLock.unlock();
        }
    }

    @Override
    public <T extends HasMetadata> T create(ResourceKind<T> kind, T object) {
        return create(kind, object, ManagedFields.UNKNOWN_MANAGER);
    }

    /**
     * Creates an object as {@link #create(ResourceKind, HasMetadata)} does, recording {@code fieldManager} as
     * the owner of a created Secret's fields.
     */
    public <T extends HasMetadata> T create(ResourceKind<T> kind, T object, String fieldManager) {
        return write(kind, object, incoming -> {
            ObjectMeta metadata = incoming.getMetadata();
            if (isBlank(metadata.getName())) {
                metadata.setName(generateName(kind, metadata));
            }
            ObjectKey key = ObjectKey.of(incoming);
            if (objects.get(kind).containsKey(key)) {
                throw new ClusterException.AlreadyExists(kind.kind() + " " + key + " already exists");
            }
            stampNew(kind, incoming);
            if (incoming instanceof CertManagerResource<?, ?> resource) {
                resource.setStatus(null);
            }
            if (incoming instanceof Secret secret) {
                metadata.setManagedFields(updateManagedFields(null, secret, fieldManager));
            } else {
                metadata.setManagedFields(null);
            }
            store(kind, null, incoming);
            return incoming;
        });
    }

    @Override
    public <T extends HasMetadata> T update(ResourceKind<T> kind, T object) {
        return update(kind, object, ManagedFields.UNKNOWN_MANAGER);
    }

    /**
     * Updates an object as {@link #update(ResourceKind, HasMetadata)} does, recording {@code fieldManager} as
     * the owner of the Secret fields the update changed.
     */
    public <T extends HasMetadata> T update(ResourceKind<T> kind, T object, String fieldManager) {
        return write(kind, object, incoming -> {
            HasMetadata stored = existing(kind, incoming);
            checkResourceVersion(kind, incoming, stored);
            copyStatus(stored, incoming);
            ObjectMeta metadata = incoming.getMetadata();
            ObjectMeta storedMetadata = stored.getMetadata();
            metadata.setUid(storedMetadata.getUid());
            metadata.setCreationTimestamp(storedMetadata.getCreationTimestamp());
            metadata.setDeletionTimestamp(storedMetadata.getDeletionTimestamp());
            metadata.setGeneration(storedMetadata.getGeneration());
            if (incoming instanceof CertManagerResource<?, ?> resource
                    && !sameJson(((CertManagerResource<?, ?>) stored).getSpec(), resource.getSpec())) {
                metadata.setGeneration(storedMetadata.getGeneration() == null ? 1 : storedMetadata.getGeneration() + 1);
            }
            if (incoming instanceof Secret secret) {
                checkTypeUnchanged((Secret) stored, secret.getType());
                metadata.setManagedFields(updateManagedFields((Secret) stored, secret, fieldManager));
            } else {
                metadata.setManagedFields(storedMetadata.getManagedFields());
            }
            return writeIfChanged(kind, stored, incoming);
        });
    }

    @Override
    public <T extends HasMetadata> T updateStatus(ResourceKind<T> kind, T object) {
        if (kind == ResourceKind.SECRET) {
            throw new ClusterException.Invalid("Secrets have no status; use update to change Secret "
                    + ObjectKey.of(object));
        }
        return write(kind, object, incoming -> {
            HasMetadata stored = existing(kind, incoming);
            checkResourceVersion(kind, incoming, stored);
            HasMetadata updated = Json.copy(stored);
            copyStatus(incoming, updated);
            return writeIfChanged(kind, stored, updated);
        });
    }

    @Override
    public <T extends HasMetadata> void delete(ResourceKind<T> kind, String namespace, String name) {
        applyAndDeliver(() -> {
            StoredObject removed = objects.get(kind).remove(key(kind, namespace, name));
            if (removed != null) {
                controlled.update(kind, removed.object(), null);
                record(kind, removed.object(), null);
                collectGarbage(kind, removed.object());
            }
            return null;
        });
    }

    @Override
    public Secret applySecret(Secret desired, String fieldManager) {
        Objects.requireNonNull(fieldManager, "fieldManager");
        Secret want = admit(ResourceKind.SECRET, desired);
        HasMetadata result = applyAndDeliver(() -> {
            Secret stored = (Secret) storedObject(ResourceKind.SECRET, ObjectKey.of(want));
            Secret applied = new SecretApply(want, fieldManager).applyTo(stored);
            if (stored == null) {
                stampNew(ResourceKind.SECRET, applied);
                setEntryTime(applied, fieldManager, now());
                store(ResourceKind.SECRET, null, applied);
                return applied;
            }
            checkTypeUnchanged(stored, want.getType());
            applied.getMetadata().setResourceVersion(stored.getMetadata().getResourceVersion());
            if (sameJson(stored, applied)) {
                return stored;
            }
            setEntryTime(applied, fieldManager, now());
            applied.getMetadata().setResourceVersion(nextResourceVersion());
            store(ResourceKind.SECRET, stored, applied);
            return applied;
        });
        return (Secret) Json.copy(result);
    }

    @Override
    public void addListener(ChangeListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Sets the sink that receives each change before reads can see it, such as a store that writes
     * changes to disk. Set it before the first write.
     */
    public void setSink(ChangeSink sink) {
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    @Override
    public EventRecorder events(String source) {
        return events.recorder(source);
    }

    @Override
    public List<Event> eventsFor(ResourceKind<?> kind, String namespace, String name) {
        return events.eventsFor(kind.kind(), kind.namespaced() ? namespace : null, name);
    }

    /** Returns every recorded event, ordered by when it last happened, oldest first. */
    public List<Event> allEvents() {
        return events.all();
    }

    /** Returns copies of every stored object, grouped by kind in {@link ResourceKind#ALL} order. */
    public Map<ResourceKind<?>, List<HasMetadata>> snapshot() {
        Map<ResourceKind<?>, List<HasMetadata>> snapshot = new LinkedHashMap<>();
        for (ResourceKind<?> kind : ResourceKind.ALL) {
            snapshot.put(kind, List.copyOf(list(kind, null)));
        }
        return snapshot;
    }

    /**
     * Stores an object as it is, without the checks and defaults of {@link #create}: status, managedFields,
     * uid and creationTimestamp are kept, missing ones filled in, and an existing object of the same name
     * replaced. A numeric resourceVersion is kept and moves the global counter past it. Listeners see the
     * load as a create or update. For runtimes that restore a saved store.
     *
     * @return the stored object
     * @throws IllegalArgumentException when the object is not of a {@link ResourceKind}
     */
    public HasMetadata load(HasMetadata object) {
        ResourceKind<?> kind = kindOf(object);
        HasMetadata incoming = Json.copy(object);
        HasMetadata stored = applyAndDeliver(() -> {
            ObjectMeta metadata = incoming.getMetadata();
            if (metadata == null || isBlank(metadata.getName())) {
                throw new IllegalArgumentException("cannot load a " + kind.kind() + " without metadata.name");
            }
            if (!kind.namespaced()) {
                metadata.setNamespace(null);
            }
            if (isBlank(metadata.getUid())) {
                metadata.setUid(UUID.randomUUID().toString());
            }
            if (isBlank(metadata.getCreationTimestamp())) {
                metadata.setCreationTimestamp(now());
            }
            if (metadata.getGeneration() == null && incoming instanceof CertManagerResource<?, ?>) {
                metadata.setGeneration(1L);
            }
            metadata.setResourceVersion(loadedResourceVersion(metadata.getResourceVersion()));
            HasMetadata previous = storedObject(kind, ObjectKey.of(incoming));
            store(kind, previous, incoming);
            return incoming;
        });
        return Json.copy(stored);
    }

    // ---- writes, called with the store lock held ----

    /**
     * Admits {@code object}, applies {@code change} to the admitted copy while holding the store lock, then
     * notifies listeners outside the lock and returns a copy of the object that {@code change} returned.
     */
    private <T extends HasMetadata> T write(ResourceKind<T> kind, T object, Function<T, HasMetadata> change) {
        T incoming = admit(kind, object);
        HasMetadata result = applyAndDeliver(() -> change.apply(incoming));
        return kind.type().cast(Json.copy(result));
    }

    /**
     * Runs {@code body} under the store lock, then delivers the changes it recorded, also when it throws,
     * so that no lane waits forever for a change that was recorded but never delivered.
     */
    private <R> R applyAndDeliver(Supplier<R> body) {
        storeLock.lock();
        try {
            return body.get();
        } finally {
            List<Change> changes = takeProduced();
            storeLock.unlock();
            deliver(changes);
        }
    }

    private HasMetadata writeIfChanged(ResourceKind<?> kind, HasMetadata stored, HasMetadata updated) {
        updated.getMetadata().setResourceVersion(stored.getMetadata().getResourceVersion());
        if (sameJson(stored, updated)) {
            // The API server does not bump the resourceVersion of a write that changes nothing, so
            // controllers that write unconditionally do not wake each other up forever.
            return stored;
        }
        updated.getMetadata().setResourceVersion(nextResourceVersion());
        store(kind, stored, updated);
        return updated;
    }

    private void store(ResourceKind<?> kind, HasMetadata previous, HasMetadata object) {
        StoredObject replaced = objects.get(kind).put(ObjectKey.of(object), new StoredObject(object));
        controlled.update(kind, replaced == null ? null : replaced.object(), object);
        record(kind, previous, object);
    }

    /** Queues a change for delivery by the writing thread, in its object's lane. */
    private void record(ResourceKind<?> kind, HasMetadata oldObject, HasMetadata newObject) {
        HasMetadata object = newObject != null ? newObject : oldObject;
        LaneKey laneKey = new LaneKey(kind, ObjectKey.of(object));
        DeliveryLane lane = lanes.computeIfAbsent(laneKey, ignored -> new DeliveryLane());
        produced.add(new Change(kind, laneKey, lane, lane.assign(), oldObject, newObject));
    }

    private List<Change> takeProduced() {
        List<Change> changes = produced;
        produced = new ArrayList<>();
        return changes;
    }

    private void stampNew(ResourceKind<?> kind, HasMetadata object) {
        ObjectMeta metadata = object.getMetadata();
        metadata.setUid(UUID.randomUUID().toString());
        metadata.setResourceVersion(nextResourceVersion());
        metadata.setCreationTimestamp(now());
        metadata.setDeletionTimestamp(null);
        // Kubernetes gives Secrets no generation, only objects with a spec.
        metadata.setGeneration(kind == ResourceKind.SECRET ? null : 1L);
    }

    /** Deletes, transitively, every object whose controller owner reference names a deleted object. */
    private void collectGarbage(ResourceKind<?> kind, HasMetadata deleted) {
        Deque<Owner> owners = new ArrayDeque<>();
        owners.add(new Owner(kind, deleted));
        while (!owners.isEmpty()) {
            Owner owner = owners.poll();
            for (ControllerReferenceIndex.Entry entry : dependentsOf(owner)) {
                HasMetadata dependent = objects.get(entry.kind()).remove(entry.key()).object();
                controlled.update(entry.kind(), dependent, null);
                log.debug("garbage collecting {} {}: its controller {} {} was deleted", entry.kind().kind(),
                        entry.key(), owner.kind.kind(), ObjectKey.of(owner.object));
                record(entry.kind(), dependent, null);
                owners.add(new Owner(entry.kind(), dependent));
            }
        }
    }

    /** Returns the applied objects that {@code owner} controls, ordered by kind as in {@link ResourceKind#ALL}, then by key. */
    private List<ControllerReferenceIndex.Entry> dependentsOf(Owner owner) {
        List<ControllerReferenceIndex.Entry> dependents = new ArrayList<>();
        for (ControllerReferenceIndex.Entry candidate : controlled.candidates(owner.kind, owner.object)) {
            StoredObject stored = objects.get(candidate.kind()).get(candidate.key());
            if (stored != null && owner.controls(stored.object())) {
                dependents.add(candidate);
            }
        }
        dependents.sort(Comparator.comparing((ControllerReferenceIndex.Entry entry) -> ResourceKind.ALL.indexOf(entry.kind()))
                .thenComparing(ControllerReferenceIndex.Entry::key, KEY_ORDER));
        return dependents;
    }

    /** Records the fields a create or update changed as owned by {@code manager}, operation Update. */
    private List<ManagedFieldsEntry> updateManagedFields(Secret before, Secret after, String manager) {
        SecretFieldSet changed = SecretFieldSet.changed(before, after);
        SecretFieldSet present = SecretFieldSet.of(after);
        SecretFieldSet gained = changed.copy();
        gained.removeAll(inverse(present, changed));

        List<ManagedFieldsEntry> entries = new ArrayList<>();
        boolean found = false;
        List<ManagedFieldsEntry> previous = before == null ? null : before.getMetadata().getManagedFields();
        for (ManagedFieldsEntry entry : previous == null ? List.<ManagedFieldsEntry>of() : previous) {
            SecretFieldSet fields = SecretFieldSet.parse(entry.getFieldsV1());
            boolean mine = manager.equals(entry.getManager())
                    && ManagedFields.OPERATION_UPDATE.equals(entry.getOperation());
            fields.removeAll(changed);
            if (mine) {
                fields.addAll(gained);
                found = true;
            }
            if (!fields.isEmpty()) {
                entries.add(entry(entry.getManager(), entry.getOperation(), fields,
                        mine && !changed.isEmpty() ? now() : entry.getTime()));
            }
        }
        if (!found && !gained.isEmpty()) {
            entries.add(entry(manager, ManagedFields.OPERATION_UPDATE, gained, now()));
        }
        return entries.isEmpty() ? null : entries;
    }

    /** Returns the changed fields that are absent from the object, i.e. the removed ones. */
    private static SecretFieldSet inverse(SecretFieldSet present, SecretFieldSet changed) {
        SecretFieldSet removed = changed.copy();
        removed.removeAll(present);
        return removed;
    }

    private String generateName(ResourceKind<?> kind, ObjectMeta metadata) {
        if (isBlank(metadata.getGenerateName())) {
            throw new ClusterException.Invalid(kind.kind() + " has neither metadata.name nor metadata.generateName;"
                    + " set one of them");
        }
        while (true) {
            StringBuilder name = new StringBuilder(metadata.getGenerateName());
            for (int i = 0; i < SUFFIX_LENGTH; i++) {
                name.append(SUFFIX_ALPHABET[random.nextInt(SUFFIX_ALPHABET.length)]);
            }
            String candidate = name.toString();
            String namespace = kind.namespaced() ? metadata.getNamespace() : null;
            if (!objects.get(kind).containsKey(new ObjectKey(namespace, candidate))) {
                return candidate;
            }
        }
    }

    private HasMetadata existing(ResourceKind<?> kind, HasMetadata incoming) {
        HasMetadata stored = storedObject(kind, ObjectKey.of(incoming));
        if (stored == null) {
            throw new ClusterException.NotFound(kind.kind() + " " + ObjectKey.of(incoming) + " not found");
        }
        return stored;
    }

    private HasMetadata storedObject(ResourceKind<?> kind, ObjectKey key) {
        StoredObject stored = objects.get(kind).get(key);
        return stored == null ? null : stored.object();
    }

    private static void checkResourceVersion(ResourceKind<?> kind, HasMetadata incoming, HasMetadata stored) {
        String expected = incoming.getMetadata().getResourceVersion();
        String actual = stored.getMetadata().getResourceVersion();
        if (!isBlank(expected) && !expected.equals(actual)) {
            throw new ClusterException.Conflict("Operation cannot be fulfilled on " + kind.kind() + " "
                    + ObjectKey.of(incoming) + ": the object has been modified (resourceVersion " + expected
                    + ", current " + actual + "); read the latest version and try again");
        }
    }

    private static void checkTypeUnchanged(Secret stored, String type) {
        if (type != null && stored.getType() != null && !stored.getType().equals(type)) {
            throw new ClusterException.Invalid("Secret " + ObjectKey.of(stored) + ": field type is immutable ("
                    + stored.getType() + " cannot become " + type + "); delete the Secret to change its type");
        }
    }

    private String nextResourceVersion() {
        return Long.toString(++resourceVersion);
    }

    private String loadedResourceVersion(String loaded) {
        if (loaded != null) {
            try {
                long value = Long.parseLong(loaded);
                if (value > resourceVersion) {
                    resourceVersion = value;
                    return loaded;
                }
            } catch (NumberFormatException e) {
                log.debug("replacing non-numeric resourceVersion {} of a loaded object", loaded);
            }
        }
        return nextResourceVersion();
    }

    private String now() {
        return DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.SECONDS));
    }

    private void setEntryTime(Secret secret, String manager, String time) {
        List<ManagedFieldsEntry> entries = secret.getMetadata().getManagedFields();
        if (entries == null) {
            return;
        }
        for (ManagedFieldsEntry entry : entries) {
            if (manager.equals(entry.getManager()) && ManagedFields.OPERATION_APPLY.equals(entry.getOperation())) {
                entry.setTime(time);
            }
        }
    }

    // ---- notifications ----

    /**
     * Delivers the changes one write produced, in order. Each waits for the earlier changes of its object,
     * which other threads may still be delivering, so an object's changes reach the sink, the visible map
     * and the listeners in write order. Waiting cannot deadlock: every change a thread waits for was applied
     * in an earlier store-lock section, whose own waits point further back still.
     */
    private void deliver(List<Change> changes) {
        for (Change change : changes) {
            change.lane().awaitTurn(change.sequence());
            try {
                deliver(change);
            } finally {
                finish(change);
            }
        }
    }

    private void deliver(Change change) {
        boolean notify = true;
        ChangeSink currentSink = sink;
        if (currentSink != null) {
            try {
                notify = currentSink.accept(change.kind(), change.oldObject(), change.newObject());
            } catch (RuntimeException e) {
                log.warn("change sink failed on {} {}: {}", change.kind().kind(), change.laneKey().key(),
                        e.getMessage(), e);
                notify = false;
            }
        }
        makeVisible(change);
        if (!notify || listeners.isEmpty()) {
            return;
        }
        for (ChangeListener listener : listeners) {
            try {
                listener.onChange(change.kind(), change.oldObject(), change.newObject());
            } catch (RuntimeException e) {
                log.warn("change listener failed on {} {}: {}", change.kind().kind(), change.laneKey().key(),
                        e.getMessage(), e);
            }
        }
    }

    private void makeVisible(Change change) {
        storeLock.lock();
        try {
            TreeMap<ObjectKey, StoredObject> byKey = visible.get(change.kind());
            StoredObject previous;
            StoredObject current = null;
            if (change.newObject() == null) {
                previous = byKey.remove(change.laneKey().key());
            } else {
                // The applied map may already hold a newer version, but this change's version is the one
                // that was just delivered.
                current = storedVersion(change);
                previous = byKey.put(change.laneKey().key(), current);
            }
            reindex(change.kind(), change.laneKey().key(), previous, current);
        } finally {
            storeLock.unlock();
        }
    }

    /** Moves a key between index entries as its visible object changes from {@code previous} to {@code current}. */
    private void reindex(ResourceKind<?> kind, ObjectKey key, StoredObject previous, StoredObject current) {
        for (ClusterIndex<?> index : ClusterIndex.ALL) {
            if (index.kind() != kind) {
                continue;
            }
            Map<String, TreeSet<ObjectKey>> entries = indexed.get(index);
            if (previous != null) {
                for (String value : index.valuesOf(previous.object())) {
                    TreeSet<ObjectKey> keys = entries.get(value);
                    if (keys != null && keys.remove(key) && keys.isEmpty()) {
                        entries.remove(value);
                    }
                }
            }
            if (current != null) {
                for (String value : index.valuesOf(current.object())) {
                    entries.computeIfAbsent(value, ignored -> new TreeSet<>(KEY_ORDER)).add(key);
                }
            }
        }
    }

    /** Returns the stored wrapper of a change's new object, reusing the applied map's one when it is the same. */
    private StoredObject storedVersion(Change change) {
        StoredObject applied = objects.get(change.kind()).get(change.laneKey().key());
        if (applied != null && applied.object() == change.newObject()) {
            return applied;
        }
        return new StoredObject(change.newObject());
    }

    private void finish(Change change) {
        storeLock.lock();
        try {
            if (change.lane().advance(change.sequence())) {
                lanes.remove(change.laneKey(), change.lane());
            }
        } finally {
            storeLock.unlock();
        }
    }

    // ---- helpers ----

    /** Copies the argument and checks and normalizes what every write needs. */
    private <T extends HasMetadata> T admit(ResourceKind<T> kind, T object) {
        Objects.requireNonNull(object, "object");
        T copy = kind.type().cast(Json.copy(object));
        if (copy.getMetadata() == null) {
            throw new ClusterException.Invalid(kind.kind() + " has no metadata; set metadata.name");
        }
        ObjectMeta metadata = copy.getMetadata();
        if (!kind.namespaced()) {
            metadata.setNamespace(null);
        } else if (isBlank(metadata.getNamespace())) {
            throw new ClusterException.Invalid(kind.kind() + " " + metadata.getName()
                    + " has no metadata.namespace; set the namespace it belongs to");
        }
        if (copy instanceof Secret secret) {
            secret.setApiVersion("v1");
            secret.setKind("Secret");
            mergeStringData(secret);
        }
        return copy;
    }

    /** Moves {@code stringData} into base64 {@code data}, as the API server does on write. */
    private static void mergeStringData(Secret secret) {
        Map<String, String> stringData = secret.getStringData();
        if (stringData == null || stringData.isEmpty()) {
            return;
        }
        Map<String, String> data = secret.getData() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(secret.getData());
        stringData.forEach((key, value) -> data.put(key,
                Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))));
        secret.setData(data);
        secret.setStringData(null);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void copyStatus(HasMetadata from, HasMetadata to) {
        if (from instanceof CertManagerResource source && to instanceof CertManagerResource target) {
            target.setStatus(Json.copy(source.getStatus()));
        }
    }

    private static boolean sameJson(Object left, Object right) {
        return Objects.equals(Json.json().valueToTree(left), Json.json().valueToTree(right));
    }

    private static ObjectKey key(ResourceKind<?> kind, String namespace, String name) {
        return new ObjectKey(kind.namespaced() ? namespace : null, name);
    }

    private static ResourceKind<?> kindOf(HasMetadata object) {
        ResourceKind<?> kind = ResourceKind.of(object);
        if (kind == null) {
            throw new IllegalArgumentException("cannot store a " + object.getClass().getName()
                    + ": it is none of " + ResourceKind.ALL);
        }
        return kind;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isEmpty();
    }

    private static ManagedFieldsEntry entry(String manager, String operation, SecretFieldSet fields, String time) {
        ManagedFieldsEntry entry = new ManagedFieldsEntry();
        entry.setManager(manager);
        entry.setOperation(operation);
        entry.setApiVersion("v1");
        entry.setFieldsType("FieldsV1");
        entry.setFieldsV1(fields.toFieldsV1());
        entry.setTime(time);
        return entry;
    }

    static ManagedFieldsEntry applyEntry(String manager, SecretFieldSet fields, String time) {
        return entry(manager, ManagedFields.OPERATION_APPLY, fields, time);
    }

    private record Change(ResourceKind<?> kind, LaneKey laneKey, DeliveryLane lane, long sequence,
                          HasMetadata oldObject, HasMetadata newObject) {
    }

    private record LaneKey(ResourceKind<?> kind, ObjectKey key) {
    }

    /**
     * The delivery order of one object's changes: sequence numbers are assigned under the store lock in
     * write order, and a change is delivered only after every lower number was.
     */
    private static final class DeliveryLane {
        /** The last assigned sequence number. Guarded by the store lock. */
        private long assigned;
        /** The last delivered sequence number. Guarded by this lane's monitor. */
        private long delivered;

        long assign() {
            return ++assigned;
        }

        synchronized void awaitTurn(long sequence) {
            boolean interrupted = false;
            while (delivered != sequence - 1) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    // Delivery must complete so that later writers of this object are not blocked forever.
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        /** Marks a change delivered; returns true when nothing assigned is left, so the lane can be dropped. */
        synchronized boolean advance(long sequence) {
            delivered = sequence;
            notifyAll();
            return delivered == assigned;
        }
    }

    /**
     * A stored object and its JSON encoding, made on the first copy and reused by later ones, so that a
     * read pays only for decoding. Safe because stored objects are never changed in place: a write stores
     * a new {@code StoredObject}. Decoding JSON is the round trip {@link Json#copy} makes, so the copies are
     * equal to the ones it returns and share nothing with the store.
     */
    private static final class StoredObject {
        private final HasMetadata object;
        private volatile byte[] json;

        StoredObject(HasMetadata object) {
            this.object = object;
        }

        HasMetadata object() {
            return object;
        }

        <T extends HasMetadata> T copy(ResourceKind<T> kind) {
            byte[] encoded = json;
            if (encoded == null) {
                // Two threads may both encode the same object; the results are equal, so either may win.
                encoded = Json.json().writeValueAsBytes(object);
                json = encoded;
            }
            return kind.type().cast(Json.json().readValue(encoded, object.getClass()));
        }
    }

    /** A deleted object whose dependents are being collected. */
    private record Owner(ResourceKind<?> kind, HasMetadata object) {
        boolean controls(HasMetadata candidate) {
            ObjectMeta metadata = candidate.getMetadata();
            if (kind.namespaced() && !Objects.equals(metadata.getNamespace(), object.getMetadata().getNamespace())) {
                return false;
            }
            if (metadata.getOwnerReferences() == null) {
                return false;
            }
            for (OwnerReference reference : metadata.getOwnerReferences()) {
                if (Boolean.TRUE.equals(reference.getController()) && names(reference)) {
                    return true;
                }
            }
            return false;
        }

        private boolean names(OwnerReference reference) {
            if (!isBlank(reference.getUid())) {
                return reference.getUid().equals(object.getMetadata().getUid());
            }
            return kind.kind().equals(reference.getKind()) && object.getMetadata().getName().equals(reference.getName());
        }
    }
}
