package io.certwright.local;

import io.certwright.api.Json;
import io.certwright.core.cluster.ObjectKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Manual renewal requests handed from {@code certwright renew} to a running runtime that holds
 * the state directory's lock. Each request is one small YAML file in {@code <state>/requests/},
 * written atomically so the runtime never reads half of one; the runtime deletes a file after
 * applying it.
 */
public final class RenewalRequests {
    private static final Logger LOG = LoggerFactory.getLogger(RenewalRequests.class);

    private final Path directory;

    public RenewalRequests(StateLayout layout) {
        this.directory = layout.requests();
    }

    public Path directory() {
        return directory;
    }

    /** One request file's content. */
    record Request(String namespace, String name) {
    }

    /** Writes a request to renew one Certificate. */
    public void submit(ObjectKey certificate) {
        Path file = directory.resolve(UUID.randomUUID() + ".yaml");
        AtomicFiles.write(file, Json.yaml().writeValueAsBytes(new Request(certificate.namespace(), certificate.name())),
                AtomicFiles.PUBLIC_FILE);
    }

    /**
     * Applies every pending request in the order written and deletes it. A request whose
     * handler returns false (the Certificate changed meanwhile) stays for the next call.
     *
     * @return how many requests were applied
     */
    public int drain(Predicate<ObjectKey> handler) {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, "*.yaml")) {
            entries.forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException("listing renewal requests in " + directory + ": " + e.getMessage(), e);
        }
        files.sort((a, b) -> Long.compare(modified(a), modified(b)));
        int applied = 0;
        for (Path file : files) {
            Request request;
            try {
                request = Json.yaml().readValue(Files.readAllBytes(file), Request.class);
            } catch (IOException | RuntimeException e) {
                LOG.warn("ignoring unreadable renewal request: file={}, error={}", file, e.getMessage());
                AtomicFiles.deleteQuietly(file);
                continue;
            }
            if (handler.test(new ObjectKey(request.namespace(), request.name()))) {
                AtomicFiles.deleteQuietly(file);
                applied++;
            }
        }
        return applied;
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }
}
