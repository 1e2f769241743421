package io.certwright.bench;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import javax.management.JMException;
import javax.management.ObjectName;

/** Used heap of this JVM: retained after full collections, and the peak between two samples. */
final class HeapMeter {
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    /**
     * Collections per retained-heap sample. One {@code System.gc()} can leave objects that wait for
     * finalization or reference processing, so the minimum over a few rounds is taken.
     */
    private static final int GC_ROUNDS = 4;

    private long peakBytes;

    private HeapMeter() {
    }

    /** Returns the used heap in bytes after {@link #GC_ROUNDS} full collections, the minimum over the rounds. */
    static long retainedBytes() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int round = 0; round < GC_ROUNDS; round++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, MEMORY.getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    /** Returns a meter whose peak starts at the current used heap. */
    static HeapMeter startPeak() {
        HeapMeter meter = new HeapMeter();
        meter.sample();
        return meter;
    }

    /** Records the current used heap, garbage included; callers sample it while they poll. */
    void sample() {
        peakBytes = Math.max(peakBytes, MEMORY.getHeapMemoryUsage().getUsed());
    }

    long peakBytes() {
        return peakBytes;
    }

    /**
     * Returns the live instances of {@code className} from the {@code GC.class_histogram} diagnostic command,
     * which runs a full collection first, or -1 when the command is unavailable.
     */
    static long liveInstances(String className) {
        String histogram = classHistogram();
        if (histogram == null) {
            return -1;
        }
        // Rows look like "  12:   345   6789  io.fabric8.kubernetes.api.model.Secret".
        for (String line : histogram.split("\n")) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length >= 4 && fields[3].equals(className)) {
                return Long.parseLong(fields[1]);
            }
        }
        return 0;
    }

    /**
     * Returns the header and the first {@code rows} rows of {@code GC.class_histogram}, the classes with the
     * most live bytes first, or a note when the command is unavailable.
     */
    static String topClasses(int rows) {
        String histogram = classHistogram();
        if (histogram == null) {
            return "(GC.class_histogram is not available in this JVM)";
        }
        String[] lines = histogram.split("\n");
        // Two header lines precede the rows.
        return String.join("\n", java.util.Arrays.copyOf(lines, Math.min(lines.length, rows + 2)));
    }

    /**
     * Writes a heap dump of the live objects to {@code file} in HPROF format, for tools that attribute the
     * retained heap to the objects that hold it.
     */
    static void dumpLive(Path file) throws IOException {
        HotSpotDiagnosticMXBean diagnostics = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        diagnostics.dumpHeap(file.toAbsolutePath().toString(), true);
    }

    private static String classHistogram() {
        try {
            return (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
        } catch (JMException e) {
            return null;
        }
    }
}
