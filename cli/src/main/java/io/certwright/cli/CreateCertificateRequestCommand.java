package io.certwright.cli;

import io.certwright.api.Conditions;
import io.certwright.api.Defaults;
import io.certwright.api.model.Certificate;
import io.certwright.api.model.CertificateRequest;
import io.certwright.api.model.CertificateRequestSpec;
import io.certwright.core.certificates.keymanager.NextPrivateKeys;
import io.certwright.core.certificates.requestmanager.CsrTemplates;
import io.certwright.core.cluster.ResourceKind;
import io.certwright.core.requests.RequestConditions;
import io.certwright.kubernetes.ApiErrors;
import io.certwright.pki.Csrs;
import io.certwright.pki.KeyEncoding;
import io.certwright.pki.PkiException;
import io.certwright.pki.PrivateKeys;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * {@code certwright create certificaterequest NAME}: creates a CertificateRequest from a Certificate manifest,
 * as {@code cmctl create certificaterequest} does. The private key is generated here from the Certificate's
 * {@code spec.privateKey} and written to a local file; it never reaches the cluster. The CSR is built from the
 * Certificate spec exactly as the request manager builds it. Progress goes to stderr.
 */
@Command(name = "certificaterequest", aliases = "cr",
        description = "Creates a CertificateRequest from a Certificate manifest, with a private key generated"
                + " locally, and optionally waits for the signed certificate. Cluster only.")
