package io.certwright.kubernetes;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the body of a server-side apply of a Secret: only the fields the applying manager means to
 * own (name, namespace, labels, annotations, ownerReferences, type, data).
 *
 * <p>Server-populated metadata is left out, because the API server rejects an apply body that sets
 * managedFields and would use a resourceVersion as a precondition. {@code stringData} is folded into
 * {@code data}, so that the manager owns the data keys it wrote. Empty label and annotation maps are
 * left out rather than sent as {@code {}}, which would still claim ownership of the map itself.
 */
final class SecretApplyBody {
    private SecretApplyBody() {
    }

    static Secret of(Secret desired) {
        ObjectMeta source = desired.getMetadata();
        ObjectMeta metadata = new ObjectMeta();
        metadata.setName(source.getName());
        metadata.setNamespace(source.getNamespace());
        metadata.setLabels(nullIfEmpty(source.getLabels()));
        metadata.setAnnotations(nullIfEmpty(source.getAnnotations()));
        if (source.getOwnerReferences() != null && !source.getOwnerReferences().isEmpty()) {
            metadata.setOwnerReferences(new ArrayList<>(source.getOwnerReferences()));
        } else {
            metadata.setOwnerReferences(null);
        }
        metadata.setFinalizers(null);
        metadata.setManagedFields(null);

        Secret body = new Secret();
        body.setApiVersion("v1");
        body.setKind("Secret");
        body.setMetadata(metadata);
        body.setType(desired.getType());
        body.setData(nullIfEmpty(mergedData(desired)));
        body.setStringData(null);
        body.setImmutable(desired.getImmutable());
        return body;
    }

    private static Map<String, String> mergedData(Secret desired) {
        Map<String, String> data = new LinkedHashMap<>();
        if (desired.getData() != null) {
            data.putAll(desired.getData());
        }
        if (desired.getStringData() != null) {
            desired.getStringData().forEach((key, value) -> data.put(key,
                    Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))));
        }
        return data;
    }

    private static Map<String, String> nullIfEmpty(Map<String, String> map) {
        return map == null || map.isEmpty() ? null : new LinkedHashMap<>(map);
    }
}
