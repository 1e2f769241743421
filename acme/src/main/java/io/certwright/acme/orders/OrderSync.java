package io.certwright.acme.orders;

import io.certwright.acme.AcmeIssuers;
import io.certwright.acme.account.AccountRegistry;
import io.certwright.acme.client.AcmeAuthorization;
import io.certwright.acme.client.AcmeClient;
import io.certwright.acme.client.AcmeClientException;
import io.certwright.acme.client.AcmeIdentifier;
import io.certwright.acme.client.AcmeOrder;
import io.certwright.acme.client.AcmeUnsupportedException;
import io.certwright.acme.naming.ObjectNames;
import io.certwright.api.GoDuration;
import io.certwright.api.Json;
import io.certwright.api.model.ACMEAuthorization;
import io.certwright.api.model.ACMEChallenge;
import io.certwright.api.model.ACMEChallengeSolver;
import io.certwright.api.model.CertManagerResource;
import io.certwright.api.model.Challenge;
import io.certwright.api.model.ChallengeSpec;
import io.certwright.api.model.IssuerSpec;
import io.certwright.api.model.IssuerStatus;
import io.certwright.api.model.Order;
import io.certwright.api.model.OrderStatus;
import io.certwright.api.model.States;
import io.certwright.core.certificates.ari.AriIssuers;
import io.certwright.core.cluster.Cluster;
import io.certwright.core.cluster.ClusterException;
import io.certwright.core.cluster.EventRecorder;
import io.certwright.core.cluster.ObjectKey;
import io.certwright.core.cluster.ResourceKind;
import io.certwright.core.controller.Reconciler;
import io.certwright.core.controller.Result;
import io.certwright.pki.Csrs;
import io.certwright.pki.Pem;
import io.certwright.pki.PkiException;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reconcile step of the {@code orders} controller: drives one Order through the ACME server.
 *
 * <pre>
 *   (no url) --newOrder--> pending --challenges valid--> ready --finalize--> valid (certificate stored)
 *        \-- 4xx --> errored          \-- a challenge fails --> invalid (copied from the server)
 * </pre>
 *
 * Steps, each of which may end the reconcile:
 * <ol>
 *   <li>resolve the issuer and its ACME client;</li>
 *   <li>leave failed Orders alone;</li>
 *   <li>create the ACME order, or refresh a missing finalize URL;</li>
 *   <li>describe authorizations;</li>
 *   <li>when valid, fetch the certificate or clean up Challenges;</li>
 *   <li>create missing Challenges and delete those no longer needed;</li>
 *   <li>when ready, finalize;</li>
 *   <li>otherwise copy the server's state once the Challenges have failed or all finished.</li>
 * </ol>
 * The status is written at the end, only when it changed.
 */
public final class OrderSync implements Reconciler {
    public static final String EVENT_CREATED = "Created";
    public static final String EVENT_COMPLETE = "Complete";
    public static final String EVENT_SOLVER = "Solver";

    /** How long to wait before looking at an ACME order again when all Challenges are final but it is still pending. */
    static final Duration PENDING_REQUEUE = Duration.ofSeconds(5);

    /** RFC 9773 problem type for a {@code replaces} that names a certificate already replaced. */
    static final String ALREADY_REPLACED = "urn:ietf:params:acme:error:alreadyReplaced";

    private static final Pattern DNS_NAME = Pattern.compile(
            "^(\\*\\.)?([a-zA-Z0-9]([-a-zA-Z0-9]{0,61}[a-zA-Z0-9])?\\.)*[a-zA-Z0-9]([-a-zA-Z0-9]{0,61}[a-zA-Z0-9])?$");
    private static final Logger log = LoggerFactory.getLogger(OrderSync.class);

    private final Cluster cluster;
    private final AccountRegistry accounts;
    private final Clock clock;
    private final EventRecorder events;
    private final boolean acmeUseAri;

    /** Creates the reconciler with the feature gate {@code ACMEUseARI} off. */
    public OrderSync(Cluster cluster, AccountRegistry accounts, Clock clock, EventRecorder events) {
        this(cluster, accounts, clock, events, false);
    }

    /**
     * Creates the reconciler.
     *
     * @param acmeUseAri the feature gate {@code ACMEUseARI}: with it, {@code spec.replaces} is sent on newOrder
     */
    public OrderSync(Cluster cluster, AccountRegistry accounts, Clock clock, EventRecorder events, boolean acmeUseAri) {
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.events = Objects.requireNonNull(events, "events");
        this.acmeUseAri = acmeUseAri;
    }

