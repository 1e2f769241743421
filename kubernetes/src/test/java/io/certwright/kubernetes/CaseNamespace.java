package io.certwright.kubernetes;

import io.certwright.api.Annotations;
import io.certwright.api.Conditions;
import io.certwright.api.SecretKeys;
import io.certwright.api.model.Certificate;
import io.certwright.api.model.CertificateCondition;
import io.certwright.api.model.CertificateRequest;
import io.certwright.core.certificates.CertificateConditions;
import io.certwright.core.cluster.Event;
import io.certwright.core.cluster.ResourceKind;
import io.certwright.core.testing.SecretContents;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * One namespace of the peer cluster in which a behaviour case runs, with helpers that read the state the
 * way the in-memory scenario tests of the core module assert on it. Manifests are applied with
 * {@code kubectl apply}; Certificates and CertificateRequests are read from an observer's informer cache,
 * Secrets and Events with live requests.
 */
final class CaseNamespace {
    static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
    private static final AtomicInteger MANIFEST_FILES = new AtomicInteger();

    private final PeerCluster peers;
    private final KubernetesCluster observer;
    private final ObjectHistory history;
    private final String name;

    private CaseNamespace(PeerCluster peers, KubernetesCluster observer, ObjectHistory history, String name) {
        this.peers = peers;
        this.observer = observer;
        this.history = history;
        this.name = name;
    }

    /** Creates the namespace {@code name}. */
    static CaseNamespace create(PeerCluster peers, KubernetesCluster observer, ObjectHistory history, String name) {
        peers.admin().namespaces()
                .resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
                .create();
        return new CaseNamespace(peers, observer, history, name);
    }

    /** Wraps a namespace that already exists, such as the cluster resource namespace {@code cert-manager}. */
    static CaseNamespace existing(PeerCluster peers, KubernetesCluster observer, ObjectHistory history, String name) {
        return new CaseNamespace(peers, observer, history, name);
    }

    String name() {
        return name;
    }

