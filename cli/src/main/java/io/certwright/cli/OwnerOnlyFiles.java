package io.certwright.cli;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Writes files that only their owner may read and write (mode 0600), for private keys and issued certificates. */
final class OwnerOnlyFiles {
    private static final Set<PosixFilePermission> OWNER_READ_WRITE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnlyFiles() {
    }

    /**
     * Creates or replaces the file's content. A new file is created with mode 0600, so the content is never
     * readable by others, and an existing file is set to 0600 before it is overwritten. On file systems
     * without POSIX permissions the content is written with the platform's defaults.
     */
    static void write(Path file, byte[] content) throws IOException {
        Path absolute = file.toAbsolutePath();
        if (absolute.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            try {
                Files.createFile(absolute, PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE));
            } catch (FileAlreadyExistsException e) {
                Files.setPosixFilePermissions(absolute, OWNER_READ_WRITE);
            }
        }
        Files.write(absolute, content);
    }
}
