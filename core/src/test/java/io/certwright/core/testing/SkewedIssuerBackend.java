package io.certwright.core.testing;

import io.certwright.api.model.CertificateRequest;
import io.certwright.core.certificates.CertificateControllers;
import io.certwright.core.issuers.CertificateTemplate;
import io.certwright.core.issuers.IssuerBackend;
import io.certwright.core.issuers.IssuerBackends;
import io.certwright.core.issuers.IssuerContext;
import io.certwright.core.issuers.IssuerControllers;
import io.certwright.core.issuers.IssuerSetupResult;
import io.certwright.core.issuers.IssuerType;
import io.certwright.core.issuers.SignResult;
import io.certwright.core.requests.RequestControllers;
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
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test issuer backend that dates certificates the way external CAs do, not from the signing time.
 * notBefore is the signing time plus {@code notBeforeOffset}, which is negative to backdate (Let's Encrypt by 1h,
 * Vault by 30s) and positive for an issuer whose clock runs ahead. notAfter is notBefore plus the requested
 * duration, cut to at most {@code maxLifetime} after the signing time when that is set, as a Vault role's
 * maximum TTL cuts it.
 *
 * <p>It signs at most {@link #allowSignatures} requests; later ones stay Pending, so that a Certificate
 * caught in an immediate re-issuance loop stops after a countable number of requests instead of spinning
 * inside one {@code settle()}.
 *
 * <p>{@link #controllers()} registers it with the core controllers of a {@link Harness}. A runtime that builds its
 * own controllers, such as the Kubernetes runtime, installs it as the backend of {@link #type()} and calls
 * {@link #useClock} with the runtime's clock before the first signature.
 */
public final class SkewedIssuerBackend implements IssuerBackend {
    public static final String PENDING_MESSAGE = "the test issuer has used up its signatures";

    private final IssuerType type;
    private final Duration notBeforeOffset;
    private final Duration maxLifetime;
    private final KeyPair caKey = PrivateKeys.generate(KeyAlgorithm.ECDSA, 256);
    private final X509Certificate caCertificate;
    private final AtomicInteger signaturesLeft = new AtomicInteger(Integer.MAX_VALUE);
    private volatile Clock clock;

    private SkewedIssuerBackend(IssuerType type, Duration notBeforeOffset, Duration maxLifetime) {
        this.type = type;
        this.notBeforeOffset = notBeforeOffset;
        this.maxLifetime = maxLifetime;
        try {
            ParsedCsr csr = Csrs.parse(Csrs.buildPem(CsrSpec.builder().commonName("Skewed Test CA").isCA(true).build(),
                    caKey).getBytes(StandardCharsets.US_ASCII));
            this.caCertificate = CertificateSigner.sign(csr, SigningOptions.builder()
                    .notBefore(Harness.START.minus(Duration.ofDays(1))).duration(Duration.ofDays(3650)).isCA(true).build(),
                    null, caKey.getPrivate());
        } catch (PkiException e) {
            throw new IllegalStateException("minting the test CA failed", e);
        }
    }

    /** Creates an ACME-like issuer (spec.acme): notBefore one hour before signing, notAfter notBefore + duration. */
    public static SkewedIssuerBackend acmeLike() {
        return new SkewedIssuerBackend(IssuerType.ACME, Duration.ofHours(-1), null);
    }

    /** Creates a Vault-like issuer (spec.vault): notBefore 30s before signing, notAfter at most {@code maxLifetime} after it. */
    public static SkewedIssuerBackend vaultLike(Duration maxLifetime) {
        return new SkewedIssuerBackend(IssuerType.VAULT, Duration.ofSeconds(-30), maxLifetime);
    }

    /** Creates an issuer (spec.vault) whose clock runs {@code ahead} of the controllers', so notBefore is in the future. */
    public static SkewedIssuerBackend clockAhead(Duration ahead) {
        return new SkewedIssuerBackend(IssuerType.VAULT, ahead, null);
    }

    /** Returns the issuer type this backend serves: {@link IssuerType#ACME} or {@link IssuerType#VAULT}. */
    public IssuerType type() {
        return type;
    }

    /** Returns the YAML of an Issuer {@code demo/<name>} of this backend's type. */
    public String issuer(String name) {
        return issuer(name, "demo");
    }

    /**
     * Returns the YAML of an Issuer {@code <namespace>/<name>} of this backend's type. Only this backend reads
     * the spec, so its server addresses use the reserved {@code .invalid} domain and are never contacted.
     */
    public String issuer(String name, String namespace) {
        String spec = type == IssuerType.ACME
                ? "{acme: {server: \"https://acme.invalid/directory\", privateKeySecretRef: {name: acme-account}}}"
                : "{vault: {server: \"https://vault.invalid\", path: pki/sign/test, auth: {tokenSecretRef: {name: token, key: token}}}}";
        return """
                apiVersion: cert-manager.io/v1
                kind: Issuer
                metadata: {name: %s, namespace: %s}
                spec: %s
                """.formatted(name, namespace, spec);
    }

    /** Limits the number of further signatures; the requests after them stay Pending. */
    public void allowSignatures(int count) {
        signaturesLeft.set(count);
    }

    /** Sets the clock that dates the certificates, which must be the clock of the controllers this backend serves. */
    public void useClock(Clock controllersClock) {
        this.clock = controllersClock;
    }

    /** Registers every core controller, with this backend serving its issuer type. */
    public ControllerSet controllers() {
        return (manager, cluster, options, clock) -> {
            useClock(clock);
            IssuerBackends backends = IssuerBackends.defaults(cluster, clock).with(type, this);
            CertificateControllers.register(manager, cluster, options, clock);
            RequestControllers.register(manager, cluster, options, clock, backends);
            RequestControllers.registerIssuerController(manager, cluster, options, clock, backends, type,
                    (kind, object) -> List.of());
            IssuerControllers.register(manager, cluster, options, clock, backends);
        };
    }

    @Override
    public IssuerSetupResult setup(IssuerContext context) {
        return IssuerSetupResult.ready("Verified", "the test issuer is ready");
    }

    @Override
    public SignResult sign(CertificateRequest request, IssuerContext context) {
        if (signaturesLeft.getAndUpdate(left -> Math.max(0, left - 1)) == 0) {
            return new SignResult.Pending("Waiting", PENDING_MESSAGE, false);
        }
        try {
            CertificateTemplate template = CertificateTemplate.from(request, clock);
            Instant signingTime = clock.instant();
            Instant notBefore = signingTime.plus(notBeforeOffset);
            Instant notAfter = notBefore.plus(template.duration());
            if (maxLifetime != null && notAfter.isAfter(signingTime.plus(maxLifetime))) {
                notAfter = signingTime.plus(maxLifetime);
            }
            X509Certificate leaf = CertificateSigner.sign(template.csr(), template.signingOptions()
                    .notBefore(notBefore).duration(Duration.between(notBefore, notAfter)).build(),
                    caCertificate, caKey.getPrivate());
            return new SignResult.Signed(Pem.encodeCertificates(List.of(leaf)).getBytes(StandardCharsets.US_ASCII),
                    Pem.encodeCertificates(List.of(caCertificate)).getBytes(StandardCharsets.US_ASCII), List.of());
        } catch (CertificateTemplate.InvalidRequestException | PkiException e) {
            return new SignResult.Failed("SigningError", e.getMessage());
        }
    }
}
