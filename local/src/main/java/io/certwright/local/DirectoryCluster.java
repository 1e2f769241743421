package io.certwright.local;

import io.certwright.api.Json;
import io.certwright.core.cluster.ChangeListener;
import io.certwright.core.cluster.ChangeSink;
import io.certwright.core.cluster.Cluster;
import io.certwright.core.cluster.ClusterIndex;
import io.certwright.core.cluster.Event;
import io.certwright.core.cluster.EventRecorder;
import io.certwright.core.cluster.InMemoryCluster;
import io.certwright.core.cluster.ObjectKey;
import io.certwright.core.cluster.ResourceKind;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Cluster} kept in memory and written through to a state directory (see
 * {@link StateLayout}) before each write returns. A process killed at any moment, even by
 * SIGKILL, loses no write that returned, and leaves every Secret either in its old or in its
 * new version, because each object is replaced by one atomic rename.
 *
 * <p>Changes are stored by the in-memory store's {@link ChangeSink}, which receives each
 * object's changes in write order before the write returns, and before reads or listeners
 * can see them; so the file of every object follows the same order as memory, deletions the
 * store cascades (CertificateRequests owned by a deleted Certificate) reach the disk too, and
 * a controller never acts on a state that a crash could take back. Changes of different
 * objects are written concurrently. Thread-safe.
 *
 * <p>A failed disk write is raised by the cluster call that caused it, as one
 * {@link UncheckedIOException} naming the object, its path and the cause, and is not logged
 * here: the caller (the controller engine) logs it once, with its retry.
 */
public final class DirectoryCluster implements Cluster {
    private static final Logger LOG = LoggerFactory.getLogger(DirectoryCluster.class);
    /** Suffix of stored object files that could not be read at start-up, kept for inspection. */
    static final String UNREADABLE_SUFFIX = ".unreadable";

    private final StateLayout layout;
    private final InMemoryCluster memory;
    private final SecretFiles secretFiles;
    private final PersistentEvents events;
    /** Storage failures by object, raised by the write that caused them. */
    private final ConcurrentHashMap<String, RuntimeException> storageFailures = new ConcurrentHashMap<>();
    /**
     * Secrets whose files this store has removed while readers still see them. A deletion becomes visible
     * only after it is on disk, and an entry is removed once listeners are notified of the deletion.
     */
    private final Set<ObjectKey> secretsBeingDeleted = ConcurrentHashMap.newKeySet();
    private volatile boolean loading;

    private DirectoryCluster(StateLayout layout, Clock clock) {
        this.layout = layout;
        this.memory = new InMemoryCluster(clock);
        this.secretFiles = new SecretFiles(layout);
        this.events = new PersistentEvents(layout, clock);
        this.memory.setSink(this::store);
        this.memory.addListener((kind, oldObject, newObject) -> {
            if (kind == ResourceKind.SECRET && newObject == null) {
                secretsBeingDeleted.remove(ObjectKey.of(oldObject));
            }
        });
    }

    /**
     * Opens a state directory, creating it when missing, and loads every stored object. The
     * caller holds the directory's {@link StateLock}.
     */
    public static DirectoryCluster open(StateLayout layout, Clock clock) {
        AtomicFiles.createDirectories(layout.root());
        DirectoryCluster cluster = new DirectoryCluster(layout, clock);
        cluster.loadStoredState();
        return cluster;
    }

    public StateLayout layout() {
        return layout;
    }

    /** Returns the Secret files store, for readers that want paths. */
    public SecretFiles secretFiles() {
        return secretFiles;
    }

    private void loadStoredState() {
        loading = true;
        try {
            int count = 0;
            for (Secret secret : secretFiles.readAllAndCleanUp()) {
                memory.load(secret);
                count++;
            }
            for (ResourceKind<?> kind : ResourceKind.ALL) {
                if (kind != ResourceKind.SECRET) {
                    count += loadObjects(kind);
                }
            }
            events.load();
            LOG.debug("loaded stored state: directory={}, objects={}", layout.root(), count);
        } finally {
            loading = false;
        }
    }

