package io.certwright.local;

import io.certwright.core.cluster.ResourceKind;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Layout of the local runtime's state directory. Every path is below it:
 * <pre>
 * lock                                        PID of the process holding the directory
 * secrets/NAMESPACE/NAME/DATA-KEY             Secrets as files, see {@link SecretFiles}
 * status/certificates/NAMESPACE/NAME.yaml     Certificates with their status
 * status/issuers/NAMESPACE/NAME.yaml          Issuers with their status
 * status/clusterissuers/NAME.yaml             ClusterIssuers with their status
 * certificaterequests/NAMESPACE/NAME.yaml     CertificateRequests, whole
 * events/KIND/[NAMESPACE/]NAME.yaml           events per object
 * requests/ID.yaml                            renewal requests from {@code certwright renew}
 * manifests.yaml                              which stored Secrets came from manifests
 * </pre>
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

    public Path secrets() {
        return root.resolve("secrets");
    }

    public Path requests() {
        return root.resolve("requests");
    }

    public Path manifestIndex() {
        return root.resolve("manifests.yaml");
    }

    /** Returns the directory holding stored objects of a kind other than Secret. */
    public Path objects(ResourceKind<?> kind) {
        String plural = plural(kind);
        if (kind == ResourceKind.CERTIFICATE_REQUEST) {
            return root.resolve(plural);
        }
        return root.resolve("status").resolve(plural);
    }

    /** Returns the file of one stored object of a kind other than Secret. */
    public Path object(ResourceKind<?> kind, String namespace, String name) {
        Path directory = objects(kind);
        return (namespace == null ? directory : directory.resolve(namespace)).resolve(name + ".yaml");
    }

    /** Returns the file holding the events about one object. */
    public Path events(String kind, String namespace, String name) {
        Path directory = root.resolve("events").resolve(kind.toLowerCase(Locale.ROOT) + "s");
        return (namespace == null ? directory : directory.resolve(namespace)).resolve(name + ".yaml");
    }

    public Path eventsRoot() {
        return root.resolve("events");
    }

    static String plural(ResourceKind<?> kind) {
        return kind.kind().toLowerCase(Locale.ROOT) + "s";
    }
}
