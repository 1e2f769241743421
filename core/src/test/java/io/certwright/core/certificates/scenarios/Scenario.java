package io.certwright.core.certificates.scenarios;

import io.certwright.api.Annotations;
import io.certwright.api.Conditions;
import io.certwright.api.SecretKeys;
import io.certwright.api.model.Certificate;
import io.certwright.api.model.CertificateCondition;
import io.certwright.api.model.CertificateRequest;
import io.certwright.core.ControllerOptions;
import io.certwright.core.CoreControllers;
import io.certwright.core.cluster.Event;
import io.certwright.core.cluster.ResourceKind;
import io.certwright.core.testing.ControllerSet;
import io.certwright.core.testing.Harness;
import io.certwright.core.testing.SecretContents;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A harness running every core controller, with helpers that read a Certificate's state the way the
 * scenario tests assert on it. Objects live in namespace {@value #NAMESPACE}.
 */
final class Scenario {
    static final String NAMESPACE = "demo";

    static final String SELF_SIGNED_ISSUER = """
            apiVersion: cert-manager.io/v1
            kind: Issuer
            metadata: {name: selfsigned, namespace: demo}
            spec: {selfSigned: {}}
            """;

    /** A self-signed root CA Certificate {@code root} (Secret {@code root-ca}) and CA Issuer {@code int-ca} signing with it. */
    static final String CA_ISSUER = SELF_SIGNED_ISSUER + """
            ---
            apiVersion: cert-manager.io/v1
            kind: Certificate
            metadata: {name: root, namespace: demo}
            spec:
              secretName: root-ca
              isCA: true
              commonName: Example Root
              privateKey: {algorithm: ECDSA}
              issuerRef: {name: selfsigned, kind: Issuer}
            ---
            apiVersion: cert-manager.io/v1
            kind: Issuer
            metadata: {name: int-ca, namespace: demo}
            spec: {ca: {secretName: root-ca}}
            """;

    final Harness harness;
    /** CertificateRequest creations and deletions seen by the cluster, as {@code +name} and {@code -name}. */
    final List<String> requestChanges = new ArrayList<>();
    /** Every Issuing=True condition a Certificate entered, as {@code name: reason: message}, in order. */
    final List<String> issuingStarts = new ArrayList<>();

    private Scenario(Harness harness) {
        this.harness = harness;
        harness.cluster().addListener((kind, oldObject, newObject) -> {
            if (kind == ResourceKind.CERTIFICATE && newObject != null) {
                recordIssuingStart((Certificate) oldObject, (Certificate) newObject);
            }
            if (kind != ResourceKind.CERTIFICATE_REQUEST) {
                return;
            }
            if (oldObject == null) {
                requestChanges.add("+" + newObject.getMetadata().getName());
            } else if (newObject == null) {
                requestChanges.add("-" + oldObject.getMetadata().getName());
            }
        });
    }

    private void recordIssuingStart(Certificate before, Certificate after) {
        Optional<CertificateCondition> now = issuing(after);
        if (now.isEmpty() || !Conditions.TRUE.equals(now.get().getStatus())) {
            return;
        }
        Optional<CertificateCondition> earlier = before == null ? Optional.empty() : issuing(before);
        boolean started = earlier.isEmpty() || !Conditions.TRUE.equals(earlier.get().getStatus())
                || !earlier.get().getReason().equals(now.get().getReason());
        if (started) {
            issuingStarts.add(after.getMetadata().getName() + ": " + now.get().getReason() + ": "
                    + now.get().getMessage());
        }
    }

    private static Optional<CertificateCondition> issuing(Certificate certificate) {
        if (certificate.getStatus() == null || certificate.getStatus().getConditions() == null) {
            return Optional.empty();
        }
        return certificate.getStatus().getConditions().stream()
                .filter(condition -> Conditions.ISSUING.equals(condition.getType()))
                .findFirst();
    }

    /** Returns the Issuing=True entries of one Certificate as {@code reason: message}. */
    List<String> issuingStarts(String certificate) {
        return issuingStarts.stream()
                .filter(entry -> entry.startsWith(certificate + ": "))
                .map(entry -> entry.substring(certificate.length() + 2))
                .toList();
    }

    static Scenario create() {
        return new Scenario(Harness.create(CoreControllers::registerAll));
    }

    static Scenario create(ControllerSet controllers) {
        return new Scenario(Harness.create(controllers));
    }

    static Scenario create(ControllerOptions options) {
        return new Scenario(Harness.create(options, CoreControllers::registerAll));
    }

    /** Applies the YAML and lets the controllers settle. */
    Scenario apply(String yaml) {
        harness.apply(yaml);
        harness.settle();
        return this;
    }

    void advance(Duration duration) {
        harness.advance(duration);
    }

    /** Returns a copy of the Secret's {@code tls.crt} and {@code tls.key} bytes, for byte-identity checks. */
    KeyPairBytes keyPair(String secretName) {
        Secret secret = secret(secretName);
        return new KeyPairBytes(text(secret, SecretKeys.TLS_CERT), text(secret, SecretKeys.TLS_KEY));
    }

    /** The PEM text of a Secret's certificate chain and private key. */
    record KeyPairBytes(String certificate, String privateKey) {
    }

    Certificate certificate(String name) {
        return harness.certificate(NAMESPACE, name);
    }

    Secret secret(String name) {
        return harness.secret(NAMESPACE, name);
    }

    Optional<Secret> findSecret(String name) {
        return harness.findSecret(NAMESPACE, name);
    }

    Optional<CertificateCondition> condition(String certificate, String type) {
        List<CertificateCondition> conditions = certificate(certificate).getStatus() == null ? null
                : certificate(certificate).getStatus().getConditions();
        if (conditions == null) {
            return Optional.empty();
        }
        return conditions.stream().filter(condition -> type.equals(condition.getType())).findFirst();
    }

    boolean isReady(String certificate) {
        return condition(certificate, Conditions.READY).map(c -> Conditions.TRUE.equals(c.getStatus())).orElse(false);
    }

    Integer revision(String certificate) {
        return certificate(certificate).getStatus().getRevision();
    }

    /** Returns the requests controlled by the Certificate, ordered by name. */
    List<CertificateRequest> requests(String certificate) {
        return harness.requests(NAMESPACE).stream()
                .filter(request -> request.getMetadata().getOwnerReferences().stream()
                        .anyMatch(reference -> certificate.equals(reference.getName())))
                .toList();
    }

    Optional<CertificateRequest> request(String name) {
        return harness.cluster().get(ResourceKind.CERTIFICATE_REQUEST, NAMESPACE, name);
    }

    /** Returns the requests created since the scenario started, in order. */
    List<String> createdRequests() {
        return requestChanges.stream().filter(change -> change.startsWith("+")).map(change -> change.substring(1))
                .toList();
    }

    /** Returns the requests created for one Certificate, by their {@code <certificate>-<revision>} names. */
    List<String> createdRequests(String certificate) {
        return createdRequests().stream().filter(name -> name.startsWith(certificate + "-")).toList();
    }

    List<Event> events(String certificate) {
        return harness.events(ResourceKind.CERTIFICATE, NAMESPACE, certificate);
    }

    List<String> eventReasons(String certificate) {
        return events(certificate).stream().map(Event::reason).toList();
    }

    Optional<Event> event(String certificate, String reason) {
        return events(certificate).stream().filter(event -> reason.equals(event.reason())).findFirst();
    }

    /** Returns the Secrets labelled as next-private-key holders. */
    List<Secret> nextKeySecrets() {
        return harness.cluster().list(ResourceKind.SECRET, NAMESPACE).stream()
                .filter(secret -> secret.getMetadata().getLabels() != null
                        && "true".equals(secret.getMetadata().getLabels().get(Annotations.NEXT_PRIVATE_KEY_LABEL)))
                .toList();
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
