package io.certwright.core.cluster;

import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Reads the field ownership that server-side apply records in a Secret's {@code metadata.managedFields}, so
 * that checks can ask which keys a field manager set. Works on Secrets from the in-memory store and from a
 * real API server alike.
 */
public final class ManagedFields {
    /** Operation of entries written by server-side apply. */
    public static final String OPERATION_APPLY = "Apply";
    /** Operation of entries written by create and update. */
    public static final String OPERATION_UPDATE = "Update";
    /** Manager recorded for creates and updates that name none, as the API server does for unnamed clients. */
    public static final String UNKNOWN_MANAGER = "unknown";

    static final String LABELS_PREFIX = "metadata.labels.";
    static final String ANNOTATIONS_PREFIX = "metadata.annotations.";
    static final String OWNER_REFERENCES = "metadata.ownerReferences";
    static final String DATA_PREFIX = "data.";
    static final String TYPE = "type";

    private ManagedFields() {
    }

    /**
     * Returns the Secret fields that {@code manager} owns, over all of its entries (Apply and Update):
     * <ul>
     *   <li>{@code metadata.labels.<key>} and {@code metadata.annotations.<key>} per label and annotation,
     *       e.g. {@code metadata.labels.controller.cert-manager.io/fao};</li>
     *   <li>{@code data.<key>} per data key, e.g. {@code data.tls.crt};</li>
     *   <li>{@code type};</li>
     *   <li>{@code metadata.ownerReferences} once when the manager owns any owner reference.</li>
     * </ul>
     * The key follows the prefix verbatim, dots included. Fields this class does not track are left out.
     *
     * @return the paths, empty when the manager owns nothing or the Secret has no managedFields
     */
    public static Set<String> ownedPaths(Secret secret, String manager) {
        SecretFieldSet owned = new SecretFieldSet();
        if (secret.getMetadata() != null && secret.getMetadata().getManagedFields() != null) {
            for (ManagedFieldsEntry entry : secret.getMetadata().getManagedFields()) {
                if (manager.equals(entry.getManager())) {
                    owned.addAll(SecretFieldSet.parse(entry.getFieldsV1()));
                }
            }
        }
        return new LinkedHashSet<>(owned.paths());
    }
}
