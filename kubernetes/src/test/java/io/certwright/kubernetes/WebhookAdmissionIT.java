package io.certwright.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.certwright.api.Json;
import io.certwright.kubernetes.webhook.KubernetesApiResourceLookup;
import io.certwright.kubernetes.webhook.KubernetesSubjectAccessReviewer;
import io.certwright.pki.CsrSpec;
import io.certwright.pki.Csrs;
import io.certwright.pki.KeyAlgorithm;
import io.certwright.pki.PrivateKeys;
import io.certwright.webhook.AdmissionHandler;
import io.certwright.webhook.GeneratedServingCertificate;
import io.certwright.webhook.WebhookServer;
import io.certwright.webhook.WebhookServerSettings;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The admission webhook behind a real kube-apiserver: the webhook runs in this JVM on 127.0.0.1
 * with a generated serving certificate, and the webhook configurations from
 * {@code deploy/webhook/webhook-configurations.yaml} are registered with their clientConfig pointed
 * at it. Objects are sent with kubectl, as a user would.
 */
class WebhookAdmissionIT {
    private static final String NAMESPACE = "webhook-it";
    private static final String TEST_USER = "alice";
    private static final String TEST_GROUP = "certwright:testers";
    private static final String DENIED = "admission webhook \"webhook.cert-manager.io\" denied the request";
    private static final AtomicInteger FILES = new AtomicInteger();

    private static PeerCluster cluster;
    private static WebhookServer server;
    private static X509Certificate caCertificate;

