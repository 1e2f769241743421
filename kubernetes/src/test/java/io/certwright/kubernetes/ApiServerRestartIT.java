package io.certwright.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * kube-apiserver stops while Certificates are being issued and starts again over the same etcd. The
 * runtime keeps its Lease, because the renew deadline outlasts the outage, its informers reconnect, and
 * every Certificate ends Ready, including one created after the restart.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApiServerRestartIT {
    private static final int EXTRA_CERTIFICATES = 10;
    private static final int DOWN_SECONDS = 5;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    // The renew deadline outlasts the outage plus the restart, so leadership survives it.
    private static final LeaderElectionSettings ELECTION = LeaderElectionSettings.defaults()
            .withIdentity("restart-it")
            .withTimings(Duration.ofSeconds(120), Duration.ofSeconds(90), Duration.ofSeconds(2));

    private PeerCluster peers;
    private KubernetesRuntime runtime;
    private KubernetesCluster observer;
    private Set<String> expected;
    private int readyWhenStopped;

    @BeforeAll
    void issueAcrossRestart() throws Exception {
        peers = PeerCluster.start();
        runtime = peers.startRuntime(ELECTION);
        observer = peers.startObserver();
        PeerCluster.await("the runtime leads", Duration.ofSeconds(60), runtime::controllersRunning);

        expected = new HashSet<>(PeerCluster.QUICKSTART_CERTIFICATES);
        StringBuilder extra = new StringBuilder();
        for (int index = 0; index < EXTRA_CERTIFICATES; index++) {
            extra.append(certificateYaml("extra-" + index));
            expected.add("demo/extra-" + index);
        }
        Path extraFile = peers.temporary().resolve("extra-certificates.yaml");
        Files.writeString(extraFile, extra, StandardCharsets.UTF_8);
        peers.kubectlOrFail("apply", "-f", peers.root().resolve("examples/quickstart").toString());
        peers.kubectlOrFail("apply", "-f", extraFile.toString());

        readyWhenStopped = PeerCluster.readyCertificates(observer).size();
        long restarting = System.nanoTime();
        PeerCluster.Result restarted = peers.peerScript("restart-apiserver", String.valueOf(DOWN_SECONDS));
        assertThat(restarted.exitCode()).as(restarted.output()).isZero();
        long apiServerReady = System.nanoTime();
        PeerCluster.await("every Certificate is Ready after the restart", READY_TIMEOUT,
                () -> PeerCluster.readyCertificates(observer).containsAll(expected));
        long allReady = System.nanoTime();
        System.out.printf("ApiServerRestartIT: %d of %d Certificates Ready when kube-apiserver stopped; restart took"
                        + " %d ms (%d s down); all Ready %d ms after the API server was ready again%n",
                readyWhenStopped, expected.size(), (apiServerReady - restarting) / 1_000_000, DOWN_SECONDS,
                (allReady - apiServerReady) / 1_000_000);
    }

    @AfterAll
    void stopEverything() throws Exception {
        if (peers != null) {
            peers.close();
        }
    }

    @Test
    @Order(1)
    void restartInterruptedIssuance() {
        assertThat(readyWhenStopped).isLessThan(expected.size());
    }

    @Test
    @Order(2)
    void everyCertificateEndsReady() {
        assertThat(PeerCluster.readyCertificates(observer)).containsAll(expected);
    }

    @Test
    @Order(3)
    void runtimeKeepsLeadership() {
        assertThat(runtime.isLeading()).isTrue();
    }

    @Test
    @Order(4)
    void runtimeKeepsRunning() {
        assertThat(runtime.termination()).isNotDone();
    }

    @Test
    @Order(5)
    void certificateCreatedAfterRestartIsIssued() throws Exception {
        Path file = peers.temporary().resolve("after-restart.yaml");
        Files.writeString(file, certificateYaml("after-restart"), StandardCharsets.UTF_8);
        long applying = System.nanoTime();

        peers.kubectlOrFail("apply", "-f", file.toString());
        PeerCluster.await("after-restart is Ready", Duration.ofSeconds(60),
                () -> PeerCluster.readyCertificates(observer).contains("demo/after-restart"));

        System.out.printf("ApiServerRestartIT: Certificate created after the restart Ready in %d ms%n",
                (System.nanoTime() - applying) / 1_000_000);
        assertThat(PeerCluster.readyCertificates(observer)).contains("demo/after-restart");
    }

    private static String certificateYaml(String name) {
        return """
                ---
                apiVersion: cert-manager.io/v1
                kind: Certificate
                metadata:
                  name: %s
                  namespace: demo
                spec:
                  secretName: %s-tls
                  dnsNames:
                    - %s.demo.example
                  privateKey:
                    algorithm: ECDSA
                    size: 256
                  issuerRef:
                    kind: ClusterIssuer
                    name: quickstart-ca
                """.formatted(name, name, name);
    }
}
