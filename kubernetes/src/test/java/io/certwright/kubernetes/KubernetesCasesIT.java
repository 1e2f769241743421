package io.certwright.kubernetes;

import static io.certwright.kubernetes.CaseNamespace.annotations;
import static io.certwright.kubernetes.CaseNamespace.labels;
import static org.assertj.core.api.Assertions.assertThat;

import io.certwright.api.Annotations;
import io.certwright.api.Conditions;
import io.certwright.api.SecretKeys;
import io.certwright.api.model.CertificateCondition;
import io.certwright.api.model.CertificateStatus;
import io.certwright.api.model.ClusterIssuer;
import io.certwright.api.model.IssuerCondition;
import io.certwright.core.ControllerOptions;
import io.certwright.core.certificates.ManualRenewal;
import io.certwright.core.certificates.secrets.SecretData;
import io.certwright.core.cluster.ClusterException;
import io.certwright.core.cluster.Event;
import io.certwright.core.cluster.ObjectKey;
import io.certwright.core.cluster.ResourceKind;
import io.certwright.core.time.AdvancingClock;
import io.certwright.pki.CertificateFacts;
import io.certwright.pki.CertificateSigner;
import io.certwright.pki.CsrSpec;
import io.certwright.pki.Csrs;
import io.certwright.pki.KeyAlgorithm;
import io.certwright.pki.KeyEncoding;
import io.certwright.pki.Pem;
import io.certwright.pki.PkiException;
import io.certwright.pki.PrivateKeys;
import io.certwright.pki.SigningOptions;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PublicKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * cert-manager's behaviour cases, which the core module's scenario tests check on an in-memory cluster,
 * checked again with the Kubernetes runtime against a real kube-apiserver and etcd on loopback. Manifests
 * are applied with kubectl, and each case runs in a namespace of its own. The runtime runs in-process on an
 * {@link AdvancingClock}, so the cases about renewal and failure backoff jump its clock forward; they run
 * last because the jumps affect every Certificate in the cluster.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KubernetesCasesIT {
    /** How long a case waits after a change for a CertificateRequest that the change must not cause. */
    private static final Duration QUIET = Duration.ofMillis(1500);

    private static final String SELF_SIGNED_ISSUER = """
            apiVersion: cert-manager.io/v1
            kind: Issuer
            metadata: {name: selfsigned}
            spec: {selfSigned: {}}
            """;

    /** A self-signed root CA Certificate {@code root} (Secret {@code root-ca}) and CA Issuer {@code int-ca} signing with it. */
    private static final String CA_ISSUER = SELF_SIGNED_ISSUER + """
            ---
            apiVersion: cert-manager.io/v1
            kind: Certificate
            metadata: {name: root}
            spec:
              secretName: root-ca
              isCA: true
              commonName: Example Root
              privateKey: {algorithm: ECDSA}
              issuerRef: {name: selfsigned, kind: Issuer}
            ---
            apiVersion: cert-manager.io/v1
            kind: Issuer
            metadata: {name: int-ca}
            spec: {ca: {secretName: root-ca}}
            """;

    private static final String APP = """
            apiVersion: cert-manager.io/v1
            kind: Certificate
            metadata: {name: app}
            spec:
              secretName: app-tls
              dnsNames: [app.example.com]
              issuerRef: {name: int-ca, kind: Issuer}
            """;

    private static final String PASSWORD_SECRET = """
            apiVersion: v1
            kind: Secret
            metadata: {name: ks-pass}
            data: {password: czNjcmV0}
            """;

    private PeerCluster peers;
    private KubernetesCluster observer;
    private final ObjectHistory history = new ObjectHistory();
    private AdvancingClock clock;
    private KubernetesRuntime runtime;

    @BeforeAll
    void startClusterAndRuntime() throws Exception {
        peers = PeerCluster.start();
        observer = peers.startObserver();
        observer.addListener(history);
        clock = new AdvancingClock();
        KubernetesRuntimeSettings settings = KubernetesRuntimeSettings.defaults()
                .withControllerOptions(ControllerOptions.defaults().withClusterResourceNamespace("cert-manager"))
                .withLeaderElection(LeaderElectionSettings.defaults().withEnabled(false))
                .withListenAddresses("127.0.0.1:0", "127.0.0.1:0")
                .withClock(clock);
        runtime = KubernetesRuntime.start(settings, peers.newClient(), peers.newClient());
        PeerCluster.await("the controllers run", Duration.ofSeconds(60), runtime::controllersRunning);
    }

    @AfterAll
    void stopEverything() throws Exception {
        if (runtime != null) {
            runtime.close();
        }
        if (peers != null) {
            peers.close();
        }
    }

    // ---- spec changes that must not re-issue ----

    @Test
    @Order(1)
    void secretTemplatePrunesOnlyTemplateKeys() throws Exception {
        CaseNamespace space = namespace("secret-template");
        CaseNamespace.KeyPairBytes issued = issueApp(space, CA_ISSUER + "---\n" + APP);

        space.apply(APP + "  secretTemplate: {labels: {team: blue}, annotations: {example.com/owner: team-a}}\n");
        space.awaitSecret("app-tls", "has the template label team=blue",
                secret -> "blue".equals(labels(secret).get("team")));
        space.awaitSettled("app", QUIET);

        assertThat(annotations(space.secret("app-tls"))).containsEntry("example.com/owner", "team-a");
        assertNoReissuance(space, issued);

        space.kubectl("label", "secret", "app-tls", "extra=keep");
        space.apply(APP + "  secretTemplate: {labels: {team: green, tier: web}, annotations: {}}\n");
        space.awaitSecret("app-tls", "has the template label team=green",
                secret -> "green".equals(labels(secret).get("team")));
        space.awaitSettled("app", QUIET);

        Secret secret = space.secret("app-tls");
        assertThat(labels(secret)).containsEntry("team", "green");
        assertThat(labels(secret)).containsEntry("tier", "web");
        assertThat(labels(secret)).containsEntry(Annotations.FAO_LABEL, "true");
        assertThat(labels(secret)).containsEntry("extra", "keep");
        assertThat(annotations(secret)).doesNotContainKey("example.com/owner");
        assertThat(annotations(secret)).containsEntry(Annotations.CERTIFICATE_NAME, "app");
        assertThat(annotations(secret)).containsEntry(Annotations.ISSUER_NAME, "int-ca");
        assertThat(annotations(secret)).containsKey(Annotations.ALT_NAMES);
        assertThat(secret.getMetadata().getManagedFields()).extracting(entry -> entry.getManager())
                .contains("kubectl-label");
        assertNoReissuance(space, issued);
    }

    @Test
    @Order(2)
    void keystoresFollowSpecWithoutReissue() throws Exception {
        CaseNamespace space = namespace("keystores");
        CaseNamespace.KeyPairBytes issued = issueApp(space, CA_ISSUER + "---\n" + PASSWORD_SECRET + "---\n" + APP);

        space.apply(APP + "  keystores: {jks: {create: true, passwordSecretRef: {name: ks-pass, key: password}}}\n");
        space.awaitSecret("app-tls", "has JKS keystores",
                secret -> secret.getData().containsKey(SecretKeys.KEYSTORE_JKS));
        space.awaitSettled("app", QUIET);

        Secret withJks = space.secret("app-tls");
        assertThat(withJks.getData()).containsKeys(SecretKeys.KEYSTORE_JKS, SecretKeys.TRUSTSTORE_JKS);
        KeyStore jks = KeyStore.getInstance("JKS");
        jks.load(new ByteArrayInputStream(CaseNamespace.data(withJks, SecretKeys.KEYSTORE_JKS)), "s3cret".toCharArray());
        assertThat(Collections.list(jks.aliases())).contains("certificate");
        assertThat((X509Certificate) jks.getCertificate("certificate")).isEqualTo(CaseNamespace.leaf(withJks));
        assertThat(jks.getKey("certificate", "s3cret".toCharArray()).getEncoded())
                .isEqualTo(CaseNamespace.privateKey(withJks).getEncoded());
        KeyStore truststore = KeyStore.getInstance("JKS");
        truststore.load(new ByteArrayInputStream(CaseNamespace.data(withJks, SecretKeys.TRUSTSTORE_JKS)),
                "s3cret".toCharArray());
        List<Certificate> trusted = new ArrayList<>();
        for (String alias : Collections.list(truststore.aliases())) {
            trusted.add(truststore.getCertificate(alias));
        }
        assertThat(trusted).containsExactlyElementsOf(CaseNamespace.chain(withJks, SecretKeys.CA_CERT));
        assertNoReissuance(space, issued);

        space.apply(APP + "  keystores: {pkcs12: {create: true, passwordSecretRef: {name: ks-pass, key: password}}}\n");
        space.awaitSecret("app-tls", "switched to PKCS#12 keystores",
                secret -> secret.getData().containsKey(SecretKeys.KEYSTORE_PKCS12)
                        && !secret.getData().containsKey(SecretKeys.KEYSTORE_JKS));
        space.awaitSettled("app", QUIET);

        Secret withPkcs12 = space.secret("app-tls");
        assertThat(withPkcs12.getData()).doesNotContainKeys(SecretKeys.KEYSTORE_JKS, SecretKeys.TRUSTSTORE_JKS);
        assertThat(withPkcs12.getData()).containsKeys(SecretKeys.KEYSTORE_PKCS12, SecretKeys.TRUSTSTORE_PKCS12);
        assertNoReissuance(space, issued);

        space.apply(APP + "  keystores: {pkcs12: {create: false, passwordSecretRef: {name: ks-pass, key: password}}}\n");
        space.awaitSecret("app-tls", "has no PKCS#12 keystore",
                secret -> !secret.getData().containsKey(SecretKeys.KEYSTORE_PKCS12));
        space.awaitSettled("app", QUIET);

        assertThat(space.secret("app-tls").getData())
                .doesNotContainKeys(SecretKeys.KEYSTORE_PKCS12, SecretKeys.TRUSTSTORE_PKCS12);
        assertNoReissuance(space, issued);

        space.apply(APP);
        space.awaitSettled("app", QUIET);

        assertThat(space.secret("app-tls").getData())
                .containsOnlyKeys(SecretKeys.TLS_CERT, SecretKeys.TLS_KEY, SecretKeys.CA_CERT);
        assertNoReissuance(space, issued);
    }

    @Test
    @Order(3)
    void additionalOutputFormatsFollowSpec() throws Exception {
        CaseNamespace space = namespace("output-formats");
        CaseNamespace.KeyPairBytes issued = issueApp(space, CA_ISSUER + "---\n" + APP);

        space.apply(APP + "  additionalOutputFormats: [{type: CombinedPEM}, {type: DER}]\n");
        space.awaitSecret("app-tls", "has key.der and tls-combined.pem",
                secret -> secret.getData().containsKey(SecretKeys.KEY_DER)
                        && secret.getData().containsKey(SecretKeys.TLS_COMBINED_PEM));
        space.awaitSettled("app", QUIET);

        Secret secret = space.secret("app-tls");
        assertThat(CaseNamespace.text(secret, SecretKeys.TLS_COMBINED_PEM))
                .isEqualTo(issued.privateKey() + "\n" + issued.certificate());
        assertThat(issued.privateKey()).startsWith("-----BEGIN RSA PRIVATE KEY-----");
        assertThat(CaseNamespace.data(secret, SecretKeys.KEY_DER)).isEqualTo(pemBody(issued.privateKey()));
        assertNoReissuance(space, issued);

        space.apply(APP + "  additionalOutputFormats: [{type: CombinedPEM}]\n");
        space.awaitSecret("app-tls", "has no key.der", data -> !data.getData().containsKey(SecretKeys.KEY_DER));
        space.awaitSettled("app", QUIET);

        assertThat(space.secret("app-tls").getData()).doesNotContainKey(SecretKeys.KEY_DER);
        assertThat(space.secret("app-tls").getData()).containsKey(SecretKeys.TLS_COMBINED_PEM);
        assertNoReissuance(space, issued);

        space.apply(APP);
        space.awaitSecret("app-tls", "has no tls-combined.pem",
                data -> !data.getData().containsKey(SecretKeys.TLS_COMBINED_PEM));
        space.awaitSettled("app", QUIET);

        assertThat(space.secret("app-tls").getData())
                .containsOnlyKeys(SecretKeys.TLS_CERT, SecretKeys.TLS_KEY, SecretKeys.CA_CERT);
        assertNoReissuance(space, issued);
    }

    @Test
    @Order(4)
    void issuerRefDefaultsDoNotReissue() throws Exception {
        CaseNamespace space = namespace("issuer-defaults");
        String omitted = APP.replace("{name: int-ca, kind: Issuer}", "{name: int-ca}");
        CaseNamespace.KeyPairBytes issued = issueApp(space, CA_ISSUER + "---\n" + omitted);

        space.apply(omitted.replace("{name: int-ca}", "{name: int-ca, kind: Issuer, group: cert-manager.io}"));
        space.awaitSettled("app", QUIET);
        assertThat(space.createdRequests("app")).containsExactly("app-1");

        space.apply(omitted);
        space.awaitSettled("app", QUIET);

        assertThat(space.issuingStarts("app")).hasSize(1);
        assertNoReissuance(space, issued);
    }

    // ---- issuer changes ----

    @Test
    @Order(10)
    void issuerRefNameChangeReissues() throws Exception {
        CaseNamespace clusterResources = CaseNamespace.existing(peers, observer, history, "cert-manager");
        clusterResources.apply(SELF_SIGNED_ISSUER + rootCertificate("old-root", "Old Root")
                + rootCertificate("new-root", "New Root") + rootCertificate("third-root", "Third Root") + """
                ---
                apiVersion: cert-manager.io/v1
                kind: ClusterIssuer
                metadata: {name: ca-old}
                spec: {ca: {secretName: old-root}}
                ---
                apiVersion: cert-manager.io/v1
                kind: ClusterIssuer
                metadata: {name: ca-new}
                spec: {ca: {secretName: new-root}}
                """);
        for (String root : List.of("old-root", "new-root", "third-root")) {
            clusterResources.awaitReady(root);
        }
        CaseNamespace space = namespace("issuer-change");
        String certificate = APP.replace("{name: int-ca, kind: Issuer}", "{name: ca-old, kind: ClusterIssuer}");
        space.apply(certificate);
        space.awaitReady("app");

        space.apply(certificate.replace("ca-old", "ca-new"));
        space.awaitReadyRevision("app", 2);
        space.awaitSettled("app", QUIET);

        assertThat(space.issuingStarts("app")).last().isEqualTo("IncorrectIssuer: Issuing certificate as Secret was"
                + " previously issued by \"ClusterIssuer.cert-manager.io/ca-old\"");
        assertThat(space.createdRequests("app")).containsExactly("app-1", "app-2");
        assertThat(space.request("app-2").orElseThrow().getSpec().getIssuerRef().getName()).isEqualTo("ca-new");
        assertThat(annotations(space.secret("app-tls"))).containsEntry(Annotations.ISSUER_NAME, "ca-new");
        assertThat(annotations(space.secret("app-tls"))).containsEntry(Annotations.ISSUER_KIND, "ClusterIssuer");
        assertThat(CaseNamespace.leaf(space.secret("app-tls")).getIssuerX500Principal().getName())
                .contains("New Root");
        assertThat(space.isReady("app")).isTrue();
        CaseNamespace.KeyPairBytes reissued = space.keyPair("app-tls");

        clusterResources.apply("""
                apiVersion: cert-manager.io/v1
                kind: ClusterIssuer
                metadata: {name: ca-new}
                spec: {ca: {secretName: third-root}}
                """);
        PeerCluster.await("ClusterIssuer ca-new is Ready for its edited spec", CaseNamespace.READY_TIMEOUT,
                () -> clusterIssuerReadyForGeneration("ca-new"));
        Thread.sleep(QUIET.toMillis());

        assertThat(space.createdRequests("app")).containsExactly("app-1", "app-2");
        assertThat(space.keyPair("app-tls")).isEqualTo(reissued);
        assertThat(space.isReady("app")).isTrue();

        space.apply(certificate.replace("{name: ca-old, kind: ClusterIssuer}",
                "{name: ca-new, kind: ClusterIssuer, group: cert-manager.io}"));
        space.awaitSettled("app", QUIET);

        assertThat(space.createdRequests("app")).containsExactly("app-1", "app-2");
        assertThat(space.keyPair("app-tls")).isEqualTo(reissued);
        assertThat(space.isReady("app")).isTrue();
    }

    // ---- duration ----

    @Test
    @Order(20)
    void addedDurationDoesNotReissue() throws Exception {
        CaseNamespace space = namespace("duration-added");
        space.apply(SELF_SIGNED_ISSUER + "---\n" + durationCertificate(""));
        space.awaitReady("b");

        space.apply(durationCertificate("  duration: 768h\n"));
        space.awaitSettled("b", QUIET);

        assertThat(space.createdRequests("b")).containsExactly("b-1");
        assertThat(space.issuingStarts("b")).hasSize(1);
        assertThat(space.isReady("b")).isTrue();
    }

    @Test
    @Order(21)
    void explicitDurationChangeReissuesWithNewLifetime() throws Exception {
        CaseNamespace space = namespace("duration-changed");
        space.apply(SELF_SIGNED_ISSUER + "---\n" + durationCertificate("  duration: 2160h\n"));
        space.awaitReady("b");

        space.apply(durationCertificate("  duration: 720h\n"));
        space.awaitReadyRevision("b", 2);

        assertThat(space.issuingStarts("b")).last().isEqualTo(
                "RequestChanged: Fields on existing CertificateRequest resource not up to date: [spec.duration]");
        assertThat(space.createdRequests("b")).containsExactly("b-1", "b-2");
        assertThat(space.request("b-2").orElseThrow().getSpec().getDuration()).isEqualTo("720h");
        X509Certificate leaf = CaseNamespace.leaf(space.secret("b-tls"));
        assertThat(Duration.between(leaf.getNotBefore().toInstant(), leaf.getNotAfter().toInstant()))
                .isEqualTo(Duration.ofHours(720));
    }

    // ---- IP address forms ----

    @Test
    @Order(30)
    void ipv6FormsSettleAndNewAddressReissues() throws Exception {
        CaseNamespace space = namespace("ip-forms");
        String certificate = """
                apiVersion: cert-manager.io/v1
                kind: Certificate
                metadata: {name: v6}
                spec:
                  secretName: v6-tls
                  ipAddresses: ["2001:0DB8:0000:0000:0000:0000:0000:0001"]
                  privateKey: {algorithm: ECDSA}
                  issuerRef: {name: selfsigned, kind: Issuer}
                """;
        space.apply(SELF_SIGNED_ISSUER + "---\n" + certificate);
        space.awaitReady("v6");
        Thread.sleep(Duration.ofSeconds(3).toMillis());

        assertThat(space.isReady("v6")).isTrue();
        assertThat(space.requestChanges("v6")).containsExactly("+v6-1");
        assertThat(CertificateFacts.ipAddresses(CaseNamespace.leaf(space.secret("v6-tls"))))
                .containsExactly("2001:db8::1");

        space.apply(certificate.replace("2001:0DB8:0000:0000:0000:0000:0000:0001", "2001:db8::2"));
        space.awaitReadyRevision("v6", 2);
        space.awaitSettled("v6", QUIET);

        assertThat(space.issuingStarts("v6")).last().isEqualTo(
                "RequestChanged: Fields on existing CertificateRequest resource not up to date: [spec.ipAddresses]");
        assertThat(space.createdRequests("v6")).containsExactly("v6-1", "v6-2");
        assertThat(CertificateFacts.ipAddresses(CaseNamespace.leaf(space.secret("v6-tls"))))
                .containsExactly("2001:db8::2");
    }

    // ---- private key rotation ----

    @Test
    @Order(40)
    void neverPolicyKeySizeChangeNeedsUserAction() throws Exception {
        CaseNamespace space = namespace("rotation-never");
        space.apply(SELF_SIGNED_ISSUER + "---\n" + rotationCertificate("Never"));
        space.awaitReady("app");

        space.apply(rotationCertificate("Never").replace("size: 2048", "size: 4096"));
        PeerCluster.await("Certificate app is not Ready with reason SecretMismatch", CaseNamespace.READY_TIMEOUT,
                () -> space.readinessObservedCurrentGeneration("app")
                        && space.condition("app", Conditions.READY).map(CertificateCondition::getReason)
                                .orElse("").equals("SecretMismatch"));
        Event warning = space.awaitEvent("app", "CannotRegenerateKey");
        Thread.sleep(QUIET.toMillis());

        String message = "Existing private key is not up to date for spec: [spec.privateKey.size]";
        assertThat(space.issuingStarts("app")).last().isEqualTo("SecretMismatch: " + message);
        CertificateCondition ready = space.condition("app", Conditions.READY).orElseThrow();
        assertThat(ready.getReason()).isEqualTo("SecretMismatch");
        assertThat(ready.getStatus()).isEqualTo(Conditions.FALSE);
        assertThat(warning.type()).isEqualTo("Warning");
        assertThat(warning.message()).startsWith("User intervention required: existing private key in Secret"
                + " \"app-tls\" does not match requirements on Certificate resource, mismatching fields:"
                + " [spec.privateKey.size]");
        assertThat(space.certificate("app").getStatus().getNextPrivateKeySecretName()).isNull();
        assertThat(space.secretsLabelled(Annotations.NEXT_PRIVATE_KEY_LABEL, "true")).isEmpty();
        assertThat(space.createdRequests("app")).containsExactly("app-1");
        assertThat(PrivateKeys.algorithmOf(CaseNamespace.privateKey(space.secret("app-tls"))))
                .isEqualTo(KeyAlgorithm.RSA);
        assertThat(PrivateKeys.sizeOf(CaseNamespace.privateKey(space.secret("app-tls")))).isEqualTo(2048);
    }

    @Test
    @Order(41)
    void alwaysPolicyKeySizeChangeIssuesNewKey() throws Exception {
        CaseNamespace space = namespace("rotation-always");
        space.apply(SELF_SIGNED_ISSUER + "---\n" + rotationCertificate("Always"));
        space.awaitReady("app");

        space.apply(rotationCertificate("Always").replace("size: 2048", "size: 4096"));
        space.awaitReadyRevision("app", 2);
        space.awaitSettled("app", QUIET);

        Secret secret = space.secret("app-tls");
        assertThat(space.createdRequests("app")).containsExactly("app-1", "app-2");
        assertThat(space.revision("app")).isEqualTo(2);
        assertThat(PrivateKeys.algorithmOf(CaseNamespace.privateKey(secret))).isEqualTo(KeyAlgorithm.RSA);
        assertThat(PrivateKeys.sizeOf(CaseNamespace.privateKey(secret))).isEqualTo(4096);
        assertThat(PrivateKeys.publicKeysEqual(CaseNamespace.leaf(secret).getPublicKey(),
                PrivateKeys.publicKeyOf(CaseNamespace.privateKey(secret)))).isTrue();
        assertThat(space.isReady("app")).isTrue();
    }

    // ---- issued chain layout ----

    @Test
    @Order(50)
    void intermediateStaysInChainRootBecomesCa() throws Exception {
        CaseNamespace space = namespace("chain-layout");
        Authority root = Authority.root("Root", clock.instant());
        Authority intermediate = root.issue("Int1", clock.instant());
        Map<String, String> data = new LinkedHashMap<>();
        data.put(SecretKeys.TLS_KEY, SecretData.encode(intermediate.keyPem()));
        data.put(SecretKeys.TLS_CERT, SecretData.encode(pem(List.of(intermediate, root))));
        space.createSecret(new SecretBuilder().withNewMetadata().withName("int-ca").endMetadata()
                .withType(SecretKeys.TLS_SECRET_TYPE).withData(data).build());

        space.apply("""
                apiVersion: cert-manager.io/v1
                kind: Issuer
                metadata: {name: int-ca}
                spec: {ca: {secretName: int-ca}}
                ---
                apiVersion: cert-manager.io/v1
                kind: Certificate
                metadata: {name: leaf}
                spec:
                  secretName: leaf-tls
                  dnsNames: [leaf.example.com]
                  privateKey: {algorithm: ECDSA}
                  issuerRef: {name: int-ca, kind: Issuer}
                """);
        space.awaitReady("leaf");

        Secret secret = space.secret("leaf-tls");
        List<X509Certificate> chain = CaseNamespace.chain(secret, SecretKeys.TLS_CERT);
        assertThat(chain).hasSize(2);
        assertThat(chain.get(0).getSubjectX500Principal().getName()).isEmpty();
        assertThat(chain.get(1)).isEqualTo(intermediate.certificate());
        assertThat(CaseNamespace.chain(secret, SecretKeys.CA_CERT)).containsExactly(root.certificate());
        assertThat(space.createdRequests("leaf")).containsExactly("leaf-1");
    }

    // ---- manual renewal ----

    @Test
    @Order(60)
    void manualRenewalStartsNewRevision() throws Exception {
        CaseNamespace space = namespace("manual-renewal");
        space.apply(SELF_SIGNED_ISSUER + "---\n" + APP.replace("{name: int-ca, kind: Issuer}",
                "{name: selfsigned, kind: Issuer}"));
        space.awaitIssued("app", 1);
        PublicKey first = CaseNamespace.leaf(space.secret("app-tls")).getPublicKey();

        String output = triggerManualRenewal(space, "app");
        space.awaitReadyRevision("app", 2);
        space.awaitSettled("app", QUIET);

        assertThat(output).isEqualTo("Manually triggered issuance of Certificate manual-renewal/app");
        assertThat(space.issuingStarts("app")).last()
                .isEqualTo("ManuallyTriggered: Certificate re-issuance manually triggered");
        assertThat(space.createdRequests("app")).containsExactly("app-1", "app-2");
        assertThat(space.revision("app")).isEqualTo(2);
        assertThat(PrivateKeys.publicKeysEqual(CaseNamespace.leaf(space.secret("app-tls")).getPublicKey(), first))
                .as("revision 2 has a new private key").isFalse();
        List<Event> generated = space.events("app").stream()
                .filter(event -> "Generated".equals(event.reason())).toList();
        assertThat(generated).hasSize(2);
        assertThat(generated.get(1).type()).isEqualTo("Normal");
        assertThat(generated.get(1).message()).startsWith("Stored new private key in temporary Secret resource \"app-");
    }

    // ---- timing: these jump the clock of the runtime ----

    @Test
    @Order(90)
    void renewsAtTwoThirdsOfLifetime() throws Exception {
        CaseNamespace space = namespace("renewal-timing");
        String certificate = """
                apiVersion: cert-manager.io/v1
                kind: Certificate
                metadata: {name: app}
                spec:
                  secretName: app-tls
                  dnsNames: [app.example.com]
                  privateKey: {algorithm: ECDSA}
                  issuerRef: {name: selfsigned, kind: Issuer}
                  duration: 24h
                """;
        space.apply(SELF_SIGNED_ISSUER + "---\n" + certificate);
        space.awaitReady("app");
        CertificateStatus issued = space.certificate("app").getStatus();
        Instant renewalTime = issued.getRenewalTime();
        assertThat(renewalTime).isEqualTo(issued.getNotBefore().plus(Duration.ofHours(16)));

        clock.jumpTo(renewalTime.minusSeconds(20));
        Thread.sleep(Duration.ofSeconds(2).toMillis());
        assertThat(space.createdRequests("app")).containsExactly("app-1");

        clock.jumpTo(renewalTime.plusSeconds(1));
        space.awaitReadyRevision("app", 2);
        // The issuing controller sets the revision; readiness updates the dates in a later write.
        PeerCluster.await("status.notBefore of app follows the renewed certificate", Duration.ofSeconds(30),
                () -> !issued.getNotBefore().equals(space.certificate("app").getStatus().getNotBefore()));

        CertificateStatus renewed = space.certificate("app").getStatus();
        assertThat(space.createdRequests("app")).containsExactly("app-1", "app-2");
        assertThat(space.issuingStarts("app")).last().asString()
                .startsWith("Renewing: Renewing certificate as renewal was scheduled at ");
        assertThat(renewed.getRevision()).isEqualTo(2);
        assertThat(renewed.getNotBefore()).isBetween(renewalTime, renewalTime.plus(Duration.ofMinutes(1)));
        assertThat(renewed.getRenewalTime()).isEqualTo(renewed.getNotBefore().plus(Duration.ofHours(16)));
    }

    @Test
    @Order(61)
    void manualRenewalReusesKeyWithNeverPolicy() throws Exception {
        CaseNamespace space = namespace("manual-renewal-never");
        space.apply(SELF_SIGNED_ISSUER + "---\n" + APP.replace("{name: int-ca, kind: Issuer}",
                "{name: selfsigned, kind: Issuer}\n  privateKey: {algorithm: ECDSA, rotationPolicy: Never}"));
        space.awaitIssued("app", 1);
        X509Certificate first = CaseNamespace.leaf(space.secret("app-tls"));

        triggerManualRenewal(space, "app");
        space.awaitReadyRevision("app", 2);
        space.awaitSettled("app", QUIET);

        X509Certificate second = CaseNamespace.leaf(space.secret("app-tls"));
        assertThat(space.revision("app")).isEqualTo(2);
        assertThat(second.getPublicKey().getEncoded()).isEqualTo(first.getPublicKey().getEncoded());
        assertThat(second.getSerialNumber()).isNotEqualTo(first.getSerialNumber());
        Event reused = space.awaitEvent("app", "Reused");
        assertThat(reused.type()).isEqualTo("Normal");
        assertThat(reused.message()).isEqualTo("Reusing private key stored in existing Secret resource \"app-tls\"");
    }

    @Test
    @Order(70)
    void commonNameOf64BytesIsIssued() throws Exception {
        String commonName = "234567890b234567890c234567890d234567890e234567890f2345.example.c";
        CaseNamespace space = namespace("common-name-64");
        space.apply(CA_ISSUER + """
                ---
                apiVersion: cert-manager.io/v1
                kind: Certificate
                metadata: {name: app}
                spec:
                  secretName: app-tls
                  commonName: %s
                  privateKey: {algorithm: ECDSA}
                  issuerRef: {name: int-ca, kind: Issuer}
                """.formatted(commonName));
        space.awaitReady("app");

        assertThat(commonName.getBytes(StandardCharsets.UTF_8)).hasSize(64);
        Secret secret = space.secret("app-tls");
        assertThat(CertificateFacts.commonName(CaseNamespace.leaf(secret))).isEqualTo(commonName);
        assertThat(annotations(secret)).containsEntry(Annotations.COMMON_NAME, commonName);
    }

    @Test
    @Order(71)
    void longDnsNameIssuedWithoutCommonName() throws Exception {
        String dnsName = "very-long-service-name-0.very-long-service-name-peer.demo.svc.cluster.local";
        CaseNamespace space = namespace("long-dns-name");
        space.apply(CA_ISSUER + """
                ---
                apiVersion: cert-manager.io/v1
                kind: Certificate
                metadata: {name: app}
                spec:
                  secretName: app-tls
                  dnsNames: [%s]
                  privateKey: {algorithm: ECDSA}
                  issuerRef: {name: int-ca, kind: Issuer}
                """.formatted(dnsName));
        space.awaitReady("app");

        assertThat(dnsName).hasSize(75);
        X509Certificate leaf = CaseNamespace.leaf(space.secret("app-tls"));
        assertThat(CertificateFacts.commonName(leaf)).isEmpty();
        assertThat(leaf.getSubjectX500Principal().getName()).doesNotContain("CN=");
        assertThat(CertificateFacts.dnsNames(leaf)).containsExactly(dnsName);
        assertThat(space.createdRequests("app")).containsExactly("app-1");
    }

    /**
     * A spec change and a manual renewal each start a new attempt at once while the failure backoff waits,
     * and neither resets the count of failed attempts. The clock does not move.
     */
    @Test
    @Order(80)
    void specChangeAndManualRenewalSkipBackoff() throws Exception {
        CaseNamespace space = namespace("backoff-skips");
        applyFlakyCertificate(space);
        PeerCluster.await("Certificate flaky records its first failed issuance", CaseNamespace.READY_TIMEOUT,
                () -> failedAttempts(space, "flaky") == 1);
        Instant firstFailure = space.certificate("flaky").getStatus().getLastFailureTime();

        space.apply("""
                apiVersion: cert-manager.io/v1
                kind: Certificate
                metadata: {name: flaky}
                spec:
                  secretName: flaky-tls
                  dnsNames: [flaky.example.com, www.example.com]
                  privateKey: {algorithm: ECDSA, rotationPolicy: Never}
                  issuerRef: {name: int-ca, kind: Issuer}
                """);
        PeerCluster.await("Certificate flaky records the failed attempt the spec change started",
                CaseNamespace.READY_TIMEOUT, () -> failedAttempts(space, "flaky") == 2);
        assertThat(clock.instant()).as("the clock stays before the one hour wait ends")
                .isBefore(firstFailure.plus(Duration.ofHours(1)));
        assertThat(Csrs.parse(space.request("flaky-1").orElseThrow().getSpec().getRequest()).dnsNames())
                .as("DNS names of the request the spec change started")
                .containsExactlyInAnyOrder("flaky.example.com", "www.example.com");

        // The request manager replaces a failed request only when its failureTime is before the Issuing
        // condition's lastTransitionTime, and both are whole seconds, so renewing in the second of the last
        // failure would count that failure again. A person never renews that fast.
        Instant secondFailure = space.certificate("flaky").getStatus().getLastFailureTime();
        PeerCluster.await("the clock passes the second of the last failure", CaseNamespace.READY_TIMEOUT,
                () -> clock.instant().isAfter(secondFailure.plusSeconds(1)));
        List<String> changesBeforeRenewal = space.requestChanges("flaky");
        String output = triggerManualRenewal(space, "flaky");
        PeerCluster.await("Certificate flaky records the failed attempt the manual renewal started",
                CaseNamespace.READY_TIMEOUT, () -> failedAttempts(space, "flaky") == 3);

        assertThat(output).isEqualTo("Manually triggered issuance of Certificate backoff-skips/flaky");
        assertThat(space.issuingStarts("flaky")).contains("ManuallyTriggered: Certificate re-issuance manually"
                + " triggered");
        List<String> changes = space.requestChanges("flaky");
        assertThat(changes.subList(changesBeforeRenewal.size(), changes.size()))
                .as("request changes of the manual renewal").containsExactly("-flaky-1", "+flaky-1");
        assertThat(space.revision("flaky")).isNull();
    }

    /**
     * Reuses the CA's own key for a Certificate ({@code rotationPolicy: Never} and a pre-created Secret that
     * contains the CA key), so that the CA issuer fails the CertificateRequest with SigningError and the
     * Certificate enters the failure backoff, whose first step is one hour.
     */
    @Test
    @Order(91)
    void failedIssuanceBacksOffOneHour() throws Exception {
        CaseNamespace space = namespace("failure-backoff");
        Instant applied = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        applyFlakyCertificate(space);
        PeerCluster.await("Certificate flaky records its first failed issuance", CaseNamespace.READY_TIMEOUT,
                () -> failedAttempts(space, "flaky") == 1 && space.condition("flaky", Conditions.ISSUING)
                        .map(condition -> Conditions.FALSE.equals(condition.getStatus())).orElse(false));
        Event warning = space.awaitEvent("flaky", "Failed");

        CertificateCondition issuing = space.condition("flaky", Conditions.ISSUING).orElseThrow();
        assertThat(issuing.getReason()).isEqualTo("Failed");
        assertThat(issuing.getMessage())
                .startsWith("The certificate request has failed to complete and will be retried: ");
        assertThat(issuing.getMessage()).contains("Error signing certificate: the certificate request uses the"
                + " issuer's own public key");
        Instant lastFailure = space.certificate("flaky").getStatus().getLastFailureTime();
        assertThat(lastFailure).isBetween(applied, clock.instant());
        assertThat(warning.type()).isEqualTo("Warning");
        assertThat(warning.message()).isEqualTo(issuing.getMessage());
        assertThat(space.event("flaky", "Reused").orElseThrow().message())
                .isEqualTo("Reusing private key stored in existing Secret resource \"flaky-tls\"");

        List<String> changesAfterFirstFailure = space.requestChanges("flaky");
        Instant backoffEnd = lastFailure.plus(Duration.ofHours(1));

        clock.jumpTo(backoffEnd.minusSeconds(20));
        Thread.sleep(Duration.ofSeconds(2).toMillis());
        assertThat(space.requestChanges("flaky")).as("request changes before the one hour wait ends")
                .isEqualTo(changesAfterFirstFailure);

        clock.jumpTo(backoffEnd.plusSeconds(1));
        PeerCluster.await("Certificate flaky records its second failed issuance", CaseNamespace.READY_TIMEOUT,
                () -> failedAttempts(space, "flaky") == 2);

        List<String> changes = space.requestChanges("flaky");
        assertThat(changes).as("request changes when the one hour wait ends")
                .startsWith(changesAfterFirstFailure.toArray(String[]::new));
        assertThat(changes.subList(changesAfterFirstFailure.size(), changes.size()))
                .as("request changes of the retry after the one hour wait")
                .containsExactly("-flaky-1", "+flaky-1");
        assertThat(space.certificate("flaky").getStatus().getLastFailureTime())
                .isBetween(backoffEnd, backoffEnd.plusSeconds(60));
        // These run last so that a failure here does not hide the outcome of the backoff itself. cert-manager
        // writes every status time in whole seconds (RFC 3339). A Certificate time with a fraction is later than
        // a CertificateRequest failureTime of the same second, which makes the failed request look stale.
        assertThat(lastFailure.getNano()).as("nanoseconds of lastFailureTime %s", lastFailure).isZero();
        assertThat(space.requestChanges("flaky")).as("request changes of the first attempt and the retry")
                .containsExactly("+flaky-1", "-flaky-1", "+flaky-1");
    }

    /**
     * Checks the later steps of the failure backoff against the API server: each failed retry doubles the
     * wait, from one hour up to the 32 hour ceiling, which then repeats. No retry starts before its wait ends.
     */
    @Test
    @Order(92)
    void failedIssuanceBackoffDoublesToCeiling() throws Exception {
        CaseNamespace space = namespace("failure-ceiling");
        applyFlakyCertificate(space);
        List<Duration> expectedWaits = List.of(Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(4),
                Duration.ofHours(8), Duration.ofHours(16), Duration.ofHours(32), Duration.ofHours(32));

        for (int attempt = 1; attempt <= expectedWaits.size(); attempt++) {
            int failures = attempt;
            PeerCluster.await("Certificate flaky records failed issuance " + attempt, CaseNamespace.READY_TIMEOUT,
                    () -> failedAttempts(space, "flaky") == failures);
            Instant lastFailure = space.certificate("flaky").getStatus().getLastFailureTime();
            Instant backoffEnd = lastFailure.plus(expectedWaits.get(attempt - 1));

            clock.jumpTo(backoffEnd.minusSeconds(20));
            Thread.sleep(QUIET.toMillis());
            assertThat(failedAttempts(space, "flaky")).as("failed attempts 20 s before wait %d of %s ends", attempt,
                    expectedWaits.get(attempt - 1)).isEqualTo(attempt);
            assertThat(space.requests("flaky")).as("requests 20 s before wait %d ends", attempt)
                    .containsExactly("flaky-1");

            clock.jumpTo(backoffEnd.plusSeconds(1));
        }
        PeerCluster.await("Certificate flaky records the failed retry after the repeated ceiling",
                CaseNamespace.READY_TIMEOUT, () -> failedAttempts(space, "flaky") == expectedWaits.size() + 1);
    }

    // ---- helpers ----

    /**
     * Applies the CA issuer and Certificate {@code flaky}, whose Secret already contains the root CA's key and
     * whose rotationPolicy Never keeps it, so that every CertificateRequest fails with SigningError: the CA
     * issuer does not sign a request for its own public key.
     */
    private static void applyFlakyCertificate(CaseNamespace space) throws Exception {
        space.apply(CA_ISSUER);
        space.awaitReady("root");
        Map<String, String> reusedKey = Map.of(SecretKeys.TLS_KEY,
                space.secret("root-ca").getData().get(SecretKeys.TLS_KEY));
        space.createSecret(new SecretBuilder().withNewMetadata().withName("flaky-tls").endMetadata()
                .withType("Opaque").withData(reusedKey).build());
        space.apply("""
                apiVersion: cert-manager.io/v1
                kind: Certificate
                metadata: {name: flaky}
                spec:
                  secretName: flaky-tls
                  dnsNames: [flaky.example.com]
                  privateKey: {algorithm: ECDSA, rotationPolicy: Never}
                  issuerRef: {name: int-ca, kind: Issuer}
                """);
    }

    private CaseNamespace namespace(String name) {
        return CaseNamespace.create(peers, observer, history, name);
    }

    /** Applies manifests that include Certificate {@code app} and returns its first key pair once it is Ready. */
    private static CaseNamespace.KeyPairBytes issueApp(CaseNamespace space, String manifests) throws Exception {
        space.apply(manifests);
        space.awaitReady("app");
        return space.keyPair("app-tls");
    }

    private static void assertNoReissuance(CaseNamespace space, CaseNamespace.KeyPairBytes issued) {
        assertThat(space.requests("app")).containsExactly("app-1");
        assertThat(space.createdRequests("app")).containsExactly("app-1");
        assertThat(space.revision("app")).isEqualTo(1);
        assertThat(space.keyPair("app-tls")).isEqualTo(issued);
        assertThat(space.isReady("app")).isTrue();
    }

    private String triggerManualRenewal(CaseNamespace space, String certificate) throws InterruptedException {
        AtomicReference<String> output = new AtomicReference<>();
        PeerCluster.await("the manual renewal of " + certificate + " is written", CaseNamespace.READY_TIMEOUT, () -> {
            try {
                output.set(ManualRenewal.trigger(observer, new ObjectKey(space.name(), certificate), clock));
                return true;
            } catch (ClusterException.Conflict e) {
                // The observer's cached copy was older than the one the controllers just wrote.
                return false;
            }
        });
        return output.get();
    }

    private boolean clusterIssuerReadyForGeneration(String name) {
        Optional<ClusterIssuer> issuer = observer.get(ResourceKind.CLUSTER_ISSUER, null, name);
        if (issuer.isEmpty() || issuer.get().getStatus() == null || issuer.get().getStatus().getConditions() == null) {
            return false;
        }
        Long generation = issuer.get().getMetadata().getGeneration();
        for (IssuerCondition condition : issuer.get().getStatus().getConditions()) {
            if (Conditions.READY.equals(condition.getType())) {
                return Conditions.TRUE.equals(condition.getStatus())
                        && generation != null && generation.equals(condition.getObservedGeneration());
            }
        }
        return false;
    }

    /** Returns the Certificate's failedIssuanceAttempts, 0 when unset or before the observer has seen it. */
    private static int failedAttempts(CaseNamespace space, String certificate) {
        CertificateStatus status = space.findCertificate(certificate).map(io.certwright.api.model.Certificate::getStatus).orElse(null);
        return status == null || status.getFailedIssuanceAttempts() == null ? 0 : status.getFailedIssuanceAttempts();
    }

    private static String rootCertificate(String name, String commonName) {
        return """
                ---
                apiVersion: cert-manager.io/v1
                kind: Certificate
                metadata: {name: %s}
                spec: {secretName: %s, isCA: true, commonName: %s, privateKey: {algorithm: ECDSA},
                       issuerRef: {name: selfsigned}}
                """.formatted(name, name, commonName);
    }

    private static String durationCertificate(String duration) {
        return """
                apiVersion: cert-manager.io/v1
                kind: Certificate
                metadata: {name: b}
                spec:
                  secretName: b-tls
                  dnsNames: [b.example.com]
                  privateKey: {algorithm: ECDSA}
                  issuerRef: {name: selfsigned, kind: Issuer}
                """ + duration;
    }

    private static String rotationCertificate(String rotationPolicy) {
        return """
                apiVersion: cert-manager.io/v1
                kind: Certificate
                metadata: {name: app}
                spec:
                  secretName: app-tls
                  dnsNames: [app.example.com]
                  issuerRef: {name: selfsigned, kind: Issuer}
                  privateKey: {algorithm: RSA, size: 2048, rotationPolicy: %s}
                """.formatted(rotationPolicy);
    }

    /** Decodes the base64 body of a single PEM block, independently of the code under test. */
    private static byte[] pemBody(String pem) {
        String body = pem.lines().filter(line -> !line.startsWith("-----")).collect(Collectors.joining());
        return Base64.getDecoder().decode(body);
    }

    private static byte[] pem(List<Authority> authorities) {
        return Pem.encodeCertificates(authorities.stream().map(Authority::certificate).toList())
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** A CA key pair and certificate minted in the test, valid from a day before {@code now} for ten years. */
    private record Authority(KeyPair keyPair, X509Certificate certificate) {
        static Authority root(String name, Instant now) {
            KeyPair keyPair = PrivateKeys.generate(KeyAlgorithm.ECDSA, 256);
            return new Authority(keyPair, sign(name, keyPair, null, keyPair, now));
        }

        Authority issue(String name, Instant now) {
            KeyPair child = PrivateKeys.generate(KeyAlgorithm.ECDSA, 256);
            return new Authority(child, sign(name, child, certificate, keyPair, now));
        }

        byte[] keyPem() {
            return PrivateKeys.encodePem(keyPair.getPrivate(), KeyEncoding.PKCS8).getBytes(StandardCharsets.US_ASCII);
        }

        private static X509Certificate sign(String name, KeyPair subject, X509Certificate issuer, KeyPair issuerKey,
                Instant now) {
            try {
                String csr = Csrs.buildPem(CsrSpec.builder().commonName(name).isCA(true).build(), subject);
                return CertificateSigner.sign(Csrs.parse(csr.getBytes(StandardCharsets.US_ASCII)),
                        SigningOptions.builder().notBefore(now.minus(Duration.ofDays(1)))
                                .duration(Duration.ofDays(3650)).isCA(true).build(),
                        issuer, issuerKey.getPrivate());
            } catch (PkiException e) {
                throw new IllegalStateException("minting test CA " + name + " failed", e);
            }
        }
    }
}
