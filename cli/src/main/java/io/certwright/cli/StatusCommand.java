package io.certwright.cli;

import io.certwright.api.model.Certificate;
import io.certwright.core.cluster.ResourceKind;
import io.certwright.local.InputProblem;
import io.certwright.local.ManifestProblems;
import io.certwright.local.StoredState;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

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
    static final class CertificateCommand extends StoredOrClusterCommand {
        @Parameters(index = "0", paramLabel = "NAME", description = "Name of the Certificate.")
        String name;

        @Override
        int callStored(StoredState stored) {
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
            for (InputProblem problem : problems) {
                // A rejected edit keeps the stored version running, so the status below may predate the file.
                spec.commandLine().getOut().println("Manifest problem: " + problem.describe());
            }
            return print(new CertificateStatusReport(StatusSource.of(stored), Clock.systemUTC())
                    .render(certificate.get()));
        }

        @Override
        int callCluster(KubeConnection connection) {
            ApiObjects objects = connection.objects();
            Certificate certificate = objects.get(ResourceKind.CERTIFICATE, connection.namespace(), name)
                    .orElseThrow(() -> new IllegalStateException("error when getting Certificate resource: "
                            + ApiNames.notFound(ResourceKind.CERTIFICATE, name)));
            return print(new CertificateStatusReport(objects, Clock.systemUTC()).render(certificate));
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
