package io.certwright.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * An exclusive lock on a state directory, held through {@code <state>/lock} with an OS file
 * lock, so it is released when the process dies, even by SIGKILL. The file stores the PID of
 * the holder for the error message of the next process that tries.
 */
public final class StateLock implements AutoCloseable {
    static final String FILE_NAME = "lock";

    private final FileChannel channel;
    private final FileLock lock;

    private StateLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock at once or fails.
     *
     * @throws LockedException when another process holds it
     */
    public static StateLock acquire(Path stateDirectory) {
        return tryAcquire(stateDirectory).orElseThrow(() -> new LockedException(stateDirectory,
                holderPid(stateDirectory)));
    }

    /** Takes the lock when it is free, or returns empty when another process holds it. */
    public static Optional<StateLock> tryAcquire(Path stateDirectory) {
        AtomicFiles.createDirectories(stateDirectory);
        Path file = stateDirectory.resolve(FILE_NAME);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                // This JVM already holds the lock through another channel.
                lock = null;
            }
            if (lock == null) {
                channel.close();
                return Optional.empty();
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            channel.force(true);
            return Optional.of(new StateLock(channel, lock));
        } catch (IOException e) {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // The open failure is the one worth reporting.
                }
            }
            throw new UncheckedIOException("locking state directory " + stateDirectory + ": " + e.getMessage(), e);
        }
    }

    /** Returns the PID written by the current or last holder, or "unknown". */
    public static String holderPid(Path stateDirectory) {
        try {
            String content = Files.readString(stateDirectory.resolve(FILE_NAME), StandardCharsets.US_ASCII).trim();
            return content.isEmpty() ? "unknown" : content;
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Returns whether some process holds the lock right now. */
    public static boolean isHeld(Path stateDirectory) {
        if (!Files.exists(stateDirectory.resolve(FILE_NAME))) {
            return false;
        }
        Optional<StateLock> lock = tryAcquire(stateDirectory);
        lock.ifPresent(StateLock::close);
        return lock.isEmpty();
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("releasing state directory lock: " + e.getMessage(), e);
        }
    }

    /** Raised when another process has locked the state directory. */
    public static final class LockedException extends RuntimeException {
        private final transient Path stateDirectory;
        private final String pid;

        LockedException(Path stateDirectory, String pid) {
            super("state directory " + stateDirectory + " is in use by another Certwright process (PID " + pid
                    + "); stop that process or pass a different --state directory");
            this.stateDirectory = stateDirectory;
            this.pid = pid;
        }

        public Path stateDirectory() {
            return stateDirectory;
        }

        public String pid() {
            return pid;
        }
    }
}
