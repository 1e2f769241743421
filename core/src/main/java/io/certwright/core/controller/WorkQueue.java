package io.certwright.core.controller;

import io.certwright.core.cluster.ObjectKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A controller's rate-limited work queue, in the manner of client-go's:
 * <ul>
 *   <li>A key is queued at most once. A key added while a worker processes it is queued again
 *       when that worker calls {@link #done}, so no change is lost and no key runs twice at once.</li>
 *   <li>Delayed adds wait in one priority queue ordered by due time, not a timer per key. A key
 *       already waiting keeps the earlier of its two due times.</li>
 *   <li>Each key has a failure count that {@link #addRateLimited} turns into a backoff and
 *       {@link #forget} resets.</li>
 * </ul>
 * All due times come from the injected {@link Clock}. Thread-safe.
 */
public final class WorkQueue {
    /**
     * Maximum single wait of a blocked {@link #take}. Due times are read from the injected clock, which
     * may jump (a test clock, a suspended host), so a sleeping worker re-reads it at least this often.
     */
    private static final Duration MAX_WAIT = Duration.ofSeconds(1);

    private final Clock clock;
    private final RateLimit rateLimit;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();

    private final ArrayDeque<ObjectKey> ready = new ArrayDeque<>();
    /** Keys that need processing: those in {@link #ready} plus those added again while processing. */
    private final Set<ObjectKey> dirty = new HashSet<>();
    private final Set<ObjectKey> processing = new HashSet<>();
    private final PriorityQueue<Delayed> delayed = new PriorityQueue<>();
    /** The current due time of each waiting key; heap entries that disagree with it are stale. */
    private final Map<ObjectKey, Instant> dueTimes = new HashMap<>();
    private final Map<ObjectKey, Integer> failures = new HashMap<>();
    private long sequence;
    private boolean shutDown;

    public WorkQueue(Clock clock, RateLimit rateLimit) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.rateLimit = Objects.requireNonNull(rateLimit, "rateLimit");
    }

    /** Queues a key now, unless it is already queued. */
    public void add(ObjectKey key) {
        Objects.requireNonNull(key, "key");
        lock.lock();
        try {
            addLocked(key);
        } finally {
            lock.unlock();
        }
    }

    /** Queues a key once {@code delay} has passed on the clock; a zero or negative delay queues it now. */
    public void addAfter(ObjectKey key, Duration delay) {
        Objects.requireNonNull(key, "key");
        if (delay.isNegative() || delay.isZero()) {
            add(key);
            return;
        }
        lock.lock();
        try {
            if (shutDown) {
                return;
            }
            Instant due = clock.instant().plus(delay);
            Instant current = dueTimes.get(key);
            if (current != null && !due.isBefore(current)) {
                return;
            }
            dueTimes.put(key, due);
            delayed.add(new Delayed(due, sequence++, key));
            // A worker may be sleeping until a later due time.
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Queues a key after its backoff and counts one more failure for it.
     *
     * @return the backoff applied
     */
    public Duration addRateLimited(ObjectKey key) {
        Duration delay;
        lock.lock();
        try {
            int count = failures.getOrDefault(key, 0);
            failures.put(key, count + 1);
            delay = rateLimit.delay(count);
        } finally {
            lock.unlock();
        }
        addAfter(key, delay);
        return delay;
    }

    /** Resets the failure count of a key, so its next failure waits the base delay again. */
    public void forget(ObjectKey key) {
        lock.lock();
        try {
            failures.remove(key);
        } finally {
            lock.unlock();
        }
    }

    /** Returns how many consecutive failures the key has had since it was last forgotten. */
    public int failures(ObjectKey key) {
        lock.lock();
        try {
            return failures.getOrDefault(key, 0);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Takes the next key that is due at the clock's current time and marks it as processing, or returns
     * null when none is due. The caller must call {@link #done} with the key.
     */
    public ObjectKey poll() {
        lock.lock();
        try {
            promoteDue();
            return takeReadyLocked();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Blocks until a key is due, then takes it as {@link #poll} does. Returns null once the queue is shut
     * down.
     *
     * @throws InterruptedException when the thread is interrupted while waiting
     */
    public ObjectKey take() throws InterruptedException {
        lock.lock();
        try {
            while (true) {
                if (shutDown) {
                    return null;
                }
                promoteDue();
                ObjectKey key = takeReadyLocked();
                if (key != null) {
                    return key;
                }
                Duration wait = MAX_WAIT;
                Delayed next = nextDelayed();
                if (next != null) {
                    Duration untilDue = Duration.between(clock.instant(), next.due);
                    if (untilDue.compareTo(wait) < 0) {
                        wait = untilDue;
                    }
                }
                if (!wait.isNegative() && !wait.isZero()) {
                    changed.awaitNanos(wait.toNanos());
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Marks the end of processing a key; a key added meanwhile is queued again. */
    public void done(ObjectKey key) {
        lock.lock();
        try {
            processing.remove(key);
            if (dirty.contains(key)) {
                ready.addLast(key);
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Returns whether no key is due or being processed; keys waiting for a later time do not count. */
    public boolean isIdle() {
        lock.lock();
        try {
            promoteDue();
            return ready.isEmpty() && processing.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    /** Returns the due time of the earliest delayed key, or empty when no key waits. */
    public Optional<Instant> nextDueTime() {
        lock.lock();
        try {
            Delayed next = nextDelayed();
            return next == null ? Optional.empty() : Optional.of(next.due);
        } finally {
            lock.unlock();
        }
    }

    /** Returns how many keys are queued now, not counting delayed keys or keys being processed. */
    public int readyCount() {
        lock.lock();
        try {
            return ready.size();
        } finally {
            lock.unlock();
        }
    }

    /** Makes blocked and later {@link #take} calls return null, and drops later adds. */
    public void shutDown() {
        lock.lock();
        try {
            shutDown = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Wakes blocked workers so they re-read the clock, for callers that moved a test clock. */
    public void wakeUp() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void addLocked(ObjectKey key) {
        if (shutDown || dirty.contains(key)) {
            return;
        }
        dirty.add(key);
        if (processing.contains(key)) {
            return;
        }
        ready.addLast(key);
        changed.signalAll();
    }

    private ObjectKey takeReadyLocked() {
        ObjectKey key = ready.pollFirst();
        if (key != null) {
            processing.add(key);
            dirty.remove(key);
        }
        return key;
    }

    /** Moves every delayed key whose due time has come into the ready queue. */
    private void promoteDue() {
        Instant now = clock.instant();
        while (true) {
            Delayed next = nextDelayed();
            if (next == null || next.due.isAfter(now)) {
                return;
            }
            delayed.poll();
            dueTimes.remove(next.key);
            addLocked(next.key);
        }
    }

    /** Returns the earliest live heap entry, dropping stale ones from the top. */
    private Delayed nextDelayed() {
        while (true) {
            Delayed head = delayed.peek();
            if (head == null || head.due.equals(dueTimes.get(head.key))) {
                return head;
            }
            delayed.poll();
        }
    }

    private record Delayed(Instant due, long sequence, ObjectKey key) implements Comparable<Delayed> {
        @Override
        public int compareTo(Delayed other) {
            int byDue = due.compareTo(other.due);
            return byDue != 0 ? byDue : Long.compare(sequence, other.sequence);
        }
    }
}
