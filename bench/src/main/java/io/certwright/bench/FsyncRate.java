package io.certwright.bench;

import io.certwright.local.AtomicFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures how many durable file replacements the disk under a directory completes per second, with the
 * local runtime's own {@link AtomicFiles#write} (write a temporary file, fsync it, rename it over the
 * target, fsync the directory: two fsyncs each) on 1 to 64 threads. The local runtime's throughput cannot
 * exceed this rate divided by the fsyncs an issuance needs.
 *
 * <p>Usage: {@code java -cp bench/target/certwright-bench.jar io.certwright.bench.FsyncRate [DIR] [SECONDS]}.
 * DIR defaults to a new temporary directory, which is deleted afterwards; SECONDS per thread count
 * defaults to 5.
 */
public final class FsyncRate {
    private static final int[] THREADS = {1, 4, 16, 64};
    /** About the size of a Certificate's status file. */
    private static final byte[] CONTENT = letters(2048);

    private FsyncRate() {
    }

    public static void main(String[] args) throws Exception {
        Path directory = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("certwright-fsync-");
        long seconds = args.length > 1 ? Long.parseLong(args[1]) : 5;
        try {
            for (int threads : THREADS) {
                long writes = run(directory, threads, seconds);
                double perSecond = writes / (double) seconds;
                System.out.printf(Locale.ROOT, "threads=%d atomic_writes_per_second=%.0f fsyncs_per_second=%.0f%n",
                        threads, perSecond, 2 * perSecond);
            }
        } finally {
            if (args.length == 0) {
                AtomicFiles.deleteRecursively(directory);
            }
        }
    }

    /** Replaces files in {@code directory} from {@code threads} threads for {@code seconds}; returns the count. */
    private static long run(Path directory, int threads, long seconds) throws Exception {
        AtomicLong writes = new AtomicLong();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int thread = 0; thread < threads; thread++) {
                Path target = directory.resolve("file-" + thread + ".yaml");
                futures.add(pool.submit(() -> {
                    while (System.nanoTime() - deadline < 0) {
                        AtomicFiles.write(target, CONTENT, AtomicFiles.PUBLIC_FILE);
                        writes.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return writes.get();
    }

    /** Returns {@code length} letters: content that is not all zeros, which some file systems store sparsely. */
    private static byte[] letters(int length) {
        byte[] content = new byte[length];
        for (int i = 0; i < length; i++) {
            content[i] = (byte) ('a' + i % 26);
        }
        return content;
    }
}
