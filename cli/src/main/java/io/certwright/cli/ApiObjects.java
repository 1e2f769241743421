package io.certwright.cli;

import io.certwright.api.model.Certificate;
import io.certwright.api.model.CertificateRequest;
import io.certwright.core.cluster.Event;
import io.certwright.core.cluster.ResourceKind;
import io.certwright.kubernetes.ApiErrors;
import io.certwright.kubernetes.ApiResources;
import io.certwright.kubernetes.EventConversion;
import io.certwright.kubernetes.ResourceCodec;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Live reads and writes of cert-manager objects and Secrets for one-shot commands: every call is one
 * request to the API server, without informers or caches. Failed requests raise
 * {@link KubernetesClientException}; {@link ApiErrors#serverMessage} turns one into the API server's own message.
 */
final class ApiObjects implements StatusSource {
    /** Namespace in which Kubernetes records the events of cluster-scoped objects. */
    static final String CLUSTER_SCOPED_EVENT_NAMESPACE = "default";

    private final KubernetesClient client;

    ApiObjects(KubernetesClient client) {
        this.client = client;
    }

    @Override
    public <T extends HasMetadata> Optional<T> get(ResourceKind<T> kind, String namespace, String name) {
        if (kind == ResourceKind.SECRET) {
            return Optional.ofNullable(client.secrets().inNamespace(namespace).withName(name).get())
                    .map(kind.type()::cast);
        }
        GenericKubernetesResource found = scoped(kind, namespace).withName(name).get();
        return Optional.ofNullable(found).map(generic -> ResourceCodec.fromGeneric(kind, generic));
    }

    /**
     * Lists objects of a cert-manager kind.
     *
     * @param namespace the namespace, or null for all namespaces
     * @param labelSelector a Kubernetes label selector such as {@code app=web,tier!=edge}, or null for all
     */
    <T extends HasMetadata> List<T> list(ResourceKind<T> kind, String namespace, String labelSelector) {
        MixedOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>> operation =
                client.genericKubernetesResources(ApiResources.context(kind));
        ListOptionsBuilder options = new ListOptionsBuilder();
        if (labelSelector != null) {
            options.withLabelSelector(labelSelector);
        }
        List<GenericKubernetesResource> items = namespace == null
                ? operation.inAnyNamespace().list(options.build()).getItems()
                : operation.inNamespace(namespace).list(options.build()).getItems();
        List<T> objects = new ArrayList<>(items.size());
        for (GenericKubernetesResource item : items) {
            objects.add(ResourceCodec.fromGeneric(kind, item));
        }
        return objects;
    }

    <T extends HasMetadata> T create(ResourceKind<T> kind, T object) {
        String namespace = object.getMetadata().getNamespace();
        GenericKubernetesResource generic = ResourceCodec.toGeneric(kind, object);
        return ResourceCodec.fromGeneric(kind, scoped(kind, namespace).resource(generic).create());
    }

    /** Sends a create with {@code dryRun=All}: the API server validates and admits the object but stores nothing. */
    <T extends HasMetadata> T createDryRun(ResourceKind<T> kind, T object) {
        String namespace = object.getMetadata().getNamespace();
        GenericKubernetesResource generic = ResourceCodec.toGeneric(kind, object);
        return ResourceCodec.fromGeneric(kind, scoped(kind, namespace).resource(generic).dryRun().create());
    }

    /** Replaces the status through the status subresource; the resourceVersion of {@code object} must be current. */
    <T extends HasMetadata> T updateStatus(ResourceKind<T> kind, T object) {
        String namespace = object.getMetadata().getNamespace();
        GenericKubernetesResource generic = ResourceCodec.toGeneric(kind, object);
        return ResourceCodec.fromGeneric(kind, scoped(kind, namespace).resource(generic).updateStatus());
    }

    @Override
    public List<CertificateRequest> requestsOwnedBy(Certificate certificate) {
        String uid = certificate.getMetadata().getUid();
        List<CertificateRequest> owned = new ArrayList<>();
        for (CertificateRequest request : list(ResourceKind.CERTIFICATE_REQUEST,
                certificate.getMetadata().getNamespace(), null)) {
            boolean ownedBy = request.getMetadata().getOwnerReferences() != null && request.getMetadata()
                    .getOwnerReferences().stream().anyMatch(reference -> uid != null && uid.equals(reference.getUid()));
            if (ownedBy) {
                owned.add(request);
            }
        }
        owned.sort(Comparator.comparing((CertificateRequest request) -> String.valueOf(
                request.getMetadata().getCreationTimestamp())).reversed());
        return owned;
    }

    /** Lists the core v1 Events about one object with the involvedObject field selectors kubectl describe uses. */
    @Override
    public List<Event> events(ResourceKind<?> kind, String namespace, String name) {
        String objectNamespace = kind.namespaced() ? namespace : null;
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("involvedObject.kind", kind.kind());
        fields.put("involvedObject.name", name);
        if (objectNamespace != null) {
            fields.put("involvedObject.namespace", objectNamespace);
        }
        String eventNamespace = objectNamespace == null ? CLUSTER_SCOPED_EVENT_NAMESPACE : objectNamespace;
        return EventConversion.toPortEvents(
                client.v1().events().inNamespace(eventNamespace).withFields(fields).list().getItems(), objectNamespace);
    }

    private NonNamespaceOperation<GenericKubernetesResource, GenericKubernetesResourceList,
            Resource<GenericKubernetesResource>> scoped(
            ResourceKind<?> kind, String namespace) {
        MixedOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>> operation =
                client.genericKubernetesResources(ApiResources.context(kind));
        return kind.namespaced() ? operation.inNamespace(namespace) : operation;
    }
}
