package io.certwright.kubernetes;

import io.certwright.api.Annotations;
import io.certwright.api.Json;
import io.certwright.core.certificates.secrets.IssuedSecretBuilder;
import io.certwright.core.cluster.ChangeListener;
import io.certwright.core.cluster.Cluster;
import io.certwright.core.cluster.ClusterException;
import io.certwright.core.cluster.ClusterIndex;
import io.certwright.core.cluster.Event;
import io.certwright.core.cluster.EventRecorder;
import io.certwright.core.cluster.ObjectKey;
import io.certwright.core.cluster.ResourceKind;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Cluster} port over a Kubernetes API server, with fabric8's client.
 *
 * <p>Reads come from informer caches, one shared index informer per kind, so they cost no request
 * and may lag behind writes by the time a watch event takes to arrive, as with client-go listers.
 * A write based on a stale read fails with {@link ClusterException.Conflict}, and the controller
 * retries. Only Secrets labelled {@code controller.cert-manager.io/fao=true} are cached, so memory
 * grows with the managed certificates and not with the cluster. {@link #get} of any other Secret is a
 * live GET, and {@link #list} of Secrets returns only the labelled ones.
 *
 * <p>The cert-manager kinds travel as fabric8 generic resources and are converted with
 * {@link io.certwright.api.Json}, because the model classes carry no fabric8 group and version
 * annotations; see {@link ResourceCodec}. Their informers store the converted models
 * ({@link ModelItemStore}).
 *
 * <p>The cert-manager kinds carry no {@code metadata.managedFields}, neither from the caches nor from
 * writes. A Secret from the cache keeps the entries of the issuing controller's field manager, which the
 * post-issuance checks read, and a Secret that a write returns keeps all of them.
 *
 * <p>Lifecycle: construct, {@link #addListener add listeners}, {@link #start()}, and {@link #close()}
 * when done. Listeners added before {@link #start()} see every existing object as a create while the
 * caches fill. Reads before {@link #start()} returned see partial caches. Thread-safe.
 */
public final class KubernetesCluster implements Cluster, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(KubernetesCluster.class);

    private final KubernetesClient client;
    private final Clock clock;
    private final KubernetesClusterOptions options;
    /**
     * Objects per page of an informer's initial list. Unpaged, fabric8 parses a whole kind into one list before
     * storing any of it, and a start-up over 10,000 Certificates held about 500 MB of such lists at once.
     */
    static final long LIST_PAGE_SIZE = 500;

    private final List<ChangeListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<ResourceKind<?>, KindCache<?, ?>> caches = new LinkedHashMap<>();
    private final EventSeriesCache eventSeries = new EventSeriesCache();

    public KubernetesCluster(KubernetesClient client, Clock clock, KubernetesClusterOptions options) {
        this.client = Objects.requireNonNull(client, "client");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.options = Objects.requireNonNull(options, "options");
        for (ResourceKind<?> kind : ResourceKind.ALL) {
            caches.put(kind, kind == ResourceKind.SECRET ? secretCache() : resourceCache(kind));
        }
        for (ClusterIndex<?> index : ClusterIndex.ALL) {
            addIndex(index);
        }
    }

    private <T extends HasMetadata> void addIndex(ClusterIndex<T> index) {
        cache(index.kind()).addIndex(index);
    }

    /**
     * Starts every informer and waits until each has listed its kind once.
     *
     * @throws ClusterException when a cache does not fill within the configured timeout, e.g. because
     *     a CRD is not installed or RBAC forbids the list
     */
    public void start() {
        List<CompletableFuture<Void>> synced = new ArrayList<>();
        long start = System.nanoTime();
        for (KindCache<?, ?> cache : caches.values()) {
            synced.add(cache.informer().start().toCompletableFuture()
                    .thenRun(() -> log.info("informer cache of {} synced: {} objects after {} ms", cache.kind().kind(),
                            cache.informer().getIndexer().list().size(), (System.nanoTime() - start) / 1_000_000)));
        }
        try {
            CompletableFuture.allOf(synced.toArray(CompletableFuture[]::new))
                    .get(options.cacheSyncTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new ClusterException("caches did not sync within " + options.cacheSyncTimeout()
                    + ": " + unsyncedKinds() + " still listing; check that the cert-manager CRDs are installed"
                    + " and that the service account may list and watch them", e);
        } catch (ExecutionException e) {
            throw new ClusterException("starting the informers against the API server " + client.getMasterUrl()
                    + " failed: " + describeFailure(e.getCause()) + "; check that the API server is reachable at"
                    + " that address and that the kubeconfig's credentials are valid", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterException("interrupted while waiting for the caches to sync", e);
        }
        log.info("informer caches synced for {} (namespace {})", caches.keySet(),
                options.namespace() == null ? "all" : options.namespace());
    }

    /**
     * Returns the messages of a failure and its causes, such as {@code KubernetesClientException: Failed to
     * list ...: ConnectException: Connection refused}, naming the type where a message is missing.
     */
    static String describeFailure(Throwable failure) {
        StringBuilder description = new StringBuilder();
        Throwable current = failure;
        for (int depth = 0; current != null && depth < 5; depth++) {
            if (description.length() > 0) {
                description.append(": ");
            }
            description.append(current.getClass().getSimpleName());
            if (current.getMessage() != null && !current.getMessage().isBlank()) {
                description.append(" (").append(current.getMessage()).append(')');
            }
            current = current.getCause() == current ? null : current.getCause();
        }
        return description.toString();
    }

    /** Stops the informers; the client stays open and belongs to the caller. */
    @Override
    public void close() {
        for (KindCache<?, ?> cache : caches.values()) {
            cache.informer().stop();
        }
    }

    @Override
    public <T extends HasMetadata> Optional<T> get(ResourceKind<T> kind, String namespace, String name) {
        Optional<T> cached = cache(kind).get(namespace, name);
        if (cached.isPresent() || kind != ResourceKind.SECRET) {
            return cached;
        }
        // Only labelled Secrets are cached; any other one is read from the API server.
        try {
            Secret live = client.secrets().inNamespace(namespace).withName(name).get();
            return Optional.ofNullable(live).map(kind.type()::cast);
        } catch (KubernetesClientException e) {
            throw ApiErrors.translate(e, "get", kind, new ObjectKey(namespace, name));
        }
    }

    @Override
    public <T extends HasMetadata> List<T> list(ResourceKind<T> kind, String namespace) {
        return cache(kind).list(namespace);
    }

    /** Lists as {@link Cluster#listIndexed} does, from an informer index. */
    @Override
    public <T extends HasMetadata> List<T> listIndexed(ClusterIndex<T> index, String namespace, String value) {
        return cache(index.kind()).listIndexed(index, namespace, Objects.requireNonNull(value, "value"));
    }

    /** Lists as {@link Cluster#listMatching} does, filtering the cached models and copying only the accepted ones. */
    @Override
    public <T extends HasMetadata> List<T> listMatching(ResourceKind<T> kind, String namespace,
                                                        Predicate<? super T> filter) {
        return cache(kind).listMatching(namespace, Objects.requireNonNull(filter, "filter"));
    }

    @Override
    public <T extends HasMetadata> T create(ResourceKind<T> kind, T object) {
        T copy = admit(kind, object);
        ObjectKey key = ObjectKey.of(copy);
        try {
            if (copy instanceof Secret secret) {
                Secret created = client.secrets().inNamespace(key.namespace()).resource(secret).create();
                return kind.type().cast(created);
            }
            GenericKubernetesResource created = scoped(kind, key.namespace())
                    .resource(ResourceCodec.toGeneric(kind, copy)).create();
            return fromServer(kind, created);
        } catch (KubernetesClientException e) {
            throw ApiErrors.translate(e, "create", kind, key);
        }
    }

    @Override
    public <T extends HasMetadata> T update(ResourceKind<T> kind, T object) {
        T copy = admit(kind, object);
        ObjectKey key = ObjectKey.of(copy);
        fillResourceVersion(kind, copy);
        try {
            if (copy instanceof Secret secret) {
                Secret updated = client.secrets().inNamespace(key.namespace()).resource(secret).update();
                return kind.type().cast(updated);
            }
            GenericKubernetesResource updated = scoped(kind, key.namespace())
                    .resource(ResourceCodec.toGeneric(kind, copy)).update();
            return fromServer(kind, updated);
        } catch (KubernetesClientException e) {
            throw ApiErrors.translate(e, "update", kind, key);
        }
    }

    @Override
    public <T extends HasMetadata> T updateStatus(ResourceKind<T> kind, T object) {
        if (kind == ResourceKind.SECRET) {
            throw new ClusterException.Invalid("Secrets have no status; use update to change Secret "
                    + ObjectKey.of(object));
        }
        T copy = admit(kind, object);
        ObjectKey key = ObjectKey.of(copy);
        fillResourceVersion(kind, copy);
        try {
            GenericKubernetesResource updated = scoped(kind, key.namespace())
                    .resource(ResourceCodec.toGeneric(kind, copy)).updateStatus();
            return fromServer(kind, updated);
        } catch (KubernetesClientException e) {
            throw ApiErrors.translate(e, "update status of", kind, key);
        }
    }

    @Override
    public <T extends HasMetadata> void delete(ResourceKind<T> kind, String namespace, String name) {
        String scopedNamespace = kind.namespaced() ? namespace : null;
        try {
            if (kind == ResourceKind.SECRET) {
                client.secrets().inNamespace(namespace).withName(name).delete();
            } else {
                scoped(kind, scopedNamespace).withName(name).delete();
            }
        } catch (KubernetesClientException e) {
            if (!ApiErrors.isNotFound(e)) {
                throw ApiErrors.translate(e, "delete", kind, new ObjectKey(scopedNamespace, name));
            }
        }
    }

    /**
     * Applies the Secret with a server-side apply request ({@code application/apply-patch+yaml},
     * {@code force=true}), so that the API server itself computes ownership and prunes the fields the
     * manager stopped sending.
     */
    @Override
    public Secret applySecret(Secret desired, String fieldManager) {
        Objects.requireNonNull(fieldManager, "fieldManager");
        Secret body = SecretApplyBody.of(admit(ResourceKind.SECRET, desired));
        ObjectKey key = ObjectKey.of(body);
        try {
            return client.secrets().inNamespace(key.namespace()).resource(body)
                    .fieldManager(fieldManager).forceConflicts().serverSideApply();
        } catch (KubernetesClientException e) {
            throw ApiErrors.translate(e, "apply", ResourceKind.SECRET, key);
        }
    }

    @Override
    public void addListener(ChangeListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public EventRecorder events(String source) {
        return new KubernetesEventRecorder(client, clock, Objects.requireNonNull(source, "source"), eventSeries);
    }

    /** Lists the Events about one object with a live request; needs list permission on events. */
    @Override
    public List<Event> eventsFor(ResourceKind<?> kind, String namespace, String name) {
        String objectNamespace = kind.namespaced() ? namespace : null;
        String eventNamespace = objectNamespace == null
                ? KubernetesEventRecorder.CLUSTER_SCOPED_EVENT_NAMESPACE : objectNamespace;
        try {
            List<io.fabric8.kubernetes.api.model.Event> items = client.v1().events().inNamespace(eventNamespace)
                    .withFields(KubernetesEventRecorder.involvedObjectSelector(kind.kind(), name))
                    .list().getItems();
            return EventConversion.toPortEvents(items, objectNamespace);
        } catch (KubernetesClientException e) {
            throw ApiErrors.translate(e, "list events of", kind, new ObjectKey(objectNamespace, name));
        }
    }

    // ---- helpers ----

    private <T extends HasMetadata> KindCache<?, ?> resourceCache(ResourceKind<T> kind) {
        MixedOperation<GenericKubernetesResource, ?, Resource<GenericKubernetesResource>> operation =
                client.genericKubernetesResources(ApiResources.context(kind));
        long resync = options.resyncPeriod().toMillis();
        SharedIndexInformer<GenericKubernetesResource> informer = options.namespace() == null || !kind.namespaced()
                ? operation.inAnyNamespace().withLimit(LIST_PAGE_SIZE).runnableInformer(resync)
                : operation.inNamespace(options.namespace()).withLimit(LIST_PAGE_SIZE).runnableInformer(resync);
        ModelItemStore<T> store = new ModelItemStore<>(kind);
        informer.itemStore(store);
        Function<GenericKubernetesResource, T> copy = stored -> copyModel(kind, stored);
        informer.addEventHandler(new ListenerBridge<>(kind, store::sharedModel, listeners));
        return new KindCache<>(kind, informer, ModelItemStore::modelOf, copy, store.indexes());
    }

    /**
     * Returns a caller-owned model of an object the informer delivered: a copy of the stored model, or a
     * conversion of an object fresh from the API server, without its managedFields in either case.
     */
    private static <T extends HasMetadata> T copyModel(ResourceKind<T> kind, GenericKubernetesResource object) {
        if (object instanceof ModelResource<?>) {
            return kind.type().cast(Json.copy(ModelItemStore.modelOf(object)));
        }
        return fromServer(kind, object);
    }

    /**
     * Converts an object the API server sent and drops its managedFields, as the caches do. The list is left
     * empty, not null, because that is what a copy of a cached object decodes to.
     */
    private static <T extends HasMetadata> T fromServer(ResourceKind<T> kind, GenericKubernetesResource object) {
        T model = ResourceCodec.fromGeneric(kind, object);
        model.getMetadata().setManagedFields(new ArrayList<>());
        return model;
    }

    private KindCache<Secret, Secret> secretCache() {
        long resync = options.resyncPeriod().toMillis();
        SharedIndexInformer<Secret> informer = options.namespace() == null
                ? client.secrets().inAnyNamespace().withLabel(Annotations.FAO_LABEL, "true").withLimit(LIST_PAGE_SIZE)
                        .runnableInformer(resync)
                : client.secrets().inNamespace(options.namespace()).withLabel(Annotations.FAO_LABEL, "true")
                        .withLimit(LIST_PAGE_SIZE).runnableInformer(resync);
        SecretItemStore store = new SecretItemStore(Set.of(IssuedSecretBuilder.FIELD_MANAGER));
        informer.itemStore(store);
        informer.addEventHandler(new ListenerBridge<>(ResourceKind.SECRET, Function.identity(), listeners));
        return new KindCache<>(ResourceKind.SECRET, informer, Function.identity(), Json::copy, store.indexes());
    }

    @SuppressWarnings("unchecked")
    private <T extends HasMetadata> KindCache<?, T> cache(ResourceKind<T> kind) {
        KindCache<?, ?> cache = caches.get(kind);
        if (cache == null) {
            throw new IllegalArgumentException("kind " + kind + " is not handled by the Kubernetes runtime");
        }
        return (KindCache<?, T>) cache;
    }

    private NonNamespaceOperation<GenericKubernetesResource, ?, Resource<GenericKubernetesResource>> scoped(
            ResourceKind<?> kind, String namespace) {
        MixedOperation<GenericKubernetesResource, ?, Resource<GenericKubernetesResource>> operation =
                client.genericKubernetesResources(ApiResources.context(kind));
        return kind.namespaced() ? operation.inNamespace(namespace) : operation;
    }

    /**
     * Sets the stored resourceVersion on an object that has none, so that the write skips the
     * comparison as the port promises. The API server rejects updates of custom resources without one.
     */
    private <T extends HasMetadata> void fillResourceVersion(ResourceKind<T> kind, T object) {
        String resourceVersion = object.getMetadata().getResourceVersion();
        if (resourceVersion != null && !resourceVersion.isEmpty()) {
            return;
        }
        ObjectKey key = ObjectKey.of(object);
        try {
            HasMetadata live = kind == ResourceKind.SECRET
                    ? client.secrets().inNamespace(key.namespace()).withName(key.name()).get()
                    : scoped(kind, key.namespace()).withName(key.name()).get();
            if (live == null) {
                throw new ClusterException.NotFound("update " + kind.kind() + " " + key + " failed: not found");
            }
            object.getMetadata().setResourceVersion(live.getMetadata().getResourceVersion());
        } catch (KubernetesClientException e) {
            throw ApiErrors.translate(e, "read for update", kind, key);
        }
    }

    /** Copies the argument and checks what every write needs, as the in-memory store does. */
    private static <T extends HasMetadata> T admit(ResourceKind<T> kind, T object) {
        Objects.requireNonNull(object, "object");
        T copy = kind.type().cast(Json.copy(object));
        if (copy.getMetadata() == null) {
            throw new ClusterException.Invalid(kind.kind() + " has no metadata; set metadata.name");
        }
        if (!kind.namespaced()) {
            copy.getMetadata().setNamespace(null);
        } else if (copy.getMetadata().getNamespace() == null || copy.getMetadata().getNamespace().isEmpty()) {
            throw new ClusterException.Invalid(kind.kind() + " " + copy.getMetadata().getName()
                    + " has no metadata.namespace; set the namespace it belongs to");
        }
        if (copy instanceof Secret secret) {
            secret.setApiVersion("v1");
            secret.setKind("Secret");
        }
        return copy;
    }

    private List<ResourceKind<?>> unsyncedKinds() {
        List<ResourceKind<?>> unsynced = new ArrayList<>();
        caches.forEach((kind, cache) -> {
            if (!cache.informer().hasSynced()) {
                unsynced.add(kind);
            }
        });
        return unsynced;
    }
}
