package io.certwright.kubernetes;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The Event objects this process created, by {@link EventKey}, so that a repeat patches the existing
 * Event's count and lastTimestamp instead of creating a new object. Bounded, least recently used
 * first out, like client-go's event correlator cache. Thread-safe.
 */
final class EventSeriesCache {
    /** Entries kept: maxLruCacheEntries of client-go's event correlator (tools/record/events_cache.go). */
    static final int MAX_ENTRIES = 4096;

    private final Map<EventKey, Series> entries = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<EventKey, Series> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    /** One stored Event and how often it happened. */
    record Series(String eventNamespace, String eventName, int count, Instant firstTimestamp) {
        Series next() {
            return new Series(eventNamespace, eventName, count + 1, firstTimestamp);
        }
    }

    synchronized Optional<Series> get(EventKey key) {
        return Optional.ofNullable(entries.get(key));
    }

    synchronized void put(EventKey key, Series series) {
        entries.put(key, series);
    }

    synchronized void remove(EventKey key) {
        entries.remove(key);
    }

    synchronized int size() {
        return entries.size();
    }
}
