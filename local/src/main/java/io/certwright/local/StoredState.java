package io.certwright.local;

import io.certwright.api.Json;
import io.certwright.api.model.Certificate;
import io.certwright.api.model.CertificateRequest;
import io.certwright.core.cluster.Event;
import io.certwright.core.cluster.ResourceKind;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Read-only view of a state directory for commands such as {@code certwright status}. Needs
 * no lock: every file it reads was replaced by an atomic rename, so it sees a whole version
 * of each object, though different objects may be from different moments.
 */
public final class StoredState {
    private final StateLayout layout;
    private final SecretFiles secrets;

    public StoredState(StateLayout layout) {
        this.layout = layout;
        this.secrets = new SecretFiles(layout);
    }

    public StateLayout layout() {
        return layout;
    }

    /** Returns whether the state directory exists at all. */
    public boolean exists() {
        return Files.isDirectory(layout.root());
    }

    public <T extends HasMetadata> Optional<T> get(ResourceKind<T> kind, String namespace, String name) {
        if (kind == ResourceKind.SECRET) {
            return secret(namespace, name).map(kind.type()::cast);
        }
        Path file = layout.object(kind, kind.namespaced() ? namespace : null, name);
        try {
            return Optional.of(Json.yaml().readValue(Files.readAllBytes(file), kind.type()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file + ": " + e.getMessage(), e);
        }
    }

    /** Lists stored objects of a kind other than Secret in one namespace, or in all when {@code namespace} is null. */
    public <T extends HasMetadata> List<T> list(ResourceKind<T> kind, String namespace) {
        Path directory = namespace != null && kind.namespaced() ? layout.objects(kind, namespace)
                : layout.objects(kind);
        List<T> objects = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return objects;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : (Iterable<Path>) files.filter(StoredState::isObjectFile).sorted()::iterator) {
                objects.add(Json.yaml().readValue(Files.readAllBytes(file), kind.type()));
            }
        } catch (NoSuchFileException e) {
            // Deleted while listing.
        } catch (IOException e) {
            throw new UncheckedIOException("listing " + directory + ": " + e.getMessage(), e);
        }
        return objects;
    }

    public Optional<Secret> secret(String namespace, String name) {
        // Checks the path before SecretFiles resolves the same one.
        layout.secret(namespace, name);
        return Optional.ofNullable(secrets.read(namespace, name));
    }

    /** Returns the path of a Secret's symlink, for messages that name the files a user can inspect. */
    public Path secretPath(String namespace, String name) {
        return layout.secret(namespace, name);
    }

    /** Lists the CertificateRequests owned by a Certificate, newest first. */
    public List<CertificateRequest> requestsOwnedBy(Certificate certificate) {
        String uid = certificate.getMetadata().getUid();
        List<CertificateRequest> owned = new ArrayList<>();
        for (CertificateRequest request : list(ResourceKind.CERTIFICATE_REQUEST, certificate.getMetadata().getNamespace())) {
            boolean ownedBy = request.getMetadata().getOwnerReferences() != null && request.getMetadata()
                    .getOwnerReferences().stream().anyMatch(reference -> reference.getUid().equals(uid));
            if (ownedBy) {
                owned.add(request);
            }
        }
        owned.sort(Comparator.comparing((CertificateRequest request) -> String.valueOf(
                request.getMetadata().getCreationTimestamp())).reversed());
        return owned;
    }

    /**
     * Returns the stored events about an object, oldest first. A file that cannot be read gives no events
     * instead of failing the command, because events are history only. The runtime replaces the file with
     * the object's next event.
     */
    public List<Event> events(String kind, String namespace, String name) {
        Path file = layout.events(kind, namespace, name);
        try {
            return PersistentEvents.readFile(file).events();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static boolean isObjectFile(Path path) {
        String name = path.getFileName().toString();
        return !name.startsWith(".") && name.endsWith(".yaml") && Files.isRegularFile(path);
    }
}
