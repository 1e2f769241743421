package io.certwright.core.issuers;

import io.certwright.api.Json;
import io.certwright.api.model.CertManagerResource;
import io.certwright.api.model.IssuerSpec;
import io.certwright.api.model.IssuerStatus;
import io.certwright.core.ControllerOptions;
import io.certwright.core.cluster.Cluster;
import io.certwright.core.cluster.EventRecorder;
import io.certwright.core.cluster.ObjectKey;
import io.certwright.core.cluster.ResourceKind;
import io.certwright.core.controller.Reconciler;
import io.certwright.core.controller.Result;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reconcile step of the {@code issuers} and {@code clusterissuers} controllers: runs the issuer
 * type's setup, writes the Ready condition and any {@code status.acme} the setup returned when the status
 * changed, and records the events setup asked for. A failed setup records a Warning {@code ErrInitIssuer} event and is retried with backoff.
 *
 * @param <T> Issuer or ClusterIssuer
 */
final class IssuerSync<T extends CertManagerResource<IssuerSpec, IssuerStatus>> implements Reconciler {
    static final String ERR_INIT_ISSUER = "ErrInitIssuer";
    static final String MESSAGE_ERR_INIT_ISSUER = "Error initializing issuer: ";

    private static final Logger log = LoggerFactory.getLogger(IssuerSync.class);

    private final ResourceKind<T> kind;
    private final IssuerBackends backends;
    private final Cluster cluster;
    private final ControllerOptions options;
    private final Clock clock;
    private final EventRecorder events;

    IssuerSync(ResourceKind<T> kind, IssuerBackends backends, Cluster cluster, ControllerOptions options, Clock clock,
            EventRecorder events) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.backends = Objects.requireNonNull(backends, "backends");
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        this.options = Objects.requireNonNull(options, "options");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.events = Objects.requireNonNull(events, "events");
    }

    /** Raised to have the controller retry a failed setup with backoff. */
    static final class SetupFailedException extends Exception {
        SetupFailedException(String message) {
            super(message);
        }
    }

    @Override
    public Result reconcile(ObjectKey key) throws SetupFailedException {
        Optional<T> found = cluster.get(kind, key.namespace(), key.name());
        if (found.isEmpty()) {
            return Result.done();
        }
        T issuer = found.get();
        IssuerStatus before = Json.copy(issuer.getStatus());

        Optional<IssuerType> type = IssuerType.of(issuer.getSpec());
        if (type.isEmpty()) {
            String error = "no issuer type is configured in " + kind.kind() + " " + key
                    + "; set exactly one of spec.acme, spec.ca, spec.vault, spec.selfSigned or spec.venafi";
            events.record(issuer, EventRecorder.WARNING, ERR_INIT_ISSUER, MESSAGE_ERR_INIT_ISSUER + error);
            throw new SetupFailedException(error);
        }

        IssuerSetupResult result = backends.get(type.get()).setup(IssuerContext.of(issuer, options));
        if (result.acmeStatus() != null) {
            if (issuer.getStatus() == null) {
                issuer.setStatus(new IssuerStatus());
            }
            issuer.getStatus().setAcme(Json.copy(result.acmeStatus()));
        }
        Long generation = issuer.getMetadata().getGeneration();
        IssuerConditions.set(issuer, IssuerConditions.READY, result.ready(), result.reason(), result.message(),
                generation == null ? 0L : generation, clock.instant());
        for (IssuerEvent event : result.events()) {
            events.record(issuer, event.type(), event.reason(), event.message());
        }
        if (result.error() != null) {
            events.record(issuer, EventRecorder.WARNING, ERR_INIT_ISSUER, MESSAGE_ERR_INIT_ISSUER + result.error());
        }

        maybeWriteStatus(issuer, before);

        if (result.error() != null) {
            throw new SetupFailedException(MESSAGE_ERR_INIT_ISSUER + result.error());
        }
        return Result.done();
    }

    private void maybeWriteStatus(T issuer, IssuerStatus before) {
        if (Objects.equals(before, issuer.getStatus())) {
            return;
        }
        cluster.updateStatus(kind, issuer);
        log.atDebug().addKeyValue("ready", IssuerConditions.isReady(issuer)).log("issuer status updated");
    }
}
