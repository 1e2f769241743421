package io.certwright.cli;

import io.certwright.api.SecretKeys;
import io.certwright.local.StoredState;
import io.certwright.pki.CertificateInspector;
import io.certwright.pki.Pem;
import io.certwright.pki.PkiException;
import io.fabric8.kubernetes.api.model.Secret;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code certwright inspect secret NAME}: describes the certificate stored in a Secret. */
@Command(name = "inspect", description = "Describes stored objects.",
        subcommands = InspectCommand.SecretCommand.class)
final class InspectCommand {
    @CommandLine.Mixin
    HelpOption help = new HelpOption();

    @Command(name = "secret",
            description = "Decodes tls.crt of a stored Secret and prints validity, names, issuer and details.")
    static final class SecretCommand implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NAME", description = "Name of the Secret.")
        String name;

        @CommandLine.Mixin
        StateOptions state = new StateOptions();

        @CommandLine.Mixin
        HelpOption help = new HelpOption();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            StoredState stored = new StoredState(state.layout());
            Secret secret = stored.secret(state.namespace, name).orElseThrow(() -> new IllegalStateException(
                    "Secret " + state.namespace + "/" + name + " not found in " + stored.layout().root()
                            + "; check the name and the namespace (-n)"));
            byte[] certificatePem = data(secret, SecretKeys.TLS_CERT);
            if (certificatePem == null || certificatePem.length == 0) {
                throw new IllegalStateException("Secret " + state.namespace + "/" + name + " has no "
                        + SecretKeys.TLS_CERT + "; it does not hold an issued certificate yet");
            }
            List<X509Certificate> chain = parse(stored, certificatePem, SecretKeys.TLS_CERT);
            byte[] caPem = data(secret, SecretKeys.CA_CERT);
            List<X509Certificate> cas = caPem == null || caPem.length == 0 ? List.of()
                    : parse(stored, caPem, SecretKeys.CA_CERT);
            spec.commandLine().getOut().print(CertificateInspector.describe(chain, cas, Instant.now()));
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }

        /** Parses one PEM data key, or fails with a message naming the Secret, the file and the fix. */
        private List<X509Certificate> parse(StoredState stored, byte[] pem, String dataKey) {
            String problem;
            try {
                List<X509Certificate> certificates = Pem.parseCertificates(pem);
                if (!certificates.isEmpty()) {
                    return certificates;
                }
                problem = "contains no PEM CERTIFICATE block";
            } catch (PkiException | RuntimeException e) {
                problem = "is not a valid PEM certificate: " + e.getMessage();
            }
            throw new IllegalStateException("Secret " + state.namespace + "/" + name + ": " + dataKey + " ("
                    + stored.secretPath(state.namespace, name).resolve(dataKey) + ") " + problem
                    + "; renew the Certificate that writes this Secret, or restore the file");
        }

        private static byte[] data(Secret secret, String key) {
            String value = secret.getData() == null ? null : secret.getData().get(key);
            return value == null ? null : Base64.getDecoder().decode(value);
        }
    }
}