    @BeforeAll
    static void startWebhook() throws Exception {
        cluster = PeerCluster.start();
        GeneratedServingCertificate serving = GeneratedServingCertificate.generate(List.of("localhost"),
                List.of("127.0.0.1"), Duration.ofDays(1), Clock.systemUTC());
        AdmissionHandler handler = new AdmissionHandler(new KubernetesSubjectAccessReviewer(cluster.admin()),
                new KubernetesApiResourceLookup(cluster.admin()));
        server = WebhookServer.start(new WebhookServerSettings(new InetSocketAddress("127.0.0.1", 0),
                new InetSocketAddress("127.0.0.1", 0), null, List.of()), handler, serving.keys());
        caCertificate = serving.caCertificate();

        cluster.kubectlOrFail("create", "namespace", NAMESPACE);
        cluster.kubectlOrFail("apply", "-f", write(testUserRbac()).toString());
        cluster.kubectlOrFail("apply", "-f", write(webhookConfigurations(serving.caPem())).toString());
        awaitWebhookActive();
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void commonNameOver64BytesRejected() throws Exception {
        String commonName = "a234567890b234567890c234567890d234567890e234567890f2345.example.c";
        assertThat(commonName).hasSize(65);

        PeerCluster.Result result = create(certificate("long-cn", "commonName: " + commonName));

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains(DENIED);
        assertThat(result.output()).contains("spec.commonName: Too long: may not be more than 64 bytes");
    }

    @Test
    void commonNameOf64BytesAdmitted() throws Exception {
        String commonName = "a234567890b234567890c234567890d234567890e234567890f2345.example";

        PeerCluster.Result result = create(certificate("cn-64", "commonName: " + commonName));

        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void invalidIpAddressRejected() throws Exception {
        PeerCluster.Result result = create(certificate("bad-ip", "ipAddresses: [\"300.1.1.1\"]"));

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains(DENIED);
        assertThat(result.output()).contains("spec.ipAddresses[0]: Invalid value: \"300.1.1.1\": invalid IP address");
    }

    @Test
    void certManagerTemplateAnnotationRejected() throws Exception {
        PeerCluster.Result result = create(certificate("copy-annotation", """
                secretTemplate:
                    annotations:
                      cert-manager.io/secret-copy-tls.crt: ca.crt
                      cert-manager.io/allow-direct-injection: "true"
                """));

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains(DENIED);
        assertThat(result.output()).contains("spec.secretTemplate.annotations: Invalid value:"
                + " \"cert-manager.io/secret-copy-tls.crt\": cert-manager.io/* annotations are not allowed");
        assertThat(result.output()).doesNotContain("allow-direct-injection\": cert-manager.io");
    }

    @Test
    void allowDirectInjectionAnnotationAdmitted() throws Exception {
        PeerCluster.Result result = create(certificate("direct-injection", """
                secretTemplate:
                    annotations:
                      cert-manager.io/allow-direct-injection: "true"
                """));

        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void duplicateOutputFormatRejected() throws Exception {
        PeerCluster.Result result = create(certificate("der-twice",
                "additionalOutputFormats: [{type: DER}, {type: DER}]"));

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains(DENIED);
        assertThat(result.output()).contains("spec.additionalOutputFormats[type]: Duplicate value: \"DER\"");
    }

    @Test
    void everyErrorListedAtOnce() throws Exception {
        PeerCluster.Result result = create(certificate("two-errors", """
                ipAddresses: ["300.1.1.1"]
                  additionalOutputFormats: [{type: DER}, {type: DER}]
                """));

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains(DENIED);
        assertThat(result.output()).contains("spec.ipAddresses[0]: Invalid value");
        assertThat(result.output()).contains("spec.additionalOutputFormats[type]: Duplicate value");
    }

    @Test
    void validCertificateAdmitted() throws Exception {
        PeerCluster.Result result = create(certificate("valid", "ipAddresses: [\"2001:db8::1\"]"));

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(cluster.kubectl("get", "certificate", "valid", "-n", NAMESPACE).exitCode()).isZero();
    }

    @Test
    void issuerWithTwoTypesRejected() throws Exception {
        PeerCluster.Result result = create("""
                apiVersion: cert-manager.io/v1
                kind: Issuer
                metadata: {name: two-types, namespace: %s}
                spec:
                  selfSigned: {}
                  ca: {secretName: ca-key-pair}
                """.formatted(NAMESPACE));

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains(DENIED);
        assertThat(result.output()).contains("spec.selfSigned: Forbidden: may not specify more than one issuer type");
    }

    @Test
    void certificateRequestGetsRequesterIdentity() throws Exception {
        PeerCluster.Result result = createAsTestUser(certificateRequest("identity"));
        assertThat(result.exitCode()).as(result.output()).isZero();

        JsonNode spec = read("certificaterequest", "identity").get("spec");
        assertThat(spec.get("username").asString()).isEqualTo(TEST_USER);
        List<String> groups = new ArrayList<>();
        spec.get("groups").forEach(group -> groups.add(group.asString()));
        assertThat(groups).contains(TEST_GROUP);
    }

    @Test
    void certificateRequestClaimingOtherUserGetsOwnIdentity() throws Exception {
        String manifest = certificateRequest("claims-admin").replace("spec:\n",
                "spec:\n  username: system:admin\n  groups: [system:masters]\n");

        PeerCluster.Result result = createAsTestUser(manifest);

        assertThat(result.exitCode()).as(result.output()).isZero();
        JsonNode spec = read("certificaterequest", "claims-admin").get("spec");
        assertThat(spec.get("username").asString()).isEqualTo(TEST_USER);
        assertThat(spec.get("groups").toString()).doesNotContain("system:masters");
    }

    @Test
    void certificateRequestSpecChangeRejected() throws Exception {
        assertThat(createAsTestUser(certificateRequest("immutable")).exitCode()).isZero();

        PeerCluster.Result result = cluster.kubectl("patch", "certificaterequest", "immutable", "-n", NAMESPACE,
                "--type=merge", "-p", "{\"spec\":{\"duration\":\"2h\"}}");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains(DENIED);
        assertThat(result.output()).contains("spec: Forbidden: cannot change spec after creation");
    }

    @Test
    void certificateRequestIdentityChangeRejected() throws Exception {
        assertThat(createAsTestUser(certificateRequest("identity-change")).exitCode()).isZero();

        PeerCluster.Result result = cluster.kubectl("patch", "certificaterequest", "identity-change", "-n", NAMESPACE,
                "--type=merge", "-p", "{\"spec\":{\"username\":\"mallory\"}}");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains(DENIED);
        assertThat(result.output()).contains("spec.username: Forbidden: username identity cannot be changed once set");
    }

    @Test
    void approvalWithoutSignerPermissionRejected() throws Exception {
        assertThat(createAsTestUser(certificateRequest("approve-denied")).exitCode()).isZero();

        PeerCluster.Result result = cluster.kubectl("patch", "certificaterequest", "approve-denied", "-n", NAMESPACE,
                "--as=" + TEST_USER, "--as-group=" + TEST_GROUP, "--subresource=status", "--type=merge",
                "-p", approvedCondition());

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains(DENIED);
        assertThat(result.output()).contains("status.conditions: Forbidden: user \"alice\" does not have permissions"
                + " to set approved/denied conditions for issuer {selfsigned Issuer cert-manager.io}");
    }

    @Test
    void approvalWithSignerPermissionAdmitted() throws Exception {
        assertThat(createAsTestUser(certificateRequest("approve-allowed")).exitCode()).isZero();

        PeerCluster.Result result = cluster.kubectl("patch", "certificaterequest", "approve-allowed", "-n", NAMESPACE,
                "--subresource=status", "--type=merge", "-p", approvedCondition());

        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void healthEndpointsAnswerOk() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (String path : List.of("/healthz", "/livez")) {
            URI uri = URI.create("http://127.0.0.1:" + server.healthAddress().getPort() + path);

            HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as(path).isEqualTo(200);
        }
    }

    @Test
    void validateRejectsGetOverTls() throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        trust.setCertificateEntry("webhook-ca", caCertificate);
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trustManagers.getTrustManagers(), null);
        HttpClient client = HttpClient.newBuilder().sslContext(context).build();
        URI uri = URI.create("https://127.0.0.1:" + server.secureAddress().getPort() + "/validate");

        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(405);
    }

    private static String certificate(String name, String extraSpec) {
        return """
                apiVersion: cert-manager.io/v1
                kind: Certificate
                metadata:
                  name: %s
                  namespace: %s
                spec:
                  secretName: %s-tls
                  dnsNames: [app.example.com]
                  issuerRef: {name: selfsigned, kind: Issuer}
                  %s
                """.formatted(name, NAMESPACE, name, extraSpec.strip());
    }

    private static String certificateRequest(String name) throws Exception {
        String csr = Csrs.buildPem(CsrSpec.builder().commonName(name + ".example.com").build(),
                PrivateKeys.generate(KeyAlgorithm.ECDSA, PrivateKeys.DEFAULT_ECDSA_SIZE));
        return """
                apiVersion: cert-manager.io/v1
                kind: CertificateRequest
                metadata:
                  name: %s
                  namespace: %s
                spec:
                  issuerRef: {name: selfsigned, kind: Issuer}
                  request: %s
                """.formatted(name, NAMESPACE,
                Base64.getEncoder().encodeToString(csr.getBytes(StandardCharsets.US_ASCII)));
    }

    private static String approvedCondition() {
        return "{\"status\":{\"conditions\":[{\"type\":\"Approved\",\"status\":\"True\",\"reason\":\"Test\","
                + "\"message\":\"approved by the test\",\"lastTransitionTime\":\"2026-01-01T00:00:00Z\"}]}}";
    }

    private static PeerCluster.Result create(String manifest) throws Exception {
        return cluster.kubectl("create", "-f", write(manifest).toString());
    }

    private static PeerCluster.Result createAsTestUser(String manifest) throws Exception {
        return cluster.kubectl("create", "--as=" + TEST_USER, "--as-group=" + TEST_GROUP, "-f",
                write(manifest).toString());
    }

    private static JsonNode read(String kind, String name) throws Exception {
        PeerCluster.Result result = cluster.kubectl("get", kind, name, "-n", NAMESPACE, "-o", "json");
        assertThat(result.exitCode()).as(result.output()).isZero();
        return Json.json().readTree(result.output());
    }

    private static Path write(String text) throws Exception {
        Path file = cluster.temporary().resolve("webhook-it-" + FILES.incrementAndGet() + ".yaml");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    /** Lets the test user create, read and update CertificateRequests, but not approve them. */
    private static String testUserRbac() {
        return """
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRole
                metadata:
                  name: webhook-it-requester
                rules:
                  - apiGroups: ["cert-manager.io"]
                    resources: ["certificaterequests", "certificaterequests/status"]
                    verbs: ["create", "get", "list", "update", "patch"]
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRoleBinding
                metadata:
                  name: webhook-it-requester
                roleRef:
                  apiGroup: rbac.authorization.k8s.io
                  kind: ClusterRole
                  name: webhook-it-requester
                subjects:
                  - apiGroup: rbac.authorization.k8s.io
                    kind: User
                    name: %s
                """.formatted(TEST_USER);
    }

    /** Returns the install manifest's webhook configurations with clientConfig pointed at the test server. */
    private static String webhookConfigurations(String caPem) throws Exception {
        String installed = Files.readString(cluster.root().resolve("deploy/webhook/webhook-configurations.yaml"));
        String caBundle = Base64.getEncoder().encodeToString(caPem.getBytes(StandardCharsets.US_ASCII));
        StringBuilder out = new StringBuilder();
        for (String document : installed.split("(?m)^---$")) {
            ObjectNode configuration = (ObjectNode) Json.yaml().readTree(document);
            for (JsonNode webhook : configuration.get("webhooks")) {
                ObjectNode clientConfig = (ObjectNode) webhook.get("clientConfig");
                String path = clientConfig.get("service").get("path").asString();
                clientConfig.remove("service");
                clientConfig.put("url", "https://127.0.0.1:" + server.secureAddress().getPort() + path);
                clientConfig.put("caBundle", caBundle);
            }
            out.append("---\n").append(Json.yaml().writeValueAsString(configuration));
        }
        return out.toString();
    }

    /** Waits until the API server calls the webhook: it loads new configurations asynchronously. */
    private static void awaitWebhookActive() throws Exception {
        Path probe = write(certificate("probe", "commonName: " + "x".repeat(65)));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            PeerCluster.Result result = cluster.kubectl("create", "--dry-run=server", "-f", probe.toString());
            if (result.output().contains(DENIED)) {
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("the API server did not call the webhook within 30 s; last output: "
                        + result.output());
            }
            Thread.sleep(200);
        }
    }
}
