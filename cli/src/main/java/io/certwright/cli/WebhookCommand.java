package io.certwright.cli;

import io.certwright.kubernetes.KubernetesClients;
import io.certwright.kubernetes.webhook.KubernetesApiResourceLookup;
import io.certwright.kubernetes.webhook.KubernetesSubjectAccessReviewer;
import io.certwright.webhook.AdmissionHandler;
import io.certwright.webhook.FileServingKeySource;
import io.certwright.webhook.ServingKeySource;
import io.certwright.webhook.WebhookFeatureGates;
import io.certwright.webhook.WebhookServer;
import io.certwright.webhook.WebhookServerSettings;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code certwright webhook}: cert-manager's validating and mutating admission webhook. */
@Command(name = "webhook", mixinStandardHelpOptions = true,
        description = {
            "Serves cert-manager's admission webhook: POST /validate and /mutate over HTTPS on --secure-port,"
                    + " /healthz and /livez over HTTP on --healthz-port. It validates the cert-manager kinds and"
                    + " records the requester in new CertificateRequests.",
            "Needs a serving certificate from --tls-cert-file and --tls-private-key-file, and a kubeconfig or"
                    + " in-cluster service account for the approval permission checks. Exits 0 on SIGTERM."
        })
final class WebhookCommand implements Callable<Integer> {
    /** Go's crypto/tls version names, as cert-manager's {@code --tls-min-version} takes them. */
    private static final Map<String, String> TLS_VERSIONS = Map.of(
            "VersionTLS12", "TLSv1.2",
            "VersionTLS13", "TLSv1.3");

    @Option(names = "--bind-address", paramLabel = "IP",
            description = "IP address both endpoints listen on; Certwright's addition, for running outside a Pod"
                    + " (default: every interface, as cert-manager's webhook listens).")
    String bindAddress;

    @Option(names = "--secure-port", paramLabel = "PORT",
            description = "Port of the HTTPS admission endpoints (default: ${DEFAULT-VALUE}).")
    int securePort = WebhookServerSettings.DEFAULT_SECURE_PORT;

    @Option(names = "--healthz-port", paramLabel = "PORT",
            description = "Port of the plain HTTP /healthz and /livez endpoints (default: ${DEFAULT-VALUE}).")
    int healthzPort = WebhookServerSettings.DEFAULT_HEALTHZ_PORT;

    @Option(names = "--tls-cert-file", paramLabel = "FILE",
            description = "PEM serving certificate, then its intermediates; re-read when the file changes.")
    Path tlsCertFile;

    @Option(names = "--tls-private-key-file", paramLabel = "FILE",
            description = "PEM private key of the serving certificate; re-read when the file changes.")
    Path tlsPrivateKeyFile;

    @Option(names = "--tls-min-version", paramLabel = "VERSION",
            description = "Lowest TLS version accepted: VersionTLS12 or VersionTLS13 (default: VersionTLS12).")
    String tlsMinVersion = "VersionTLS12";

    @Option(names = "--tls-cipher-suites", split = ",", paramLabel = "SUITE",
            description = "TLS 1.2 cipher suites by IANA name, comma-separated (default: the JDK's)."
                    + " TLS 1.3 suites are not configurable.")
    List<String> tlsCipherSuites = new ArrayList<>();

    @Option(names = "--kubeconfig", paramLabel = "FILE",
            description = "Kubeconfig for the SubjectAccessReviews of the approval check. Without it:"
                    + " $KUBECONFIG, ~/.kube/config, then the in-cluster service account.")
    Path kubeconfig;

    @Option(names = "--api-server-host", paramLabel = "URL",
            description = "API server URL; overrides the server in the kubeconfig.")
    String apiServerHost;

    @Option(names = "--feature-gates", paramLabel = "NAME=BOOL,...",
            description = "Webhook feature gates as comma-separated NAME=true|false pairs. Each gate is implemented"
                    + " only at cert-manager's default, so other values are rejected. May be repeated.")
    List<String> featureGates = new ArrayList<>();

