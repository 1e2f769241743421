package io.certwright.core.issuers;

import io.certwright.api.model.CAIssuer;
import io.certwright.api.model.CertificateRequest;
import io.certwright.core.cluster.Cluster;
import io.certwright.pki.CertificateSigner;
import io.certwright.pki.Chains;
import io.certwright.pki.Pem;
import io.certwright.pki.PkiException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * The CA issuer: signs with the key pair in the Secret named by {@code spec.ca.secretName}.
 *
 * <p>The Secret's {@code tls.crt} contains the signing certificate first, optionally followed by
 * its issuers. {@code tls.key} contains the signing certificate's key, and an optional
 * {@code ca.crt} adds more CA certificates. The issued chain is rebuilt from issuer/subject links, so duplicates and
 * the order after the first certificate do not matter: it runs from the leaf up and leaves out a
 * self-signed root, and the CA is that root, or the top-most certificate when there is no root.
 * Stateless and thread-safe.
 */
public final class CaBackend implements IssuerBackend {

    static final String KEY_PAIR_VERIFIED = "KeyPairVerified";
    static final String ERR_GET_KEY_PAIR = "ErrGetKeyPair";
    static final String ERR_INVALID_KEY_PAIR = "ErrInvalidKeyPair";
    static final String MESSAGE_KEY_PAIR_VERIFIED = "Signing CA verified";
    static final String MESSAGE_ERROR_GET_KEY_PAIR = "Error getting keypair for CA issuer: ";

    private final Cluster cluster;
    private final Clock clock;

    public CaBackend(Cluster cluster, Clock clock) {
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public IssuerSetupResult setup(IssuerContext context) {
        String secretName = secretName(context);
        CaKeyPair keyPair;
        try {
            keyPair = CaKeyPair.load(cluster, context.resourceNamespace(), secretName, false);
        } catch (CaSecretException e) {
            String message = MESSAGE_ERROR_GET_KEY_PAIR + e.getMessage();
            if (e.problem() == CaSecretException.Problem.KEY_MISMATCH) {
                // Retrying cannot fix a key that belongs to another certificate; a change of the Secret re-syncs.
                return IssuerSetupResult.notReady(ERR_INVALID_KEY_PAIR, message,
                        IssuerEvent.warning(ERR_INVALID_KEY_PAIR, message));
            }
            return IssuerSetupResult.retry(ERR_GET_KEY_PAIR, message, e.getMessage(),
                    IssuerEvent.warning(ERR_GET_KEY_PAIR, message));
        }

        X509Certificate signer = keyPair.signingCertificate();
        if (signer.getBasicConstraints() < 0) {
            String message = MESSAGE_ERROR_GET_KEY_PAIR + "certificate is not a CA: the first certificate in tls.crt of"
                    + " Secret " + SecretEntries.describe(context.resourceNamespace(), secretName) + " (subject \""
                    + signer.getSubjectX500Principal().getName() + "\") lacks BasicConstraints CA:TRUE;"
                    + " issue it with isCA: true or use another CA";
            return IssuerSetupResult.notReady(ERR_INVALID_KEY_PAIR, message,
                    IssuerEvent.warning(ERR_INVALID_KEY_PAIR, message));
        }
        return IssuerSetupResult.ready(KEY_PAIR_VERIFIED, MESSAGE_KEY_PAIR_VERIFIED,
                IssuerEvent.normal(KEY_PAIR_VERIFIED, MESSAGE_KEY_PAIR_VERIFIED));
    }

    @Override
    public SignResult sign(CertificateRequest request, IssuerContext context) {
        String secretName = secretName(context);
        String secret = SecretEntries.describe(context.resourceNamespace(), secretName);
        CaKeyPair keyPair;
        try {
            keyPair = CaKeyPair.load(cluster, context.resourceNamespace(), secretName, true);
        } catch (CaSecretException e) {
            return switch (e.problem()) {
                case NOT_FOUND -> new SignResult.Pending("SecretMissing",
                        "Referenced secret " + secret + " not found: " + e.getMessage(), false);
                // NOTE: cert-manager fails such a request for good with SigningError. Here it stays
                // Pending, so fixing the Secret lets the request proceed.
                case INVALID_DATA, KEY_MISMATCH -> new SignResult.Pending("SecretInvalidData",
                        "Failed to parse signing CA keypair from secret " + secret + ": " + e.getMessage(), false);
                case READ_FAILED -> new SignResult.Pending("SecretGetError",
                        "Failed to get certificate key pair from secret " + secret + ": " + e.getMessage(), true);
            };
        }

        CertificateTemplate template;
        try {
            template = CertificateTemplate.from(request, clock);
        } catch (CertificateTemplate.InvalidRequestException e) {
            return new SignResult.Failed("SigningError", "Error generating certificate template: " + e.getMessage());
        }

        CAIssuer config = context.spec().getCa();
        X509Certificate leaf;
        try {
            leaf = CertificateSigner.sign(template.csr(), template.signingOptions()
                            .crlDistributionPoints(config.getCrlDistributionPoints())
                            .ocspServers(config.getOcspServers())
                            .issuingCertificateURLs(config.getIssuingCertificateURLs())
                            .build(),
                    keyPair.signingCertificate(), keyPair.key());
        } catch (PkiException | RuntimeException e) {
            return new SignResult.Failed("SigningError", "Error signing certificate: " + e.getMessage());
        }

        Chains.Bundle bundle = Chains.bundleSignedBy(leaf, keyPair.signingCertificate(), keyPair.chain(),
                keyPair.extraCas());
        byte[] chain = Pem.encodeCertificates(bundle.chain()).getBytes(StandardCharsets.UTF_8);
        byte[] ca = Pem.encodeCertificates(List.of(bundle.ca())).getBytes(StandardCharsets.UTF_8);
        return new SignResult.Signed(chain, ca, List.of());
    }

    private static String secretName(IssuerContext context) {
        CAIssuer config = context.spec().getCa();
        return config == null ? null : config.getSecretName();
    }
}
