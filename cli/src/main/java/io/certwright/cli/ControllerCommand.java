package io.certwright.cli;

import io.certwright.acme.challenges.ChallengeScheduler;
import io.certwright.api.GoDuration;
import io.certwright.core.ControllerOptions;
import io.certwright.kubernetes.AcmeSettings;
import io.certwright.kubernetes.FeatureGate;
import io.certwright.kubernetes.FeatureGates;
import io.certwright.kubernetes.KubernetesClients;
import io.certwright.kubernetes.KubernetesRuntime;
import io.certwright.kubernetes.KubernetesRuntimeSettings;
import io.certwright.kubernetes.LeaderElectionSettings;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code certwright controller}: runs cert-manager's controllers against a Kubernetes API server. */
@Command(name = "controller", mixinStandardHelpOptions = true,
        description = {
            "Runs the certificate controllers against a Kubernetes cluster, with the flags of cert-manager's"
                    + " controller. Replicas elect one leader through a Lease; only the leader reconciles.",
            "Exits 1 when the leader loses its Lease or the controllers cannot start, and 0 on SIGTERM."
        })
final class ControllerCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(ControllerCommand.class);

    @Option(names = "--kubeconfig", paramLabel = "FILE",
            description = "Kubeconfig file. Without it: $KUBECONFIG, ~/.kube/config, then the in-cluster service account.")
    Path kubeconfig;

    @Option(names = "--master", paramLabel = "URL",
            description = "API server URL; overrides the server in the kubeconfig.")
    String master;

    @Option(names = "--namespace", paramLabel = "NAMESPACE",
            description = "Watch only this namespace; also disables the clusterissuers controller (default: all).")
    String namespace;

    @Option(names = "--cluster-resource-namespace", paramLabel = "NAMESPACE",
            description = "Namespace of the Secrets that ClusterIssuers refer to (default: ${DEFAULT-VALUE}).")
    String clusterResourceNamespace = ControllerOptions.DEFAULT_CLUSTER_RESOURCE_NAMESPACE;

    @Option(names = "--leader-elect", arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
            description = "Elect a leader through the Lease cert-manager-controller before reconciling"
                    + " (default: ${DEFAULT-VALUE}).")
    boolean leaderElect = true;

    @Option(names = "--leader-election-namespace", paramLabel = "NAMESPACE",
            description = "Namespace of the leader-election Lease (default: ${DEFAULT-VALUE}).")
    String leaderElectionNamespace = LeaderElectionSettings.DEFAULT_NAMESPACE;

    @Option(names = "--leader-election-lease-duration", paramLabel = "DURATION", converter = GoDurationConverter.class,
            description = "How long standby replicas wait after the leader's last renewal before taking over,"
                    + " as a Go duration (default: 60s).")
    Duration leaseDuration = LeaderElectionSettings.DEFAULT_LEASE_DURATION;

    @Option(names = "--leader-election-renew-deadline", paramLabel = "DURATION", converter = GoDurationConverter.class,
            description = "How long the leader retries a failed renewal before it gives up leadership and exits"
                    + " (default: 40s).")
    Duration renewDeadline = LeaderElectionSettings.DEFAULT_RENEW_DEADLINE;

    @Option(names = "--leader-election-retry-period", paramLabel = "DURATION", converter = GoDurationConverter.class,
            description = "Wait between attempts to acquire or renew the Lease (default: 15s).")
    Duration retryPeriod = LeaderElectionSettings.DEFAULT_RETRY_PERIOD;

    @Option(names = "--concurrent-workers", paramLabel = "N",
            description = "Worker threads per controller (default: ${DEFAULT-VALUE}).")
    int concurrentWorkers = 5;

    @Option(names = "--kube-api-qps", paramLabel = "QPS",
            description = "Steady rate of requests to the API server, per second (default: 20).")
    double kubeApiQps = KubernetesClients.DEFAULT_QPS;

    @Option(names = "--kube-api-burst", paramLabel = "N",
            description = "Requests that may be sent at once above the steady rate (default: ${DEFAULT-VALUE}).")
    int kubeApiBurst = KubernetesClients.DEFAULT_BURST;

    @Option(names = "--enable-certificate-owner-ref", arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
            description = "Give issued Secrets an owner reference to their Certificate, so that deleting the"
                    + " Certificate deletes the Secret (default: ${DEFAULT-VALUE}).")
    boolean enableCertificateOwnerRef;

    @Option(names = "--certificate-request-minimum-backoff-duration", paramLabel = "DURATION",
            converter = GoDurationConverter.class,
            description = "First wait before retrying a failed issuance; it doubles on each failure (default: 1h).")
    Duration minimumBackoff = Duration.ofHours(1);

    @Option(names = "--certificate-request-maximum-backoff-duration", paramLabel = "DURATION",
            converter = GoDurationConverter.class,
            description = "Maximum wait before retrying a failed issuance (default: 32h).")
    Duration maximumBackoff = Duration.ofHours(32);

    @Option(names = "--copied-annotation-prefixes", split = ",", paramLabel = "PREFIX",
            description = "Certificate annotations copied to CertificateRequests: * copies all, -PREFIX excludes"
                    + " a prefix (default: ${DEFAULT-VALUE}).")
    List<String> copiedAnnotationPrefixes = ControllerOptions.DEFAULT_COPIED_ANNOTATION_PREFIXES;

    @Option(names = "--controllers", split = ",", paramLabel = "NAME",
            description = "Controllers to run: * for the default set, NAME to add one, -NAME to remove one;"
                    + " only -NAME entries imply * (default: ${DEFAULT-VALUE}).")
    List<String> controllers = List.of("*");

    @Option(names = "--metrics-listen-address", paramLabel = "HOST:PORT",
            description = "Address of the Prometheus /metrics endpoint (default: ${DEFAULT-VALUE}).")
    String metricsListenAddress = KubernetesRuntimeSettings.DEFAULT_METRICS_LISTEN_ADDRESS;

    @Option(names = "--internal-healthz-listen-address", paramLabel = "HOST:PORT",
            description = "Address of the /livez liveness endpoint (default: ${DEFAULT-VALUE}).")
    String healthzListenAddress = KubernetesRuntimeSettings.DEFAULT_HEALTHZ_LISTEN_ADDRESS;

    @Option(names = "--feature-gates", paramLabel = "NAME=BOOL,...",
            description = "Feature gates as comma-separated NAME=true|false pairs; AllAlpha and AllBeta set every"
                    + " alpha or beta gate not named. Certwright implements ACMEUseARI either way and every other"
                    + " gate only at cert-manager's default, and rejects other values. May be repeated.")
    List<String> featureGates = new ArrayList<>();

    @Option(names = "--max-concurrent-challenges", paramLabel = "N",
            description = "ACME Challenges processed at once (default: ${DEFAULT-VALUE}).")
    int maxConcurrentChallenges = ChallengeScheduler.DEFAULT_MAX_CONCURRENT;

    @Option(names = "--dns01-check-retry-period", paramLabel = "DURATION", converter = GoDurationConverter.class,
            description = "Wait before re-running a failed ACME self-check, for HTTP-01 and DNS-01 alike, as a Go"
                    + " duration (default: 10s).")
    Duration checkRetryPeriod = AcmeSettings.DEFAULT_CHECK_RETRY_PERIOD;

    @Mixin
    AcmeSolverOptions acmeSolver = new AcmeSolverOptions();

    @Mixin
    Dns01Flags dns01 = new Dns01Flags();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        KubernetesRuntimeSettings settings;
        KubernetesClients clients;
        try {
            settings = settings();
            clients = new KubernetesClients(kubeconfig, master, kubeApiQps, kubeApiBurst);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        try (KubernetesClient client = clients.controllerClient();
                KubernetesClient leaderElectionClient = clients.leaderElectionClient()) {
            KubernetesRuntime runtime;
            try {
                runtime = KubernetesRuntime.start(settings, client, leaderElectionClient);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
            }
            Thread shutdown = new Thread(runtime::close, "certwright-shutdown");
            Runtime.getRuntime().addShutdownHook(shutdown);
            try {
                runtime.termination().get();
                return ExitCodes.OK;
            } catch (ExecutionException | CompletionException e) {
                spec.commandLine().getErr().println("error: " + e.getCause().getMessage());
                spec.commandLine().getErr().flush();
                return ExitCodes.FAILED;
            }
        }
    }

    /** Builds the runtime settings from the flags; throws IllegalArgumentException naming the invalid flag. */
    KubernetesRuntimeSettings settings() {
        if (concurrentWorkers < 1) {
            throw new IllegalArgumentException("--concurrent-workers must be at least 1, got " + concurrentWorkers);
        }
        if (minimumBackoff.compareTo(maximumBackoff) > 0) {
            throw new IllegalArgumentException("--certificate-request-minimum-backoff-duration (" + minimumBackoff
                    + ") must not be greater than --certificate-request-maximum-backoff-duration (" + maximumBackoff
                    + ")");
        }
        FeatureGates gates = FeatureGates.parse(String.join(",", featureGates));
        if (gates.enabled(FeatureGate.VALIDATE_CAA)) {
            log.warn("feature gate {} has no effect: cert-manager removed it and accepts it only so that existing"
                    + " flags keep working", FeatureGate.VALIDATE_CAA.gateName());
        }
        ControllerOptions options = new ControllerOptions(clusterResourceNamespace, minimumBackoff, maximumBackoff,
                List.copyOf(copiedAnnotationPrefixes), enableCertificateOwnerRef, concurrentWorkers,
                gates.enabled(FeatureGate.ACME_USE_ARI));
        LeaderElectionSettings election = LeaderElectionSettings.defaults()
                .withEnabled(leaderElect)
                .withNamespace(leaderElectionNamespace)
                .withTimings(leaseDuration, renewDeadline, retryPeriod);
        AcmeSettings acme = new AcmeSettings(maxConcurrentChallenges, checkRetryPeriod, acmeSolver.settings(),
                dns01.options());
        return KubernetesRuntimeSettings.defaults()
                .withControllerOptions(options)
                .withControllers(controllers)
                .withNamespace(namespace)
                .withLeaderElection(election)
                .withListenAddresses(metricsListenAddress, healthzListenAddress)
                .withFeatureGates(gates)
                .withAcme(acme)
                .withClock(Clock.systemUTC());
    }

    /** Parses Go duration syntax such as {@code 90s}, {@code 1h30m} or {@code 32h}. */
    static final class GoDurationConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                return GoDuration.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage()
                        + "; use a Go duration such as 90s, 15m or 1h30m");
            }
        }
    }
}
