package io.certwright.cli;

import io.certwright.api.model.Certificate;
import io.certwright.core.cluster.ResourceKind;
import io.certwright.local.InputProblem;
import io.certwright.local.ManifestProblems;
import io.certwright.local.StoredState;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code certwright status certificate NAME}: everything known about one Certificate, from the stored state
 * or from a cluster (see {@link Target}).
 */
@Command(name = "status", description = "Shows the status of objects in a state directory or a cluster.",
        subcommands = StatusCommand.CertificateCommand.class)
final class StatusCommand {
    @CommandLine.Mixin
    HelpOption help = new HelpOption();

    @Command(name = "certificate", aliases = {"cert"},
            description = "Shows a Certificate's conditions, events, issuer, Secret, validity and latest"
                    + " CertificateRequest, read from the state directory or from the cluster.")
    static final class CertificateCommand implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NAME", description = "Name of the Certificate.")
        String name;

        @CommandLine.Mixin
        StateOptions state = new StateOptions();

        @CommandLine.Mixin
        ClusterOptions cluster = new ClusterOptions();

        @CommandLine.Mixin
        HelpOption help = new HelpOption();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            if (Target.of(spec, cluster) == Target.CLUSTER) {
                return callCluster();
            }
            StoredState stored = new StoredState(state.layout());
            String object = "Certificate " + state.namespace + "/" + name;
            List<InputProblem> problems = ManifestProblems.about(stored.layout(), object);
            Optional<Certificate> certificate = stored.get(ResourceKind.CERTIFICATE, state.namespace, name);
            if (certificate.isEmpty() && !problems.isEmpty()) {
                throw new IllegalStateException("the manifest for " + object + " was rejected: "
                        + problems.get(0).describe() + more(problems));
            }
            if (certificate.isEmpty()) {
                throw new IllegalStateException(object + " not found in " + stored.layout().root()
                        + "; check the name, the namespace (-n) and --dir/--state");
            }
            CommandLine commandLine = spec.commandLine();
            for (InputProblem problem : problems) {
                // A rejected edit keeps the stored version running, so the status below may predate the file.
                commandLine.getOut().println("Manifest problem: " + problem.describe());
            }
            commandLine.getOut().print(new CertificateStatusReport(StatusSource.of(stored), Clock.systemUTC()).render(certificate.get()));
            commandLine.getOut().flush();
            return ExitCodes.OK;
        }

        private int callCluster() {
            try (KubeConnection connection = KubeConnection.open(spec, cluster, state.namespace)) {
                ApiObjects objects = connection.objects();
                String report;
                try {
                    Certificate certificate = objects.get(ResourceKind.CERTIFICATE, connection.namespace(), name)
                            .orElseThrow(() -> new IllegalStateException("error when getting Certificate resource: "
                                    + ApiNames.notFound(ResourceKind.CERTIFICATE, name)));
                    report = new CertificateStatusReport(objects, Clock.systemUTC()).render(certificate);
                } catch (KubernetesClientException e) {
                    throw new IllegalStateException(ApiObjects.describe(e), e);
                }
                spec.commandLine().getOut().print(report);
                spec.commandLine().getOut().flush();
                return ExitCodes.OK;
            }
        }

        private static String more(List<InputProblem> problems) {
            if (problems.size() == 1) {
                return "";
            }
            StringBuilder text = new StringBuilder();
            for (InputProblem problem : problems.subList(1, problems.size())) {
                text.append("\n").append("also: ").append(problem.describe());
            }
            return text.toString();
        }
    }
}
