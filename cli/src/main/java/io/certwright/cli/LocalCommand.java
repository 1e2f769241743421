package io.certwright.cli;

import io.certwright.acme.AcmeSolverSettings;
import io.certwright.acme.dns01.Dns01Options;
import io.certwright.acme.http01.OnDemandHttp01Solver;
import io.certwright.core.ControllerOptions;
import io.certwright.kubernetes.FeatureGate;
import io.certwright.kubernetes.FeatureGates;
import io.certwright.local.CertificateReadiness;
import io.certwright.local.InputProblem;
import io.certwright.local.LocalRuntime;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code certwright local DIR}: runs the controllers over a directory of manifests. */
@Command(name = "local",
        description = {
            "Issues and renews the certificates described by the cert-manager manifests in DIR and writes each"
                    + " Secret as files under the state directory (STATE/secrets/NAMESPACE/NAME/tls.crt, ...).",
            "Keeps running and follows edits to DIR unless --once is given."
        })
final class LocalCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "Directory of YAML manifests, read recursively.")
    Path directory;

    @Option(names = "--state", paramLabel = "PATH", description = "State directory (default: DIR/.certwright).")
    Path state;

    @Option(names = "--once", description = "Issue what can be issued now, then exit: 0 when every Certificate is"
            + " Ready, 1 otherwise, naming each one that is not.")
    boolean once;

    @Option(names = "--cluster-resource-namespace", paramLabel = "NAMESPACE",
            description = "Namespace of the Secrets that ClusterIssuers refer to (default: ${DEFAULT-VALUE}).")
    String clusterResourceNamespace = "cert-manager";

    @Option(names = "--acme-http01-listen-address", paramLabel = "HOST:PORT",
            description = "Address the ACME HTTP-01 responder listens on, opened only when an ACME issuer presents"
                    + " a challenge; :PORT listens on every interface (default: ${DEFAULT-VALUE}).")
    String acmeHttp01ListenAddress = LocalRuntime.DEFAULT_ACME_HTTP01_LISTEN_ADDRESS;

    @CommandLine.Mixin
    Dns01Flags dns01 = new Dns01Flags();

    @Option(names = "--feature-gates", paramLabel = "NAME=BOOL,...",
            description = "Feature gates as comma-separated NAME=true|false pairs, as for certwright controller;"
                    + " ACMEUseARI=true turns on ACME Renewal Information. May be repeated.")
    List<String> featureGates = new ArrayList<>();

    @Option(names = "--dns01-check-retry-period", paramLabel = "DURATION",
            description = "Wait between two ACME self-checks (DNS-01 and HTTP-01) that did not pass yet, as a Go"
                    + " duration (default: ${DEFAULT-VALUE}).")
    String dns01CheckRetryPeriod = "10s";

    @CommandLine.Mixin
    HelpOption help = new HelpOption();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        try {
            OnDemandHttp01Solver.parseListenAddress(acmeHttp01ListenAddress);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--acme-http01-listen-address: "
                    + e.getMessage());
        }
        AcmeSolverSettings acmeSolvers = acmeSolverSettings();
        FeatureGates gates;
        try {
            gates = FeatureGates.parse(String.join(",", featureGates));
        } catch (IllegalArgumentException e) {
            // The parser's messages already start with the flag name.
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (!Files.isDirectory(directory)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "manifest directory " + directory
                    + " does not exist or is not a directory");
        }
        LocalRuntime.Settings settings = LocalRuntime.Settings.of(directory)
                .withStateDirectory(state)
                .withOptions(ControllerOptions.defaults().withClusterResourceNamespace(clusterResourceNamespace)
                        .withAcmeUseAri(gates.enabled(FeatureGate.ACME_USE_ARI)))
                .withClock(Clock.systemUTC())
                .withAcmeHttp01ListenAddress(acmeHttp01ListenAddress)
                .withAcmeSolvers(acmeSolvers)
                .withOnceWait(onceWait(acmeSolvers.checkRetryPeriod()));
        if (once) {
            try (LocalRuntime runtime = LocalRuntime.open(settings)) {
                List<CertificateReadiness> readiness = runtime.runOnce();
                return report(readiness, runtime::notReadyDetails, runtime.problems(), spec.commandLine().getOut(),
                        spec.commandLine().getErr());
            }
        }
        LocalRuntime runtime = LocalRuntime.open(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            runtime.close();
            stopped.countDown();
        }, "certwright-shutdown"));
        runtime.start();
        stopped.await();
        return ExitCodes.OK;
    }

    /** Builds the ACME solver settings from the DNS-01 flags, naming the flag of the first invalid value. */
    private AcmeSolverSettings acmeSolverSettings() {
        Dns01Options dns01Options = dns01.options();
        Duration retryPeriod = duration("--dns01-check-retry-period", dns01CheckRetryPeriod);
        if (retryPeriod.isZero()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--dns01-check-retry-period: must be"
                    + " greater than 0, got " + dns01CheckRetryPeriod);
        }
        return new AcmeSolverSettings(retryPeriod, dns01Options);
    }

    /**
     * Returns how long --once waits for keys due soon: at least the check retry period, so that a DNS-01
     * self-check that failed once, because the record was not visible yet, runs again before the exit.
     */
    private static Duration onceWait(Duration checkRetryPeriod) {
        return checkRetryPeriod.compareTo(LocalRuntime.DEFAULT_ONCE_WAIT) > 0 ? checkRetryPeriod
                : LocalRuntime.DEFAULT_ONCE_WAIT;
    }

    private Duration duration(String flag, String value) {
        return Dns01Flags.nonNegativeDuration(spec, flag, value);
    }

    /**
     * Prints, on {@code out}, one line per Certificate that is not Ready followed by indented lines
     * that explain it, then the {@code N of M Certificates Ready} summary; returns the exit code.
     * The count of manifest problems goes to {@code err}, next to the logged problems it counts.
     */
    static int report(List<CertificateReadiness> readiness,
            Function<CertificateReadiness, List<String>> details, List<InputProblem> problems, PrintWriter out,
            PrintWriter err) {
        List<CertificateReadiness> notReady = readiness.stream().filter(entry -> !entry.ready()).toList();
        for (CertificateReadiness entry : notReady) {
            out.println(entry.describe());
            for (String line : details.apply(entry)) {
                out.println("  " + line);
            }
        }
        long ready = readiness.size() - notReady.size();
        if (!problems.isEmpty()) {
            err.println(problems.size() + (problems.size() == 1 ? " problem" : " problems")
                    + " in the manifests, logged above");
            err.flush();
        }
        out.println(ready + " of " + readiness.size() + " Certificates Ready");
        out.flush();
        return notReady.isEmpty() && problems.isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