    private <T extends HasMetadata> int loadObjects(ResourceKind<T> kind) {
        Path directory = layout.objects(kind);
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        List<Path> objectFiles;
        try (Stream<Path> files = Files.walk(directory)) {
            objectFiles = files.filter(DirectoryCluster::isObjectFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("listing stored " + kind.kind() + " objects under " + directory + ": "
                    + e.getMessage(), e);
        }
        int loaded = 0;
        for (Path file : objectFiles) {
            try {
                memory.load(Json.yaml().readValue(Files.readAllBytes(file), kind.type()));
                loaded++;
            } catch (IOException | RuntimeException e) {
                setAside(kind, file, e);
            }
        }
        return loaded;
    }

    /**
     * Renames an unreadable stored object file to {@code NAME.yaml.unreadable} and logs why, so that one
     * damaged file does not stop the runtime. The damaged file stays for inspection. Certificates and issuers
     * come back from the manifest directory, and requests, Orders and Challenges from their owners, but the
     * status in the damaged file is gone.
     */
    private static void setAside(ResourceKind<?> kind, Path file, Exception cause) {
        Path aside = file.resolveSibling(file.getFileName() + UNREADABLE_SUFFIX);
        String reason = FailureReasons.firstLine(cause.getMessage());
        try {
            AtomicFiles.move(file, aside);
            LOG.warn("stored {} file {} cannot be read ({}); renamed it to {} and continue without it: Certwright"
                    + " recreates the object from its manifest or its owner. Delete the renamed file once inspected",
                    kind.kind(), file, reason, aside.getFileName());
        } catch (IOException e) {
            throw new IllegalStateException("stored " + kind.kind() + " file " + file + " cannot be read (" + reason
                    + ") and renaming it failed: " + e.getMessage() + "; delete the file to let Certwright recreate"
                    + " the object", cause);
        }
    }

    private static boolean isObjectFile(Path path) {
        String name = path.getFileName().toString();
        if (name.startsWith(".") && name.endsWith(".tmp")) {
            // Left by a write that a crash interrupted before its rename; the old file is intact.
            AtomicFiles.deleteQuietly(path);
            return false;
        }
        return name.endsWith(".yaml") && Files.isRegularFile(path);
    }

    @Override
    public <T extends HasMetadata> Optional<T> get(ResourceKind<T> kind, String namespace, String name) {
        return memory.get(kind, namespace, name);
    }

    @Override
    public <T extends HasMetadata> List<T> list(ResourceKind<T> kind, String namespace) {
        return memory.list(kind, namespace);
    }

    @Override
    public <T extends HasMetadata> List<T> listMatching(ResourceKind<T> kind, String namespace,
                                                        Predicate<? super T> filter) {
        return memory.listMatching(kind, namespace, filter);
    }

    @Override
    public <T extends HasMetadata> List<T> listIndexed(ClusterIndex<T> index, String namespace, String value) {
        return memory.listIndexed(index, namespace, value);
    }

    @Override
    public <T extends HasMetadata> void forEachShared(ResourceKind<T> kind, String namespace,
                                                      Consumer<? super T> reader) {
        memory.forEachShared(kind, namespace, reader);
    }

    @Override
    public <T extends HasMetadata> T create(ResourceKind<T> kind, T object) {
        return checkStored(kind, memory.create(kind, object));
    }

    @Override
    public <T extends HasMetadata> T update(ResourceKind<T> kind, T object) {
        return checkStored(kind, memory.update(kind, object));
    }

    @Override
    public <T extends HasMetadata> T updateStatus(ResourceKind<T> kind, T object) {
        return checkStored(kind, memory.updateStatus(kind, object));
    }

    @Override
    public Secret applySecret(Secret desired, String fieldManager) {
        return checkStored(ResourceKind.SECRET, memory.applySecret(desired, fieldManager));
    }

    @Override
    public <T extends HasMetadata> void delete(ResourceKind<T> kind, String namespace, String name) {
        memory.delete(kind, namespace, name);
        RuntimeException failure = storageFailures.remove(objectKey(kind, kind.namespaced() ? namespace : null, name));
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public void addListener(ChangeListener listener) {
        memory.addListener(listener);
    }

    @Override
    public EventRecorder events(String source) {
        return events.recorder(source);
    }

    @Override
    public List<Event> eventsFor(ResourceKind<?> kind, String namespace, String name) {
        return events.eventsFor(kind.kind(), kind.namespaced() ? namespace : null, name);
    }

    /** Raises the storage failure of the write that returned {@code stored}, if there was one. */
    private <T extends HasMetadata> T checkStored(ResourceKind<T> kind, T stored) {
        RuntimeException failure = storageFailures.remove(objectKey(kind, stored.getMetadata().getNamespace(),
                stored.getMetadata().getName()));
        if (failure != null) {
            throw failure;
        }
        return stored;
    }

    /**
     * Writes one change to disk. A failure is kept for the write that caused it to raise, and its
     * listeners are not notified, since the change is not stored.
     */
    private boolean store(ResourceKind<?> kind, HasMetadata oldObject, HasMetadata newObject) {
        if (loading) {
            return true;
        }
        HasMetadata object = newObject != null ? newObject : oldObject;
        String namespace = object.getMetadata().getNamespace();
        String name = object.getMetadata().getName();
        try {
            if (newObject != null) {
                persist(kind, newObject);
            } else {
                remove(kind, namespace, name);
            }
            return true;
        } catch (RuntimeException e) {
            storageFailures.put(objectKey(kind, namespace, name), e);
            return false;
        }
    }

    private void persist(ResourceKind<?> kind, HasMetadata stored) {
        String namespace = stored.getMetadata().getNamespace();
        String name = stored.getMetadata().getName();
        Path path = pathOf(kind, namespace, name);
        try {
            if (kind == ResourceKind.SECRET) {
                secretFiles.write((Secret) stored);
            } else {
                AtomicFiles.write(path, Json.yaml().writeValueAsBytes(stored), AtomicFiles.PUBLIC_FILE);
            }
        } catch (UncheckedIOException e) {
            throw storageFailure("writing", kind, namespace, name, "to " + path, e.getCause());
        }
    }

    private void remove(ResourceKind<?> kind, String namespace, String name) {
        Path path = pathOf(kind, namespace, name);
        try {
            if (kind == ResourceKind.SECRET) {
                secretsBeingDeleted.add(new ObjectKey(namespace, name));
                deleteSecretFiles(namespace, name);
            } else if (Files.deleteIfExists(path)) {
                AtomicFiles.syncDirectory(path.getParent());
            }
        } catch (UncheckedIOException e) {
            throw storageFailure("deleting", kind, namespace, name, "at " + path, e.getCause());
        } catch (IOException e) {
            throw storageFailure("deleting", kind, namespace, name, "at " + path, e);
        }
        events.deleteFor(kind.kind(), namespace, name);
    }

    /** Deletes a Secret's files; on failure the Secret stays visible, so it is no longer being deleted. */
    private void deleteSecretFiles(String namespace, String name) {
        try {
            secretFiles.delete(namespace, name);
        } catch (RuntimeException e) {
            secretsBeingDeleted.remove(new ObjectKey(namespace, name));
            throw e;
        }
    }

    /**
     * Returns whether this store has removed the Secret's files for a deletion that readers do not see yet.
     * A Secret missing from disk is then not damaged: its deletion is being delivered.
     */
    boolean isSecretBeingDeleted(ObjectKey key) {
        return secretsBeingDeleted.contains(key);
    }

    /**
     * Returns the path an object is stored at.
     *
     * @throws StateLayout.PathOutsideStateException when its namespace or name would lead outside the state directory
     */
    private Path pathOf(ResourceKind<?> kind, String namespace, String name) {
        return kind == ResourceKind.SECRET ? secretFiles.path(namespace, name) : layout.object(kind, namespace, name);
    }

    /**
     * Returns the one exception a failed disk write raises, such as {@code writing Secret demo/web-tls
     * to /state/secrets/demo/web-tls failed: No space left on device; free space or move --state}.
     */
    static UncheckedIOException storageFailure(String action, ResourceKind<?> kind, String namespace, String name,
            String location, IOException cause) {
        String object = kind.kind() + " " + (namespace == null ? "" : namespace + "/") + name;
        String reason = FailureReasons.reasonOf(cause);
        return new UncheckedIOException(action + " " + object + " " + location + " failed: " + reason + "; "
                + fixFor(cause, reason), cause);
    }

    private static String fixFor(IOException cause, String reason) {
        if (reason.contains("No space left on device") || reason.contains("Disk quota exceeded")) {
            return "free space or move --state";
        }
        if (cause instanceof AccessDeniedException || reason.contains("Permission denied")
                || reason.contains("Read-only file system")) {
            return "make the state directory writable by this user or move --state";
        }
        return "check that the state directory is a writable directory or move --state";
    }

    private static String objectKey(ResourceKind<?> kind, String namespace, String name) {
        return kind.kind() + "|" + namespace + "|" + name;
    }
}
