package io.certwright.kubernetes;

import io.certwright.api.model.Challenge;
import io.certwright.api.model.ClusterIssuer;
import io.certwright.api.model.IssuerCondition;
import io.certwright.api.model.IssuerStatus;
import io.certwright.api.model.Issuer;
import io.certwright.core.cluster.Cluster;
import io.certwright.core.cluster.ResourceKind;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * cert-manager's controller metrics, computed on every scrape from the cluster cache and the controller
 * counters, with cert-manager's names, types and labels. {@link CertificateFamilies} writes the certificate
 * families, which are most of a scrape.
 */
final class CertManagerMetrics {
    /** The values of the {@code condition} label; each object gets one series per value. */
    static final List<String> CONDITION_STATUSES = List.of("True", "False", "Unknown");

    /**
     * The values of the challenge gauge's {@code status} label, the ACME states a Challenge's
     * {@code status.state} takes, with the empty string for a Challenge whose state is not set yet.
     */
    static final List<String> CHALLENGE_STATES =
            List.of("ready", "valid", "errored", "expired", "invalid", "processing", "", "pending");

    private final Cluster cluster;
    private final Clock clock;
    private final Supplier<List<String>> controllers;
    private final ToLongFunction<String> syncCalls;
    private final ToLongFunction<String> syncErrors;
    private final AcmeRequestRecorder acmeRequests;

    /** Creates the metrics without ACME request series, which then stay empty. */
    CertManagerMetrics(Cluster cluster, Clock clock, Supplier<List<String>> controllers,
            ToLongFunction<String> syncCalls, ToLongFunction<String> syncErrors) {
        this(cluster, clock, controllers, syncCalls, syncErrors, new AcmeRequestRecorder(clock));
    }

    /**
     * @param controllers the names of the running controllers, for the sync counters
     * @param syncCalls reconciles started per controller name
     * @param syncErrors failed reconciles per controller name, conflicts excluded
     * @param acmeRequests the recorder that the ACME clients report their HTTP requests to
     */
    CertManagerMetrics(Cluster cluster, Clock clock, Supplier<List<String>> controllers,
            ToLongFunction<String> syncCalls, ToLongFunction<String> syncErrors, AcmeRequestRecorder acmeRequests) {
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.controllers = Objects.requireNonNull(controllers, "controllers");
        this.syncCalls = Objects.requireNonNull(syncCalls, "syncCalls");
        this.syncErrors = Objects.requireNonNull(syncErrors, "syncErrors");
        this.acmeRequests = Objects.requireNonNull(acmeRequests, "acmeRequests");
    }

    /** Renders every family in the Prometheus text format. */
    HttpEndpoints.Response scrape() {
        ResponseBody body = new ResponseBody();
        writeTo(body);
        return new HttpEndpoints.Response(200, PrometheusText.CONTENT_TYPE, body);
    }

    /** Appends every family: the certificate families first, then the others in a fixed order. */
    void writeTo(ResponseBody body) {
        CertificateFamilies.write(cluster, body);
        PrometheusText.write(body, familiesAfterCertificates());
    }

    private List<PrometheusText.Family> familiesAfterCertificates() {
        List<PrometheusText.Family> families = new ArrayList<>();
        families.add(challengeStatus(cluster.list(ResourceKind.CHALLENGE, null)));
        families.add(issuerReadyStatus(cluster.list(ResourceKind.ISSUER, null)));
        families.add(clusterIssuerReadyStatus(cluster.list(ResourceKind.CLUSTER_ISSUER, null)));
        double now = clock.instant().getEpochSecond();
        families.add(new PrometheusText.Family("certmanager_clock_time_seconds",
                "DEPRECATED: use clock_time_seconds_gauge instead. The clock time given in seconds (from 1970/01/01 UTC).",
                "counter", List.of(PrometheusText.Sample.of(now))));
        families.add(new PrometheusText.Family("certmanager_clock_time_seconds_gauge",
                "The clock time given in seconds (from 1970/01/01 UTC).", "gauge",
                List.of(PrometheusText.Sample.of(now))));
        families.addAll(acmeRequests.families());
        families.addAll(controllerFamilies(controllers.get()));
        return families;
    }