    /** Applies YAML manifests with {@code kubectl apply}; objects without a namespace go to this one. */
    void apply(String yaml) throws IOException, InterruptedException {
        Path file = peers.temporary().resolve(name + "-" + MANIFEST_FILES.incrementAndGet() + ".yaml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        peers.kubectlOrFail("apply", "-n", name, "-f", file.toString());
    }

    void kubectl(String... arguments) throws IOException, InterruptedException {
        String[] withNamespace = new String[arguments.length + 2];
        System.arraycopy(arguments, 0, withNamespace, 0, arguments.length);
        withNamespace[arguments.length] = "-n";
        withNamespace[arguments.length + 1] = name;
        peers.kubectlOrFail(withNamespace);
    }

    Secret createSecret(Secret secret) {
        return peers.admin().secrets().inNamespace(name).resource(secret).create();
    }

    Certificate certificate(String certificate) {
        return findCertificate(certificate)
                .orElseThrow(() -> new AssertionError("Certificate " + name + "/" + certificate + " not found"));
    }

    /** Returns the Certificate as the observer last saw it, or empty before the observer has seen it. */
    Optional<Certificate> findCertificate(String certificate) {
        return observer.get(ResourceKind.CERTIFICATE, name, certificate);
    }

    Optional<CertificateCondition> condition(String certificate, String type) {
        return observer.get(ResourceKind.CERTIFICATE, name, certificate)
                .flatMap(found -> ObjectHistory.condition(found, type));
    }

    boolean isReady(String certificate) {
        return observer.get(ResourceKind.CERTIFICATE, name, certificate).map(PeerCluster::ready).orElse(false);
    }

    Integer revision(String certificate) {
        return certificate(certificate).getStatus().getRevision();
    }

    /** Returns whether the Ready condition was written for the Certificate's current generation. */
    boolean readinessObservedCurrentGeneration(String certificate) {
        Optional<Certificate> found = observer.get(ResourceKind.CERTIFICATE, name, certificate);
        if (found.isEmpty()) {
            return false;
        }
        Long generation = found.get().getMetadata().getGeneration();
        return ObjectHistory.condition(found.get(), Conditions.READY)
                .map(condition -> generation != null && generation.equals(condition.getObservedGeneration()))
                .orElse(false);
    }

    /** Waits until the Certificate is Ready for its current generation. */
    void awaitReady(String certificate) throws InterruptedException {
        PeerCluster.await("Certificate " + name + "/" + certificate + " is Ready", READY_TIMEOUT,
                () -> isReady(certificate));
    }

    /** Waits until the Certificate is Ready at a revision of at least {@code revision}. */
    void awaitReadyRevision(String certificate, int revision) throws InterruptedException {
        PeerCluster.await("Certificate " + name + "/" + certificate + " is Ready at revision " + revision,
                READY_TIMEOUT, () -> isReady(certificate) && revision(certificate) != null
                        && revision(certificate) >= revision);
    }

    /**
     * Waits until the Certificate is Ready at a revision of at least {@code revision}, no longer Issuing, and
     * its next-key Secret is cleaned up, so that the issuance has finished. A manual renewal written while
     * Issuing is still True is taken up by the issuance in flight, which then removes the condition, as
     * cert-manager's issuing controller does. One written during the clean-up may adopt the next-key Secret
     * being deleted, which with {@code rotationPolicy: Never} contains the same key but skips the Reused event.
     */
    void awaitIssued(String certificate, int revision) throws InterruptedException {
        PeerCluster.await("Certificate " + name + "/" + certificate + " is issued at revision " + revision,
                READY_TIMEOUT, () -> {
                    Optional<Certificate> found = observer.get(ResourceKind.CERTIFICATE, name, certificate);
                    return found.isPresent() && PeerCluster.ready(found.get())
                            && found.get().getStatus().getRevision() != null
                            && found.get().getStatus().getRevision() >= revision
                            && !CertificateConditions.isTrue(found.get(), Conditions.ISSUING)
                            && found.get().getStatus().getNextPrivateKeySecretName() == null
                            && nextKeySecrets().isEmpty();
                });
    }

    private List<Secret> nextKeySecrets() {
        return observer.list(ResourceKind.SECRET, name).stream()
                .filter(secret -> secret.getMetadata().getLabels() != null
                        && secret.getMetadata().getLabels().containsKey(Annotations.NEXT_PRIVATE_KEY_LABEL))
                .toList();
    }

    /**
     * Waits until the controllers handled the Certificate's current generation, then waits {@code quiet}
     * more, so that a CertificateRequest the change wrongly caused has time to appear.
     */
    void awaitSettled(String certificate, Duration quiet) throws InterruptedException {
        PeerCluster.await("Certificate " + name + "/" + certificate + " has its Ready condition for its generation",
                READY_TIMEOUT, () -> readinessObservedCurrentGeneration(certificate));
        Thread.sleep(quiet.toMillis());
    }

    /** Waits until a live read of the Secret matches {@code expectation}. */
    void awaitSecret(String secret, String description, Predicate<Secret> expectation) throws InterruptedException {
        PeerCluster.await("Secret " + name + "/" + secret + " " + description, READY_TIMEOUT, () -> {
            Secret current = findSecret(secret);
            return current != null && expectation.test(current);
        });
    }

    /** Reads the Secret from the API server, or returns null when it does not exist. */
    Secret findSecret(String secret) {
        return peers.admin().secrets().inNamespace(name).withName(secret).get();
    }

    Secret secret(String secret) {
        Secret found = findSecret(secret);
        if (found == null) {
            throw new AssertionError("Secret " + name + "/" + secret + " not found");
        }
        return found;
    }

    /** Returns the Secrets of this namespace that carry the given label value, read live. */
    List<Secret> secretsLabelled(String label, String value) {
        return peers.admin().secrets().inNamespace(name).withLabel(label, value).list().getItems();
    }

    /** Returns a copy of the Secret's {@code tls.crt} and {@code tls.key} text, for byte-identity checks. */
    KeyPairBytes keyPair(String secret) {
        Secret found = secret(secret);
        return new KeyPairBytes(text(found, SecretKeys.TLS_CERT), text(found, SecretKeys.TLS_KEY));
    }

    /** The PEM text of a Secret's certificate chain and private key. */
    record KeyPairBytes(String certificate, String privateKey) {
    }

    /** Returns the names of the existing requests controlled by the Certificate, ordered by name. */
    List<String> requests(String certificate) {
        return observer.list(ResourceKind.CERTIFICATE_REQUEST, name).stream()
                .filter(request -> request.getMetadata().getOwnerReferences().stream()
                        .anyMatch(reference -> certificate.equals(reference.getName())))
                .map(request -> request.getMetadata().getName())
                .sorted(Comparator.naturalOrder())
                .toList();
    }

    Optional<CertificateRequest> request(String request) {
        return observer.get(ResourceKind.CERTIFICATE_REQUEST, name, request);
    }

    List<String> createdRequests(String certificate) {
        return history.createdRequests(name, certificate);
    }

    List<String> requestChanges(String certificate) {
        return history.requestChanges(name, certificate);
    }

    List<String> issuingStarts(String certificate) {
        return history.issuingStarts(name, certificate);
    }

    /** Lists the Events about the Certificate with a live request, oldest first. */
    List<Event> events(String certificate) {
        return observer.eventsFor(ResourceKind.CERTIFICATE, name, certificate);
    }

    Optional<Event> event(String certificate, String reason) {
        return events(certificate).stream().filter(event -> reason.equals(event.reason())).findFirst();
    }

    /** Waits until an Event with {@code reason} about the Certificate exists and returns it. */
    Event awaitEvent(String certificate, String reason) throws InterruptedException {
        PeerCluster.await("an Event " + reason + " about Certificate " + name + "/" + certificate, READY_TIMEOUT,
                () -> event(certificate, reason).isPresent());
        return event(certificate, reason).orElseThrow();
    }

    static byte[] data(Secret secret, String key) {
        return SecretContents.data(secret, key);
    }

    static String text(Secret secret, String key) {
        return SecretContents.text(secret, key);
    }

    static Map<String, String> annotations(HasMetadata object) {
        return SecretContents.annotations(object);
    }

    static Map<String, String> labels(HasMetadata object) {
        return SecretContents.labels(object);
    }

    static List<X509Certificate> chain(Secret secret, String key) {
        return SecretContents.chain(secret, key);
    }

    static X509Certificate leaf(Secret secret) {
        return SecretContents.leaf(secret);
    }

    static PrivateKey privateKey(Secret secret) {
        return SecretContents.privateKey(secret);
    }
}
