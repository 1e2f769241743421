package io.certwright.core.controller;

import java.util.concurrent.ForkJoinPool;

/**
 * Raises the parallelism of the JVM's common fork-join pool on small machines, before anything uses it.
 *
 * <p>The common pool's default parallelism is one less than the available processors. At 1, on a machine
 * with 2 CPUs or fewer, {@code CompletableFuture} runs every asynchronous stage that names no executor on a
 * new thread, and fabric8's HTTP client chains such stages on every request: a JFR recording of a
 * 1,000-Certificate bulk issuance on 2 cores counted about 70 new threads per second. With a parallelism
 * of {@link #MINIMUM}, two runs of {@code bench/scale --runtime kubernetes --count 1000} on 2 cores used
 * 54.6 and 54.1 JVM CPU seconds against 57.2 and 60.0 for two runs without, and issued 19.2 and 19.3
 * Certificates per second against 18.9 and 18.3.
 */
public final class CommonPoolParallelism {
    /** The system property the JDK reads once, when the common pool is created. */
    public static final String PROPERTY = "java.util.concurrent.ForkJoinPool.common.parallelism";

    /** Parallelism set when the default would be lower; the value the benchmark above measured. */
    static final int MINIMUM = 4;

    private CommonPoolParallelism() {
    }

    /**
     * Sets {@link #PROPERTY} to {@link #MINIMUM} unless it is set already or the default is at least that
     * high. Call it first thing in {@code main}: the setting is lost once anything has used the common pool.
     *
     * @return the common pool's parallelism afterwards
     */
    public static int apply() {
        String value = parallelismFor(System.getProperty(PROPERTY), Runtime.getRuntime().availableProcessors());
        if (value != null) {
            System.setProperty(PROPERTY, value);
        }
        return ForkJoinPool.getCommonPoolParallelism();
    }

    /** Returns the value to set, or null to leave the property as it is. */
    static String parallelismFor(String configured, int availableProcessors) {
        if (configured != null || availableProcessors - 1 >= MINIMUM) {
            return null;
        }
        return Integer.toString(MINIMUM);
    }
}
