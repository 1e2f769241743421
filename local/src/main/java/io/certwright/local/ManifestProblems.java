package io.certwright.local;

import io.certwright.api.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The manifest problems of the latest load, kept in {@code <state>/problems.yaml} so that
 * commands run later, such as {@code certwright status}, can tell a rejected manifest from a
 * missing object. The runtime rewrites the file atomically after every load.
 */
public final class ManifestProblems {
    private ManifestProblems() {
    }

    /** One stored problem; the fields of {@link InputProblem} with the file as a string. */
    record Entry(String file, int document, String object, String field, String message, String fix) {
        static Entry of(InputProblem problem) {
            return new Entry(problem.file().toString(), problem.document(), problem.object(), problem.field(),
                    problem.message(), problem.fix());
        }

        InputProblem toProblem() {
            return new InputProblem(Path.of(file), document, nullToEmpty(object), nullToEmpty(field),
                    nullToEmpty(message), nullToEmpty(fix));
        }

        private static String nullToEmpty(String value) {
            return value == null ? "" : value;
        }
    }

    /** Replaces the stored problems with {@code problems}. */
    static void write(StateLayout layout, List<InputProblem> problems) {
        Entry[] entries = problems.stream().map(Entry::of).toArray(Entry[]::new);
        AtomicFiles.write(layout.problems(), Json.yaml().writeValueAsBytes(entries), AtomicFiles.PUBLIC_FILE);
    }

    /** Returns the stored problems, or an empty list when no runtime has loaded manifests into this state yet. */
    public static List<InputProblem> read(StateLayout layout) {
        try {
            Entry[] entries = Json.yaml().readValue(Files.readAllBytes(layout.problems()), Entry[].class);
            List<InputProblem> problems = new ArrayList<>();
            for (Entry entry : entries) {
                problems.add(entry.toProblem());
            }
            return problems;
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + layout.problems() + ": " + e.getMessage(), e);
        }
    }

    /** Returns the stored problems about one object, given as {@code Kind namespace/name} or {@code Kind name}. */
    public static List<InputProblem> about(StateLayout layout, String object) {
        return read(layout).stream().filter(problem -> problem.object().equals(object)).toList();
    }
}
