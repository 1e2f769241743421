package io.certwright.acme.client;

import io.certwright.core.certificates.ari.RenewalInfo;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.crypto.spec.SecretKeySpec;
import org.shredzone.acme4j.Account;
import org.shredzone.acme4j.AccountBuilder;
import org.shredzone.acme4j.Authorization;
import org.shredzone.acme4j.Certificate;
import org.shredzone.acme4j.Identifier;
import org.shredzone.acme4j.Login;
import org.shredzone.acme4j.Order;
import org.shredzone.acme4j.OrderBuilder;
import org.shredzone.acme4j.Problem;
import org.shredzone.acme4j.Session;
import org.shredzone.acme4j.challenge.Challenge;
import org.shredzone.acme4j.connector.NetworkSettings;
import org.shredzone.acme4j.exception.AcmeException;
import org.shredzone.acme4j.exception.AcmeNotSupportedException;
import org.shredzone.acme4j.exception.AcmeServerException;
import org.shredzone.acme4j.provider.GenericAcmeProvider;
import org.shredzone.acme4j.toolbox.AcmeUtils;
import org.shredzone.acme4j.toolbox.JoseUtils;

/**
 * {@link AcmeClient} over acme4j 4.0 for one account. Each call binds a fresh acme4j resource to the
 * shared {@link Login}, so concurrent calls do not share mutable acme4j objects; acme4j's session
 * serialises nonce use itself.
 */
// The action scopes exist only to restore the previous action when they close, and their bodies never
// reference them, so javac's "try" warnings are off.
@SuppressWarnings("try")
public final class Acme4jClient implements AcmeClient {
    /** Problem types that a retry can get past even though the server responded with an HTTP 4xx status. */
    private static final Set<String> RETRYABLE_PROBLEMS = Set.of(
            "urn:ietf:params:acme:error:rateLimited",
            "urn:ietf:params:acme:error:badNonce",
            "urn:ietf:params:acme:error:serverInternal");

    /** How long finalization may take before the order is returned still processing. */
    private static final Duration FINALIZE_WAIT = Duration.ofSeconds(30);

    private final Login login;
    private final AcmeActionScope actions;

    private Acme4jClient(Login login, AcmeActionScope actions) {
        this.login = login;
        this.actions = actions;
    }

    /**
     * Registers the account of {@code keyPair}, or finds it when the key is already registered, and
     * returns a client for it (RFC 8555 newAccount with termsOfServiceAgreed). An existing account
     * keeps its contact; {@link #updateContact} changes it.
     *
     * @param email contact address without {@code mailto:}, or empty for none
     */
    public static Acme4jClient register(URI directory, TlsTrust trust, KeyPair keyPair, String email,
            ExternalAccountKey externalAccount) throws AcmeClientException {
        return register(directory, trust, keyPair, email, externalAccount, AcmeRequestMetrics.NONE);
    }

    /**
     * Registers or finds the account as {@link #register(URI, TlsTrust, KeyPair, String, ExternalAccountKey)}
     * does, and reports every HTTP request of the returned client to {@code metrics}.
     */
    public static Acme4jClient register(URI directory, TlsTrust trust, KeyPair keyPair, String email,
            ExternalAccountKey externalAccount, AcmeRequestMetrics metrics) throws AcmeClientException {
        AcmeActionScope actions = new AcmeActionScope();
        Session session = session(directory, trust, metrics, actions);
        AccountBuilder builder = new AccountBuilder().agreeToTermsOfService().useKeyPair(keyPair);
        if (!email.isEmpty()) {
            builder.addEmail(email);
        }
        if (externalAccount != null) {
            // cert-manager always signs the binding with HS256, whatever keyAlgorithm is set to.
            builder.withKeyIdentifier(externalAccount.keyId(),
                    new SecretKeySpec(externalAccount.hmacKey(), "HmacSHA256"));
            builder.withMacAlgorithm("HS256");
        }
        Login login;
        try (var scope = actions.enter(AcmeAction.REGISTER_ACCOUNT)) {
            login = builder.createLogin(session);
        } catch (AcmeException | RuntimeException e) {
            throw translate("registering the ACME account at " + directory + " failed", e);
        }
        return new Acme4jClient(login, actions);
    }

