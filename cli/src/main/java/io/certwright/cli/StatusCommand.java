package io.certwright.cli;

import io.certwright.api.model.Certificate;
import io.certwright.local.StoredState;
import io.certwright.core.cluster.ResourceKind;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code certwright status certificate NAME}: everything known about one Certificate, from the stored state. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Shows the status of stored objects.",
        subcommands = StatusCommand.CertificateCommand.class)
final class StatusCommand {

    @Command(name = "certificate", aliases = {"cert"}, mixinStandardHelpOptions = true,
            description = "Shows a Certificate's conditions, events, issuer, Secret, validity and latest"
                    + " CertificateRequest, read from the state directory.")
    static final class CertificateCommand implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NAME", description = "Name of the Certificate.")
        String name;

        @CommandLine.Mixin
        StateOptions state = new StateOptions();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            StoredState stored = new StoredState(state.layout());
            Certificate certificate = stored.get(ResourceKind.CERTIFICATE, state.namespace, name)
                    .orElseThrow(() -> new IllegalStateException("Certificate " + state.namespace + "/" + name
                            + " not found in " + stored.layout().root() + "; check the name, the namespace (-n) and"
                            + " --dir/--state"));
            spec.commandLine().getOut().print(new CertificateStatusReport(stored, Clock.systemUTC()).render(certificate));
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }
}
