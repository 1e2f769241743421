package io.certwright.cli;

import io.certwright.core.ControllerOptions;
import io.certwright.local.CertificateReadiness;
import io.certwright.local.InputProblem;
import io.certwright.local.LocalRuntime;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code certwright local DIR}: runs the controllers over a directory of manifests. */
@Command(name = "local", mixinStandardHelpOptions = true,
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

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        if (!Files.isDirectory(directory)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "manifest directory " + directory
                    + " does not exist or is not a directory");
        }
        LocalRuntime.Settings settings = LocalRuntime.Settings.of(directory)
                .withStateDirectory(state)
                .withOptions(ControllerOptions.defaults().withClusterResourceNamespace(clusterResourceNamespace))
                .withClock(Clock.systemUTC());
        if (once) {
            try (LocalRuntime runtime = LocalRuntime.open(settings)) {
                return report(runtime.runOnce(), runtime.problems(), spec.commandLine().getErr());
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

    /** Prints one line per Certificate that is not Ready and returns the exit code. */
    static int report(List<CertificateReadiness> readiness, List<InputProblem> problems, PrintWriter err) {
        List<CertificateReadiness> notReady = readiness.stream().filter(entry -> !entry.ready()).toList();
        for (CertificateReadiness entry : notReady) {
            err.println(entry.describe());
        }
        long ready = readiness.size() - notReady.size();
        if (!problems.isEmpty()) {
            err.println(problems.size() + (problems.size() == 1 ? " problem" : " problems")
                    + " in the manifests, listed above");
        }
        err.println(ready + " of " + readiness.size() + " Certificates Ready");
        err.flush();
        return notReady.isEmpty() && problems.isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
