package io.certwright.local;

import java.nio.file.Path;
import java.time.Clock;

/** Runs the local runtime in a child JVM until it is killed; the crash tests start it. */
public final class RuntimeProcess {
    /** Printed on stdout once the controllers run. */
    static final String STARTED = "runtime started";

    private RuntimeProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        LocalRuntime runtime = LocalRuntime.open(LocalRuntime.Settings.of(Path.of(args[0])).withClock(Clock.systemUTC()));
        runtime.start();
        System.out.println(STARTED);
        System.out.flush();
        Thread.currentThread().join();
    }
}