    /** A transient failure that the controller retries with backoff. */
    public static final class RetryException extends Exception {
        RetryException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    @Override
    public Result reconcile(ObjectKey key) throws RetryException {
        Optional<Order> found = cluster.get(ResourceKind.ORDER, key.namespace(), key.name());
        if (found.isEmpty()) {
            return Result.done();
        }
        Order order = found.get();
        if (order.getStatus() == null) {
            order.setStatus(new OrderStatus());
        }
        OrderStatus before = Json.copy(order.getStatus());
        Result result;
        try {
            result = process(order);
        } finally {
            if (!Objects.equals(before, order.getStatus())) {
                try {
                    cluster.updateStatus(ResourceKind.ORDER, order);
                } catch (ClusterException.NotFound e) {
                    log.atDebug().log("Order deleted during reconcile");
                }
            }
        }
        return result;
    }

    private Result process(Order order) throws RetryException {
        String namespace = order.getMetadata().getNamespace();
        Optional<CertManagerResource<IssuerSpec, IssuerStatus>> issuer =
                AcmeIssuers.resolve(cluster, order.getSpec().getIssuerRef(), namespace);
        if (issuer.isEmpty() || issuer.get().getSpec() == null || issuer.get().getSpec().getAcme() == null) {
            throw new RetryException(AcmeIssuers.describe(order.getSpec().getIssuerRef(), namespace)
                    + " of Order " + namespace + "/" + order.getMetadata().getName() + " not found or not an ACME issuer",
                    null);
        }
        AcmeClient client = accounts.get(issuer.get().getMetadata().getUid()).orElseThrow(() -> new RetryException(
                "ACME client for " + AcmeIssuers.describe(order.getSpec().getIssuerRef(), namespace)
                        + " not found: the issuer has not been set up yet", null));
        OrderStatus status = order.getStatus();

        if (States.isFailure(status.getState())) {
            return Result.done();
        }

        if (isEmpty(status.getUrl())) {
            return createOrder(order, client, AriIssuers.enabled(acmeUseAri, issuer.get().getSpec()));
        }
        if (isEmpty(status.getFinalizeURL())) {
            if (!refresh(order, client, "Failed to fetch Order")) {
                return Result.done();
            }
        }
        describeAuthorizations(order, client);

        if (States.VALID.equals(status.getState())) {
            if (status.getCertificate() == null || status.getCertificate().length == 0) {
                fetchCertificate(order, client, issuer.get().getSpec().getAcme().getPreferredChain());
                return Result.done();
            }
            for (Challenge challenge : ownedChallenges(order)) {
                cluster.delete(ResourceKind.CHALLENGE, challenge.getMetadata().getNamespace(), challenge.getMetadata().getName());
            }
            return Result.done();
        }

        Optional<List<Challenge>> required = requiredChallenges(order, issuer.get().getSpec().getAcme().getSolvers());
        if (required.isEmpty()) {
            return Result.done();
        }
        List<Challenge> owned = ownedChallenges(order);
        syncChallenges(order, client, required.get(), owned);

        if (States.READY.equals(status.getState())) {
            finalizeOrder(order, client, issuer.get().getSpec().getAcme().getPreferredChain());
            return Result.done();
        }

        List<Challenge> current = ownedChallenges(order);
        boolean anyFailed = current.stream().anyMatch(c -> c.getStatus() != null && States.isFailure(c.getStatus().getState()));
        boolean allFinal = !current.isEmpty()
                && current.stream().allMatch(c -> c.getStatus() != null && States.isFinal(c.getStatus().getState()));
        if (anyFailed || allFinal) {
            if (!refresh(order, client, "Failed to fetch Order")) {
                return Result.done();
            }
            if (allFinal && States.PENDING.equals(status.getState())) {
                return Result.requeueAfter(PENDING_REQUEUE);
            }
        }
        return Result.done();
    }

    private Result createOrder(Order order, AcmeClient client, boolean ariEnabled) throws RetryException {
        List<AcmeIdentifier> identifiers = identifiers(order);
        Instant notAfter = null;
        if (!isEmpty(order.getSpec().getDuration())) {
            notAfter = clock.instant().plus(GoDuration.parse(order.getSpec().getDuration()));
        }
        AcmeOrder created;
        try {
            created = newOrder(client, identifiers, notAfter, order, ariEnabled);
        } catch (AcmeClientException e) {
            if (e.isClientError()) {
                fail(order, States.ERRORED, "Failed to create Order: " + e.getMessage());
                return Result.done();
            }
            throw new RetryException("creating the ACME order for Order " + order.getMetadata().getName() + " failed: "
                    + e.getMessage(), e);
        }
        OrderStatus status = order.getStatus();
        status.setUrl(created.url());
        status.setFinalizeURL(created.finalizeUrl());
        List<ACMEAuthorization> authorizations = new ArrayList<>();
        for (String url : created.authorizationUrls()) {
            authorizations.add(new ACMEAuthorization().withUrl(url));
        }
        status.setAuthorizations(authorizations);
        setState(order, States.fromAcme(created.status()), created.error());
        log.atDebug().addKeyValue("url", created.url()).log("created ACME order");
        return Result.done();
    }