    @Option(names = {"--dynamic-serving-ca-secret-name", "--dynamic-serving-ca-secret-namespace",
        "--dynamic-serving-dns-names", "--dynamic-serving-leaf-duration"}, paramLabel = "VALUE", hidden = true,
            description = "Not supported: Certwright has no self-signed serving CA yet.")
    List<String> dynamicServing = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        WebhookServerSettings settings;
        ServingKeySource keys;
        KubernetesClients clients;
        try {
            settings = settings();
            keys = servingKeys();
            clients = new KubernetesClients(kubeconfig, apiServerHost, KubernetesClients.DEFAULT_QPS,
                    KubernetesClients.DEFAULT_BURST);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        try (KubernetesClient client = clients.controllerClient()) {
            AdmissionHandler handler = new AdmissionHandler(new KubernetesSubjectAccessReviewer(client),
                    new KubernetesApiResourceLookup(client));
            CountDownLatch stopped = new CountDownLatch(1);
            try (WebhookServer server = WebhookServer.start(settings, handler, keys)) {
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    server.close();
                    stopped.countDown();
                }, "certwright-webhook-shutdown"));
                stopped.await();
            }
        }
        return ExitCodes.OK;
    }

    /** Builds the listener settings from the flags; throws IllegalArgumentException naming the invalid flag. */
    WebhookServerSettings settings() {
        if (!dynamicServing.isEmpty()) {
            throw new IllegalArgumentException("--dynamic-serving-* flags are not supported yet: Certwright's webhook"
                    + " has no self-signed serving CA. Mount a serving certificate and pass --tls-cert-file and"
                    + " --tls-private-key-file");
        }
        checkPort("--secure-port", securePort);
        checkPort("--healthz-port", healthzPort);
        String minVersion = TLS_VERSIONS.get(tlsMinVersion);
        if (minVersion == null) {
            throw new IllegalArgumentException("invalid --tls-min-version " + tlsMinVersion
                    + "; use VersionTLS12 or VersionTLS13");
        }
        WebhookFeatureGates.check(String.join(",", featureGates));
        return new WebhookServerSettings(listenAddress(securePort), listenAddress(healthzPort),
                minVersion, tlsCipherSuites);
    }

    private ServingKeySource servingKeys() {
        if (tlsCertFile == null || tlsPrivateKeyFile == null) {
            throw new IllegalArgumentException("--tls-cert-file and --tls-private-key-file are required: the API"
                    + " server calls admission webhooks over HTTPS only");
        }
        return FileServingKeySource.load(tlsCertFile, tlsPrivateKeyFile, Clock.systemUTC());
    }

    /**
     * Returns the address to listen on at {@code port}: {@code --bind-address} when given, else every interface.
     *
     * @throws IllegalArgumentException when {@code --bind-address} is not an IP address (host names are not
     *     looked up, so the command sends no DNS query)
     */
    private InetSocketAddress listenAddress(int port) {
        if (bindAddress == null || bindAddress.isBlank()) {
            return new InetSocketAddress(port);
        }
        String literal = bindAddress.strip();
        if (!literal.matches("[0-9.]+|\\[?[0-9a-fA-F:.]+]?")) {
            throw new IllegalArgumentException("--bind-address " + bindAddress + " is not an IP address; give one"
                    + " such as 127.0.0.1 or ::1");
        }
        try {
            String unbracketed = literal.startsWith("[") && literal.endsWith("]")
                    ? literal.substring(1, literal.length() - 1) : literal;
            return new InetSocketAddress(java.net.InetAddress.getByName(unbracketed), port);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException("--bind-address " + bindAddress + " is not a valid IP address", e);
        }
    }

    private static void checkPort(String flag, int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(flag + " must be between 1 and 65535, got " + port);
        }
    }
}
