package io.certwright.core.certificates.keymanager;

import io.certwright.api.Annotations;
import io.certwright.api.Conditions;
import io.certwright.api.Defaults;
import io.certwright.api.SecretKeys;
import io.certwright.api.model.Certificate;
import io.certwright.api.model.CertificateRequest;
import io.certwright.core.certificates.CertificateConditions;
import io.certwright.core.certificates.LiveCertificates;
import io.certwright.core.certificates.policies.Messages;
import io.certwright.core.certificates.policies.PrivateKeyMatcher;
import io.certwright.core.certificates.requestmanager.OwnedRequests;
import io.certwright.core.certificates.secrets.SecretData;
import io.certwright.core.certificates.secrets.SecretOwnerReferences;
import io.certwright.core.cluster.Cluster;
import io.certwright.core.cluster.ClusterException;
import io.certwright.core.cluster.EventRecorder;
import io.certwright.core.cluster.ObjectKey;
import io.certwright.core.cluster.ResourceKind;
import io.certwright.core.controller.Reconciler;
import io.certwright.core.controller.Result;
import io.certwright.pki.Csrs;
import io.certwright.pki.KeyEncoding;
import io.certwright.pki.PkiException;
import io.certwright.pki.PrivateKeys;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code certificates-key-manager} controller: while a Certificate is issuing, it keeps exactly one
 * temporary Secret holding a private key that matches {@code spec.privateKey}, and names it in
 * {@code status.nextPrivateKeySecretName}. When the Certificate is not issuing it deletes such Secrets.
 *
 * <p>With {@code rotationPolicy: Always} (the default) every issuance gets a freshly generated key. With
 * {@code Never} the key in the issued Secret is copied, unless it no longer matches the spec, in which
 * case the user has to act because a new key must not be generated.
 */
public final class KeyManagerController implements Reconciler {
    public static final String NAME = "certificates-key-manager";
    public static final String FIELD_MANAGER = "cert-manager-" + NAME;

    static final String REASON_GENERATED = "Generated";
    static final String REASON_REUSED = "Reused";
    static final String REASON_DELETED = "Deleted";
    static final String REASON_DECODE_FAILED = "DecodeFailed";
    static final String REASON_CANNOT_REGENERATE_KEY = "CannotRegenerateKey";

    private static final Logger log = LoggerFactory.getLogger(KeyManagerController.class);

    private final Cluster cluster;
    private final EventRecorder events;

    public KeyManagerController(Cluster cluster) {
        this.cluster = cluster;
        this.events = cluster.events(FIELD_MANAGER);
    }

    @Override
    public Result reconcile(ObjectKey key) {
        Optional<Certificate> found = LiveCertificates.find(cluster, key);
        if (found.isEmpty()) {
            return Result.done();
        }
        Certificate certificate = found.get();
        List<Secret> nextKeySecrets = NextPrivateKeys.owned(cluster, certificate);

        if (!CertificateConditions.isTrue(certificate, Conditions.ISSUING)) {
            cleanUpAfterIssuance(certificate, nextKeySecrets);
            return Result.done();
        }
        if (nextKeySecrets.isEmpty()) {
            createNextKey(certificate);
            return Result.done();
        }
        if (nextKeySecrets.size() > 1) {
            deleteAllExcept(nextKeySecrets, nextKeySecretName(certificate));
            return Result.done();
        }
        checkExistingNextKey(certificate, nextKeySecrets.get(0));
        return Result.done();
    }

    /**
     * Clears the status field and deletes every next-key Secret once the Certificate is not issuing. The status
     * goes first: when its write conflicts with a renewal that just set Issuing, no Secret is gone yet, and the
     * retry takes the issuing path. Deleting first left the old name in the status, and the next key then got
     * that name again, so its Generated event read like the previous one.
     */
    private void cleanUpAfterIssuance(Certificate certificate, List<Secret> nextKeySecrets) {
        if (nextKeySecretName(certificate) != null) {
            setNextKeySecretName(certificate, null);
        }
        deleteAll(nextKeySecrets);
    }

    private void createNextKey(Certificate certificate) {
        if (Defaults.ROTATION_POLICY_NEVER.equals(Defaults.rotationPolicy(certificate.getSpec().getPrivateKey()))) {
            createNextKeyReusingIssuedKey(certificate);
            return;
        }
        createNextKeyGenerated(certificate);
    }

