package io.certwright.core.certificates.issuing;

import io.certwright.api.model.Certificate;
import io.certwright.core.ControllerOptions;
import io.certwright.core.certificates.secrets.IssuedData;
import io.certwright.core.certificates.secrets.IssuedSecretBuilder;
import io.certwright.core.certificates.secrets.KeystorePasswordException;
import io.certwright.core.certificates.secrets.KeystorePasswords;
import io.certwright.core.cluster.Cluster;
import io.certwright.core.cluster.EventRecorder;
import io.certwright.core.cluster.ResourceKind;
import io.certwright.pki.PkiException;
import io.fabric8.kubernetes.api.model.Secret;

/**
 * Writes the Secret named by {@code spec.secretName} with server-side apply as
 * {@code cert-manager-certificates-issuing}, so that keys the controller stops setting are pruned and
 * keys others set are kept. A missing keystore password Secret is reported as a Warning event on the
 * Certificate before the error is raised for a retry.
 */
final class SecretWriter {
    private final Cluster cluster;
    private final ControllerOptions options;
    private final EventRecorder events;
    private final KeystorePasswords passwords;

    SecretWriter(Cluster cluster, ControllerOptions options, EventRecorder events) {
        this.cluster = cluster;
        this.options = options;
        this.events = events;
        this.passwords = KeystorePasswords.from(cluster);
    }

    /** Writes a newly issued or temporary certificate with its key. */
    void write(Certificate certificate, IssuedData data) throws KeystorePasswordException, PkiException {
        Secret existing = existingSecret(certificate);
        Secret desired = reportingMissingPassword(certificate,
                () -> IssuedSecretBuilder.build(certificate, existing, data, passwords, options));
        cluster.applySecret(desired, IssuedSecretBuilder.FIELD_MANAGER);
    }

    /** Re-applies the Secret's own key, chain and CA so that its metadata and extra formats follow the spec. */
    void rewrite(Certificate certificate, Secret existing) throws KeystorePasswordException, PkiException {
        Secret desired = reportingMissingPassword(certificate,
                () -> IssuedSecretBuilder.rebuildFromExisting(certificate, existing, passwords, options));
        cluster.applySecret(desired, IssuedSecretBuilder.FIELD_MANAGER);
    }

    private Secret existingSecret(Certificate certificate) {
        return cluster.get(ResourceKind.SECRET, certificate.getMetadata().getNamespace(),
                certificate.getSpec().getSecretName()).orElse(null);
    }

    private Secret reportingMissingPassword(Certificate certificate, SecretBuild build)
            throws KeystorePasswordException, PkiException {
        try {
            return build.run();
        } catch (KeystorePasswordException e) {
            if (e.secretNotFound()) {
                events.record(certificate, EventRecorder.WARNING, KeystorePasswords.SECRET_NOT_FOUND_REASON,
                        e.eventMessage());
            }
            throw e;
        }
    }

    @FunctionalInterface
    private interface SecretBuild {
        Secret run() throws KeystorePasswordException, PkiException;
    }
}