    /**
     * Sends newOrder, with {@code spec.replaces} when ARI is enabled for the issuer. When the server rejects
     * {@code replaces} (the certificate was already replaced, the CertID is malformed, or the server has no
     * ARI), the order is sent again without it, so that renewal still goes ahead.
     */
    private AcmeOrder newOrder(AcmeClient client, List<AcmeIdentifier> identifiers, Instant notAfter, Order order,
            boolean ariEnabled) throws AcmeClientException {
        String replaces = order.getSpec().getReplaces();
        if (!ariEnabled || isEmpty(replaces)) {
            return client.newOrder(identifiers, notAfter, order.getSpec().getProfile());
        }
        try {
            return client.newOrder(identifiers, notAfter, order.getSpec().getProfile(), replaces);
        } catch (AcmeClientException e) {
            if (!isReplacesRejection(e)) {
                throw e;
            }
            log.atInfo().addKeyValue("order", order.getMetadata().getName()).addKeyValue("replaces", replaces)
                    .log("ACME server rejected replaces; retrying newOrder without it: {}", e.getMessage());
            return client.newOrder(identifiers, notAfter, order.getSpec().getProfile());
        }
    }

    /**
     * Returns true when newOrder failed because of its {@code replaces} field: problem type
     * {@code alreadyReplaced} (RFC 9773 section 7.4), a {@code malformed} problem that mentions replaces, or a
     * server without ARI.
     */
    static boolean isReplacesRejection(AcmeClientException e) {
        if (e instanceof AcmeUnsupportedException) {
            return true;
        }
        if (ALREADY_REPLACED.equals(e.problemType())) {
            return true;
        }
        return AcmeClientException.MALFORMED.equals(e.problemType()) && e.getMessage() != null
                && e.getMessage().toLowerCase(Locale.ROOT).contains("replaces");
    }

    /** Identifiers: dnsNames, then ipAddresses, then the commonName when it is neither yet. */
    static List<AcmeIdentifier> identifiers(Order order) {
        Set<AcmeIdentifier> identifiers = new LinkedHashSet<>();
        if (order.getSpec().getDnsNames() != null) {
            order.getSpec().getDnsNames().forEach(name -> identifiers.add(AcmeIdentifier.dns(name)));
        }
        if (order.getSpec().getIpAddresses() != null) {
            order.getSpec().getIpAddresses().forEach(ip -> identifiers.add(AcmeIdentifier.ip(ip)));
        }
        String commonName = order.getSpec().getCommonName();
        if (!isEmpty(commonName)) {
            if (isIpAddress(commonName)) {
                identifiers.add(AcmeIdentifier.ip(commonName));
            } else if (DNS_NAME.matcher(commonName).matches()) {
                identifiers.add(AcmeIdentifier.dns(commonName));
            }
        }
        return List.copyOf(identifiers);
    }

