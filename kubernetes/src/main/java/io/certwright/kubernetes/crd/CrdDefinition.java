package io.certwright.kubernetes.crd;

import io.certwright.core.cluster.ResourceKind;
import java.util.List;

/**
 * Everything about a CRD that the model classes do not provide: names, scope, printer columns and
 * selectable fields.
 *
 * @param kind the kind, whose model class provides the schema
 * @param plural lower-case plural, also the first part of the CRD name
 * @param singular lower-case singular
 * @param shortNames short names for kubectl
 * @param categories categories for {@code kubectl get <category>}
 * @param printerColumns columns of {@code kubectl get}, in display order
 * @param selectableFields JSONPaths usable in field selectors
 */
public record CrdDefinition(ResourceKind<?> kind, String plural, String singular, List<String> shortNames,
        List<String> categories, List<PrinterColumn> printerColumns, List<String> selectableFields) {

    /** Returns {@code <plural>.<group>}, the CRD's metadata.name. */
    public String crdName() {
        return plural + "." + kind.group();
    }
}
