package io.certwright.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventSeriesCacheTest {
    private static EventKey key(int index) {
        return new EventKey("source", "Certificate", "team-a", "web-" + index, "uid", "Normal", "Issuing", "m");
    }

    private static EventSeriesCache.Series series(int index) {
        return new EventSeriesCache.Series("team-a", "web-" + index + ".abc", 1, Instant.EPOCH);
    }

    @Test
    void nextRaisesCountAndKeepsName() {
        EventSeriesCache.Series next = series(1).next();

        assertThat(next.count()).isEqualTo(2);
        assertThat(next.eventName()).isEqualTo("web-1.abc");
    }

    @Test
    void cacheIsBounded() {
        EventSeriesCache cache = new EventSeriesCache();
        for (int i = 0; i < EventSeriesCache.MAX_ENTRIES + 10; i++) {
            cache.put(key(i), series(i));
        }

        assertThat(cache.size()).isEqualTo(EventSeriesCache.MAX_ENTRIES);
    }

    @Test
    void leastRecentlyUsedEntryIsDroppedFirst() {
        EventSeriesCache cache = new EventSeriesCache();
        for (int i = 0; i < EventSeriesCache.MAX_ENTRIES; i++) {
            cache.put(key(i), series(i));
        }
        cache.get(key(0));

        cache.put(key(EventSeriesCache.MAX_ENTRIES), series(EventSeriesCache.MAX_ENTRIES));

        assertThat(cache.get(key(0))).isPresent();
        assertThat(cache.get(key(1))).isEmpty();
    }
}
