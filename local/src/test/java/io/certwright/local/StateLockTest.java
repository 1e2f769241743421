package io.certwright.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateLockTest {
    @TempDir
    Path state;

    @Test
    void secondHolderFailsNamingDirectoryAndPid() {
        try (StateLock first = StateLock.acquire(state)) {
            String pid = Long.toString(ProcessHandle.current().pid());

            assertThatThrownBy(() -> StateLock.acquire(state))
                    .isInstanceOf(StateLock.LockedException.class)
                    .hasMessageContaining(state.toString())
                    .hasMessageContaining("PID " + pid);
        }
    }

    @Test
    void lockIsFreeAfterClose() {
        StateLock.acquire(state).close();

        assertThat(StateLock.isHeld(state)).isFalse();
        StateLock.acquire(state).close();
    }

    @Test
    void heldLockIsReported() {
        try (StateLock lock = StateLock.acquire(state)) {
            assertThat(StateLock.isHeld(state)).isTrue();
        }
    }
}