    private static boolean isIpAddress(String value) {
        if (!value.matches("[0-9a-fA-F:.]+") || !(value.contains(":") || value.matches("\\d+\\.\\d+\\.\\d+\\.\\d+"))) {
            return false;
        }
        try {
            InetAddress.getByName(value);
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Copies the server's state; returns false when the order failed for good. */
    private boolean refresh(Order order, AcmeClient client, String failure) throws RetryException {
        AcmeOrder remote;
        try {
            remote = client.getOrder(order.getStatus().getUrl());
        } catch (AcmeClientException e) {
            if (e.isClientError()) {
                fail(order, States.ERRORED, failure + ": " + e.getMessage());
                return false;
            }
            throw new RetryException(failure + ": " + e.getMessage(), e);
        }
        if (isEmpty(order.getStatus().getFinalizeURL())) {
            order.getStatus().setFinalizeURL(remote.finalizeUrl());
        }
        setState(order, States.fromAcme(remote.status()), remote.error());
        return !States.isFailure(order.getStatus().getState());
    }

    private void describeAuthorizations(Order order, AcmeClient client) throws RetryException {
        List<ACMEAuthorization> authorizations = order.getStatus().getAuthorizations();
        if (authorizations == null) {
            return;
        }
        for (ACMEAuthorization authorization : authorizations) {
            if (!isEmpty(authorization.getIdentifier())) {
                continue;
            }
            AcmeAuthorization remote;
            try {
                remote = client.getAuthorization(authorization.getUrl());
            } catch (AcmeClientException e) {
                throw new RetryException("fetching authorization " + authorization.getUrl() + " failed: "
                        + e.getMessage(), e);
            }
            authorization.setIdentifier(remote.identifier());
            authorization.setWildcard(remote.wildcard());
            authorization.setInitialState(States.fromAcme(remote.status()));
            List<ACMEChallenge> offered = new ArrayList<>();
            for (AcmeAuthorization.Challenge challenge : remote.challenges()) {
                offered.add(new ACMEChallenge().withUrl(challenge.url()).withToken(challenge.token())
                        .withType(challenge.type()));
            }
            authorization.setChallenges(offered);
        }
    }

    /** Returns the Challenges the Order needs, or empty after a Solver event when an authorization has no solver. */
    private Optional<List<Challenge>> requiredChallenges(Order order, List<ACMEChallengeSolver> solvers) {
        List<Challenge> required = new ArrayList<>();
        if (order.getStatus().getAuthorizations() == null) {
            return Optional.of(required);
        }
        for (ACMEAuthorization authorization : order.getStatus().getAuthorizations()) {
            if (States.VALID.equals(authorization.getInitialState())) {
                continue;
            }
            boolean wildcard = Boolean.TRUE.equals(authorization.getWildcard());
            String domain = wildcard ? "*." + authorization.getIdentifier() : authorization.getIdentifier();
            List<String> offeredTypes = authorization.getChallenges() == null ? List.of()
                    : authorization.getChallenges().stream().map(ACMEChallenge::getType).toList();
            Optional<ACMEChallengeSolver> solver = SolverPicker.pick(solvers, domain, offeredTypes,
                    order.getMetadata().getLabels());
            if (solver.isEmpty()) {
                events.record(order, EventRecorder.WARNING, EVENT_SOLVER, "Failed to determine a valid solver"
                        + " configuration for the set of domains on the Order: no configured challenge solvers can be"
                        + " used for this challenge");
                return Optional.empty();
            }
            String acmeType = SolverPicker.typeOf(solver.get());
            ACMEChallenge offered = authorization.getChallenges().stream()
                    .filter(c -> acmeType.equals(c.getType())).findFirst().orElseThrow();
            ChallengeSpec spec = new ChallengeSpec()
                    .withUrl(offered.getUrl())
                    .withAuthorizationURL(authorization.getUrl())
                    .withDnsName(authorization.getIdentifier())
                    .withWildcard(wildcard ? Boolean.TRUE : null)
                    .withType(acmeType.toUpperCase(java.util.Locale.ROOT))
                    .withToken(offered.getToken())
                    .withKey("")
                    .withSolver(Json.copy(solver.get()))
                    .withIssuerRef(Json.copy(order.getSpec().getIssuerRef()));
            Challenge challenge = new Challenge();
            ObjectMeta metadata = new ObjectMeta();
            metadata.setName(ObjectNames.challengeName(order.getMetadata().getName(), spec));
            metadata.setNamespace(order.getMetadata().getNamespace());
            if (order.getMetadata().getLabels() != null) {
                metadata.setLabels(new LinkedHashMap<>(order.getMetadata().getLabels()));
            }
            OwnerReference owner = new OwnerReference();
            owner.setApiVersion(Order.API_VERSION);
            owner.setKind(Order.KIND);
            owner.setName(order.getMetadata().getName());
            owner.setUid(order.getMetadata().getUid());
            owner.setController(true);
            owner.setBlockOwnerDeletion(true);
            metadata.setOwnerReferences(List.of(owner));
            challenge.setMetadata(metadata);
            challenge.setSpec(spec);
            required.add(challenge);
        }
        return Optional.of(required);
    }

    private void syncChallenges(Order order, AcmeClient client, List<Challenge> required, List<Challenge> owned) {
        Map<String, Challenge> ownedByName = new LinkedHashMap<>();
        owned.forEach(c -> ownedByName.put(c.getMetadata().getName(), c));
        for (Challenge challenge : required) {
            if (ownedByName.remove(challenge.getMetadata().getName()) != null) {
                continue;
            }
            ChallengeSpec spec = challenge.getSpec();
            spec.setKey(ChallengeKeys.forType(spec.getType(), client.http01KeyAuthorization(spec.getToken())));
            try {
                cluster.create(ResourceKind.CHALLENGE, challenge);
            } catch (ClusterException.AlreadyExists e) {
                continue;
            }
            events.record(order, EventRecorder.NORMAL, EVENT_CREATED, "Created Challenge resource \""
                    + challenge.getMetadata().getName() + "\" for domain \"" + spec.getDnsName() + "\"");
        }
        for (Challenge leftover : ownedByName.values()) {
            cluster.delete(ResourceKind.CHALLENGE, leftover.getMetadata().getNamespace(), leftover.getMetadata().getName());
        }
    }

    private void finalizeOrder(Order order, AcmeClient client, String preferredChain) throws RetryException {
        byte[] csrDer;
        try {
            csrDer = Csrs.parse(order.getSpec().getRequest()).encoded();
        } catch (PkiException e) {
            fail(order, States.ERRORED, "Failed to finalize Order: spec.request is not a valid CSR: " + e.getMessage());
            return;
        }
        try {
            AcmeOrder finalized = client.finalizeOrder(order.getStatus().getUrl(), csrDer);
            setState(order, States.fromAcme(finalized.status()), finalized.error());
        } catch (AcmeClientException e) {
            if (!e.isClientError()) {
                throw new RetryException("finalizing Order " + order.getMetadata().getName() + " failed: "
                        + e.getMessage(), e);
            }
            // A 403 after an earlier finalize went through: the order may already be valid.
            if (!refresh(order, client, "Failed to finalize Order") || !States.VALID.equals(order.getStatus().getState())) {
                if (!States.isFailure(order.getStatus().getState())) {
                    fail(order, States.ERRORED, "Failed to finalize Order: " + e.getMessage());
                }
                return;
            }
        }
        if (States.VALID.equals(order.getStatus().getState())) {
            fetchCertificate(order, client, preferredChain);
        }
    }

    private void fetchCertificate(Order order, AcmeClient client, String preferredChain) throws RetryException {
        List<List<X509Certificate>> chains;
        try {
            chains = client.certificateChains(order.getStatus().getUrl());
        } catch (AcmeClientException e) {
            if (e.isClientError()) {
                fail(order, States.ERRORED, "Failed to retrieve certificate: " + e.getMessage());
                return;
            }
            throw new RetryException("downloading the certificate of Order " + order.getMetadata().getName()
                    + " failed: " + e.getMessage(), e);
        }
        List<X509Certificate> chosen = PreferredChain.choose(chains, preferredChain);
        order.getStatus().setCertificate(Pem.encodeCertificates(chosen).getBytes(StandardCharsets.US_ASCII));
        order.getStatus().setState(States.VALID);
        order.getStatus().setReason("");
        events.record(order, EventRecorder.NORMAL, EVENT_COMPLETE, "Order completed successfully");
    }

    private List<Challenge> ownedChallenges(Order order) {
        String uid = order.getMetadata().getUid();
        List<Challenge> owned = new ArrayList<>();
        for (Challenge challenge : cluster.list(ResourceKind.CHALLENGE, order.getMetadata().getNamespace())) {
            List<OwnerReference> owners = challenge.getMetadata().getOwnerReferences();
            if (owners != null && owners.stream().anyMatch(o -> Boolean.TRUE.equals(o.getController())
                    && Objects.equals(o.getUid(), uid))) {
                owned.add(challenge);
            }
        }
        return owned;
    }

    private void setState(Order order, String state, String error) {
        if (States.isFailure(state)) {
            fail(order, state, error == null ? "" : error);
            return;
        }
        order.getStatus().setState(state);
    }

    private void fail(Order order, String state, String reason) {
        OrderStatus status = order.getStatus();
        if (!state.equals(status.getState()) || status.getFailureTime() == null) {
            status.setFailureTime(clock.instant().truncatedTo(ChronoUnit.SECONDS));
        }
        status.setState(state);
        status.setReason(reason);
        log.atWarn().addKeyValue("order", order.getMetadata().getName()).addKeyValue("state", state)
                .log("order failed: {}", reason);
    }

    private static boolean isEmpty(String value) {
        return value == null || value.isEmpty();
    }

    /** Returns the issuer common name of the top certificate of a chain, which preferredChain is compared with. */
    static String topIssuerCommonName(List<X509Certificate> chain) {
        if (chain.isEmpty()) {
            return "";
        }
        X500Principal issuer = chain.get(chain.size() - 1).getIssuerX500Principal();
        RDN[] cns = X500Name.getInstance(issuer.getEncoded()).getRDNs(BCStyle.CN);
        return cns.length == 0 ? "" : IETFUtils.valueToString(cns[0].getFirst().getValue());
    }
}
