package io.certwright.acme.account;

import io.certwright.acme.client.AcmeClient;
import io.certwright.acme.client.AcmeClientException;
import io.certwright.acme.client.ExternalAccountKey;
import io.certwright.acme.client.TlsTrust;
import io.certwright.api.model.ACMEExternalAccountBinding;
import io.certwright.api.model.ACMEIssuer;
import io.certwright.api.Json;
import io.certwright.api.model.ACMEIssuerStatus;
import io.certwright.api.model.IssuerStatus;
import io.certwright.api.model.SecretKeySelector;
import io.certwright.core.cluster.Cluster;
import io.certwright.core.cluster.ClusterException;
import io.certwright.core.cluster.ResourceKind;
import io.certwright.core.issuers.IssuerConditions;
import io.certwright.core.issuers.AcmeSolverSecrets;
import io.certwright.core.issuers.IssuerContext;
import io.certwright.core.issuers.IssuerEvent;
import io.certwright.core.issuers.IssuerSetupResult;
import io.certwright.pki.KeyAlgorithm;
import io.certwright.pki.KeyEncoding;
import io.certwright.pki.Pem;
import io.certwright.pki.PkiException;
import io.certwright.pki.PrivateKeys;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Secret;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets up an ACME issuer: loads or generates the account key, registers the account with the ACME
 * server, records {@code status.acme} and keeps a client for the Order and Challenge controllers.
 *
 * <p>Steps, each of which may end the setup:
 * <ol>
 *   <li>reject the Let's Encrypt v1 directory URLs (InvalidConfig);</li>
 *   <li>load the account key from {@code privateKeySecretRef}, generating an RSA 2048 key into a new
 *       Secret when it is missing and generation is allowed (ErrVerifyACMEAccount otherwise);</li>
 *   <li>fast path: an issuer already Ready with the same server host, email and key hash gets a
 *       client without contacting the server;</li>
 *   <li>register (or find) the account and update its contact (ErrRegisterACMEAccount,
 *       ErrUpdateACMEAccount);</li>
 *   <li>record uri, lastRegisteredEmail and lastPrivateKeyHash.</li>
 * </ol>
 *
 * <p>The issuer in the context is not changed: once the key is loaded, the result carries the new
 * {@code status.acme} ({@link IssuerSetupResult#acmeStatus()}), which the issuer controller writes with
 * the Ready condition.
 *
 * <p>Registration binds a new account to {@code spec.acme.externalAccountBinding} when it is set.
 *
 * <p>Before registering, every Secret the DNS-01 solvers refer to must exist with its key (InvalidSolver).
 */
public final class AccountSetup {
    public static final String REASON_REGISTERED = "ACMEAccountRegistered";
    public static final String REASON_REGISTER_FAILED = "ErrRegisterACMEAccount";
    public static final String REASON_VERIFY_FAILED = "ErrVerifyACMEAccount";
    public static final String REASON_UPDATE_FAILED = "ErrUpdateACMEAccount";
    public static final String REASON_INVALID_CONFIG = "InvalidConfig";
    public static final String REASON_INVALID_URL = "InvalidURL";
    public static final String REASON_INVALID_SOLVER = "InvalidSolver";

    static final String MESSAGE_REGISTERED = "The ACME account was registered with the ACME server";
    static final String MESSAGE_REGISTER_FAILED = "Failed to register ACME account: ";
    static final String MESSAGE_VERIFY_FAILED = "Failed to verify ACME account: ";
    static final String MESSAGE_UPDATE_FAILED = "Failed to update ACME account:";

    /** The default key of the account key in its Secret. */
    public static final String DEFAULT_KEY = "tls.key";

    public static final String MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";

    private static final String LETS_ENCRYPT_V2 = "https://acme-v02.api.letsencrypt.org/directory";
    private static final String LETS_ENCRYPT_STAGING_V2 = "https://acme-staging-v02.api.letsencrypt.org/directory";
    private static final Map<String, String> LETS_ENCRYPT_V1_REPLACEMENTS = Map.of(
            "https://acme-v01.api.letsencrypt.org/directory", LETS_ENCRYPT_V2,
            "https://acme-staging.api.letsencrypt.org/directory", LETS_ENCRYPT_STAGING_V2);

    private static final Logger log = LoggerFactory.getLogger(AccountSetup.class);

    private final Cluster cluster;
    private final AccountRegistrar registrar;
    private final AccountRegistry registry;

    public AccountSetup(Cluster cluster, AccountRegistrar registrar, AccountRegistry registry) {
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        this.registrar = Objects.requireNonNull(registrar, "registrar");
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /** Runs the setup steps; see the class documentation. */
    public IssuerSetupResult setup(IssuerContext context) {
        ACMEIssuer acme = context.spec().getAcme();
        String server = acme.getServer() == null ? "" : acme.getServer();
        String issuerUid = context.issuer().getMetadata().getUid();

        String replacement = LETS_ENCRYPT_V1_REPLACEMENTS.get(server.endsWith("/")
                ? server.substring(0, server.length() - 1) : server);
        if (replacement != null) {
            registry.remove(issuerUid);
            String message = "Your ACME server URL is set to a v1 endpoint (" + server
                    + "). You should update the spec.acme.server field to \"" + replacement + "\"";
            return IssuerSetupResult.notReady(REASON_INVALID_CONFIG, message);
        }
        URI directory;
        try {
            directory = new URI(server);
            if (directory.getHost() == null) {
                throw new URISyntaxException(server, "the URL has no host");
            }
        } catch (URISyntaxException e) {
            String message = "Failed to parse existing ACME server URI \"" + server + "\": " + e.getMessage()
                    + "; set spec.acme.server of " + context.describe() + " to the ACME directory URL";
            return IssuerSetupResult.notReady(REASON_INVALID_URL, message, IssuerEvent.warning(REASON_INVALID_URL, message));
        }

        TlsTrust trust;
        try {
            trust = trust(acme, context);
        } catch (PkiException e) {
            String message = MESSAGE_VERIFY_FAILED + "spec.acme.caBundle of " + context.describe()
                    + " does not contain a valid PEM certificate: " + e.getMessage();
            return IssuerSetupResult.notReady(REASON_VERIFY_FAILED, message);
        }

        KeyOutcome key = loadOrGenerateKey(acme, context);
        if (key.failure() != null) {
            return key.failure();
        }
        Optional<IssuerSetupResult> invalidSolver = checkSolverSecrets(acme, context);
        if (invalidSolver.isPresent()) {
            registry.remove(issuerUid);
            return invalidSolver.get();
        }
        ACMEIssuerStatus status = acmeStatus(context);
        return register(context, directory, trust, key, status).withAcmeStatus(status);
    }

    /**
     * Reuses or registers the ACME account, recording the outcome in {@code status}, a copy of the issuer's
     * {@code status.acme} that the caller returns for the issuer controller to write.
     */
    private IssuerSetupResult register(IssuerContext context, URI directory, TlsTrust trust, KeyOutcome key,
            ACMEIssuerStatus status) {
        ACMEIssuer acme = context.spec().getAcme();
        String issuerUid = context.issuer().getMetadata().getUid();
        if (key.generated()) {
            status.setUri(null);
        }

        String email = acme.getEmail() == null ? "" : acme.getEmail();
        String keyHash = keyHash(key.keyPair().getPrivate());
        boolean sameHost = status.getUri() != null && !status.getUri().isEmpty()
                && directory.getHost().equals(URI.create(status.getUri()).getHost());
        if (IssuerConditions.isReady(context.issuer()) && sameHost && email.equals(status.getLastRegisteredEmail())
                && keyHash.equals(status.getLastPrivateKeyHash())) {
            try {
                registry.put(issuerUid, registrar.login(directory, trust, key.keyPair(), URI.create(status.getUri())));
                return IssuerSetupResult.ready(REASON_REGISTERED, MESSAGE_REGISTERED);
            } catch (AcmeClientException e) {
                log.atWarn().addKeyValue("issuer", context.describe())
                        .log("reusing the registered ACME account failed, registering again: {}", e.getMessage());
            }
        }
        if (!sameHost) {
            status.setUri(null);
        }

        ExternalAccountKeyOutcome externalAccount = loadExternalAccountKey(acme, context);
        if (externalAccount.failure() != null) {
            registry.remove(issuerUid);
            return externalAccount.failure();
        }

        AcmeClient client;
        try {
            client = registrar.register(directory, trust, key.keyPair(), email.toLowerCase(Locale.ROOT),
                    externalAccount.key());
        } catch (AccountRegistrar.ContactUpdateException e) {
            registry.remove(issuerUid);
            String message = MESSAGE_UPDATE_FAILED + " " + e.getMessage();
            return IssuerSetupResult.notReady(REASON_UPDATE_FAILED, message,
                    IssuerEvent.warning(REASON_UPDATE_FAILED, message));
        } catch (AcmeClientException e) {
            registry.remove(issuerUid);
            String message = MESSAGE_REGISTER_FAILED + e.getMessage();
            if (e.isClientError()) {
                return IssuerSetupResult.notReady(REASON_REGISTER_FAILED, message,
                        IssuerEvent.warning(REASON_REGISTER_FAILED, message));
            }
            return IssuerSetupResult.retry(REASON_REGISTER_FAILED, message, message,
                    IssuerEvent.warning(REASON_REGISTER_FAILED, message));
        }

        status.setUri(client.accountUri());
        status.setLastRegisteredEmail(email);
        status.setLastPrivateKeyHash(keyHash);
        registry.put(issuerUid, client);
        log.atDebug().addKeyValue("issuer", context.describe()).addKeyValue("account", client.accountUri())
                .log("ACME account registered");
        return IssuerSetupResult.ready(REASON_REGISTERED, MESSAGE_REGISTERED);
    }

    private static TlsTrust trust(ACMEIssuer acme, IssuerContext context) throws PkiException {
        if (acme.getCaBundle() != null && acme.getCaBundle().length > 0) {
            return new TlsTrust.Bundle(Pem.parseCertificates(acme.getCaBundle()));
        }
        if (Boolean.TRUE.equals(acme.getSkipTLSVerify())) {
            return new TlsTrust.SkipVerify();
        }
        return new TlsTrust.SystemDefault();
    }

    /** Returns a copy of the issuer's {@code status.acme}, or an empty one; the issuer is left unchanged. */
    private static ACMEIssuerStatus acmeStatus(IssuerContext context) {
        IssuerStatus current = context.issuer().getStatus();
        if (current == null || current.getAcme() == null) {
            return new ACMEIssuerStatus();
        }
        return Json.copy(current.getAcme());
    }

    private record KeyOutcome(KeyPair keyPair, boolean generated, IssuerSetupResult failure) {
    }

    private record ExternalAccountKeyOutcome(ExternalAccountKey key, IssuerSetupResult failure) {
    }

    /**
     * Checks that every Secret the DNS-01 solvers refer to exists in the resource namespace and has the
     * referenced key (InvalidSolver otherwise, retried with backoff).
     */
    private Optional<IssuerSetupResult> checkSolverSecrets(ACMEIssuer acme, IssuerContext context) {
        String namespace = context.resourceNamespace();
        for (AcmeSolverSecrets.Reference reference : AcmeSolverSecrets.of(acme)) {
            Optional<Secret> secret = cluster.get(ResourceKind.SECRET, namespace, reference.name());
            String problem = null;
            if (secret.isEmpty()) {
                problem = "Secret " + namespace + "/" + reference.name() + " not found";
            } else if (!reference.key().isEmpty()
                    && (secret.get().getData() == null || !secret.get().getData().containsKey(reference.key()))) {
                problem = "Secret " + namespace + "/" + reference.name() + " has no key \"" + reference.key() + "\"";
            }
            if (problem != null) {
                String message = "Failed to verify the DNS-01 solver of " + context.describe() + ": "
                        + reference.field() + " refers to a missing Secret value: " + problem
                        + "; create it or correct the reference";
                // Retried with backoff: in Kubernetes only labelled Secrets are watched, so the creation of an
                // unlabelled solver Secret alone would not set the issuer up again.
                return Optional.of(IssuerSetupResult.retry(REASON_INVALID_SOLVER, message, message,
                        IssuerEvent.warning(REASON_INVALID_SOLVER, message)));
            }
        }
        return Optional.empty();
    }

    /**
     * Reads the External Account Binding key of {@code spec.acme.externalAccountBinding}, if set, from its
     * Secret in the resource namespace. The Secret value is the HMAC key in base64url without padding, as
     * CAs hand it out. A missing or undecodable key ends the setup without retry (ErrRegisterACMEAccount):
     * the next change of the issuer or the Secret starts it again.
     */
    private ExternalAccountKeyOutcome loadExternalAccountKey(ACMEIssuer acme, IssuerContext context) {
        ACMEExternalAccountBinding binding = acme.getExternalAccountBinding();
        if (binding == null) {
            return new ExternalAccountKeyOutcome(null, null);
        }
        String namespace = context.resourceNamespace();
        SecretKeySelector reference = binding.getKeySecretRef();
        String secretName = reference == null ? null : reference.getName();
        String dataKey = reference == null ? null : reference.getKey();
        if (binding.getKeyID() == null || binding.getKeyID().isEmpty() || secretName == null || secretName.isEmpty()
                || dataKey == null || dataKey.isEmpty()) {
            return externalAccountFailure("spec.acme.externalAccountBinding of " + context.describe()
                    + " needs keyID, keySecretRef.name and keySecretRef.key; set all three");
        }
        String described = "key \"" + dataKey + "\" of Secret " + namespace + "/" + secretName;
        Optional<Secret> secret = cluster.get(ResourceKind.SECRET, namespace, secretName);
        String encoded = secret.map(Secret::getData).map(data -> data.get(dataKey)).orElse(null);
        if (encoded == null || encoded.isEmpty()) {
            return externalAccountFailure("external account binding key not found: " + described
                    + (secret.isEmpty() ? " does not exist" : " is missing or empty")
                    + "; store the HMAC key your ACME CA issued there");
        }
        byte[] hmacKey;
        try {
            String text = new String(Base64.getDecoder().decode(encoded), StandardCharsets.US_ASCII).strip();
            if (text.contains("=")) {
                throw new IllegalArgumentException("the value has base64 padding");
            }
            hmacKey = Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            // The decoder's message shows the offending byte of the key, so it is left out.
            return externalAccountFailure("external account binding key in " + described
                    + " is not base64url without padding: it contains characters other than A-Z, a-z, 0-9, '-'"
                    + " and '_' ('+' and '/' belong to standard base64); store it exactly as your ACME CA issued it");
        }
        if (hmacKey.length == 0) {
            return externalAccountFailure("external account binding key in " + described + " is empty");
        }
        return new ExternalAccountKeyOutcome(new ExternalAccountKey(binding.getKeyID(), hmacKey), null);
    }

    private static ExternalAccountKeyOutcome externalAccountFailure(String detail) {
        String message = MESSAGE_REGISTER_FAILED + detail;
        return new ExternalAccountKeyOutcome(null, IssuerSetupResult.notReady(REASON_REGISTER_FAILED, message,
                IssuerEvent.warning(REASON_REGISTER_FAILED, message)));
    }

    private KeyOutcome loadOrGenerateKey(ACMEIssuer acme, IssuerContext context) {
        String namespace = context.resourceNamespace();
        String secretName = acme.getPrivateKeySecretRef() == null ? null : acme.getPrivateKeySecretRef().getName();
        if (secretName == null || secretName.isEmpty()) {
            String message = MESSAGE_VERIFY_FAILED + "spec.acme.privateKeySecretRef.name of " + context.describe()
                    + " is empty; name the Secret that holds (or will hold) the ACME account key";
            return new KeyOutcome(null, false, IssuerSetupResult.notReady(REASON_VERIFY_FAILED, message));
        }
        String dataKey = acme.getPrivateKeySecretRef().getKey() == null || acme.getPrivateKeySecretRef().getKey().isEmpty()
                ? DEFAULT_KEY : acme.getPrivateKeySecretRef().getKey();
        String described = namespace + "/" + secretName;

        Optional<Secret> secret = cluster.get(ResourceKind.SECRET, namespace, secretName);
        if (secret.isEmpty()) {
            if (Boolean.TRUE.equals(acme.getDisableAccountKeyGeneration())) {
                String message = MESSAGE_VERIFY_FAILED + "the ACME issuer config has 'disableAccountKeyGeneration' set"
                        + " to true, but the secret was not found: secrets \"" + secretName + "\" not found in namespace \""
                        + namespace + "\"";
                return new KeyOutcome(null, false, IssuerSetupResult.notReady(REASON_VERIFY_FAILED, message,
                        IssuerEvent.warning(REASON_VERIFY_FAILED, message)));
            }
            return new KeyOutcome(generateKey(namespace, secretName, dataKey), true, null);
        }

        String encoded = secret.get().getData() == null ? null : secret.get().getData().get(dataKey);
        if (encoded == null || encoded.isEmpty()) {
            String message = MESSAGE_VERIFY_FAILED + "Account private key is invalid: no data for \"" + dataKey
                    + "\" in secret '" + described + "'";
            return new KeyOutcome(null, false, IssuerSetupResult.notReady(REASON_VERIFY_FAILED, message));
        }
        PrivateKey privateKey;
        try {
            privateKey = PrivateKeys.parsePem(Base64.getDecoder().decode(encoded));
        } catch (PkiException | IllegalArgumentException e) {
            String message = MESSAGE_VERIFY_FAILED + "Account private key is invalid: key \"" + dataKey + "\" of Secret "
                    + described + ": " + e.getMessage();
            return new KeyOutcome(null, false, IssuerSetupResult.notReady(REASON_VERIFY_FAILED, message));
        }
        if (!(privateKey instanceof RSAPrivateKey)) {
            String message = MESSAGE_VERIFY_FAILED + "ACME private key in \"" + secretName + "\" is not of type RSA";
            return new KeyOutcome(null, false, IssuerSetupResult.notReady(REASON_VERIFY_FAILED, message));
        }
        return new KeyOutcome(new KeyPair(PrivateKeys.publicKeyOf(privateKey), privateKey), false, null);
    }

    private KeyPair generateKey(String namespace, String secretName, String dataKey) {
        KeyPair keyPair = PrivateKeys.generate(KeyAlgorithm.RSA, 2048);
        String pem = PrivateKeys.encodePem(keyPair.getPrivate(), KeyEncoding.PKCS1);
        Secret secret = new Secret();
        secret.setMetadata(new ObjectMeta());
        secret.getMetadata().setNamespace(namespace);
        secret.getMetadata().setName(secretName);
        secret.getMetadata().setLabels(Map.of(MANAGED_BY_LABEL, "cert-manager"));
        secret.setType("Opaque");
        secret.setData(Map.of(dataKey, Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII))));
        try {
            cluster.create(ResourceKind.SECRET, secret);
        } catch (ClusterException.AlreadyExists e) {
            // Another worker created it first; the next sync, triggered by that Secret, reads its key.
            throw new IllegalStateException("ACME account key Secret " + namespace + "/" + secretName
                    + " was created concurrently; retrying", e);
        }
        log.atInfo().addKeyValue("secret", namespace + "/" + secretName).log("generated a new ACME account key");
        return keyPair;
    }

    /** Returns base64(SHA-256(PKCS#1 DER of the RSA key)), the value of status.acme.lastPrivateKeyHash. */
    static String keyHash(PrivateKey key) {
        try {
            byte[] pkcs1 = PrivateKeyInfo.getInstance(key.getEncoded()).parsePrivateKey().toASN1Primitive().getEncoded();
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(pkcs1));
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("hashing the ACME account key failed", e);
        }
    }
}