final class CreateCertificateRequestCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(CreateCertificateRequestCommand.class);

    /** How often the CertificateRequest is read while waiting for it to be signed. */
    static final Duration POLL_INTERVAL = Duration.ofSeconds(1);

    @Parameters(index = "0", paramLabel = "NAME", description = "Name of the CertificateRequest to create.")
    String name;

    @Option(names = "--from-certificate-file", paramLabel = "FILE",
            description = "YAML or JSON manifest of one cert-manager.io/v1 Certificate to use as the template.")
    Path certificateFile;

    @Option(names = "--output-key-file", paramLabel = "FILE",
            description = "File the generated private key is written to, mode 0600 (default: NAME.key).")
    Path keyFile;

    @Option(names = "--output-certificate-file", paramLabel = "FILE",
            description = "File the signed certificate is written to, mode 0600 (default: NAME.crt);"
                    + " requires --fetch-certificate.")
    Path certificateOutputFile;

    @Option(names = "--fetch-certificate",
            description = "Wait until the CertificateRequest is signed and write the certificate to a file.")
    boolean fetchCertificate;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = ControllerCommand.GoDurationConverter.class,
            description = "How long --fetch-certificate waits for the signature, as a Go duration such as 10m or"
                    + " 1h (default: 5m).")
    Duration timeout = Duration.ofMinutes(5);

    @CommandLine.Mixin
    NamespaceOption namespace = new NamespaceOption();

    @CommandLine.Mixin
    ClusterOptions cluster = new ClusterOptions();

    @CommandLine.Mixin
    HelpOption help = new HelpOption();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        validate();
        Certificate certificate = CertificateManifest.read(certificateFile);
        PrintWriter err = spec.commandLine().getErr();

        try (KubeConnection connection = KubeConnection.open(spec, cluster, namespace.namespace)) {
            String targetNamespace = targetNamespace(certificate, connection.namespace());

            KeyPair keyPair;
            try {
                keyPair = NextPrivateKeys.generate(certificate.getSpec().getPrivateKey());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("error when generating new private key for CertificateRequest: "
                        + e.getMessage(), e);
            }
            KeyEncoding encoding = KeyEncoding.valueOf(Defaults.encoding(certificate.getSpec().getPrivateKey()));
            byte[] keyPem = PrivateKeys.encodePem(keyPair.getPrivate(), encoding).getBytes(StandardCharsets.US_ASCII);
            Path keyPath = keyFile != null ? keyFile : Path.of(name + ".key");
            try {
                OwnerOnlyFiles.write(keyPath, keyPem);
            } catch (IOException e) {
                throw new IllegalStateException("error when writing private key to file: " + keyPath + ": "
                        + e.getMessage(), e);
            }
            err.println("Private key written to file " + keyPath);
            err.flush();

            CertificateRequest request = build(certificate, keyPair, targetNamespace);
            CertificateRequest created;
            try {
                created = connection.objects().create(ResourceKind.CERTIFICATE_REQUEST, request);
            } catch (KubernetesClientException e) {
                throw new IllegalStateException("error creating CertificateRequest: " + ApiErrors.serverMessage(e), e);
            }
            String createdName = created.getMetadata().getName();
            String createdNamespace = created.getMetadata().getNamespace();
            err.println("CertificateRequest " + createdName + " has been created in namespace " + createdNamespace);
            err.flush();
            if (!fetchCertificate) {
                return ExitCodes.OK;
            }

            err.println("CertificateRequest " + createdName + " in namespace " + createdNamespace
                    + " has not been signed yet. Wait until it is signed...");
            err.flush();
            CertificateRequest signed = awaitSigned(connection.objects(), createdNamespace, createdName)
                    .orElseThrow(() -> new IllegalStateException("error when waiting for CertificateRequest to be"
                            + " signed: CertificateRequest " + createdNamespace + "/" + createdName + " was not"
                            + " Ready with a certificate after " + timeout.toSeconds() + "s; check its conditions"
                            + " with 'kubectl describe certificaterequest -n " + createdNamespace + " " + createdName
                            + "', or raise --timeout"));
            err.println("CertificateRequest " + createdName + " in namespace " + createdNamespace + " has been signed");

            Path certificatePath = certificateOutputFile != null ? certificateOutputFile
                    : Path.of(createdName + ".crt");
            try {
                OwnerOnlyFiles.write(certificatePath, signed.getStatus().getCertificate());
            } catch (IOException e) {
                throw new IllegalStateException("error when writing certificate to file: " + certificatePath + ": "
                        + e.getMessage(), e);
            }
            err.println("Certificate written to file " + certificatePath);
            err.flush();
            return ExitCodes.OK;
        }
    }

    private void validate() {
        CommandLine commandLine = spec.commandLine();
        if (certificateFile == null || certificateFile.toString().isEmpty()) {
            throw new CommandLine.ParameterException(commandLine, "the path to a YAML manifest of a Certificate"
                    + " resource cannot be empty, please specify by using --from-certificate-file flag");
        }
        if (keyFile != null && certificateOutputFile != null
                && keyFile.toAbsolutePath().normalize().equals(certificateOutputFile.toAbsolutePath().normalize())) {
            throw new CommandLine.ParameterException(commandLine,
                    "the file to store private key cannot be the same as the file to store certificate");
        }
        if (!fetchCertificate && certificateOutputFile != null) {
            throw new CommandLine.ParameterException(commandLine, "cannot specify file to store certificate if not"
                    + " waiting for and fetching certificate, please set --fetch-certificate flag");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new CommandLine.ParameterException(commandLine, "--timeout must be greater than 0, got "
                    + timeout.toSeconds() + "s");
        }
    }

    /**
     * Returns the manifest's namespace, or the command's when the manifest has none. As with kubectl, an
     * explicit {@code -n} that differs from the manifest's namespace is an error.
     */
    private String targetNamespace(Certificate certificate, String commandNamespace) {
        String manifestNamespace = certificate.getMetadata() == null ? null : certificate.getMetadata().getNamespace();
        if (manifestNamespace == null || manifestNamespace.isEmpty()) {
            return commandNamespace;
        }
        if (namespace.namespace != null && !namespace.namespace.equals(manifestNamespace)) {
            throw new IllegalArgumentException("the namespace from the provided object \"" + manifestNamespace
                    + "\" does not match the namespace \"" + namespace.namespace + "\". You must pass '--namespace="
                    + manifestNamespace + "' to perform this operation.");
        }
        return manifestNamespace;
    }

    /** Builds the request as cmctl does: annotations and labels of the Certificate, and five spec fields. */
    private CertificateRequest build(Certificate certificate, KeyPair keyPair, String targetNamespace) {
        byte[] csr;
        try {
            csr = Csrs.buildPem(CsrTemplates.fromCertificate(certificate), keyPair).getBytes(StandardCharsets.US_ASCII);
        } catch (PkiException | IllegalArgumentException e) {
            throw new IllegalStateException("error when building CertificateRequest: Certificate "
                    + certificate.getMetadata().getName() + " in " + certificateFile + ": " + e.getMessage(), e);
        }
        ObjectMeta metadata = new ObjectMeta();
        metadata.setName(name);
        metadata.setNamespace(targetNamespace);
        if (certificate.getMetadata().getAnnotations() != null) {
            metadata.setAnnotations(new LinkedHashMap<>(certificate.getMetadata().getAnnotations()));
        }
        if (certificate.getMetadata().getLabels() != null) {
            metadata.setLabels(new LinkedHashMap<>(certificate.getMetadata().getLabels()));
        }
        CertificateRequest request = new CertificateRequest();
        request.setMetadata(metadata);
        request.setSpec(new CertificateRequestSpec()
                .withRequest(csr)
                .withDuration(certificate.getSpec().getDuration())
                .withIssuerRef(certificate.getSpec().getIssuerRef())
                .withIsCA(certificate.getSpec().getIsCA())
                .withUsages(certificate.getSpec().getUsages()));
        return request;
    }

    /**
     * Reads the request every {@link #POLL_INTERVAL}, first after one interval, until it is Ready=True with a
     * certificate or {@link #timeout} has passed. Failed reads are retried, as cmctl does.
     */
    private Optional<CertificateRequest> awaitSigned(ApiObjects objects, String requestNamespace, String requestName)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return Optional.empty();
            }
            Thread.sleep(Math.min(POLL_INTERVAL.toMillis(), Duration.ofNanos(remaining).toMillis() + 1));
            try {
                Optional<CertificateRequest> current = objects.get(ResourceKind.CERTIFICATE_REQUEST, requestNamespace,
                        requestName);
                if (current.isPresent() && isSigned(current.get())) {
                    return current;
                }
            } catch (KubernetesClientException e) {
                log.debug("reading CertificateRequest {}/{} failed, retrying: {}", requestNamespace, requestName,
                        ApiErrors.serverMessage(e));
            }
        }
    }

    private static boolean isSigned(CertificateRequest request) {
        return RequestConditions.isTrue(request, Conditions.READY) && request.getStatus() != null
                && request.getStatus().getCertificate() != null && request.getStatus().getCertificate().length > 0;
    }
}
