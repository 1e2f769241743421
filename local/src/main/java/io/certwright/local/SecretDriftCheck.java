package io.certwright.local;

import io.certwright.api.Json;
import io.certwright.core.cluster.ChangeListener;
import io.certwright.core.cluster.Cluster;
import io.certwright.core.cluster.ClusterException;
import io.certwright.core.cluster.ObjectKey;
import io.certwright.core.cluster.ResourceKind;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds Secrets whose files were changed or removed behind the runtime's back, such as a key
 * copied over {@code tls.key} or a deleted Secret symlink, and loads what is on disk into the
 * store as if a user had edited the Secret. The controllers then see what the files contain
 * (MissingData, InvalidKeyPair, DoesNotExist) and re-issue, as they would in Kubernetes after
 * {@code kubectl edit secret}.
 *
 * <p>A Secret is compared only when its stored version is known to be on disk, that is after
 * the store reported its write as persisted; otherwise a write still in progress would look like
 * a change on disk and be reverted. The store is read again after the files, and the update
 * carries the resourceVersion read first, so a controller write in between wins and the check
 * waits for the next round. Thread-safe.
 */
final class SecretDriftCheck implements ChangeListener {
    /**
     * Period of the check in the running mode. Each round reads every Secret's files; thirty
     * seconds keeps that cost negligible for thousands of Secrets while a damaged Secret is still
     * repaired long before a client usually reloads its certificate.
     */
    static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(SecretDriftCheck.class);

    /** Reads one Secret's current files; returns null when the Secret is not on disk. */
    interface SecretReader {
        Secret read(String namespace, String name);
    }

    private final Cluster cluster;
    private final SecretReader disk;
    private final Predicate<ObjectKey> beingDeleted;
    /** resourceVersion of each Secret's version last reported as written to disk. */
    private final Map<ObjectKey, String> persisted = new ConcurrentHashMap<>();

    /**
     * Creates the check and registers it for change notifications. Call it right after the store
     * was loaded from disk, before anything writes, so that every loaded Secret counts as persisted.
     *
     * @param cluster a store that notifies listeners only after a write reached the disk
     * @param beingDeleted whether the store has removed a Secret's files for a deletion readers do not see yet
     */
    SecretDriftCheck(Cluster cluster, SecretReader disk, Predicate<ObjectKey> beingDeleted) {
        this.cluster = cluster;
        this.disk = disk;
        this.beingDeleted = beingDeleted;
        for (Secret secret : cluster.list(ResourceKind.SECRET, null)) {
            persisted.put(ObjectKey.of(secret), secret.getMetadata().getResourceVersion());
        }
        cluster.addListener(this);
    }

    @Override
    public void onChange(ResourceKind<?> kind, HasMetadata oldObject, HasMetadata newObject) {
        if (kind != ResourceKind.SECRET) {
            return;
        }
        if (newObject == null) {
            persisted.remove(ObjectKey.of(oldObject));
        } else {
            persisted.put(ObjectKey.of(newObject), newObject.getMetadata().getResourceVersion());
        }
    }

    /**
     * Compares every stored Secret with its files and loads each one that differs.
     *
     * @return how many Secrets were loaded from disk
     */
    int run() {
        int loaded = 0;
        for (Secret stored : cluster.list(ResourceKind.SECRET, null)) {
            try {
                if (check(stored)) {
                    loaded++;
                }
            } catch (ClusterException.Conflict e) {
                LOG.debug("Secret {} changed while it was compared with its files; checking it next round",
                        ObjectKey.of(stored));
            } catch (RuntimeException e) {
                LOG.warn("comparing Secret {} with its files failed: {}", ObjectKey.of(stored), e.getMessage());
            }
        }
        return loaded;
    }

    private boolean check(Secret stored) {
        ObjectKey key = ObjectKey.of(stored);
        String version = stored.getMetadata().getResourceVersion();
        if (!Objects.equals(version, persisted.get(key))) {
            return false;
        }
        Secret onDisk;
        try {
            onDisk = disk.read(key.namespace(), key.name());
        } catch (UncheckedIOException e) {
            LOG.warn("Secret {} cannot be read from disk, leaving it as stored: {}", key, e.getMessage());
            return false;
        }
        if (onDisk != null && Objects.equals(dataOf(stored), dataOf(onDisk))) {
            return false;
        }
        if (!unchangedSince(key, version)) {
            return false;
        }
        if (onDisk == null && beingDeleted.test(key)) {
            return false;
        }
        if (onDisk == null) {
            LOG.warn("Secret {} was removed from disk; removing it from the store so that its Certificate is"
                    + " issued again", key);
            cluster.delete(ResourceKind.SECRET, key.namespace(), key.name());
            return true;
        }
        LOG.warn("Secret {} was changed on disk (keys {}); loading the files as an edit of the Secret", key,
                changedKeys(dataOf(stored), dataOf(onDisk)));
        Secret edited = Json.copy(stored);
        edited.setData(onDisk.getData());
        cluster.update(ResourceKind.SECRET, edited);
        return true;
    }

    /** Returns whether the store still holds {@code version} and reported it as persisted. */
    private boolean unchangedSince(ObjectKey key, String version) {
        String current = cluster.get(ResourceKind.SECRET, key.namespace(), key.name())
                .map(secret -> secret.getMetadata().getResourceVersion()).orElse(null);
        return Objects.equals(version, current) && Objects.equals(version, persisted.get(key));
    }

    private static Map<String, String> dataOf(Secret secret) {
        return secret.getData() == null ? Map.of() : secret.getData();
    }

    private static TreeSet<String> changedKeys(Map<String, String> stored, Map<String, String> onDisk) {
        TreeSet<String> keys = new TreeSet<>();
        keys.addAll(stored.keySet());
        keys.addAll(onDisk.keySet());
        keys.removeIf(dataKey -> Objects.equals(stored.get(dataKey), onDisk.get(dataKey)));
        return keys;
    }
}
