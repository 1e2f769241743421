package io.certwright.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.certwright.api.Conditions;
import io.certwright.api.model.Certificate;
import io.certwright.api.model.CertificateCondition;
import io.certwright.api.model.CertificateRequest;
import io.certwright.api.model.CertificateRequestCondition;
import io.certwright.core.ControllerOptions;
import io.certwright.core.cluster.ResourceKind;
import io.certwright.core.requests.RequestConditions;
import io.certwright.kubernetes.KubernetesRuntime;
import io.certwright.kubernetes.KubernetesRuntimeSettings;
import io.certwright.kubernetes.LeaderElectionSettings;
import io.certwright.pki.Pem;
import io.certwright.pki.PrivateKeys;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Drives the cmctl-style commands through picocli against a real kube-apiserver with the cert-manager CRDs
 * and the Certwright runtime running in-process. The runtime runs without the internal approver
 * ({@code --controllers=*,-certificaterequests-approver}), so every CertificateRequest waits for
 * {@code approve} or {@code deny}, and the tests make those decisions with the CLI.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CliAgainstClusterIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String NAMESPACE = "demo";

    private static final String ISSUER_AND_CERTIFICATE = """
            apiVersion: cert-manager.io/v1
            kind: Issuer
            metadata:
              name: selfsigned
              namespace: demo
            spec:
              selfSigned: {}
            ---
            apiVersion: cert-manager.io/v1
            kind: Certificate
            metadata:
              name: web
              namespace: demo
              labels:
                app: web
            spec:
              secretName: web-tls
              commonName: web.demo.example
              dnsNames: [web.demo.example, www.demo.example]
              privateKey:
                algorithm: ECDSA
              issuerRef:
                name: selfsigned
            ---
            apiVersion: cert-manager.io/v1
            kind: Certificate
            metadata:
              name: root-ca
              namespace: demo
            spec:
              secretName: root-ca-tls
              commonName: Demo Root CA
              isCA: true
              issuerRef:
                name: selfsigned
            ---
            apiVersion: cert-manager.io/v1
            kind: Issuer
            metadata:
              name: ca
              namespace: demo
            spec:
              ca:
                secretName: root-ca-tls
            """;

    /**
     * Template for {@code create certificaterequest}. It names a CA issuer because a SelfSigned issuer signs
     * only requests that name a Secret with their private key, which a locally generated key has not.
     */
    private static final String TEMPLATE = """
            apiVersion: cert-manager.io/v1
            kind: Certificate
            metadata:
              name: template
              namespace: demo
              annotations:
                team: payments
              labels:
                app: manual
            spec:
              secretName: unused
              dnsNames: [manual.demo.example]
              duration: 48h
              privateKey:
                algorithm: ECDSA
                size: 384
                encoding: PKCS8
              issuerRef:
                name: ca
            """;

    private ClusterPeers peers;
    private KubernetesClient admin;
    private KubernetesClient runtimeClient;
    private KubernetesRuntime runtime;
    private ApiObjects objects;
    private Path work;

    @BeforeAll
    void startClusterAndRuntime() throws Exception {
        peers = ClusterPeers.start();
        work = Files.createTempDirectory("certwright-cli-it");
        peers.kubectl("apply", "-f", peers.root().resolve("deploy/crds").toString());
        peers.kubectl("wait", "--for=condition=Established", "--timeout=60s", "crd", "--all");
        peers.kubectl("create", "namespace", "cert-manager");
        peers.kubectl("create", "namespace", NAMESPACE);

        Config config = Config.fromKubeconfig(peers.kubeconfig().toFile());
        admin = new KubernetesClientBuilder().withConfig(config).build();
        runtimeClient = new KubernetesClientBuilder().withConfig(config).build();
        objects = new ApiObjects(admin);
        KubernetesRuntimeSettings settings = KubernetesRuntimeSettings.defaults()
                .withControllerOptions(ControllerOptions.defaults().withClusterResourceNamespace("cert-manager"))
                .withControllers(List.of("*", "-certificaterequests-approver"))
                .withLeaderElection(LeaderElectionSettings.defaults().withEnabled(false))
                .withListenAddresses("127.0.0.1:0", "127.0.0.1:0");
        runtime = KubernetesRuntime.start(settings, runtimeClient, runtimeClient);

        Path manifest = Files.writeString(work.resolve("web.yaml"), ISSUER_AND_CERTIFICATE);
        peers.kubectl("apply", "-f", manifest.toString());
    }

    @AfterAll
    void stopEverything() throws Exception {
        if (runtime != null) {
            runtime.close();
        }
        if (runtimeClient != null) {
            runtimeClient.close();
        }
        if (admin != null) {
            admin.close();
        }
        if (peers != null) {
            peers.close();
        }
        if (work != null) {
            try (Stream<Path> paths = Files.walk(work)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    @Test
    @Order(1)
    void approveLetsFirstRequestIssue() throws Exception {
        await("CertificateRequest demo/web-1 exists", () -> request("web-1").isPresent());

        CliRun approve = cli("approve", "web-1", "-n", NAMESPACE);

        assertThat(approve.exitCode()).as(approve.err()).isZero();
        assertThat(approve.out()).isEqualTo("Approved CertificateRequest 'demo/web-1'\n");
        CertificateRequestCondition approved = RequestConditions.find(request("web-1").orElseThrow(),
                Conditions.APPROVED).orElseThrow();
        assertThat(approved.getReason()).isEqualTo("KubectlCertManager");
        assertThat(approved.getMessage()).isEqualTo("manually approved by \"cmctl\"");
        await("Certificate demo/web is Ready", () -> ready("web"));

        await("CertificateRequest demo/root-ca-1 exists", () -> request("root-ca-1").isPresent());
        CliRun approveCa = cli("approve", "root-ca-1", "-n", NAMESPACE);
        assertThat(approveCa.exitCode()).as(approveCa.err()).isZero();
        await("Certificate demo/root-ca is Ready", () -> ready("root-ca"));
    }

    @Test
    @Order(2)
    void approveRejectsDecidedRequest() {
        CliRun again = cli("approve", "web-1", "-n", NAMESPACE);
        CliRun deny = cli("deny", "web-1", "-n", NAMESPACE);

        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).isEqualTo("error: CertificateRequest is already approved\n");
        assertThat(deny.exitCode()).isEqualTo(1);
        assertThat(deny.err()).isEqualTo("error: CertificateRequest is already approved\n");
    }

    @Test
    @Order(3)
    void approveOfMissingRequestReportsNotFound() {
        CliRun run = cli("approve", "nope", "-n", NAMESPACE);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("error: certificaterequests.cert-manager.io \"nope\" not found\n");
    }

    @Test
    @Order(4)
    void statusReportsCertificateFromCluster() {
        CliRun run = cli("status", "certificate", "web", "-n", NAMESPACE);

        assertThat(run.exitCode()).as(run.err()).isZero();
        System.out.println("CliAgainstClusterIT: status certificate web:\n" + run.out());
        assertThat(run.out()).startsWith("Name: web\nNamespace: demo\nCreated at: ");
        assertThat(run.out()).contains("  Ready: True, Reason: Ready, Message: Certificate is up to date and has"
                + " not expired\n");
        assertThat(run.out()).contains("DNS Names:\n- web.demo.example\n- www.demo.example\n");
        assertThat(run.out()).containsPattern("Events:\n  Type +Reason +Age +From +Message\n");
        assertThat(run.out()).containsPattern("  Normal +Issuing +\\d+s +cert-manager-certificates-issuing +The"
                + " certificate has been successfully issued");
        assertThat(run.out()).contains("Issuer:\n  Name: selfsigned\n  Kind: Issuer\n  Conditions:\n    Ready: True");
        assertThat(run.out()).contains("Secret:\n  Name: web-tls\n  Issuer Country: \n");
        assertThat(run.out()).contains("  Issuer Common Name: web.demo.example\n");
        assertThat(run.out()).containsPattern("Not After: \\d{4}-\\d\\d-\\d\\dT");
        assertThat(run.out()).contains("CertificateRequest:\n  Name: web-1\n  Namespace: demo\n  Conditions:\n");
        assertThat(run.out()).contains("    Approved: True, Reason: KubectlCertManager, Message: manually approved"
                + " by \"cmctl\"\n");
        assertThat(run.out()).containsPattern("  Normal +CertificateIssued +\\d+s +cert-manager-certificaterequests");
    }

    @Test
    @Order(5)
    void statusOfMissingCertificateReportsNotFound() {
        CliRun run = cli("status", "certificate", "nope", "-n", NAMESPACE);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("error: error when getting Certificate resource:"
                + " certificates.cert-manager.io \"nope\" not found\n");
    }

    @Test
    @Order(6)
    void inspectDescribesClusterSecret() {
        CliRun run = cli("inspect", "secret", "web-tls", "-n", NAMESPACE);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("web.demo.example");
        assertThat(run.out()).contains("www.demo.example");
        assertThat(run.out()).containsIgnoringCase("valid for");
    }

    @Test
    @Order(7)
    void renewStartsNextRevision() throws Exception {
        CliRun renew = cli("renew", "web", "-n", NAMESPACE);

        assertThat(renew.exitCode()).as(renew.err()).isZero();
        assertThat(renew.out()).isEqualTo("Manually triggered issuance of Certificate demo/web\n");
        await("CertificateRequest demo/web-2 exists", () -> request("web-2").isPresent());
        assertThat(condition(certificate("web"), Conditions.ISSUING).map(CertificateCondition::getReason))
                .contains("ManuallyTriggered");

        CliRun approve = cli("approve", "web-2", "-n", NAMESPACE);

        assertThat(approve.exitCode()).as(approve.err()).isZero();
        await("Certificate demo/web reaches revision 2", () -> revision("web") == 2 && ready("web"));
    }

    @Test
    @Order(8)
    void renewBySelectorAcrossNamespaces() throws Exception {
        CliRun renew = cli("renew", "-A", "-l", "app=web");

        assertThat(renew.exitCode()).as(renew.err()).isZero();
        assertThat(renew.out()).isEqualTo("Manually triggered issuance of Certificate demo/web\n");
        await("CertificateRequest demo/web-3 exists", () -> request("web-3").isPresent());
        CliRun approve = cli("approve", "web-3", "-n", NAMESPACE);
        assertThat(approve.exitCode()).as(approve.err()).isZero();
        await("Certificate demo/web reaches revision 3", () -> revision("web") == 3 && ready("web"));
    }

    @Test
    @Order(9)
    void renewMatchingNothingReportsNamespace() {
        CliRun selector = cli("renew", "-l", "app=none", "-n", NAMESPACE);
        CliRun everywhere = cli("renew", "-A", "-l", "app=none");

        assertThat(selector.exitCode()).isZero();
        assertThat(selector.err()).isEqualTo("No Certificates found in demo namespace.\n");
        assertThat(everywhere.exitCode()).isZero();
        assertThat(everywhere.err()).isEqualTo("No Certificates found\n");
    }

    @Test
    @Order(10)
    void renewOfMissingCertificateFails() {
        CliRun run = cli("renew", "nope", "-n", NAMESPACE);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("error: certificates.cert-manager.io \"nope\" not found\n");
    }

    @Test
    @Order(11)
    void createRequestFetchesSignedCertificate() throws Exception {
        Path template = Files.writeString(work.resolve("template.yaml"), TEMPLATE);
        Path keyFile = work.resolve("manual.key");
        Path certificateFile = work.resolve("manual.crt");
        CompletableFuture<CliRun> create = CompletableFuture.supplyAsync(() -> cli("create", "certificaterequest",
                "manual", "--from-certificate-file", template.toString(), "--output-key-file", keyFile.toString(),
                "--fetch-certificate", "--output-certificate-file", certificateFile.toString(), "--timeout", "60s"));
        await("CertificateRequest demo/manual exists", () -> request("manual").isPresent() || create.isDone());
        CliRun approve = cli("approve", "manual", "-n", NAMESPACE);

        CliRun run = create.get();

        assertThat(approve.exitCode()).as(approve.err()).isZero();
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEqualTo("Private key written to file " + keyFile + "\n"
                + "CertificateRequest manual has been created in namespace demo\n"
                + "CertificateRequest manual in namespace demo has not been signed yet. Wait until it is signed...\n"
                + "CertificateRequest manual in namespace demo has been signed\n"
                + "Certificate written to file " + certificateFile + "\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(certificateFile)))
                .isEqualTo("rw-------");
        assertThat(Files.readString(keyFile)).startsWith("-----BEGIN PRIVATE KEY-----");
        PrivateKey key = PrivateKeys.parsePem(Files.readAllBytes(keyFile));
        X509Certificate issued = Pem.parseCertificates(Files.readAllBytes(certificateFile)).get(0);
        assertThat(PrivateKeys.sizeOf(key)).isEqualTo(384);
        assertThat(PrivateKeys.publicKeysEqual(PrivateKeys.publicKeyOf(key), issued.getPublicKey())).isTrue();
        CertificateRequest request = request("manual").orElseThrow();
        assertThat(request.getMetadata().getAnnotations()).containsEntry("team", "payments");
        assertThat(request.getMetadata().getLabels()).containsEntry("app", "manual");
        assertThat(request.getSpec().getDuration()).isEqualTo("48h");
        assertThat(request.getSpec().getIssuerRef().getName()).isEqualTo("ca");
    }

    @Test
    @Order(12)
    void denyStopsCreatedRequest() throws Exception {
        Path template = work.resolve("template.yaml");
        CliRun create = cli("create", "cr", "rejected", "--from-certificate-file", template.toString(),
                "--output-key-file", work.resolve("rejected.key").toString());
        assertThat(create.exitCode()).as(create.err()).isZero();

        CliRun deny = cli("deny", "rejected", "-n", NAMESPACE, "--reason", "PolicyTeam", "--message",
                "violates policy");
        CliRun approve = cli("approve", "rejected", "-n", NAMESPACE);

        assertThat(deny.exitCode()).as(deny.err()).isZero();
        assertThat(deny.out()).isEqualTo("Denied CertificateRequest 'demo/rejected'\n");
        assertThat(approve.exitCode()).isEqualTo(1);
        assertThat(approve.err()).isEqualTo("error: CertificateRequest is already denied\n");
        CertificateRequestCondition denied = RequestConditions.find(request("rejected").orElseThrow(),
                Conditions.DENIED).orElseThrow();
        assertThat(denied.getReason()).isEqualTo("PolicyTeam");
        assertThat(denied.getMessage()).isEqualTo("violates policy");
        await("CertificateRequest demo/rejected is Ready=False Denied", () -> request("rejected")
                .map(RequestConditions::readyReason).orElse("").equals(Conditions.REASON_DENIED));
    }

    @Test
    @Order(13)
    void createRequestRejectsNamespaceMismatch() {
        CliRun run = cli("create", "certificaterequest", "elsewhere", "-n", "cert-manager",
                "--from-certificate-file", work.resolve("template.yaml").toString(),
                "--output-key-file", work.resolve("elsewhere.key").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("error: the namespace from the provided object \"demo\" does not match the"
                + " namespace \"cert-manager\". You must pass '--namespace=demo' to perform this operation.\n");
    }

    @Test
    @Order(14)
    void checkApiSucceedsWithCrds() {
        CliRun run = cli("check", "api", "-n", NAMESPACE);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("The cert-manager API is ready\n");
        assertThat(objects.list(ResourceKind.CERTIFICATE_REQUEST, NAMESPACE, null))
                .noneMatch(request -> request.getMetadata().getName().startsWith("cmapichecker-"));
    }

    /** Runs last: it deletes the CertificateRequest CRD. */
    @Test
    @Order(100)
    void checkApiReportsMissingCrds() throws Exception {
        runtime.close();
        runtime = null;
        peers.kubectl("delete", "crd", "certificaterequests.cert-manager.io", "--wait=true");
        List<CliRun> runs = new ArrayList<>();
        await("check api fails", () -> {
            runs.add(cli("check", "api", "-n", NAMESPACE));
            return runs.get(runs.size() - 1).exitCode() != 0;
        });
        CliRun run = runs.get(runs.size() - 1);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("error: the cert-manager CRDs are not yet installed on the Kubernetes API"
                + " server\n");

        CliRun waited = cli("check", "api", "-n", NAMESPACE, "--wait", "2s", "--interval", "500ms");
        assertThat(waited.exitCode()).isEqualTo(CheckCommand.ApiCommand.TIMED_OUT);
        assertThat(waited.err()).isEqualTo("error: the cert-manager CRDs are not yet installed on the Kubernetes API"
                + " server\n");
    }

    // ---- helpers ----

    private CliRun cli(String... arguments) {
        String[] withKubeconfig = Stream.concat(Stream.of(arguments),
                Stream.of("--kubeconfig", peers.kubeconfig().toString())).toArray(String[]::new);
        return CliRun.of(withKubeconfig);
    }

    private Optional<CertificateRequest> request(String name) {
        return objects.get(ResourceKind.CERTIFICATE_REQUEST, NAMESPACE, name);
    }

    private Certificate certificate(String name) {
        return objects.get(ResourceKind.CERTIFICATE, NAMESPACE, name).orElseThrow();
    }

    private boolean ready(String name) {
        Certificate certificate = certificate(name);
        return condition(certificate, Conditions.READY).map(c -> Conditions.TRUE.equals(c.getStatus())
                && certificate.getMetadata().getGeneration().equals(c.getObservedGeneration())).orElse(false);
    }

    private int revision(String name) {
        Certificate certificate = certificate(name);
        Integer revision = certificate.getStatus() == null ? null : certificate.getStatus().getRevision();
        return revision == null ? 0 : revision;
    }

    private static Optional<CertificateCondition> condition(Certificate certificate, String type) {
        if (certificate.getStatus() == null || certificate.getStatus().getConditions() == null) {
            return Optional.empty();
        }
        return certificate.getStatus().getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
    }

    private static void await(String description, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out after " + TIMEOUT + " waiting until " + description);
            }
            Thread.sleep(200);
        }
    }
}
