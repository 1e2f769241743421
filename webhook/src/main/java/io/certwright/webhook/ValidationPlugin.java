package io.certwright.webhook;

/**
 * One step of the validating admission chain. Implementations are stateless or thread-safe,
 * because the server calls them from several threads at once.
 */
interface ValidationPlugin {
    /**
     * Validates a CREATE or UPDATE.
     *
     * @param objects the decoded old and new objects; {@code previous} is null on CREATE
     * @return the problems found; {@link Verdict#NONE} when the plugin does not handle this resource
     */
    Verdict validate(AdmissionRequest request, AdmissionObjects objects);
}
