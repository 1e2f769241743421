package io.certwright.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Readings of the machine and of processes that every printed figure is reported with. */
final class MachineLoad {
    private static final Path LOADAVG = Path.of("/proc/loadavg");

    /** Linux's USER_HZ, the unit of the CPU times in {@code /proc/PID/stat}; 100 on every common architecture. */
    private static final double CLOCK_TICKS_PER_SECOND = 100;

    private MachineLoad() {
    }

    /** Returns the 1-minute load average, or NaN where the JVM cannot read it. */
    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** Returns the 1, 5 and 15 minute load averages as {@code /proc/loadavg} lists them, or "unknown". */
    static String loadAverages() {
        try {
            String[] fields = Files.readString(LOADAVG, StandardCharsets.US_ASCII).trim().split("\\s+");
            return fields[0] + "," + fields[1] + "," + fields[2];
        } catch (IOException | ArrayIndexOutOfBoundsException e) {
            return "unknown";
        }
    }

    /** Returns the CPU time this JVM has used, in nanoseconds, or 0 where the JVM does not report it. */
    static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean bean = ManagementFactory.getOperatingSystemMXBean();
        if (bean instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return 0;
    }

    /**
     * Returns the user plus system CPU seconds of another process from {@code /proc/PID/stat}, or NaN when
     * the process or the file is gone.
     */
    static double otherProcessCpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
            // The command name in field 2 may contain spaces, so fields are counted after its closing bracket.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long userTicks = Long.parseLong(fields[11]);
            long systemTicks = Long.parseLong(fields[12]);
            return (userTicks + systemTicks) / CLOCK_TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