    private static PrometheusText.Family challengeStatus(List<Challenge> challenges) {
        List<PrometheusText.Sample> samples = new ArrayList<>();
        for (Challenge challenge : challenges) {
            var spec = challenge.getSpec();
            var status = challenge.getStatus();
            String current = status == null ? "" : nullToEmpty(status.getState());
            String domain = spec == null ? "" : nullToEmpty(spec.getDnsName());
            String type = spec == null ? "" : nullToEmpty(spec.getType());
            String reason = status == null ? "" : nullToEmpty(status.getReason());
            String processing = Boolean.toString(status != null && Boolean.TRUE.equals(status.getProcessing()));
            for (String state : CHALLENGE_STATES) {
                samples.add(PrometheusText.Sample.of(state.equals(current) ? 1 : 0, "status", state,
                        "domain", domain, "reason", reason, "processing", processing,
                        "name", challenge.getMetadata().getName(), "namespace", challenge.getMetadata().getNamespace(),
                        "type", type));
            }
        }
        return new PrometheusText.Family("certmanager_certificate_challenge_status",
                "The state of each ACME challenge: 1 for its current state, 0 for the others.", "gauge", samples);
    }

    private static PrometheusText.Family issuerReadyStatus(List<Issuer> issuers) {
        List<PrometheusText.Sample> samples = new ArrayList<>();
        for (Issuer issuer : issuers) {
            String current = issuerReadyStatus(issuer.getStatus());
            for (String status : CONDITION_STATUSES) {
                samples.add(PrometheusText.Sample.of(status.equals(current) ? 1 : 0,
                        "name", issuer.getMetadata().getName(), "namespace", issuer.getMetadata().getNamespace(),
                        "condition", status));
            }
        }
        return new PrometheusText.Family("certmanager_issuer_ready_status", "The ready status of the issuer.", "gauge",
                samples);
    }

    private static PrometheusText.Family clusterIssuerReadyStatus(List<ClusterIssuer> issuers) {
        List<PrometheusText.Sample> samples = new ArrayList<>();
        for (ClusterIssuer issuer : issuers) {
            String current = issuerReadyStatus(issuer.getStatus());
            for (String status : CONDITION_STATUSES) {
                samples.add(PrometheusText.Sample.of(status.equals(current) ? 1 : 0,
                        "name", issuer.getMetadata().getName(), "condition", status));
            }
        }
        return new PrometheusText.Family("certmanager_clusterissuer_ready_status",
                "The ready status of the cluster issuer.", "gauge", samples);
    }

    private List<PrometheusText.Family> controllerFamilies(List<String> names) {
        List<PrometheusText.Sample> calls = new ArrayList<>();
        List<PrometheusText.Sample> errors = new ArrayList<>();
        for (String name : names) {
            calls.add(PrometheusText.Sample.of(syncCalls.applyAsLong(name), "controller", name));
            errors.add(PrometheusText.Sample.of(syncErrors.applyAsLong(name), "controller", name));
        }
        return List.of(
                new PrometheusText.Family("certmanager_controller_sync_call_count",
                        "The number of sync() calls made by a controller.", "counter", calls),
                new PrometheusText.Family("certmanager_controller_sync_error_count",
                        "The number of errors encountered during controller sync().", "counter", errors));
    }

    static String issuerReadyStatus(IssuerStatus status) {
        if (status == null || status.getConditions() == null) {
            return "Unknown";
        }
        for (IssuerCondition condition : status.getConditions()) {
            if ("Ready".equals(condition.getType()) && condition.getStatus() != null) {
                return condition.getStatus();
            }
        }
        return "Unknown";
    }

    static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
