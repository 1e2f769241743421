package io.certwright.cli;

import io.certwright.api.Json;
import io.certwright.api.model.Certificate;
import io.certwright.api.model.CertificateRequest;
import io.certwright.core.cluster.Event;
import io.certwright.core.cluster.ResourceKind;
import io.certwright.kubernetes.ApiResources;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.net.HttpURLConnection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Live reads and writes of cert-manager objects and Secrets for one-shot commands: every call is one
 * request to the API server, without informers or caches. Failed requests raise
 * {@link KubernetesClientException}; {@link #describe} turns one into the API server's own message.
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
        return Optional.ofNullable(found).map(generic -> fromGeneric(kind, generic));
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
            objects.add(fromGeneric(kind, item));
        }
        return objects;
    }

    <T extends HasMetadata> T create(ResourceKind<T> kind, T object) {
        String namespace = object.getMetadata().getNamespace();
        return fromGeneric(kind, scoped(kind, namespace).resource(toGeneric(kind, object)).create());
    }

    /** Sends a create with {@code dryRun=All}: the API server validates and admits the object but stores nothing. */
    <T extends HasMetadata> T createDryRun(ResourceKind<T> kind, T object) {
        String namespace = object.getMetadata().getNamespace();
        return fromGeneric(kind, scoped(kind, namespace).resource(toGeneric(kind, object)).dryRun().create());
    }

    /** Replaces the status through the status subresource; the resourceVersion of {@code object} must be current. */
    <T extends HasMetadata> T updateStatus(ResourceKind<T> kind, T object) {
        String namespace = object.getMetadata().getNamespace();
        return fromGeneric(kind, scoped(kind, namespace).resource(toGeneric(kind, object)).updateStatus());
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
        List<Event> events = new ArrayList<>();
        for (io.fabric8.kubernetes.api.model.Event item : client.v1().events().inNamespace(eventNamespace)
                .withFields(fields).list().getItems()) {
            events.add(toEvent(item, objectNamespace));
        }
        events.sort(Comparator.comparing(Event::lastTimestamp, Comparator.nullsFirst(Comparator.naturalOrder())));
        return events;
    }

    /** Returns the API server's message for a failed request, such as {@code certificates.cert-manager.io "web" not found}. */
    static String describe(KubernetesClientException error) {
        boolean statusHasDetails = error.getStatus() != null && error.getStatus().getDetails() != null;
        if (isNotFound(error) && !statusHasDetails) {
            // The API server answers 404 without a Status body for a path it does not serve at all, such as
            // a resource whose CRD is not installed. client-go reports that case with this sentence.
            return "the server could not find the requested resource";
        }
        if (error.getStatus() != null && error.getStatus().getMessage() != null
                && !error.getStatus().getMessage().isEmpty()) {
            return error.getStatus().getMessage();
        }
        Throwable cause = error.getCause();
        return cause != null && cause.getMessage() != null ? cause.getMessage() : error.getMessage();
    }

    static boolean isNotFound(KubernetesClientException error) {
        return error.getCode() == HttpURLConnection.HTTP_NOT_FOUND;
    }

    private NonNamespaceOperation<GenericKubernetesResource, GenericKubernetesResourceList,
            Resource<GenericKubernetesResource>> scoped(
            ResourceKind<?> kind, String namespace) {
        MixedOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>> operation =
                client.genericKubernetesResources(ApiResources.context(kind));
        return kind.namespaced() ? operation.inNamespace(namespace) : operation;
    }

    private static Event toEvent(io.fabric8.kubernetes.api.model.Event item, String objectNamespace) {
        Instant first = parseTime(item.getFirstTimestamp());
        Instant last = parseTime(item.getLastTimestamp());
        if (last == null && item.getEventTime() != null) {
            last = parseTime(item.getEventTime().getTime());
        }
        int count = item.getCount() == null ? 1 : item.getCount();
        String source = item.getSource() != null && item.getSource().getComponent() != null
                ? item.getSource().getComponent() : item.getReportingComponent();
        return new Event(item.getInvolvedObject().getKind(), objectNamespace, item.getInvolvedObject().getName(),
                item.getType(), item.getReason(), item.getMessage(), count, first, last == null ? first : last,
                source);
    }

    private static Instant parseTime(String timestamp) {
        return timestamp == null || timestamp.isEmpty() ? null : Instant.parse(timestamp);
    }

    /** Returns the JSON tree of a model object, through serialized bytes so that byte[] fields become base64. */
    private static GenericKubernetesResource toGeneric(ResourceKind<?> kind, HasMetadata object) {
        GenericKubernetesResource generic = Json.json().readValue(Json.json().writeValueAsBytes(object),
                GenericKubernetesResource.class);
        generic.setApiVersion(ApiResources.apiVersion(kind));
        generic.setKind(kind.kind());
        return generic;
    }

    private static <T extends HasMetadata> T fromGeneric(ResourceKind<T> kind, GenericKubernetesResource generic) {
        return Json.json().treeToValue(Json.json().valueToTree(generic), kind.type());
    }
}