    /** Returns a client for the account at {@code accountUri} without contacting the server. */
    public static Acme4jClient login(URI directory, TlsTrust trust, KeyPair keyPair, URI accountUri)
            throws AcmeClientException {
        return login(directory, trust, keyPair, accountUri, AcmeRequestMetrics.NONE);
    }

    /**
     * Returns a client for the account at {@code accountUri} without contacting the server, which reports
     * every HTTP request it sends to {@code metrics}.
     */
    public static Acme4jClient login(URI directory, TlsTrust trust, KeyPair keyPair, URI accountUri,
            AcmeRequestMetrics metrics) throws AcmeClientException {
        AcmeActionScope actions = new AcmeActionScope();
        try {
            return new Acme4jClient(session(directory, trust, metrics, actions).login(accountUri.toURL(), keyPair),
                    actions);
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new AcmeClientException("invalid ACME account URL \"" + accountUri + "\": " + e.getMessage(),
                    true, null, e);
        }
    }

    /**
     * Updates the account's contact to {@code email} when it differs.
     *
     * @return true when the contact was changed
     */
    public boolean updateContact(String email) throws AcmeClientException {
        try {
            Account account = login.getAccount();
            List<URI> want = email.isEmpty() ? List.of() : List.of(URI.create("mailto:" + email));
            try (var scope = actions.enter(AcmeAction.GET_REGISTRATION)) {
                if (account.getContacts().equals(want)) {
                    return false;
                }
            }
            Account.EditableAccount editable = account.modify();
            editable.getContacts().clear();
            editable.getContacts().addAll(want);
            try (var scope = actions.enter(AcmeAction.UPDATE_REGISTRATION)) {
                editable.commit();
            }
            return true;
        } catch (AcmeException | RuntimeException e) {
            throw translate("updating the ACME account contact failed", e);
        }
    }

    private static Session session(URI directory, TlsTrust trust, AcmeRequestMetrics metrics, AcmeActionScope actions)
            throws AcmeClientException {
        try {
            return new Session(directory, new TrustingProvider(trust.sslContext(), metrics, actions));
        } catch (GeneralSecurityException e) {
            throw new AcmeClientException("building the TLS trust for " + directory + " failed: " + e.getMessage(),
                    true, null, e);
        }
    }

    @Override
    public String accountUri() {
        return login.getAccountLocation().toString();
    }

    @Override
    public AcmeOrder newOrder(List<AcmeIdentifier> identifiers, Instant notAfter, String profile)
            throws AcmeClientException {
        return newOrder(identifiers, notAfter, profile, null);
    }

    @Override
    public AcmeOrder newOrder(List<AcmeIdentifier> identifiers, Instant notAfter, String profile, String replaces)
            throws AcmeClientException {
        List<Identifier> acmeIdentifiers = new ArrayList<>();
        for (AcmeIdentifier identifier : identifiers) {
            acmeIdentifiers.add(new Identifier(identifier.type(), identifier.value()));
        }
        OrderBuilder builder = login.newOrder().identifiers(acmeIdentifiers);
        if (notAfter != null) {
            builder.notAfter(notAfter);
        }
        if (profile != null && !profile.isEmpty()) {
            builder.profile(profile);
        }
        if (replaces != null && !replaces.isEmpty()) {
            builder.replaces(replaces);
        }
        try (var scope = actions.enter(AcmeAction.AUTHORIZE_ORDER)) {
            return describe(builder.create());
        } catch (AcmeNotSupportedException e) {
            throw new AcmeUnsupportedException("creating the order failed: " + e.getMessage(), e);
        } catch (AcmeException | RuntimeException e) {
            throw translate("creating the order failed", e);
        }
    }

