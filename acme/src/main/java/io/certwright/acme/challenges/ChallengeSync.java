package io.certwright.acme.challenges;

import io.certwright.acme.AcmeIssuers;
import io.certwright.acme.account.AccountRegistry;
import io.certwright.acme.client.AcmeAuthorization;
import io.certwright.acme.client.AcmeClient;
import io.certwright.acme.client.AcmeClientException;
import io.certwright.api.GoDuration;
import io.certwright.api.Json;
import io.certwright.api.model.CertManagerResource;
import io.certwright.api.model.Challenge;
import io.certwright.api.model.ChallengeStatus;
import io.certwright.api.model.IssuerSpec;
import io.certwright.api.model.IssuerStatus;
import io.certwright.api.model.States;
import io.certwright.core.cluster.Cluster;
import io.certwright.core.cluster.ClusterException;
import io.certwright.core.cluster.EventRecorder;
import io.certwright.core.cluster.ObjectKey;
import io.certwright.core.cluster.ResourceKind;
import io.certwright.core.controller.Reconciler;
import io.certwright.core.controller.Result;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reconcile step of the {@code challenges} controller. The scheduler decides which Challenges
 * run by setting {@code status.processing}; this class drives a processing Challenge:
 * <ol>
 *   <li>a final or deleted Challenge is cleaned up (solver CleanUp, finalizer removed, processing=false);</li>
 *   <li>a Challenge not processing is left alone;</li>
 *   <li>the finalizer is added;</li>
 *   <li>an empty state is filled from the server's authorization (malformed means expired);</li>
 *   <li>the solver presents the response (Presented / PresentError);</li>
 *   <li>the self-check runs, or {@code waitInsteadOfSelfCheck} elapses; not ready yet requeues after
 *       the check retry period ({@link #CHECK_RETRY_PERIOD} by default);</li>
 *   <li>the challenge is accepted and the authorization awaited for up to {@link #AUTHORIZATION_WAIT}
 *       (DomainVerified / Failed).</li>
 * </ol>
 */
public final class ChallengeSync implements Reconciler {
    public static final String FINALIZER = "acme.cert-manager.io/finalizer";
    static final String LEGACY_FINALIZER = "finalizer.acme.cert-manager.io";

    /** Wait before re-running a failed self-check: the default of cert-manager's --dns01-check-retry-period, used for HTTP-01 too. */
    public static final Duration CHECK_RETRY_PERIOD = Duration.ofSeconds(10);

    /** How long to wait for the ACME server to validate after accepting, as cert-manager waits. */
    static final Duration AUTHORIZATION_WAIT = Duration.ofMinutes(2);

    private static final Logger log = LoggerFactory.getLogger(ChallengeSync.class);

    private final Cluster cluster;
    private final AccountRegistry accounts;
    private final ChallengeSolvers solvers;
    private final Duration checkRetryPeriod;
    private final Clock clock;
    private final EventRecorder events;

    /** Creates the sync with an HTTP-01 solver only and the default check retry period. */
    public ChallengeSync(Cluster cluster, AccountRegistry accounts,
            Solver http01, Clock clock, EventRecorder events) {
        this(cluster, accounts, new ChallengeSolvers(http01, null), CHECK_RETRY_PERIOD, clock, events);
    }

    /** @param checkRetryPeriod wait before re-running a failed self-check, cert-manager's --dns01-check-retry-period */
    public ChallengeSync(Cluster cluster, AccountRegistry accounts, ChallengeSolvers solvers,
            Duration checkRetryPeriod, Clock clock, EventRecorder events) {
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.solvers = Objects.requireNonNull(solvers, "solvers");
        if (checkRetryPeriod.isNegative() || checkRetryPeriod.isZero()) {
            throw new IllegalArgumentException("checkRetryPeriod must be positive, got " + checkRetryPeriod);
        }
        this.checkRetryPeriod = checkRetryPeriod;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.events = Objects.requireNonNull(events, "events");
    }

    /** A transient failure that the controller retries with backoff. */
    public static final class RetryException extends Exception {
        RetryException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    @Override
    public Result reconcile(ObjectKey key) throws Exception {
        Optional<Challenge> found = cluster.get(ResourceKind.CHALLENGE, key.namespace(), key.name());
        if (found.isEmpty()) {
            return Result.done();
        }
        Challenge challenge = found.get();
        if (challenge.getStatus() == null) {
            challenge.setStatus(new ChallengeStatus());
        }
        ChallengeStatus status = challenge.getStatus();

        // A Challenge deleted before it finished keeps its finalizer until the solver has cleaned up.
        if (States.isFinal(status.getState()) || challenge.getMetadata().getDeletionTimestamp() != null) {
            cleanUp(challenge);
            return Result.done();
        }
        if (!Boolean.TRUE.equals(status.getProcessing())) {
            return Result.done();
        }
        challenge = ensureFinalizer(challenge);
        status = challenge.getStatus();

        ChallengeStatus before = Json.copy(status);
        try {
            return process(challenge);
        } finally {
            if (!Objects.equals(before, challenge.getStatus())) {
                try {
                    cluster.updateStatus(ResourceKind.CHALLENGE, challenge);
                } catch (ClusterException.NotFound e) {
                    log.atDebug().log("Challenge deleted during reconcile");
                }
            }
        }
    }

    private Result process(Challenge challenge) throws RetryException, InterruptedException {
        ChallengeStatus status = challenge.getStatus();
        Solver solver = solverFor(challenge);
        if (solver == null) {
            status.setState(States.ERRORED);
            status.setReason("Challenge type " + challenge.getSpec().getType() + " is not supported by this Certwright"
                    + " version; configure an http01 solver");
            return Result.done();
        }
        AcmeClient client = client(challenge);

        if (status.getState() == null || status.getState().isEmpty()) {
            if (!copyStateFromServer(challenge, client)) {
                return Result.done();
            }
            if (States.isFinal(status.getState())) {
                return Result.done();
            }
        }

        if (!Boolean.TRUE.equals(status.getPresented())) {
            try {
                solver.present(challenge);
            } catch (Exception e) {
                status.setReason(e.getMessage());
                events.record(challenge, EventRecorder.WARNING, "PresentError", "Error presenting challenge: "
                        + e.getMessage());
                throw new RetryException("presenting Challenge " + challenge.getMetadata().getName() + " failed: "
                        + e.getMessage(), e);
            }
            status.setPresented(true);
            if (status.getPresentedAt() == null) {
                status.setPresentedAt(clock.instant().truncatedTo(ChronoUnit.SECONDS));
            }
            events.record(challenge, EventRecorder.NORMAL, "Presented", "Presented challenge using "
                    + challenge.getSpec().getType() + " challenge mechanism");
        }

        Optional<Duration> notReadyFor = readiness(challenge, solver);
        if (notReadyFor.isPresent()) {
            return Result.requeueAfter(notReadyFor.get());
        }

        try {
            client.acceptChallenge(challenge.getSpec().getUrl());
        } catch (AcmeClientException e) {
            return handleError(challenge, e);
        }
        AcmeAuthorization authorization;
        try {
            authorization = client.waitForAuthorization(challenge.getSpec().getAuthorizationURL(), AUTHORIZATION_WAIT);
        } catch (AcmeClientException e) {
            throw new RetryException("waiting for the authorization of Challenge " + challenge.getMetadata().getName()
                    + " failed: " + e.getMessage(), e);
        }
        String state = States.fromAcme(authorization.status());
        if (States.VALID.equals(state)) {
            status.setState(state);
            status.setReason("Successfully authorized domain");
            events.record(challenge, EventRecorder.NORMAL, "DomainVerified", "Domain \""
                    + challenge.getSpec().getDnsName() + "\" verified with \"" + challenge.getSpec().getType()
                    + "\" validation");
            return Result.done();
        }
        if (!States.isFinal(state)) {
            throw new RetryException("authorization " + authorization.url() + " is still " + authorization.status()
                    + " after " + GoDuration.format(AUTHORIZATION_WAIT), null);
        }
        String detail = challengeError(authorization, challenge.getSpec().getUrl());
        status.setState(state);
        status.setReason("Error accepting authorization: " + detail);
        events.record(challenge, EventRecorder.WARNING, "Failed", "Accepting challenge authorization failed: " + detail);
        return Result.done();
    }

    /** Returns empty when the challenge may be accepted, or the delay before looking again. */
    private Optional<Duration> readiness(Challenge challenge, Solver solver) {
        ChallengeStatus status = challenge.getStatus();
        String wait = challenge.getSpec().getSolver() == null ? null
                : challenge.getSpec().getSolver().getWaitInsteadOfSelfCheck();
        if (wait != null && !wait.isEmpty()) {
            Instant readyAt = status.getPresentedAt().plus(GoDuration.parse(wait));
            Instant now = clock.instant();
            if (now.isBefore(readyAt)) {
                status.setReason("Waiting " + wait + " after presenting the challenge instead of a self-check");
                return Optional.of(Duration.between(now, readyAt));
            }
            return Optional.empty();
        }
        try {
            solver.check(challenge);
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status.setReason("Waiting for " + challenge.getSpec().getType() + " challenge propagation: interrupted");
            return Optional.of(checkRetryPeriod);
        } catch (Exception e) {
            status.setReason("Waiting for " + challenge.getSpec().getType() + " challenge propagation: " + e.getMessage());
            log.atDebug().addKeyValue("challenge", challenge.getMetadata().getName())
                    .log("self-check failed: {}", e.getMessage());
            return Optional.of(checkRetryPeriod);
        }
    }

    private boolean copyStateFromServer(Challenge challenge, AcmeClient client) throws RetryException {
        AcmeAuthorization authorization;
        try {
            authorization = client.getAuthorization(challenge.getSpec().getAuthorizationURL());
        } catch (AcmeClientException e) {
            handleError(challenge, e);
            return false;
        }
        for (AcmeAuthorization.Challenge remote : authorization.challenges()) {
            if (remote.url().equals(challenge.getSpec().getUrl())) {
                challenge.getStatus().setState(States.fromAcme(remote.status()));
                if (remote.error() != null) {
                    challenge.getStatus().setReason(remote.error());
                }
                return true;
            }
        }
        challenge.getStatus().setState(States.ERRORED);
        challenge.getStatus().setReason("challenge " + challenge.getSpec().getUrl() + " is not part of authorization "
                + challenge.getSpec().getAuthorizationURL());
        return false;
    }

    /** Maps a failed ACME call onto a final state, or raises it for a retry. */
    private Result handleError(Challenge challenge, AcmeClientException e) throws RetryException {
        if (AcmeClientException.MALFORMED.equals(e.problemType())) {
            challenge.getStatus().setState(States.EXPIRED);
            challenge.getStatus().setReason(e.getMessage());
            return Result.done();
        }
        if (e.isClientError()) {
            challenge.getStatus().setState(States.ERRORED);
            challenge.getStatus().setReason(e.getMessage());
            return Result.done();
        }
        throw new RetryException("Challenge " + challenge.getMetadata().getName() + ": " + e.getMessage(), e);
    }

    private static String challengeError(AcmeAuthorization authorization, String challengeUrl) {
        for (AcmeAuthorization.Challenge remote : authorization.challenges()) {
            if (remote.url().equals(challengeUrl) && remote.error() != null) {
                return remote.error();
            }
        }
        return "authorization " + authorization.url() + " is " + authorization.status();
    }

    private AcmeClient client(Challenge challenge) throws RetryException {
        String namespace = challenge.getMetadata().getNamespace();
        Optional<CertManagerResource<IssuerSpec, IssuerStatus>> issuer =
                AcmeIssuers.resolve(cluster, challenge.getSpec().getIssuerRef(), namespace);
        if (issuer.isEmpty()) {
            throw new RetryException(AcmeIssuers.describe(challenge.getSpec().getIssuerRef(), namespace)
                    + " of Challenge " + namespace + "/" + challenge.getMetadata().getName() + " not found", null);
        }
        return accounts.get(issuer.get().getMetadata().getUid()).orElseThrow(() -> new RetryException(
                "ACME client for " + AcmeIssuers.describe(challenge.getSpec().getIssuerRef(), namespace)
                        + " not found: the issuer has not been set up yet", null));
    }

    private Solver solverFor(Challenge challenge) {
        return solvers.forType(challenge.getSpec().getType()).orElse(null);
    }

    private Challenge ensureFinalizer(Challenge challenge) {
        List<String> finalizers = challenge.getMetadata().getFinalizers() == null ? new ArrayList<>()
                : new ArrayList<>(challenge.getMetadata().getFinalizers());
        boolean changed = finalizers.remove(LEGACY_FINALIZER);
        if (!finalizers.contains(FINALIZER)) {
            finalizers.add(FINALIZER);
            changed = true;
        }
        if (!changed) {
            return challenge;
        }
        challenge.getMetadata().setFinalizers(finalizers);
        return cluster.update(ResourceKind.CHALLENGE, challenge);
    }

    private void cleanUp(Challenge challenge) {
        Solver solver = solverFor(challenge);
        List<String> finalizers = challenge.getMetadata().getFinalizers();
        boolean hasFinalizer = finalizers != null && (finalizers.contains(FINALIZER) || finalizers.contains(LEGACY_FINALIZER));
        if (hasFinalizer) {
            if (solver != null) {
                try {
                    solver.cleanUp(challenge);
                } catch (Exception e) {
                    events.record(challenge, EventRecorder.WARNING, "CleanUpError", "Error cleaning up challenge: "
                            + e.getMessage());
                    return;
                }
            }
            List<String> remaining = new ArrayList<>(finalizers);
            remaining.remove(FINALIZER);
            remaining.remove(LEGACY_FINALIZER);
            challenge.getMetadata().setFinalizers(remaining.isEmpty() ? null : remaining);
            challenge = cluster.update(ResourceKind.CHALLENGE, challenge);
        }
        if (challenge.getMetadata().getDeletionTimestamp() != null) {
            // Removing the last finalizer lets the API server delete the object, so there is no status to write.
            return;
        }
        ChallengeStatus status = challenge.getStatus() == null ? new ChallengeStatus() : challenge.getStatus();
        if (Boolean.TRUE.equals(status.getProcessing()) || Boolean.TRUE.equals(status.getPresented())) {
            status.setProcessing(false);
            status.setPresented(false);
            challenge.setStatus(status);
            cluster.updateStatus(ResourceKind.CHALLENGE, challenge);
        }
    }
}
