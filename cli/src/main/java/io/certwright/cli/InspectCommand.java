package io.certwright.cli;

import io.certwright.api.SecretKeys;
import io.certwright.core.cluster.ResourceKind;
import io.certwright.local.StoredState;
import io.certwright.pki.CertificateInspector;
import io.certwright.pki.Pem;
import io.certwright.pki.PkiException;
import io.fabric8.kubernetes.api.model.Secret;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code certwright inspect secret NAME}: describes the certificate in a stored Secret or a cluster's Secret. */
@Command(name = "inspect", description = "Describes objects in a state directory or a cluster.",
        subcommands = InspectCommand.SecretCommand.class)
final class InspectCommand {
    @CommandLine.Mixin
    HelpOption help = new HelpOption();

    @Command(name = "secret",
            description = "Decodes tls.crt of a Secret, stored or in the cluster, and prints validity, names, issuer and details.")
    static final class SecretCommand extends StoredOrClusterCommand {
        @Parameters(index = "0", paramLabel = "NAME", description = "Name of the Secret.")
        String name;

        @Override
        int callStored(StoredState stored) {
            Secret secret = stored.secret(state.namespace, name).orElseThrow(() -> new IllegalStateException(
                    "Secret " + state.namespace + "/" + name + " not found in " + stored.layout().root()
                            + "; check the name and the namespace (-n)"));
            java.nio.file.Path where = stored.secretPath(state.namespace, name);
            return describe(secret, state.namespace, dataKey -> "(" + where.resolve(dataKey) + ") ",
                    "renew the Certificate that writes this Secret, or restore the file");
        }

        @Override
        int callCluster(KubeConnection connection) {
            String namespace = connection.namespace();
            Secret secret = connection.objects().get(ResourceKind.SECRET, namespace, name).orElseThrow(
                    () -> new IllegalStateException(ApiNames.notFound(ResourceKind.SECRET, name)));
            return describe(secret, namespace, dataKey -> "",
                    "renew the Certificate that writes this Secret, or correct the Secret's data");
        }

        /**
         * Prints the description of the Secret's certificate.
         *
         * @param location returns the words that locate a data key for error messages, such as its file
         * @param fix what a user can do about an unparseable data key
         */
        private int describe(Secret secret, String namespace, Function<String, String> location, String fix) {
            byte[] certificatePem = data(secret, SecretKeys.TLS_CERT);
            if (certificatePem == null || certificatePem.length == 0) {
                throw new IllegalStateException("Secret " + namespace + "/" + name + " has no "
                        + SecretKeys.TLS_CERT + "; it does not hold an issued certificate yet");
            }
            List<X509Certificate> chain = parse(namespace, certificatePem, SecretKeys.TLS_CERT, location, fix);
            byte[] caPem = data(secret, SecretKeys.CA_CERT);
            List<X509Certificate> cas = caPem == null || caPem.length == 0 ? List.of()
                    : parse(namespace, caPem, SecretKeys.CA_CERT, location, fix);
            return print(CertificateInspector.describe(chain, cas, Instant.now()));
        }

        /** Parses one PEM data key, or fails with a message naming the Secret, the data key and the fix. */
        private List<X509Certificate> parse(String namespace, byte[] pem, String dataKey,
                Function<String, String> location, String fix) {
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
            throw new IllegalStateException("Secret " + namespace + "/" + name + ": " + dataKey + " "
                    + location.apply(dataKey) + problem + "; " + fix);
        }

        private static byte[] data(Secret secret, String key) {
            String value = secret.getData() == null ? null : secret.getData().get(key);
            return value == null ? null : Base64.getDecoder().decode(value);
        }
    }
}
