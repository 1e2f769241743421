package io.certwright.cli;

import static io.certwright.cli.AcmeClusterProbes.one;
import static io.certwright.cli.AcmeClusterProbes.ready;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.certwright.acme.dns01.Dns01Options;
import io.certwright.acme.testing.BindServer;
import io.certwright.acme.testing.PebbleServer;
import io.certwright.api.model.Certificate;
import io.certwright.api.model.Challenge;
import io.certwright.api.model.Order;
import io.certwright.api.model.States;
import io.certwright.core.ControllerOptions;
import io.certwright.core.cluster.ResourceKind;
import io.certwright.kubernetes.AcmeSettings;
import io.certwright.kubernetes.KubernetesCluster;
import io.certwright.kubernetes.KubernetesClusterOptions;
import io.certwright.kubernetes.KubernetesRuntime;
import io.certwright.kubernetes.KubernetesRuntimeSettings;
import io.certwright.kubernetes.LeaderElectionSettings;
import io.certwright.pki.Pem;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * ACME issuance over DNS-01 with the RFC 2136 provider in the Kubernetes runtime, against a real kube-apiserver,
 * BIND and Pebble, all on loopback: a wildcard and its apex in one Certificate. The TSIG key is a Secret in the
 * cluster resource namespace, as ClusterIssuers read it. BIND listens on a high port, so the propagation check
 * queries it as the only recursive nameserver. Skipped when the peers are not built or Pebble or BIND is missing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AcmeDns01KubernetesIT {
    private static final String NAMESPACE = "dns-demo";
    private static final Duration TIMEOUT = Duration.ofSeconds(180);

    @TempDir
    static Path work;

    private ClusterPeers peers;
    private BindServer bind;
    private PebbleServer pebble;
    private KubernetesClient client;
    private KubernetesRuntime runtime;
    private KubernetesCluster observer;

    @BeforeAll
    void startPeersBindPebbleAndController() throws Exception {
        boolean installed = PebbleServer.installed() && BindServer.installed();
        if (!installed) {
            // JUnit reports an aborted @BeforeAll as zero tests, so print the reason in the test output too.
            System.err.println("AcmeDns01KubernetesIT skipped: " + PebbleServer.SKIP_MESSAGE + "; "
                    + BindServer.SKIP_MESSAGE);
        }
        assumeTrue(installed, PebbleServer.SKIP_MESSAGE + "; " + BindServer.SKIP_MESSAGE);
        peers = ClusterPeers.start();
        peers.kubectl("apply", "-f", peers.root().resolve("deploy/crds").toString());
        peers.kubectl("wait", "--for=condition=Established", "--timeout=60s", "crd", "--all");
        peers.kubectl("create", "namespace", "cert-manager");
        peers.kubectl("create", "namespace", NAMESPACE);

        bind = BindServer.start(work.resolve("bind"));
        pebble = PebbleServer.start(work.resolve("pebble"), Map.of(), bind.address());

        client = new KubernetesClientBuilder()
                .withConfig(Config.fromKubeconfig(Files.readString(peers.kubeconfig()))).build();
        Dns01Options dns01 = Dns01Options.defaults()
                .withRecursiveNameservers(List.of(bind.address()))
                .withRecursiveNameserversOnly(true)
                .withPropagationWait(Duration.ofSeconds(1));
        KubernetesRuntimeSettings settings = KubernetesRuntimeSettings.defaults()
                .withControllerOptions(ControllerOptions.defaults().withClusterResourceNamespace("cert-manager"))
                .withLeaderElection(LeaderElectionSettings.defaults().withEnabled(false))
                .withListenAddresses("127.0.0.1:0", "127.0.0.1:0")
                .withAcme(AcmeSettings.defaults().withDns01(dns01).withCheckRetryPeriod(Duration.ofSeconds(1)));
        runtime = KubernetesRuntime.start(settings, client, client);
        observer = new KubernetesCluster(client, Clock.systemUTC(), KubernetesClusterOptions.defaults());
        observer.start();
    }

    @AfterAll
    void stopEverything() throws Exception {
        if (observer != null) {
            observer.close();
        }
        if (runtime != null) {
            runtime.close();
        }
        if (client != null) {
            client.close();
        }
        if (pebble != null) {
            pebble.close();
        }
        if (bind != null) {
            bind.close();
        }
        if (peers != null) {
            peers.close();
        }
    }

    @Test
    void wildcardAndApexIssuedThroughRfc2136() throws Exception {
        apply("""
                apiVersion: v1
                kind: Secret
                metadata: {name: bind-tsig, namespace: cert-manager}
                data: {secret: %s}
                ---
                apiVersion: cert-manager.io/v1
                kind: ClusterIssuer
                metadata: {name: pebble-dns}
                spec:
                  acme:
                    server: %s
                    caBundle: %s
                    privateKeySecretRef: {name: pebble-dns-account}
                    solvers:
                    - dns01:
                        rfc2136:
                          nameserver: "%s"
                          tsigKeyName: %s
                          tsigAlgorithm: %s
                          tsigSecretSecretRef: {name: bind-tsig, key: secret}
                ---
                apiVersion: cert-manager.io/v1
                kind: Certificate
                metadata: {name: wildcard, namespace: %s}
                spec:
                  secretName: wildcard-tls
                  dnsNames: [example.test, "*.example.test"]
                  issuerRef: {name: pebble-dns, kind: ClusterIssuer}
                """.formatted(bind.tsigSecretData(), pebble.directoryUrl(), pebble.caBundle(), bind.address(),
                bind.tsigKeyName(), bind.tsigAlgorithm(), NAMESPACE));

        // Ready can be written from the new Secret a moment before the revision is, as cert-manager orders the writes.
        Certificate certificate = await("Certificate wildcard Ready at a revision", () -> observer
                .get(ResourceKind.CERTIFICATE, NAMESPACE, "wildcard")
                .filter(found -> ready(found) && found.getStatus().getRevision() != null));
        assertThat(certificate.getStatus().getRevision()).isEqualTo(1);

        Secret secret = client.secrets().inNamespace(NAMESPACE).withName("wildcard-tls").get();
        assertThat(secret.getData()).doesNotContainKey("ca.crt");
        List<X509Certificate> chain = Pem.parseCertificates(Base64.getDecoder().decode(secret.getData().get("tls.crt")));
        assertThat(chain).hasSize(2);
        List<String> dnsNames = new ArrayList<>();
        for (List<?> san : chain.get(0).getSubjectAlternativeNames()) {
            dnsNames.add(String.valueOf(san.get(1)));
        }
        assertThat(dnsNames).containsExactlyInAnyOrder("example.test", "*.example.test");
        chain.get(0).verify(chain.get(1).getPublicKey());
        chain.get(1).verify(pebble.root().getPublicKey());

        Order order = await("Order valid", () -> one(observer.list(ResourceKind.ORDER, NAMESPACE))
                .filter(found -> States.VALID.equals(found.getStatus() == null ? null : found.getStatus().getState())));
        assertThat(order.getSpec().getDnsNames()).containsExactlyInAnyOrder("example.test", "*.example.test");
        await("every Challenge cleaned up", () -> observer.list(ResourceKind.CHALLENGE, NAMESPACE).isEmpty()
                ? Optional.of(true) : Optional.<Boolean>empty());
        await("no TXT record left in BIND", () -> {
            try {
                return bind.txtValues("_acme-challenge.example.test.").isEmpty() ? Optional.of(true)
                        : Optional.<Boolean>empty();
            } catch (java.io.IOException e) {
                throw new IllegalStateException("querying BIND failed: " + e.getMessage(), e);
            }
        });
    }

    private void apply(String manifest) throws Exception {
        Path file = work.resolve("manifest.yaml");
        Files.writeString(file, manifest);
        peers.kubectl("apply", "-f", file.toString());
    }

    private <T> T await(String what, Supplier<Optional<T>> probe) throws Exception {
        return AcmeClusterProbes.await(what, TIMEOUT, observer, probe, () -> "");
    }
}
