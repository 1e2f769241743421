package io.certwright.local;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls back when any file under a directory tree changes. A {@link WatchService} on the
 * root and every subdirectory gives prompt notice; a scan of sizes and modification times
 * every {@link #POLL_INTERVAL} catches what it misses (network file systems, editors that
 * replace directories, events lost to overflow). The callback may see spurious calls, so it
 * must be idempotent.
 */
public final class DirectoryWatcher implements AutoCloseable {
    /**
     * Period of the fallback scan. Two seconds bounds how late an edit is noticed when watch
     * events are lost, while a scan of a few hundred manifest files costs well under a millisecond.
     */
    public static final Duration POLL_INTERVAL = Duration.ofSeconds(2);
    /** Quiet time after an event before calling back, so a burst of writes by an editor becomes one reload. */
    static final Duration SETTLE_TIME = Duration.ofMillis(150);

    private static final Logger LOG = LoggerFactory.getLogger(DirectoryWatcher.class);

    private final Path root;
    private final Set<Path> excluded;
    private final Runnable onChange;
    private final Thread thread;
    private final Set<Path> registered = new HashSet<>();
    private WatchService watchService;
    private volatile boolean closed;
    private Map<Path, String> lastFingerprint;

    /**
     * Starts watching; the first scan is taken as the baseline, so existing files cause no call.
     *
     * @param root the directory tree to watch
     * @param excluded subtrees to ignore, such as the state directory inside the manifest directory
     * @param onChange called from the watcher thread after a change; exceptions are logged
     */
    public DirectoryWatcher(Path root, Set<Path> excluded, Runnable onChange) {
        this.root = root.toAbsolutePath().normalize();
        this.excluded = new HashSet<>();
        for (Path path : excluded) {
            this.excluded.add(path.toAbsolutePath().normalize());
        }
        this.onChange = onChange;
        try {
            this.watchService = FileSystems.getDefault().newWatchService();
        } catch (IOException e) {
            LOG.warn("file watching is unavailable, falling back to scanning every {}: directory={}, error={}",
                    POLL_INTERVAL, this.root, e.getMessage());
            this.watchService = null;
        }
        registerTree();
        this.lastFingerprint = fingerprint();
        this.thread = new Thread(this::run, "certwright-watch-" + this.root.getFileName());
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void run() {
        while (!closed) {
            try {
                boolean sawEvent = waitForEvent();
                if (closed) {
                    return;
                }
                if (sawEvent) {
                    Thread.sleep(SETTLE_TIME.toMillis());
                    drainEvents();
                    registerTree();
                }
                Map<Path, String> current = fingerprint();
                if (!current.equals(lastFingerprint)) {
                    lastFingerprint = current;
                    notifyChange();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ClosedWatchServiceException e) {
                return;
            } catch (RuntimeException e) {
                LOG.error("watching directory failed, retrying: directory={}", root, e);
            }
        }
    }

    private boolean waitForEvent() throws InterruptedException {
        if (watchService == null) {
            Thread.sleep(POLL_INTERVAL.toMillis());
            return false;
        }
        WatchKey key = watchService.poll(POLL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        if (key == null) {
            return false;
        }
        key.pollEvents();
        if (!key.reset()) {
            registered.remove((Path) key.watchable());
        }
        return true;
    }

    private void drainEvents() {
        WatchKey key;
        while ((key = watchService.poll()) != null) {
            key.pollEvents();
            if (!key.reset()) {
                registered.remove((Path) key.watchable());
            }
        }
    }

    private void notifyChange() {
        try {
            onChange.run();
        } catch (RuntimeException e) {
            LOG.error("handling a change under {} failed", root, e);
        }
    }

    private void registerTree() {
        if (watchService == null || !Files.isDirectory(root)) {
            return;
        }
        walk(directory -> {
            if (registered.add(directory)) {
                try {
                    directory.register(watchService, StandardWatchEventKinds.ENTRY_CREATE,
                            StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
                } catch (IOException e) {
                    registered.remove(directory);
                    LOG.debug("cannot watch directory, relying on scans: directory={}, error={}", directory,
                            e.getMessage());
                }
            }
        }, null);
    }

    private Map<Path, String> fingerprint() {
        Map<Path, String> files = new TreeMap<>();
        walk(directory -> { }, (file, attributes) -> files.put(file,
                attributes.size() + "@" + attributes.lastModifiedTime().toMillis()));
        return files;
    }

    private interface FileAction {
        void accept(Path file, BasicFileAttributes attributes);
    }

    private interface DirectoryAction {
        void accept(Path directory);
    }

    private void walk(DirectoryAction onDirectory, FileAction onFile) {
        if (!Files.isDirectory(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) {
                    if (excluded.contains(directory.toAbsolutePath().normalize())) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    onDirectory.accept(directory);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (onFile != null) {
                        onFile.accept(file, attributes);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    // A file deleted during the walk; the next scan sees the new state.
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            LOG.debug("scanning {} failed: {}", root, e.getMessage());
        }
    }

    @Override
    public void close() {
        // No interrupt: it would abort a reload in the middle of a FileChannel write. Closing the
        // watch service wakes the thread; without one it notices the flag within one poll interval.
        closed = true;
        if (watchService != null) {
            try {
                watchService.close();
            } catch (IOException e) {
                LOG.debug("closing watch service: {}", e.getMessage());
            }
        }
        try {
            thread.join(POLL_INTERVAL.plusSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
