package io.certwright.core.certificates.scenarios;

import io.certwright.api.model.CertificateRequest;
import io.certwright.core.certificates.CertificateControllers;
import io.certwright.core.issuers.IssuerBackend;
import io.certwright.core.issuers.IssuerBackends;
import io.certwright.core.issuers.IssuerContext;
import io.certwright.core.issuers.IssuerControllers;
import io.certwright.core.issuers.IssuerSetupResult;
import io.certwright.core.issuers.IssuerType;
import io.certwright.core.issuers.SignResult;
import io.certwright.core.requests.RequestControllers;
import io.certwright.core.testing.ControllerSet;
import io.certwright.core.testing.Harness;
import io.certwright.pki.CertificateSigner;
import io.certwright.pki.CsrSpec;
import io.certwright.pki.Csrs;
import io.certwright.pki.KeyAlgorithm;
import io.certwright.pki.ParsedCsr;
import io.certwright.pki.Pem;
import io.certwright.pki.PkiException;
import io.certwright.pki.PrivateKeys;
import io.certwright.pki.SigningOptions;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * A test issuer backend, serving Issuers with a {@code spec.vault} block, that fails every request with
 * reason {@code Failed} until {@link #setWorking} switches it on, and then signs with its own test CA. The scenario tests
 * use it for failed issuances and their backoff.
 */
final class SwitchableIssuerBackend implements IssuerBackend {
    static final String FAILURE_MESSAGE = "the test issuer is switched off";

    static final String ISSUER = """
            apiVersion: cert-manager.io/v1
            kind: Issuer
            metadata: {name: failing, namespace: demo}
            spec: {vault: {server: "https://vault.invalid", path: pki/sign/test, auth: {tokenSecretRef: {name: token, key: token}}}}
            """;

    private volatile Clock clock;
    private final KeyPair caKey = PrivateKeys.generate(KeyAlgorithm.ECDSA, 256);
    private final X509Certificate caCertificate;
    private volatile boolean working;

    SwitchableIssuerBackend() {
        try {
            ParsedCsr csr = Csrs.parse(Csrs.buildPem(CsrSpec.builder().commonName("Test CA").isCA(true).build(), caKey)
                    .getBytes(StandardCharsets.US_ASCII));
            this.caCertificate = CertificateSigner.sign(csr, SigningOptions.builder().notBefore(Harness.START)
                    .duration(Duration.ofDays(3650)).isCA(true).build(), null, caKey.getPrivate());
        } catch (PkiException e) {
            throw new IllegalStateException(e);
        }
    }

    void setWorking(boolean working) {
        this.working = working;
    }

    /** Registers every core controller, with this backend serving the Vault issuer type. */
    ControllerSet controllers() {
        return (manager, cluster, options, clock) -> {
            this.clock = clock;
            IssuerBackends backends = IssuerBackends.defaults(cluster, clock).with(IssuerType.VAULT, this);
            CertificateControllers.register(manager, cluster, options, clock);
            RequestControllers.register(manager, cluster, options, clock, backends);
            RequestControllers.registerIssuerController(manager, cluster, options, clock, backends, IssuerType.VAULT,
                    (kind, object) -> List.of());
            IssuerControllers.register(manager, cluster, options, clock, backends);
        };
    }

    @Override
    public IssuerSetupResult setup(IssuerContext context) {
        return IssuerSetupResult.ready("VaultVerified", "Vault verified");
    }

    @Override
    public SignResult sign(CertificateRequest request, IssuerContext context) {
        if (!working) {
            return new SignResult.Failed("SigningError", FAILURE_MESSAGE);
        }
        try {
            ParsedCsr csr = Csrs.parse(request.getSpec().getRequest());
            X509Certificate leaf = CertificateSigner.sign(csr, SigningOptions.builder().notBefore(clock.instant())
                    .duration(Duration.ofDays(90)).build(), caCertificate, caKey.getPrivate());
            return new SignResult.Signed(Pem.encodeCertificates(List.of(leaf)).getBytes(StandardCharsets.US_ASCII),
                    Pem.encodeCertificates(List.of(caCertificate)).getBytes(StandardCharsets.US_ASCII), List.of());
        } catch (PkiException e) {
            return new SignResult.Failed("SigningError", e.getMessage());
        }
    }
}
