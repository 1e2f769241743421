package io.certwright.kubernetes.http01;

import io.certwright.acme.challenges.Solver;
import io.certwright.acme.http01.Http01SelfCheck;
import io.certwright.api.model.Challenge;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP-01 solver of the Kubernetes runtime. {@link #present} makes sure that each challenge has exactly one
 * solver Pod running the acmesolver, one Service in front of it and one Ingress rule that routes
 * {@code /.well-known/acme-challenge/<token>} for the challenge's domain to the Service: a new Ingress, or a path
 * added to the Ingress the solver names. Every object carries the challenge's identity labels
 * ({@link SolverLabels}) and an owner reference to the Challenge, so {@link #cleanUp} finds them by label and the
 * garbage collector removes them if the Challenge goes first.
 *
 * <p>Reads are live list requests filtered by the identity labels, so the controller needs list permission on
 * pods, services and ingresses, and no informer caches them. Thread-safe; {@link #present} and
 * {@link #cleanUp} are idempotent.
 *
 * <p>TODO: {@code http01.gatewayHTTPRoute} solvers are rejected; Gateway API HTTPRoutes are not created yet.
 */
public final class KubernetesHttp01Solver implements Solver {
    private static final Logger log = LoggerFactory.getLogger(KubernetesHttp01Solver.class);

    private final KubernetesClient client;
    private final SolverSettings settings;
    private final Http01SelfCheck selfCheck;

    public KubernetesHttp01Solver(KubernetesClient client, SolverSettings settings) {
        this.client = Objects.requireNonNull(client, "client");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.selfCheck = new Http01SelfCheck(settings.selfCheck());
    }

    @Override
    public void present(Challenge challenge) {
        IngressSolverConfig config = IngressSolverConfig.of(challenge);
        OwnerReference owner = ownerReference(challenge);
        String namespace = challenge.getMetadata().getNamespace();
        Map<String, String> identity = SolverLabels.identity(challenge);
        try {
            List<Pod> pods = live(client.pods().inNamespace(namespace).withLabels(identity).list().getItems());
            if (keepOldest(pods, "Pod", challenge).isEmpty()) {
                Pod created = client.pods().inNamespace(namespace)
                        .resource(SolverPods.build(challenge, settings, config, owner)).create();
                log.atInfo().addKeyValue("challenge", describe(challenge)).addKeyValue("pod", name(created))
                        .log("created HTTP-01 solver pod");
            }
            List<Service> services = live(client.services().inNamespace(namespace).withLabels(identity).list()
                    .getItems());
            Optional<Service> service = keepOldest(services, "Service", challenge);
            String serviceName = service.isPresent() ? name(service.get())
                    : name(client.services().inNamespace(namespace)
                            .resource(SolverServices.build(challenge, settings, config, owner)).create());
            if (config.name() != null) {
                addPathToNamedIngress(challenge, config.name(), serviceName);
            } else {
                ensureIngress(challenge, config, serviceName, owner);
            }
        } catch (KubernetesClientException e) {
            throw new IllegalStateException("presenting the HTTP-01 solver of Challenge " + describe(challenge)
                    + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void check(Challenge challenge) throws Exception {
        selfCheck.check(challenge, this);
    }

    /** Deletes the challenge's solver Pods, Services and Ingresses and removes its path from a named Ingress. */
    @Override
    public void cleanUp(Challenge challenge) {
        String namespace = challenge.getMetadata().getNamespace();
        Map<String, String> identity = SolverLabels.identity(challenge);
        try {
            // One DELETE per object rather than a delete-collection request, which would need the deletecollection verb.
            deleteAll(client.pods().inNamespace(namespace).withLabels(identity).list().getItems());
            deleteAll(client.services().inNamespace(namespace).withLabels(identity).list().getItems());
            deleteAll(client.network().v1().ingresses().inNamespace(namespace).withLabels(identity).list().getItems());
            String named = namedIngress(challenge);
            if (named != null) {
                Ingress ingress = client.network().v1().ingresses().inNamespace(namespace).withName(named).get();
                if (ingress != null && SolverIngresses.removePath(ingress, challenge)) {
                    client.network().v1().ingresses().inNamespace(namespace).resource(ingress).update();
                }
            }
        } catch (KubernetesClientException e) {
            throw new IllegalStateException("cleaning up the HTTP-01 solver of Challenge " + describe(challenge)
                    + " failed: " + e.getMessage(), e);
        }
        log.atDebug().addKeyValue("challenge", describe(challenge)).log("cleaned up HTTP-01 solver objects");
    }

    private void ensureIngress(Challenge challenge, IngressSolverConfig config, String serviceName,
            OwnerReference owner) {
        String namespace = challenge.getMetadata().getNamespace();
        List<Ingress> ingresses = live(client.network().v1().ingresses().inNamespace(namespace)
                .withLabels(SolverLabels.identity(challenge)).list().getItems());
        List<Ingress> current = new ArrayList<>();
        for (Ingress ingress : ingresses) {
            if (routesTo(ingress, serviceName)) {
                current.add(ingress);
            } else {
                // Left over from an earlier Service of this challenge: it would route to nothing.
                client.network().v1().ingresses().inNamespace(namespace).resource(ingress).delete();
            }
        }
        if (keepOldest(current, "Ingress", challenge).isEmpty()) {
            Ingress created = client.network().v1().ingresses().inNamespace(namespace)
                    .resource(SolverIngresses.build(challenge, settings, config, serviceName, owner)).create();
            log.atInfo().addKeyValue("challenge", describe(challenge)).addKeyValue("ingress", name(created))
                    .log("created HTTP-01 solver ingress");
        }
    }

    private void addPathToNamedIngress(Challenge challenge, String ingressName, String serviceName) {
        String namespace = challenge.getMetadata().getNamespace();
        Ingress ingress = client.network().v1().ingresses().inNamespace(namespace).withName(ingressName).get();
        if (ingress == null) {
            throw new IllegalStateException("Ingress " + namespace + "/" + ingressName + ", named by"
                    + " spec.solver.http01.ingress.name of Challenge " + describe(challenge) + ", not found; create it"
                    + " or remove the name so that a solver Ingress is created");
        }
        if (SolverIngresses.addPath(ingress, challenge, serviceName)) {
            // The update carries the read resourceVersion, so a concurrent edit fails with a conflict and is retried.
            client.network().v1().ingresses().inNamespace(namespace).resource(ingress).update();
            log.atInfo().addKeyValue("challenge", describe(challenge)).addKeyValue("ingress", ingressName)
                    .log("added HTTP-01 challenge path to existing ingress");
        }
    }

    /** Keeps the oldest object and deletes the others, so that a challenge never has two of a kind. */
    private <T extends HasMetadata> Optional<T> keepOldest(List<T> objects, String kind, Challenge challenge) {
        if (objects.isEmpty()) {
            return Optional.empty();
        }
        List<T> sorted = new ArrayList<>(objects);
        sorted.sort(Comparator.comparing((T object) -> Objects.toString(object.getMetadata().getCreationTimestamp(), ""))
                .thenComparing(object -> object.getMetadata().getName()));
        for (T extra : sorted.subList(1, sorted.size())) {
            log.atInfo().addKeyValue("challenge", describe(challenge)).addKeyValue("name", name(extra))
                    .log("deleting duplicate HTTP-01 solver {}", kind);
            client.resource(extra).delete();
        }
        return Optional.of(sorted.get(0));
    }

    private void deleteAll(List<? extends HasMetadata> objects) {
        for (HasMetadata object : objects) {
            client.resource(object).delete();
        }
    }

    private static boolean routesTo(Ingress ingress, String serviceName) {
        if (ingress.getSpec() == null || ingress.getSpec().getRules() == null) {
            return false;
        }
        for (IngressRule rule : ingress.getSpec().getRules()) {
            if (rule.getHttp() == null || rule.getHttp().getPaths() == null) {
                continue;
            }
            boolean allMatch = rule.getHttp().getPaths().stream().allMatch(path -> path.getBackend() != null
                    && path.getBackend().getService() != null
                    && serviceName.equals(path.getBackend().getService().getName()));
            if (!allMatch) {
                return false;
            }
        }
        return true;
    }

    private static <T extends HasMetadata> List<T> live(List<T> objects) {
        return objects.stream().filter(object -> object.getMetadata().getDeletionTimestamp() == null).toList();
    }

    /** Returns the Ingress a challenge's solver edits in place, or null when it names none or is malformed. */
    private static String namedIngress(Challenge challenge) {
        try {
            return IngressSolverConfig.of(challenge).name();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static OwnerReference ownerReference(Challenge challenge) {
        String uid = challenge.getMetadata().getUid();
        if (uid == null || uid.isEmpty()) {
            throw new IllegalArgumentException("Challenge " + describe(challenge) + " has no metadata.uid; only a"
                    + " Challenge read from the API server can own solver objects");
        }
        return new OwnerReferenceBuilder()
                .withApiVersion(Challenge.API_VERSION)
                .withKind(Challenge.KIND)
                .withName(challenge.getMetadata().getName())
                .withUid(uid)
                .withController(true)
                .withBlockOwnerDeletion(true)
                .build();
    }

    private static String name(HasMetadata object) {
        return object.getMetadata().getName();
    }

    private static String describe(Challenge challenge) {
        return challenge.getMetadata().getNamespace() + "/" + challenge.getMetadata().getName();
    }
}