    private void createNextKeyGenerated(Certificate certificate) {
        PrivateKey key = NextPrivateKeys.generate(certificate.getSpec().getPrivateKey()).getPrivate();
        storeNextKey(certificate, key, REASON_GENERATED,
                name -> "Stored new private key in temporary Secret resource \"" + name + "\"");
    }

    /**
     * Copies the key of the issued Secret into a next-key Secret ({@code rotationPolicy: Never}). A
     * missing or unreadable key is replaced by a generated one. A key that no longer matches the spec is
     * left alone and reported, because this policy forbids generating a new key.
     */
    private void createNextKeyReusingIssuedKey(Certificate certificate) {
        String secretName = certificate.getSpec().getSecretName();
        Optional<Secret> issued = cluster.get(ResourceKind.SECRET, certificate.getMetadata().getNamespace(),
                secretName);
        if (issued.isEmpty() || !hasKeyData(issued.get())) {
            createNextKeyGenerated(certificate);
            return;
        }

        Optional<PrivateKey> existing = NextPrivateKeys.decodeKey(issued.get());
        if (existing.isEmpty()) {
            events.record(certificate, EventRecorder.WARNING, REASON_DECODE_FAILED,
                    "Failed to decode private key stored in Secret \"" + secretName + "\" - generating new key");
            createNextKeyGenerated(certificate);
            return;
        }

        List<String> violations = PrivateKeyMatcher.violations(existing.get(), certificate.getSpec());
        if (!violations.isEmpty()) {
            events.record(certificate, EventRecorder.WARNING, REASON_CANNOT_REGENERATE_KEY,
                    cannotRegenerateMessage(secretName, violations));
            return;
        }

        storeNextKey(certificate, existing.get(), REASON_REUSED,
                name -> "Reusing private key stored in existing Secret resource \"" + secretName + "\"");
    }

    private static boolean hasKeyData(Secret secret) {
        try {
            return SecretData.get(secret, SecretKeys.TLS_KEY).length > 0;
        } catch (IllegalArgumentException e) {
            // Undecodable base64 counts as present, so the DecodeFailed path reports it.
            return true;
        }
    }

    static String cannotRegenerateMessage(String secretName, List<String> violations) {
        return "User intervention required: existing private key in Secret \"" + secretName
                + "\" does not match requirements on Certificate resource, mismatching fields: "
                + Messages.list(violations) + ", but cert-manager cannot create new private key as the Certificate's"
                + " .spec.privateKey.rotationPolicy is unset or set to Never. To allow cert-manager to create a new"
                + " private key you can set .spec.privateKey.rotationPolicy to 'Always' (this will result in the"
                + " private key being regenerated every time a cert is renewed) ";
    }

    /**
     * Adopts, keeps or deletes the one next-key Secret that exists. Deleting makes the next reconcile,
     * triggered by the delete, create a fresh one.
     */
    private void checkExistingNextKey(Certificate certificate, Secret secret) {
        String statusName = nextKeySecretName(certificate);
        String secretName = secret.getMetadata().getName();
        Optional<PrivateKey> key = NextPrivateKeys.decodeKey(secret);
        if (key.isPresent() && usedByCurrentRevision(certificate, key.get())) {
            // Left from the issuance that just completed, because Issuing was set again before the clean-up.
            // Reusing it would issue the new revision with the old key. The deletion requeues this Certificate.
            log.debug("deleting next private key secret {}: revision {} was already issued with its key", secretName,
                    certificate.getStatus().getRevision());
            // The status is cleared first, so that the next key gets a new Secret name rather than this one's.
            if (statusName != null) {
                setNextKeySecretName(certificate, null);
            }
            deleteAll(List.of(secret));
            return;
        }
        if (statusName == null) {
            log.debug("adopting next private key secret {}", secretName);
            setNextKeySecretName(certificate, secretName);
            return;
        }
        if (!statusName.equals(secretName)) {
            log.debug("deleting next private key secret {}: status names {}", secretName, statusName);
            deleteAll(List.of(secret));
            return;
        }

        if (key.isEmpty()) {
            log.debug("deleting next private key secret {}: its tls.key is missing or not a valid private key", secretName);
            deleteAll(List.of(secret));
            return;
        }
        List<String> violations = PrivateKeyMatcher.violations(key.get(), certificate.getSpec());
        if (!violations.isEmpty()) {
            events.record(certificate, EventRecorder.NORMAL, REASON_DELETED,
                    "Regenerating private key due to change in fields: " + Messages.list(violations));
            deleteAll(List.of(secret));
        }
    }