    @Override
    public RenewalInfo renewalInfo(X509Certificate certificate) throws AcmeClientException {
        String doing = "fetching the renewal information of certificate " + certificate.getSerialNumber().toString(16)
                + " failed";
        try (var scope = actions.enter(AcmeAction.GET_RENEWAL_INFO)) {
            org.shredzone.acme4j.RenewalInfo info = login.bindRenewalInfo(certificate);
            Optional<Instant> retryAt = info.fetch();
            // acme4j turns Retry-After into an instant on the system clock, so it is turned back the same way.
            Duration retryAfter = retryAt.map(at -> Duration.between(Instant.now(), at)).orElse(Duration.ZERO);
            return new RenewalInfo(info.getSuggestedWindowStart(), info.getSuggestedWindowEnd(),
                    info.getExplanation().map(URL::toString).orElse(null), retryAfter);
        } catch (AcmeNotSupportedException e) {
            throw new AcmeUnsupportedException(doing + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new AcmeClientException(doing + ": the server sent an " + e.getMessage(), false, null, e);
        } catch (AcmeException | RuntimeException e) {
            throw translate(doing, e);
        }
    }

    @Override
    public AcmeOrder getOrder(String orderUrl) throws AcmeClientException {
        try (var scope = actions.enter(AcmeAction.GET_ORDER)) {
            Order order = login.bindOrder(url(orderUrl));
            order.fetch();
            return describe(order);
        } catch (AcmeException | RuntimeException e) {
            throw translate("fetching order " + orderUrl + " failed", e);
        }
    }

    @Override
    public AcmeAuthorization getAuthorization(String authorizationUrl) throws AcmeClientException {
        try (var scope = actions.enter(AcmeAction.GET_AUTHORIZATION)) {
            Authorization authorization = login.bindAuthorization(url(authorizationUrl));
            authorization.fetch();
            return describe(authorization);
        } catch (AcmeException | RuntimeException e) {
            throw translate("fetching authorization " + authorizationUrl + " failed", e);
        }
    }

    @Override
    public void acceptChallenge(String challengeUrl) throws AcmeClientException {
        try (var scope = actions.enter(AcmeAction.ACCEPT_CHALLENGE)) {
            login.bindChallenge(url(challengeUrl)).trigger();
        } catch (AcmeException | RuntimeException e) {
            throw translate("accepting challenge " + challengeUrl + " failed", e);
        }
    }

    @Override
    public AcmeAuthorization waitForAuthorization(String authorizationUrl, Duration timeout)
            throws AcmeClientException, InterruptedException {
        try (var scope = actions.enter(AcmeAction.WAIT_AUTHORIZATION)) {
            Authorization authorization = login.bindAuthorization(url(authorizationUrl));
            authorization.waitForCompletion(timeout);
            return describe(authorization);
        } catch (AcmeException | RuntimeException e) {
            throw translate("waiting for authorization " + authorizationUrl + " failed", e);
        }
    }

    @Override
    public AcmeOrder finalizeOrder(String orderUrl, byte[] csrDer) throws AcmeClientException {
        try {
            Order order = login.bindOrder(url(orderUrl));
            try (var scope = actions.enter(AcmeAction.CREATE_ORDER_CERT)) {
                order.execute(csrDer);
            }
            try (var scope = actions.enter(AcmeAction.WAIT_ORDER)) {
                order.waitForCompletion(FINALIZE_WAIT);
                return describe(order);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AcmeClientException("interrupted while finalizing order " + orderUrl, false, null, e);
        } catch (AcmeException | RuntimeException e) {
            throw translate("finalizing order " + orderUrl + " failed", e);
        }
    }

    @Override
    public List<List<X509Certificate>> certificateChains(String orderUrl) throws AcmeClientException {
        try {
            Order order = login.bindOrder(url(orderUrl));
            try (var scope = actions.enter(AcmeAction.GET_ORDER)) {
                order.fetch();
            }
            Certificate certificate = order.getCertificate();
            List<List<X509Certificate>> chains = new ArrayList<>();
            try (var scope = actions.enter(AcmeAction.FETCH_CERT)) {
                chains.add(certificate.getCertificateChain());
            }
            // acme4j reads the alternates from the Link headers of the download above, so listing them
            // sends a request only when that download did not happen.
            List<Certificate> alternates;
            try (var scope = actions.enter(AcmeAction.LIST_CERT_ALTERNATES)) {
                alternates = certificate.getAlternateCertificates();
            }
            for (Certificate alternate : alternates) {
                try (var scope = actions.enter(AcmeAction.FETCH_CERT)) {
                    chains.add(alternate.getCertificateChain());
                }
            }
            return chains;
        } catch (AcmeException | RuntimeException e) {
            throw translate("downloading the certificate of order " + orderUrl + " failed", e);
        }
    }

    @Override
    public String http01KeyAuthorization(String token) {
        return token + "." + AcmeUtils.base64UrlEncode(JoseUtils.thumbprint(login.getKeyPair().getPublic()));
    }

    private static AcmeOrder describe(Order order) throws AcmeException {
        List<String> authorizations = new ArrayList<>();
        for (Authorization authorization : order.getAuthorizations()) {
            authorizations.add(authorization.getLocation().toString());
        }
        String finalizeUrl = order.getFinalizeLocation() == null ? null : order.getFinalizeLocation().toString();
        return new AcmeOrder(order.getLocation().toString(), status(order.getStatus()), finalizeUrl, authorizations,
                order.getError().map(Acme4jClient::describe).orElse(null));
    }

    private static AcmeAuthorization describe(Authorization authorization) {
        List<AcmeAuthorization.Challenge> challenges = new ArrayList<>();
        for (Challenge challenge : authorization.getChallenges()) {
            String token = challenge.getJSON().contains("token")
                    ? challenge.getJSON().get("token").asString()
                    : null;
            challenges.add(new AcmeAuthorization.Challenge(challenge.getLocation().toString(), challenge.getType(),
                    token, status(challenge.getStatus()), challenge.getError().map(Acme4jClient::describe).orElse(null)));
        }
        return new AcmeAuthorization(authorization.getLocation().toString(), status(authorization.getStatus()),
                authorization.getIdentifier().getValue(), authorization.isWildcard(), challenges);
    }

    private static String status(org.shredzone.acme4j.Status status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    private static String describe(Problem problem) {
        return problem.getDetail().orElse(problem.getTitle().orElse(problem.getType().toString()));
    }

    private static URL url(String value) {
        try {
            return URI.create(value).toURL();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid ACME URL \"" + value + "\": " + e.getMessage(), e);
        }
    }

    private static AcmeClientException translate(String doing, Exception e) {
        if (e instanceof AcmeServerException server) {
            String type = server.getType() == null ? null : server.getType().toString();
            boolean clientError = type == null || !RETRYABLE_PROBLEMS.contains(type);
            return new AcmeClientException(doing + ": " + describe(server.getProblem()), clientError, type, e);
        }
        return new AcmeClientException(doing + ": " + withCauses(e), false, null, e);
    }

    /**
     * Returns the exception's message followed by its causes', such as {@code Network error: ConnectException
     * (Connection refused)}: acme4j's network errors carry only "Network error" themselves.
     */
    static String withCauses(Throwable failure) {
        StringBuilder text = new StringBuilder(String.valueOf(failure.getMessage()));
        Throwable cause = failure.getCause();
        for (int depth = 0; cause != null && cause != failure && depth < 4; depth++) {
            text.append(": ").append(cause.getClass().getSimpleName());
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                text.append(" (").append(cause.getMessage()).append(')');
            }
            failure = cause;
            cause = cause.getCause();
        }
        return text.toString();
    }

    /**
     * The generic RFC 8555 provider with an HTTP client that uses the issuer's TLS trust and reports each
     * request to the metrics.
     */
    private static final class TrustingProvider extends GenericAcmeProvider {
        private final javax.net.ssl.SSLContext sslContext;
        private final AcmeRequestMetrics metrics;
        private final AcmeActionScope actions;

        TrustingProvider(javax.net.ssl.SSLContext sslContext, AcmeRequestMetrics metrics, AcmeActionScope actions) {
            this.sslContext = sslContext;
            this.metrics = Objects.requireNonNull(metrics, "metrics");
            this.actions = actions;
        }

        @Override
        public HttpClient createHttpClient(NetworkSettings settings) {
            HttpClient.Builder builder = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(settings.getTimeout())
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .sslContext(sslContext);
            if (settings.getProxySelector() != null) {
                builder.proxy(settings.getProxySelector());
            }
            if (settings.getAuthenticator() != null) {
                builder.authenticator(settings.getAuthenticator());
            }
            return new MeteredHttpClient(builder.build(), metrics, actions, System::nanoTime);
        }
    }
}
