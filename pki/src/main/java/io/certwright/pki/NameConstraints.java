package io.certwright.pki;

/**
 * The NameConstraints extension requested for a CA certificate.
 *
 * @param critical whether the extension is marked critical
 * @param permitted the permitted subtrees, or null for none
 * @param excluded the excluded subtrees, or null for none
 */
public record NameConstraints(boolean critical, NameConstraintItem permitted, NameConstraintItem excluded) {}
