package io.certwright.webhook;

import java.util.Optional;

/**
 * Finds the plural resource name and scope of a kind through the API server's discovery
 * endpoints. Implementations are thread-safe and may cache results.
 */
public interface ApiResourceLookup {
    /**
     * Returns the resource that serves {@code kind} in {@code group}, or empty when the API server
     * serves no such kind.
     *
     * @throws RuntimeException when discovery failed
     */
    Optional<ApiResource> find(String group, String kind);

    /** A served resource, such as {@code issuers} in {@code cert-manager.io}, namespaced. */
    record ApiResource(String group, String resource, boolean namespaced) {
    }
}