    /**
     * Returns whether {@code nextKey} is the key of the CertificateRequest of the current {@code status.revision},
     * so that the revision already issued used it. With {@code rotationPolicy: Never} the next key is the
     * issued key by design, so this is false.
     */
    private boolean usedByCurrentRevision(Certificate certificate, PrivateKey nextKey) {
        Integer revision = certificate.getStatus() == null ? null : certificate.getStatus().getRevision();
        if (revision == null
                || Defaults.ROTATION_POLICY_NEVER.equals(Defaults.rotationPolicy(certificate.getSpec().getPrivateKey()))) {
            return false;
        }
        PublicKey nextPublicKey = PrivateKeys.publicKeyOf(nextKey);
        for (CertificateRequest request : OwnedRequests.withRevision(cluster, certificate, revision)) {
            if (request.getSpec() == null || request.getSpec().getRequest() == null) {
                continue;
            }
            try {
                if (PrivateKeys.publicKeysEqual(Csrs.parseUnverified(request.getSpec().getRequest()).publicKey(), nextPublicKey)) {
                    return true;
                }
            } catch (PkiException e) {
                // An unreadable CSR cannot show which key it used, and the request manager reports it.
            }
        }
        return false;
    }

    /**
     * Creates the next-key Secret, records an event about it, and records its name in the status. The name is
     * the one already in the status, re-read from the cluster so that two workers do not create two Secrets;
     * otherwise {@code <certificate>-} plus a random suffix.
     */
    private void storeNextKey(Certificate certificate, PrivateKey key, String eventReason,
            Function<String, String> eventMessage) {
        String namespace = certificate.getMetadata().getNamespace();
        String fixedName = cluster.get(ResourceKind.CERTIFICATE, namespace, certificate.getMetadata().getName())
                .map(KeyManagerController::nextKeySecretName)
                .orElse(null);
        String pem = PrivateKeys.encodePem(key, KeyEncoding.PKCS8);

        Secret secret = new SecretBuilder()
                .withNewMetadata()
                    .withNamespace(namespace)
                    .withName(fixedName)
                    .withGenerateName(fixedName == null ? certificate.getMetadata().getName() + "-" : null)
                    .withOwnerReferences(SecretOwnerReferences.controllerReference(certificate))
                    .withLabels(Map.of(Annotations.NEXT_PRIVATE_KEY_LABEL, Annotations.LABEL_TRUE,
                            Annotations.FAO_LABEL, Annotations.LABEL_TRUE))
                .endMetadata()
                .withType("Opaque")
                .withData(Map.of(SecretKeys.TLS_KEY,
                        SecretData.encode(pem.getBytes(StandardCharsets.US_ASCII))))
                .build();

        Secret stored;
        try {
            stored = cluster.create(ResourceKind.SECRET, secret);
            // Recorded before the status write: when that write conflicts, the retry adopts this Secret without
            // an event, and the key would otherwise have none.
            events.record(certificate, EventRecorder.NORMAL, eventReason,
                    eventMessage.apply(stored.getMetadata().getName()));
        } catch (ClusterException.AlreadyExists e) {
            stored = cluster.get(ResourceKind.SECRET, namespace, fixedName)
                    .orElseThrow(() -> new ClusterException.Conflict("next private key Secret " + namespace + "/"
                            + fixedName + " was deleted while being created; retrying"));
        }
        setNextKeySecretName(certificate, stored.getMetadata().getName());
    }

    private void setNextKeySecretName(Certificate certificate, String name) {
        CertificateConditions.statusOf(certificate).setNextPrivateKeySecretName(name);
        cluster.updateStatus(ResourceKind.CERTIFICATE, certificate);
    }

    private void deleteAllExcept(List<Secret> secrets, String keep) {
        deleteAll(secrets.stream().filter(secret -> !Objects.equals(secret.getMetadata().getName(), keep)).toList());
    }

    private void deleteAll(List<Secret> secrets) {
        for (Secret secret : secrets) {
            cluster.delete(ResourceKind.SECRET, secret.getMetadata().getNamespace(), secret.getMetadata().getName());
        }
    }

    private static String nextKeySecretName(Certificate certificate) {
        return certificate.getStatus() == null ? null : certificate.getStatus().getNextPrivateKeySecretName();
    }
}
