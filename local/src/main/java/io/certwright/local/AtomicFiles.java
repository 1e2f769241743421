package io.certwright.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.UUID;

/**
 * File writes that survive a crash: a reader or a restarted process sees either the old
 * content or the new content of a file, never a mix, and a write that returned is on disk.
 */
public final class AtomicFiles {
    /** Permissions of files holding private keys or other secrets. */
    public static final Set<PosixFilePermission> PRIVATE_FILE = PosixFilePermissions.fromString("rw-------");
    /** Permissions of files anyone on the host may read, such as certificates. */
    public static final Set<PosixFilePermission> PUBLIC_FILE = PosixFilePermissions.fromString("rw-r--r--");
    /** Permissions of every directory in the state directory. */
    public static final Set<PosixFilePermission> PRIVATE_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private AtomicFiles() {
    }

    /**
     * Writes {@code content} to {@code target} through a temporary file in the same directory,
     * fsyncs it, renames it over the target and fsyncs the directory.
     */
    public static void write(Path target, byte[] content, Set<PosixFilePermission> permissions) {
        replace(target, content, permissions, true);
    }

    /**
     * Replaces {@code target} with {@code content} through a temporary file and one rename, without fsync.
     * Readers and a restarted process see the old or the new content even if the process is killed, but a
     * power failure or kernel crash may lose the change or, on some file systems, leave the file empty. Only
     * for files whose loss costs nothing but history, such as recorded events.
     */
    public static void writeUnsynced(Path target, byte[] content, Set<PosixFilePermission> permissions) {
        replace(target, content, permissions, false);
    }

    private static void replace(Path target, byte[] content, Set<PosixFilePermission> permissions, boolean durable) {
        Path directory = target.toAbsolutePath().getParent();
        createDirectories(directory);
        Path temporary = directory.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            writeNew(temporary, content, permissions);
            if (durable) {
                force(temporary);
            }
            move(temporary, target);
            if (durable) {
                syncDirectory(directory);
            }
        } catch (IOException e) {
            deleteQuietly(temporary);
            throw new UncheckedIOException("writing " + target + ": " + e.getMessage(), e);
        }
    }

    /**
     * Creates a new file holding {@code content} with {@code permissions}, without fsync. Callers that write
     * several files fsync them with {@link #force} after writing all of them, so that the disk flushes them
     * together instead of one at a time.
     */
    public static void writeNew(Path file, byte[] content, Set<PosixFilePermission> permissions) throws IOException {
        // Create with the final permissions so that the content is never readable by others, not even briefly.
        Files.createFile(file, PosixFilePermissions.asFileAttribute(permissions));
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        }
        // The umask may have narrowed the permissions given at creation.
        Files.setPosixFilePermissions(file, permissions);
    }

    /** Fsyncs a file's content and metadata. */
    public static void force(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    /** Renames {@code source} over {@code target} in one step; rename(2) replaces symlinks and files alike. */
    public static void move(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system of " + target + " does not support atomic renames", e);
        }
    }

    /** Fsyncs a directory so that renames and creations inside it are durable. */
    public static void syncDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    /** Creates {@code directory} and missing parents with owner-only permissions. */
    public static void createDirectories(Path directory) {
        if (Files.isDirectory(directory)) {
            return;
        }
        Path parent = directory.getParent();
        if (parent != null) {
            createDirectories(parent);
        }
        try {
            Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(PRIVATE_DIRECTORY));
            Files.setPosixFilePermissions(directory, PRIVATE_DIRECTORY);
        } catch (FileAlreadyExistsException e) {
            // Another thread created it first.
        } catch (IOException e) {
            throw new UncheckedIOException("creating directory " + directory + ": " + e.getMessage(), e);
        }
    }

    /** Deletes a file or a directory tree; missing paths are ignored, other failures raised. */
    public static void deleteRecursively(Path path) throws IOException {
        if (Files.isDirectory(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            try (var children = Files.list(path)) {
                for (Path child : (Iterable<Path>) children::iterator) {
                    deleteRecursively(child);
                }
            }
        }
        Files.deleteIfExists(path);
    }

    static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // Best effort: a left-over temporary file is removed on the next start.
        }
    }
}
