package io.certwright.local;

import io.certwright.api.Json;
import io.fabric8.kubernetes.api.model.Secret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores Secrets as plain files that other programs (web servers, proxies) read directly.
 *
 * <p>Layout under the {@code secrets} directory, one directory per namespace:
 * <pre>
 * web-tls -&gt; ..web-tls.7f3a91c2          (symlink, switched atomically)
 * ..web-tls.7f3a91c2/tls.crt              (0644, as is ca.crt)
 * ..web-tls.7f3a91c2/tls.key              (0600, as is every other data key)
 * ..web-tls.7f3a91c2/..certwright/secret.yaml   (type and metadata, no data)
 * </pre>
 * A new version is written completely into a fresh hidden directory, then a temporary
 * symlink to it is renamed over {@code web-tls}, the same technique the kubelet uses for
 * {@code ..data}. A reader that resolves {@code web-tls} once and opens every file through
 * the resolved path sees one version of the Secret, so never a key next to a certificate it
 * does not match; after a switch it may find the old directory gone and must resolve again.
 * Names beginning with {@code ..} cannot collide with Secret names or data keys, which
 * Kubernetes forbids from starting with {@code ..}.
 *
 * <p>Every path goes through {@link StateLayout#secret}, so a namespace or name such as
 * {@code ../../x} raises {@link StateLayout.PathOutsideStateException} before any file is touched.
 *
 * <p>Not thread-safe for one Secret: callers serialize writes of the same namespace/name.
 */
public final class SecretFiles {
    /** Hidden subdirectory of a Secret version that contains the metadata sidecar. */
    static final String METADATA_DIRECTORY = "..certwright";
    static final String METADATA_FILE = "secret.yaml";

    private static final Logger LOG = LoggerFactory.getLogger(SecretFiles.class);

    private final StateLayout layout;

    /** Stores Secrets in the {@code secrets} directory of a state directory. */
    public SecretFiles(StateLayout layout) {
        this.layout = layout;
    }


    /**
     * Returns the path of the symlink that always points at the current version of a Secret.
     *
     * @throws StateLayout.PathOutsideStateException when the namespace or name would lead outside the secrets directory
     */
    public Path path(String namespace, String name) {
        return layout.secret(namespace, name);
    }

    /**
     * Returns the permissions of a data file: owner read and write only, except for
     * {@code tls.crt} and {@code ca.crt}, which hold only public certificates and are readable
     * by everyone. Any other key may hold a secret, such as the {@code password} of an Opaque Secret.
     */
    public static Set<PosixFilePermission> permissionsOf(String dataKey) {
        boolean certificate = dataKey.equals("tls.crt") || dataKey.equals("ca.crt");
        return certificate ? AtomicFiles.PUBLIC_FILE : AtomicFiles.PRIVATE_FILE;
    }

    /**
     * Writes a Secret's current version and switches to it atomically; the old version is then deleted.
     *
     * @throws StateLayout.PathOutsideStateException when the namespace or name would lead outside the secrets directory
     * @throws UncheckedIOException when a file cannot be written
     */
    public void write(Secret secret) {
        String namespace = secret.getMetadata().getNamespace();
        String name = secret.getMetadata().getName();
        Path link = path(namespace, name);
        Path namespaceDirectory = link.getParent();
        AtomicFiles.createDirectories(namespaceDirectory);
        String versionName = ".." + name + "." + UUID.randomUUID().toString().substring(0, 8);
        Path version = namespaceDirectory.resolve(versionName);
        Path temporaryLink = namespaceDirectory.resolve(".." + name + ".link-" + UUID.randomUUID() + ".tmp");
        try {
            Path previous = currentVersion(link);
            writeVersion(version, secret);
            Files.createSymbolicLink(temporaryLink, Path.of(versionName));
            AtomicFiles.move(temporaryLink, link);
            AtomicFiles.syncDirectory(namespaceDirectory);
            if (previous != null) {
                AtomicFiles.deleteRecursively(previous);
            }
        } catch (IOException e) {
            AtomicFiles.deleteQuietly(temporaryLink);
            throw new UncheckedIOException("writing Secret " + namespace + "/" + name + " to " + link + " failed: "
                    + e.getMessage(), e);
        }
    }

    /**
     * Deletes a Secret's symlink, then its files; does nothing when it is absent.
     *
     * @throws StateLayout.PathOutsideStateException when the namespace or name would lead outside the secrets directory
     */
    public void delete(String namespace, String name) {
        Path link = path(namespace, name);
        try {
            Path previous = currentVersion(link);
            Files.deleteIfExists(link);
            AtomicFiles.syncDirectory(link.getParent());
            if (previous != null) {
                AtomicFiles.deleteRecursively(previous);
            }
        } catch (NoSuchFileException e) {
            // The namespace directory does not exist, so neither does the Secret.
        } catch (IOException e) {
            throw new UncheckedIOException("deleting Secret " + namespace + "/" + name + " at " + link + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Reads every stored Secret and removes what an interrupted write left behind: version
     * directories no symlink points at, and temporary symlinks.
     */
    public List<Secret> readAllAndCleanUp() {
        List<Secret> secrets = new ArrayList<>();
        Path root = layout.secrets();
        if (!Files.isDirectory(root)) {
            return secrets;
        }
        try (DirectoryStream<Path> namespaces = Files.newDirectoryStream(root)) {
            for (Path namespaceDirectory : namespaces) {
                if (Files.isDirectory(namespaceDirectory, LinkOption.NOFOLLOW_LINKS)) {
                    secrets.addAll(readNamespace(namespaceDirectory));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading Secrets under " + root + ": " + e.getMessage(), e);
        }
        return secrets;
    }

    /**
     * Reads one Secret through its symlink, or returns null when it is not stored.
     *
     * @throws StateLayout.PathOutsideStateException when the namespace or name would lead outside the secrets directory
     */
    public Secret read(String namespace, String name) {
        Path link = path(namespace, name);
        try {
            Path version = currentVersion(link);
            return version == null ? null : readVersion(version);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("reading Secret " + namespace + "/" + name + " at " + link + ": "
                    + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("stored Secret " + namespace + "/" + name + " at " + link
                    + " cannot be read (" + FailureReasons.describe(e) + "); the local runtime moves it aside and"
                    + " issues it again at its next start", e);
        }
    }

    private List<Secret> readNamespace(Path namespaceDirectory) throws IOException {
        List<Secret> secrets = new ArrayList<>();
        Set<Path> referenced = new HashSet<>();
        List<Path> hidden = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(namespaceDirectory)) {
            for (Path entry : entries) {
                String fileName = entry.getFileName().toString();
                if (fileName.startsWith(".")) {
                    hidden.add(entry);
                    continue;
                }
                Path version = currentVersion(entry);
                if (version == null) {
                    continue;
                }
                if (!Files.isDirectory(version)) {
                    LOG.warn("skipping Secret whose symlink points at no directory: path={}, target={}", entry,
                            version);
                    continue;
                }
                try {
                    secrets.add(readVersion(version));
                    referenced.add(version.toRealPath());
                } catch (IOException | RuntimeException e) {
                    setAsideOrSkip(namespaceDirectory, entry, version, e);
                }
            }
        }
        for (Path entry : hidden) {
            if (!Files.exists(entry, LinkOption.NOFOLLOW_LINKS)) {
                // A version set aside above.
                continue;
            }
            boolean isLink = Files.isSymbolicLink(entry);
            if (isLink || !referenced.contains(entry.toRealPath())) {
                LOG.debug("removing left-over file of an interrupted Secret write: path={}", entry);
                AtomicFiles.deleteRecursively(entry);
            }
        }
        return secrets;
    }

    /**
     * Sets aside a Secret version that cannot be read when it is one this store wrote (a {@code ..NAME.ID}
     * directory beside its symlink). Anything else a hand-made symlink points at is left alone and skipped.
     */
    private void setAsideOrSkip(Path namespaceDirectory, Path link, Path version, Exception cause) throws IOException {
        String versionName = version.getFileName().toString();
        if (!versionName.startsWith("..") || !namespaceDirectory.equals(version.getParent())) {
            LOG.warn("skipping stored Secret {}/{}: {} cannot be read ({}); point the symlink at a readable version"
                    + " or delete it", namespaceDirectory.getFileName(), link.getFileName(), version,
                    FailureReasons.describe(cause));
            return;
        }
        setAside(namespaceDirectory.getFileName().toString(), link, version, cause);
    }

    /**
     * Moves a Secret version that cannot be read to {@link StateLayout#unreadableSecrets} and removes its
     * symlink, so that its key and certificate are kept for inspection instead of being deleted as left-overs,
     * and the Secret is issued again from its Certificate.
     */
    private void setAside(String namespace, Path link, Path version, Exception cause) throws IOException {
        Path aside = layout.unreadableSecrets().resolve(namespace)
                .resolve(version.getFileName().toString().substring(2));
        AtomicFiles.createDirectories(aside.getParent());
        AtomicFiles.move(version, aside);
        Files.delete(link);
        AtomicFiles.syncDirectory(link.getParent());
        LOG.warn("stored Secret {}/{} cannot be read ({}); moved its files to {} and continue without it:"
                + " Certwright issues the Secret again from its Certificate. Delete the moved files once inspected",
                namespace, link.getFileName(), FailureReasons.describe(cause), aside);
    }

    /** Returns the version directory a symlink points at, or null when the link is missing. */
    private static Path currentVersion(Path link) throws IOException {
        if (!Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        if (!Files.isSymbolicLink(link)) {
            throw new IOException(link + " is not a symlink; remove it so that the Secret can be written");
        }
        return link.resolveSibling(Files.readSymbolicLink(link));
    }

    /**
     * Writes every file of a version, then fsyncs them all and the directories that name them. Writing all
     * before the first fsync lets the file system flush them in one journal commit where it can, so the later
     * fsyncs find little left to do. With an fsync right after each file, {@code bench/scale --runtime local
     * --count 10000} took 175 s on a 2-core VM, and 105 s in this order.
     */
    private static void writeVersion(Path version, Secret secret) throws IOException {
        AtomicFiles.createDirectories(version);
        List<Path> written = new ArrayList<>();
        Map<String, String> data = secret.getData() == null ? Map.of() : secret.getData();
        for (Map.Entry<String, String> entry : data.entrySet()) {
            String key = entry.getKey();
            if (key.startsWith("..") || key.contains("/") || key.isEmpty()) {
                throw new IOException("data key \"" + key + "\" is not a valid Secret key");
            }
            byte[] bytes = entry.getValue() == null ? new byte[0] : Base64.getDecoder().decode(entry.getValue());
            Path file = version.resolve(key);
            AtomicFiles.writeNew(file, bytes, permissionsOf(key));
            written.add(file);
        }
        Path metadataDirectory = version.resolve(METADATA_DIRECTORY);
        AtomicFiles.createDirectories(metadataDirectory);
        Path sidecarFile = metadataDirectory.resolve(METADATA_FILE);
        AtomicFiles.writeNew(sidecarFile, Json.yaml().writeValueAsBytes(sidecar(secret)), AtomicFiles.PRIVATE_FILE);
        written.add(sidecarFile);
        for (Path file : written) {
            AtomicFiles.force(file);
        }
        AtomicFiles.syncDirectory(metadataDirectory);
        AtomicFiles.syncDirectory(version);
    }

    private static Secret sidecar(Secret secret) {
        Secret metadataOnly = Json.copy(secret);
        metadataOnly.setData(null);
        metadataOnly.setStringData(null);
        return metadataOnly;
    }

    private static Secret readVersion(Path version) throws IOException {
        Path sidecarFile = version.resolve(METADATA_DIRECTORY).resolve(METADATA_FILE);
        Secret secret = Json.yaml().readValue(Files.readAllBytes(sidecarFile), Secret.class);
        Map<String, String> data = new LinkedHashMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(version)) {
            List<Path> sorted = new ArrayList<>();
            files.forEach(sorted::add);
            sorted.sort(null);
            for (Path file : sorted) {
                String key = file.getFileName().toString();
                if (!key.equals(METADATA_DIRECTORY) && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    data.put(key, Base64.getEncoder().encodeToString(Files.readAllBytes(file)));
                }
            }
        }
        secret.setData(data);
        return secret;
    }
}
