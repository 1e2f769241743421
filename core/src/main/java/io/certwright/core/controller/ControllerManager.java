package io.certwright.core.controller;

import io.certwright.api.GoDuration;
import io.certwright.core.cluster.Cluster;
import io.certwright.core.cluster.ClusterException;
import io.certwright.core.cluster.ObjectKey;
import io.certwright.core.cluster.ResourceKind;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs controllers: feeds cluster changes through each controller's {@link KeyMapper} into its
 * {@link WorkQueue}, and drives the reconcilers over those queues in one of two ways.
 * <ul>
 *   <li>{@link #runUntilIdle()} processes every due key on the calling thread, for tests and the
 *       local runtime's one-shot mode. It runs the {@link #addPeriodicTask periodic tasks} each time
 *       the queues run dry.</li>
 *   <li>{@link #start(int)} runs worker threads until {@link #close()}, for long-running runtimes, and
 *       runs each periodic task on its own timer thread.</li>
 * </ul>
 * A failed reconcile is retried with the controller's {@link RateLimit}; a
 * {@link ClusterException.Conflict} is retried the same way without counting a sync error. A
 * {@link ClusterException.NotFound} about a key whose object was deleted meanwhile ends the
 * reconcile as done, because nothing is left to reconcile. Retry delays in log lines are Go
 * durations ({@code 5s}), as cert-manager logs them.
 * Register every controller before driving the queues.
 */
public final class ControllerManager implements AutoCloseable {
    /**
     * Bound on reconciles in one {@link #runUntilIdle()} call. A hot loop (a reconciler that requeues
     * itself at once, or two that undo each other's writes) trips it and fails instead of hanging;
     * 100,000 is far above what a settled test or a local directory of manifests needs.
     */
    public static final int MAX_RECONCILES_PER_RUN = 100_000;

    /** How long {@link #close()} waits for running reconciles before interrupting them. */
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(ControllerManager.class);

    private final Cluster cluster;
    private final Clock clock;
    private final List<ResourceKind<?>> kinds;
    private final Map<String, Controller> controllers = new LinkedHashMap<>();
    private final List<PeriodicTask> periodicTasks = new ArrayList<>();
    private final List<Thread> workers = new ArrayList<>();
    private ScheduledExecutorService periodicTimer;
    private int workersPerController;
    private volatile boolean started;
    private volatile boolean closed;

    /** Creates a manager whose {@link #enqueueAll()} covers {@link ResourceKind#ALL}. */
    public ControllerManager(Cluster cluster, Clock clock) {
        this(cluster, clock, ResourceKind.ALL);
    }

    /** Creates a manager whose {@link #enqueueAll()} lists {@code kinds}. */
    public ControllerManager(Cluster cluster, Clock clock, List<ResourceKind<?>> kinds) {
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.kinds = List.copyOf(kinds);
    }

    /**
     * Adds a task that runs every {@code period} of real time on a timer thread once {@link #start} was
     * called, and on the calling thread each time {@link #runUntilIdle()} finds no due key. A task that
     * throws is logged and runs again at its next turn. Register periodic tasks before driving the queues.
     *
     * @param name names the task in logs and in the timer thread's name
     */
    public synchronized void addPeriodicTask(String name, Duration period, Runnable task) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(task, "task");
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("the period of periodic task " + name + " must be positive, got "
                    + period);
        }
        if (started || closed) {
            throw new IllegalStateException("cannot add periodic task " + name
                    + ": add periodic tasks before starting the controller manager");
        }
        periodicTasks.add(new PeriodicTask(name, period, task));
    }

    /**
     * Adds a controller and subscribes it to cluster changes. Updates whose resourceVersion did not change
     * are skipped, as informer resyncs are.
     *
     * @throws IllegalArgumentException when a controller of that name is already registered
     */
    public synchronized void register(ControllerDefinition definition) {
        if (closed) {
            throw new IllegalStateException("cannot register controller " + definition.name()
                    + ": the controller manager is closed");
        }
        if (controllers.containsKey(definition.name())) {
            throw new IllegalArgumentException("controller " + definition.name() + " is already registered");
        }
        Controller controller = new Controller(definition, new WorkQueue(clock, definition.rateLimit()));
        controllers.put(definition.name(), controller);
        cluster.addListener((kind, oldObject, newObject) -> onChange(controller, kind, oldObject, newObject));
        if (started) {
            startWorkers(controller, workersPerController);
        }
    }

    /** Returns the names of the registered controllers, in registration order. */
    public synchronized List<String> controllerNames() {
        return List.copyOf(controllers.keySet());
    }

    /** Queues a key for a controller now. */
    public void enqueue(String controller, ObjectKey key) {
        controller(controller).queue.add(key);
    }

    /** Queues a key for a controller once {@code delay} has passed on the clock. */
    public void enqueueAfter(String controller, ObjectKey key, Duration delay) {
        controller(controller).queue.addAfter(key, delay);
    }

    /**
     * Runs every stored object of every kind through every controller's mapper and queues the keys: the
     * periodic resync, and the start-up pass of a runtime that loaded existing objects.
     */
    public void enqueueAll() {
        List<Controller> all = snapshotControllers();
        for (ResourceKind<?> kind : kinds) {
            for (HasMetadata object : cluster.list(kind, null)) {
                for (Controller controller : all) {
                    enqueueKeys(controller, kind, object);
                }
            }
        }
    }

    /**
     * Processes every key that is due at the clock's current time, across all controllers in turn, until
     * none is due. Keys that reconciles queue meanwhile are processed too; delayed keys wait for the clock.
     * Each time no key is due, the periodic tasks run once; when they queue keys, processing goes on.
     *
     * @return the number of reconciles run
     * @throws IllegalStateException when more than {@link #MAX_RECONCILES_PER_RUN} reconciles run, naming the
     *     controller and key that ran most often, or when worker threads are running
     */
    public int runUntilIdle() {
        if (started) {
            throw new IllegalStateException("runUntilIdle cannot drive the queues while worker threads run");
        }
        List<Controller> all = snapshotControllers();
        Map<String, Integer> runsPerKey = new HashMap<>();
        int total = 0;
        List<PeriodicTask> tasks = snapshotPeriodicTasks();
        boolean progress = true;
        while (progress) {
            progress = false;
            if (!tasks.isEmpty() && !anyKeyDue(all)) {
                tasks.forEach(PeriodicTask::runLogged);
            }
            for (Controller controller : all) {
                ObjectKey key = controller.queue.poll();
                if (key == null) {
                    continue;
                }
                progress = true;
                total++;
                runsPerKey.merge(controller.definition.name() + " " + key, 1, Integer::sum);
                if (total > MAX_RECONCILES_PER_RUN) {
                    controller.queue.done(key);
                    throw hotLoop(runsPerKey);
                }
                process(controller, key);
            }
        }
        return total;
    }

    private static boolean anyKeyDue(List<Controller> all) {
        for (Controller controller : all) {
            if (!controller.queue.isIdle()) {
                return true;
            }
        }
        return false;
    }

    /** Returns when the earliest delayed key of any controller is due, or empty when none waits. */
    public Optional<Instant> nextDueTime() {
        Optional<Instant> earliest = Optional.empty();
        for (Controller controller : snapshotControllers()) {
            Optional<Instant> due = controller.queue.nextDueTime();
            if (due.isPresent() && (earliest.isEmpty() || due.get().isBefore(earliest.get()))) {
                earliest = due;
            }
        }
        return earliest;
    }

    /**
     * Starts {@code workersPerController} worker threads per controller. Each blocks until a key is due on
     * the clock, reconciles it and repeats until {@link #close()}.
     */
    public synchronized void start(int workersPerController) {
        if (workersPerController < 1) {
            throw new IllegalArgumentException("workers per controller must be at least 1, got "
                    + workersPerController);
        }
        if (started || closed) {
            throw new IllegalStateException("the controller manager was already started");
        }
        this.workersPerController = workersPerController;
        started = true;
        for (Controller controller : controllers.values()) {
            startWorkers(controller, workersPerController);
        }
        startPeriodicTasks();
        log.info("started {} controllers with {} workers each", controllers.size(), workersPerController);
    }

    /**
     * Waits until no key of any controller is due or being processed; keys delayed to a later time do not
     * count. Timeout is measured in real time, not on the clock.
     *
     * @return true when idle, false when the timeout passed first
     */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (isIdle()) {
                return true;
            }
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            Thread.sleep(5);
        }
    }

    /** Wakes sleeping workers so they re-read the clock; call it after moving a test clock. */
    public void wakeUp() {
        for (Controller controller : snapshotControllers()) {
            controller.queue.wakeUp();
        }
    }

    /** Returns how many reconciles the controller has started, as {@code certmanager_controller_sync_call_count}. */
    public long syncCalls(String controller) {
        return controller(controller).syncCalls.get();
    }

    /**
     * Returns how many reconciles of the controller failed, not counting optimistic-lock conflicts, as
     * {@code certmanager_controller_sync_error_count}.
     */
    public long syncErrors(String controller) {
        return controller(controller).syncErrors.get();
    }

    /** Stops the worker threads and waits for running reconciles to finish. */
    @Override
    public void close() {
        List<Thread> running;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            for (Controller controller : controllers.values()) {
                controller.queue.shutDown();
            }
            running = List.copyOf(workers);
            if (periodicTimer != null) {
                periodicTimer.shutdownNow();
            }
        }
        long deadline = System.nanoTime() + SHUTDOWN_GRACE.toNanos();
        for (Thread worker : running) {
            try {
                worker.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                if (worker.isAlive()) {
                    log.warn("worker {} still running after {}; interrupting it", worker.getName(), SHUTDOWN_GRACE);
                    worker.interrupt();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (started) {
            log.info("stopped {} controllers", running.isEmpty() ? 0 : controllers.size());
        }
    }

    private void startPeriodicTasks() {
        if (periodicTasks.isEmpty()) {
            return;
        }
        periodicTimer = Executors.newScheduledThreadPool(periodicTasks.size(), runnable -> {
            Thread thread = new Thread(runnable, "certwright-periodic-tasks");
            thread.setDaemon(true);
            return thread;
        });
        for (PeriodicTask task : periodicTasks) {
            periodicTimer.scheduleWithFixedDelay(task::runLogged, 0, task.period().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private synchronized List<PeriodicTask> snapshotPeriodicTasks() {
        return List.copyOf(periodicTasks);
    }

    private boolean isIdle() {
        for (Controller controller : snapshotControllers()) {
            if (!controller.queue.isIdle()) {
                return false;
            }
        }
        return true;
    }

    private void startWorkers(Controller controller, int count) {
        for (int i = 0; i < count; i++) {
            Thread worker = new Thread(() -> work(controller), "certwright-" + controller.definition.name() + "-" + i);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
    }

    private void work(Controller controller) {
        while (true) {
            ObjectKey key;
            try {
                key = controller.queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (key == null) {
                return;
            }
            process(controller, key);
        }
    }

    /** Runs one reconcile and decides what happens to the key next. */
    private void process(Controller controller, ObjectKey key) {
        ControllerDefinition definition = controller.definition;
        WorkQueue queue = controller.queue;
        setMdc(definition, key);
        try {
            controller.syncCalls.incrementAndGet();
            Result result = definition.reconciler().reconcile(key);
            queue.forget(key);
            if (result != null && result.requeueAfter() != null) {
                queue.addAfter(key, result.requeueAfter());
            }
        } catch (ClusterException.Conflict e) {
            Duration delay = queue.addRateLimited(key);
            log.debug("conflict while reconciling {}, retrying in {}: {}", key, GoDuration.format(delay),
                    e.getMessage());
        } catch (ClusterException.NotFound e) {
            if (objectDeleted(definition, key)) {
                queue.forget(key);
                log.debug("{} was deleted during its reconcile, nothing left to do: {}", key, e.getMessage());
            } else {
                retryFailure(controller, key, e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            controller.syncErrors.incrementAndGet();
            queue.addRateLimited(key);
            log.warn("reconcile of {} was interrupted", key);
        } catch (Exception e) {
            retryFailure(controller, key, e);
        } finally {
            queue.done(key);
            clearMdc();
        }
    }

    private void retryFailure(Controller controller, ObjectKey key, Exception e) {
        controller.syncErrors.incrementAndGet();
        Duration delay = controller.queue.addRateLimited(key);
        log.warn("reconcile of {} failed, retrying in {}: {}", key, GoDuration.format(delay), e.getMessage());
        log.debug("reconcile of {} failed", key, e);
    }

    /** Returns whether the controller's kind is known and the key's object no longer exists. */
    private boolean objectDeleted(ControllerDefinition definition, ObjectKey key) {
        ResourceKind<?> kind = definition.resourceKind() == null ? null : ResourceKind.byKind(definition.resourceKind());
        if (kind == null) {
            return false;
        }
        return cluster.get(kind, kind.namespaced() ? key.namespace() : null, key.name()).isEmpty();
    }

    private void onChange(Controller controller, ResourceKind<?> kind, HasMetadata oldObject, HasMetadata newObject) {
        if (oldObject != null && newObject != null
                && Objects.equals(oldObject.getMetadata().getResourceVersion(),
                        newObject.getMetadata().getResourceVersion())) {
            return;
        }
        if (oldObject != null) {
            enqueueKeys(controller, kind, oldObject);
        }
        if (newObject != null) {
            enqueueKeys(controller, kind, newObject);
        }
    }

    private void enqueueKeys(Controller controller, ResourceKind<?> kind, HasMetadata object) {
        Collection<ObjectKey> keys;
        try {
            keys = controller.definition.keyMapper().keysFor(kind, object);
        } catch (RuntimeException e) {
            log.warn("controller {} could not map {} {} to keys: {}", controller.definition.name(), kind,
                    ObjectKey.of(object), e.getMessage());
            return;
        }
        for (ObjectKey key : keys) {
            controller.queue.add(key);
        }
    }

    private IllegalStateException hotLoop(Map<String, Integer> runsPerKey) {
        Map.Entry<String, Integer> busiest = runsPerKey.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .orElseThrow();
        return new IllegalStateException("controllers did not settle after " + MAX_RECONCILES_PER_RUN
                + " reconciles; controller and key reconciled most often: " + busiest.getKey() + " ("
                + busiest.getValue() + " times). A reconciler probably requeues itself at once or undoes"
                + " another controller's write.");
    }

    private static void setMdc(ControllerDefinition definition, ObjectKey key) {
        MDC.put("controller", definition.name());
        if (definition.resourceKind() != null) {
            MDC.put("resource_kind", definition.resourceKind());
        }
        if (key.namespace() != null) {
            MDC.put("resource_namespace", key.namespace());
        }
        MDC.put("resource_name", key.name());
    }

    private static void clearMdc() {
        MDC.remove("controller");
        MDC.remove("resource_kind");
        MDC.remove("resource_namespace");
        MDC.remove("resource_name");
    }

    private synchronized Controller controller(String name) {
        Controller controller = controllers.get(name);
        if (controller == null) {
            throw new IllegalArgumentException("no controller named " + name + " is registered; registered: "
                    + controllers.keySet());
        }
        return controller;
    }

    private synchronized List<Controller> snapshotControllers() {
        return List.copyOf(controllers.values());
    }

    private record PeriodicTask(String name, Duration period, Runnable task) {
        void runLogged() {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.error("periodic task {} failed: {}", name, e.getMessage());
                log.debug("periodic task {} failed", name, e);
            }
        }
    }

    private static final class Controller {
        final ControllerDefinition definition;
        final WorkQueue queue;
        final AtomicLong syncCalls = new AtomicLong();
        final AtomicLong syncErrors = new AtomicLong();

        Controller(ControllerDefinition definition, WorkQueue queue) {
            this.definition = definition;
            this.queue = queue;
        }
    }
}
