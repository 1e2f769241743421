package io.certwright.kubernetes.webhook;

import io.certwright.webhook.ApiResourceLookup;
import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscovery;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the resource of a kind through the API server's discovery endpoints. Found kinds are
 * cached for the life of the process, because a served kind keeps its resource name. Kinds that
 * are not served are looked up again each time, so an issuer type installed later is found.
 */
public final class KubernetesApiResourceLookup implements ApiResourceLookup {
    private final KubernetesClient client;
    private final Map<String, ApiResource> found = new ConcurrentHashMap<>();

    public KubernetesApiResourceLookup(KubernetesClient client) {
        this.client = client;
    }

    @Override
    public Optional<ApiResource> find(String group, String kind) {
        String key = group + "/" + kind;
        ApiResource cached = found.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        APIGroup apiGroup = client.getApiGroup(group);
        if (apiGroup == null || apiGroup.getVersions() == null) {
            return Optional.empty();
        }
        for (GroupVersionForDiscovery version : apiGroup.getVersions()) {
            APIResourceList resources = client.getApiResources(version.getGroupVersion());
            if (resources == null || resources.getResources() == null) {
                continue;
            }
            for (APIResource resource : resources.getResources()) {
                // Subresources such as issuers/status report their parent's kind.
                if (kind.equals(resource.getKind()) && !resource.getName().contains("/")) {
                    ApiResource result = new ApiResource(group, resource.getName(),
                            Boolean.TRUE.equals(resource.getNamespaced()));
                    found.put(key, result);
                    return Optional.of(result);
                }
            }
        }
        return Optional.empty();
    }
}
