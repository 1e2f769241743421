package io.certwright.core.issuers;

import io.certwright.api.model.CertificateRequest;
import io.certwright.api.model.SelfSignedIssuer;
import io.certwright.core.cluster.Cluster;
import io.certwright.core.cluster.ClusterException;
import io.certwright.core.cluster.ResourceKind;
import io.certwright.pki.CertificateSigner;
import io.certwright.pki.Pem;
import io.certwright.pki.PkiException;
import io.certwright.pki.PrivateKeys;
import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The SelfSigned issuer: signs each certificate with its own private key, read from the Secret that
 * the request's {@code cert-manager.io/private-key-secret-name} annotation names. The certificate is
 * its own CA. Stateless and thread-safe.
 */
public final class SelfSignedBackend implements IssuerBackend {

    /** Annotation on a CertificateRequest naming the Secret (in its namespace) with the private key. */
    public static final String PRIVATE_KEY_SECRET_ANNOTATION = "cert-manager.io/private-key-secret-name";

    static final String EMPTY_DN_MESSAGE = "Certificate will be issued with an empty Issuer DN, which contravenes"
            + " RFC 5280 and could break some strict clients";

    private final Cluster cluster;
    private final Clock clock;

    public SelfSignedBackend(Cluster cluster, Clock clock) {
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Reports Ready with reason IsReady, because a SelfSigned issuer needs no configuration or Secret. */
    @Override
    public IssuerSetupResult setup(IssuerContext context) {
        return IssuerSetupResult.ready("IsReady", "");
    }

    @Override
    public SignResult sign(CertificateRequest request, IssuerContext context) {
        String namespace = request.getMetadata().getNamespace();
        Map<String, String> annotations = request.getMetadata().getAnnotations();
        String secretName = annotations == null ? null : annotations.get(PRIVATE_KEY_SECRET_ANNOTATION);
        if (secretName == null || secretName.isEmpty()) {
            return new SignResult.Failed("MissingAnnotation", "Annotation \"" + PRIVATE_KEY_SECRET_ANNOTATION
                    + "\" missing or reference empty: secret name missing");
        }

        Optional<Secret> secret;
        try {
            secret = cluster.get(ResourceKind.SECRET, namespace, secretName);
        } catch (ClusterException e) {
            return new SignResult.Pending("ErrorGettingSecret", "Failed to get certificate key pair from secret "
                    + namespace + "/" + secretName + ": " + e.getMessage(), true);
        }
        if (secret.isEmpty()) {
            return new SignResult.Pending("MissingSecret", "Referenced secret " + namespace + "/" + secretName
                    + " not found: secrets \"" + secretName + "\" not found", false);
        }
        PrivateKey key;
        try {
            key = readKey(secret.get(), namespace + "/" + secretName);
        } catch (PkiException e) {
            return new SignResult.Pending("ErrorParsingKey", "Failed to get key \"" + secretName
                    + "\" referenced in annotation \"" + PRIVATE_KEY_SECRET_ANNOTATION + "\": " + e.getMessage(), false);
        }

        CertificateTemplate template;
        try {
            template = CertificateTemplate.from(request, clock);
        } catch (CertificateTemplate.InvalidRequestException e) {
            return new SignResult.Failed("ErrorGenerating", "Error generating certificate template: " + e.getMessage());
        }

        PublicKey publicKey;
        try {
            publicKey = PrivateKeys.publicKeyOf(key);
        } catch (IllegalArgumentException e) {
            return new SignResult.Failed("ErrorPublicKey", "Failed to get public key from private key: " + e.getMessage());
        }
        if (!PrivateKeys.publicKeysEqual(publicKey, template.csr().publicKey())) {
            return new SignResult.Failed("ErrorKeyMatch", "Error generating certificate template: CSR not signed by"
                    + " referenced private key: the public key of the CSR in spec.request differs from the key in"
                    + " tls.key of Secret " + namespace + "/" + secretName);
        }

        List<IssuerEvent> events = new ArrayList<>();
        if (template.hasEmptySubject()) {
            // RFC 5280 requires a non-empty issuer DN, and a self-signed certificate's issuer is its subject.
            events.add(IssuerEvent.warning("BadConfig", EMPTY_DN_MESSAGE));
        }

        X509Certificate certificate;
        try {
            SelfSignedIssuer config = context.spec().getSelfSigned();
            List<String> crlDistributionPoints = config == null ? null : config.getCrlDistributionPoints();
            certificate = CertificateSigner.sign(template.csr(),
                    template.signingOptions().crlDistributionPoints(crlDistributionPoints).build(), null, key);
        } catch (PkiException | RuntimeException e) {
            return new SignResult.Failed("ErrorSigning", "Error signing certificate: " + e.getMessage(), events);
        }

        byte[] pem = Pem.encodeCertificates(List.of(certificate)).getBytes(StandardCharsets.UTF_8);
        return new SignResult.Signed(pem, pem.clone(), events);
    }

    private static PrivateKey readKey(Secret secret, String secretName) throws PkiException {
        byte[] keyPem;
        try {
            keyPem = SecretEntries.read(secret, SecretEntries.TLS_KEY);
        } catch (IllegalArgumentException e) {
            throw new PkiException("the tls.key entry of Secret " + secretName + " is not valid base64", e);
        }
        if (keyPem == null || keyPem.length == 0) {
            throw new PkiException("no data for \"tls.key\" in Secret " + secretName
                    + "; store the PEM private key of the requested certificate there");
        }
        return PrivateKeys.parsePem(keyPem);
    }
}
