package io.certwright.local;

import io.certwright.core.time.MutableClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.stream.Stream;

/** Shared set-up of the runtime tests. */
final class Fixtures {
    /** The example a new user starts from, relative to this module's directory. */
    static final Path QUICKSTART = Path.of("..", "examples", "quickstart");

    private Fixtures() {
    }

    /** Copies the quickstart into {@code target} and returns {@code target}. */
    static Path copyQuickstart(Path target) {
        try (Stream<Path> files = Files.list(QUICKSTART)) {
            Files.createDirectories(target);
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.copy(file, target.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    /** Returns a clock at the current second, so that openssl and the JDK accept what is issued. */
    static MutableClock clockAtNow() {
        return new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    static LocalRuntime.Settings settings(Path directory, MutableClock clock) {
        return LocalRuntime.Settings.of(directory).withClock(clock).withOnceWait(Duration.ZERO);
    }
}
