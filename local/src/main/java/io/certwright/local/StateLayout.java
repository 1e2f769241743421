package io.certwright.local;

import io.certwright.core.cluster.ResourceKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Layout of the local runtime's state directory. Every path is below it:
 * <pre>
 * lock                                        PID of the process holding the directory
 * secrets/NAMESPACE/NAME/DATA-KEY             Secrets as files, see {@link SecretFiles}
 * unreadable/secrets/NAMESPACE/NAME.ID/       Secret versions set aside because they could not be read
 * status/certificates/NAMESPACE/NAME.yaml     Certificates with their status
 * status/issuers/NAMESPACE/NAME.yaml          Issuers with their status
 * status/clusterissuers/NAME.yaml             ClusterIssuers with their status
 * certificaterequests/NAMESPACE/NAME.yaml     CertificateRequests, whole
 * orders/NAMESPACE/NAME.yaml                  ACME Orders, whole
 * challenges/NAMESPACE/NAME.yaml              ACME Challenges, whole
 * events/KIND/[NAMESPACE/]NAME.yaml           events per object
 * requests/ID.yaml                            renewal requests from {@code certwright renew}
 * manifests.yaml                              which stored Secrets came from manifests
 * problems.yaml                               manifest problems of the latest load
 * </pre>
 *
 * <p>Every method that turns a namespace or name into a path checks that the normalized result
 * stays inside the directory meant for it, and raises {@link PathOutsideStateException} otherwise.
 * Manifest validation already rejects names such as {@code ../x}; this check keeps a name that
 * slips past validation (an old stored object, a future code path) from writing outside the state
 * directory.
 */
public record StateLayout(Path root) {
    /** Name of the default state directory inside the manifest directory. */
    public static final String DEFAULT_DIRECTORY_NAME = ".certwright";

    public StateLayout {
        root = root.toAbsolutePath().normalize();
    }

    /** Returns the state directory a command uses: {@code state} when given, else {@code DIR/.certwright}. */
    public static StateLayout resolve(Path manifestDirectory, Path state) {
        return new StateLayout(state != null ? state : manifestDirectory.resolve(DEFAULT_DIRECTORY_NAME));
    }

    /**
     * Checks that the state directory is a directory or absent.
     *
     * @throws IllegalArgumentException when a file is in its place
     */
    public void checkNotAFile() {
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw new IllegalArgumentException("state directory " + root + " is a file, not a directory; pass"
                    + " --state a directory path (it is created when missing), or move the file away");
        }
    }

    public Path secrets() {
        return root.resolve("secrets");
    }

    /** Returns the directory that keeps stored Secret versions that could not be read, for inspection. */
    public Path unreadableSecrets() {
        return root.resolve("unreadable").resolve("secrets");
    }

    public Path requests() {
        return root.resolve("requests");
    }

    public Path manifestIndex() {
        return root.resolve("manifests.yaml");
    }

    /** Returns the file listing the manifest problems found by the latest load, for {@code certwright status}. */
    public Path problems() {
        return root.resolve("problems.yaml");
    }

    /**
     * Returns the symlink path of one stored Secret, {@code secrets/NAMESPACE/NAME}.
     *
     * @throws PathOutsideStateException when the namespace or name would lead outside {@code secrets/}
     */
    public Path secret(String namespace, String name) {
        return inside(secrets(), secrets().resolve(namespace).resolve(name), 2, "Secret " + namespace + "/" + name);
    }

    /**
     * Returns the directory holding stored objects of a kind other than Secret. Kinds that only controllers
     * create (CertificateRequests, Orders, Challenges) are stored whole at the top; kinds that come from
     * manifests are stored under {@code status/}.
     */
    public Path objects(ResourceKind<?> kind) {
        String plural = plural(kind);
        if (kind == ResourceKind.CERTIFICATE_REQUEST || kind == ResourceKind.ORDER || kind == ResourceKind.CHALLENGE) {
            return root.resolve(plural);
        }
        return root.resolve("status").resolve(plural);
    }

    /**
     * Returns the directory of one namespace's stored objects of a kind other than Secret.
     *
     * @throws PathOutsideStateException when the namespace would lead outside the kind's directory
     */
    public Path objects(ResourceKind<?> kind, String namespace) {
        Path directory = objects(kind);
        return inside(directory, directory.resolve(namespace), 1, kind.kind() + " namespace " + namespace);
    }

    /**
     * Returns the file of one stored object of a kind other than Secret.
     *
     * @throws PathOutsideStateException when the namespace or name would lead outside the kind's directory
     */
    public Path object(ResourceKind<?> kind, String namespace, String name) {
        Path directory = objects(kind);
        Path file = (namespace == null ? directory : directory.resolve(namespace)).resolve(name + ".yaml");
        return inside(directory, file, namespace == null ? 1 : 2, describe(kind.kind(), namespace, name));
    }

    /**
     * Returns the file holding the events about one object.
     *
     * @throws PathOutsideStateException when the namespace or name would lead outside the kind's events directory
     */
    public Path events(String kind, String namespace, String name) {
        Path directory = root.resolve("events").resolve(kind.toLowerCase(Locale.ROOT) + "s");
        Path file = (namespace == null ? directory : directory.resolve(namespace)).resolve(name + ".yaml");
        return inside(directory, file, namespace == null ? 1 : 2, "events of " + describe(kind, namespace, name));
    }

    public Path eventsRoot() {
        return root.resolve("events");
    }

    static String plural(ResourceKind<?> kind) {
        return kind.kind().toLowerCase(Locale.ROOT) + "s";
    }

    /**
     * Returns {@code path} normalized, after checking that it lies exactly {@code depth} levels
     * below {@code directory}, itself below the root. A namespace or name containing {@code ..}
     * or {@code /} would otherwise let an object overwrite the files of other objects, or files
     * outside the state directory.
     */
    private Path inside(Path directory, Path path, int depth, String object) {
        Path normalized = path.normalize();
        Path base = directory.normalize();
        if (!normalized.startsWith(base) || !normalized.startsWith(root)
                || normalized.getNameCount() != base.getNameCount() + depth) {
            throw new PathOutsideStateException(object, normalized, base);
        }
        return normalized;
    }

    private static String describe(String kind, String namespace, String name) {
        return kind + " " + (namespace == null ? "" : namespace + "/") + name;
    }

    /** Raised when an object's namespace or name would place its file outside the directory meant for it. */
    public static final class PathOutsideStateException extends IllegalArgumentException {
        private final transient Path path;

        PathOutsideStateException(String object, Path path, Path directory) {
            super(object + " would be stored at " + path + ", outside " + directory + "; a namespace or name must"
                    + " not contain '/' or be '..'. Rename the object in its manifest.");
            this.path = path;
        }

        /** Returns the normalized path the object would have been stored at. */
        public Path path() {
            return path;
        }
    }
}
