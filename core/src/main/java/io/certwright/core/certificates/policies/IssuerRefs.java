package io.certwright.core.certificates.policies;

import io.certwright.api.Annotations;
import io.certwright.api.Defaults;
import io.certwright.api.model.IssuerReference;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.Map;

/**
 * Comparison and display of issuer references with cert-manager's in-memory defaulting: an empty
 * kind means {@code Issuer} and an empty group means {@code cert-manager.io}. Spelling out the
 * defaults, or removing them again, must not count as a change of issuer, or every such edit would
 * re-issue the certificate.
 */
public final class IssuerRefs {

    private IssuerRefs() {}

    /** Returns true when the kinds are equal after defaulting an empty or null kind to {@code Issuer}. */
    public static boolean kindsEqual(String left, String right) {
        return defaultKind(left).equals(defaultKind(right));
    }

    /** Returns true when the groups are equal after defaulting an empty or null group to {@code cert-manager.io}. */
    public static boolean groupsEqual(String left, String right) {
        return defaultGroup(left).equals(defaultGroup(right));
    }

    /** Returns true when name, defaulted kind and defaulted group are equal; a null reference counts as empty. */
    public static boolean equal(IssuerReference left, IssuerReference right) {
        return nameOf(left).equals(nameOf(right))
                && kindsEqual(left == null ? null : left.getKind(), right == null ? null : right.getKind())
                && groupsEqual(left == null ? null : left.getGroup(), right == null ? null : right.getGroup());
    }

    /**
     * Returns true when the issuer annotations of {@code secret} name {@code ref}: when any of the name, kind
     * and group annotations is present the name must be equal, and kind and group are compared with their
     * defaults. A null Secret never matches.
     */
    public static boolean secretAnnotationsMatch(Secret secret, IssuerReference ref) {
        if (secret == null) {
            return false;
        }
        Map<String, String> annotations = secret.getMetadata() == null || secret.getMetadata().getAnnotations() == null
                ? Map.of() : secret.getMetadata().getAnnotations();
        boolean anyPresent = annotations.containsKey(Annotations.ISSUER_NAME)
                || annotations.containsKey(Annotations.ISSUER_KIND)
                || annotations.containsKey(Annotations.ISSUER_GROUP);
        if (anyPresent && !nameOf(ref).equals(annotations.getOrDefault(Annotations.ISSUER_NAME, ""))) {
            return false;
        }
        return kindsEqual(annotations.get(Annotations.ISSUER_KIND), ref == null ? null : ref.getKind())
                && groupsEqual(annotations.get(Annotations.ISSUER_GROUP), ref == null ? null : ref.getGroup());
    }

    /** Formats a reference as {@code Kind.group/name}, for example {@code ClusterIssuer.cert-manager.io/ca-old}. */
    public static String format(IssuerReference ref) {
        return format(nameOf(ref), ref == null ? null : ref.getKind(), ref == null ? null : ref.getGroup());
    }

    /** Formats name, kind and group as {@code Kind.group/name}, applying the defaults to kind and group. */
    public static String format(String name, String kind, String group) {
        return defaultKind(kind) + "." + defaultGroup(group) + "/" + (name == null ? "" : name);
    }

    private static String nameOf(IssuerReference ref) {
        return ref == null || ref.getName() == null ? "" : ref.getName();
    }

    private static String defaultKind(String kind) {
        return kind == null || kind.isEmpty() ? Defaults.ISSUER_KIND : kind;
    }

    private static String defaultGroup(String group) {
        return group == null || group.isEmpty() ? Defaults.GROUP : group;
    }
}
