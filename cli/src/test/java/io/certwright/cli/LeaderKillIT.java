package io.certwright.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.certwright.api.Annotations;
import io.certwright.api.Conditions;
import io.certwright.api.model.Certificate;
import io.certwright.core.cluster.ResourceKind;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Fail-over after the leader dies without releasing the Lease: two {@code certwright controller} processes
 * from the shaded jar run against a real kube-apiserver, the test SIGKILLs the one that holds the Lease while
 * Certificates are being created and edited, and the standby must take over once the Lease expires, finish
 * every issuance, and never create two CertificateRequests for one revision.
 *
 * <p>Runs in the cli module's failsafe phase because it needs {@code cli/target/certwright.jar}, which the
 * {@code package} phase builds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeaderKillIT {
    private static final Duration LEASE_DURATION = Duration.ofSeconds(15);
    private static final Duration RENEW_DEADLINE = Duration.ofSeconds(10);
    private static final Duration RETRY_PERIOD = Duration.ofSeconds(2);
    /**
     * Slack on top of lease duration + retry period. The standby starts the lease clock when it first reads the
     * leader's last renewal, up to one jittered retry period (2.4 s) after the renewal, and then acquires at its
     * next jittered retry. API round trips add the rest.
     */
    private static final Duration TAKEOVER_MARGIN = Duration.ofSeconds(5);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final String NAMESPACE = "demo";
    private static final String LEASE_NAMESPACE = "cert-manager";
    private static final String LEASE_NAME = "cert-manager-controller";
    private static final Pattern IDENTITY_LINE = Pattern.compile(
            "waiting to acquire the Lease " + LEASE_NAMESPACE + "/" + LEASE_NAME + " as (\\S+)");

    private static final String ISSUERS_AND_CERTIFICATES = """
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
              name: root-ca
              namespace: demo
            spec:
              secretName: root-ca-tls
              commonName: Demo Root CA
              isCA: true
              privateKey:
                algorithm: ECDSA
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
            ---
            apiVersion: cert-manager.io/v1
            kind: Certificate
            metadata:
              name: web
              namespace: demo
            spec:
              secretName: web-tls
              dnsNames: [web.demo.example]
              privateKey:
                algorithm: ECDSA
              issuerRef:
                name: ca
            ---
            apiVersion: cert-manager.io/v1
            kind: Certificate
            metadata:
              name: api
              namespace: demo
            spec:
              secretName: api-tls
              dnsNames: [api.demo.example]
              privateKey:
                algorithm: ECDSA
              issuerRef:
                name: ca
            """;

    private static final String CREATED_AROUND_KILL = """
            apiVersion: cert-manager.io/v1
            kind: Certificate
            metadata:
              name: late
              namespace: demo
            spec:
              secretName: late-tls
              dnsNames: [late.demo.example]
              privateKey:
                algorithm: ECDSA
              issuerRef:
                name: ca
            """;

    private Path jar;
    private ClusterPeers peers;
    private KubernetesClient admin;
    private ApiObjects objects;
    private Path work;
    private Watch requestWatch;
    /** Every CertificateRequest the API server reported as added, by uid, as {@code certificate#revision}. */
    private final Map<String, String> createdRequests = new ConcurrentHashMap<>();
    private final List<Replica> replicas = new ArrayList<>();

    @BeforeAll
    void startCluster() throws Exception {
        Path root = Path.of(System.getProperty("certwright.repository.root", "..")).toAbsolutePath().normalize();
        jar = root.resolve("cli/target/certwright.jar");
        Assumptions.assumeTrue(Files.isRegularFile(jar),
                jar + " is missing; run this test through failsafe (mvn -pl cli verify), which packages it first");
        peers = ClusterPeers.start();
        work = Files.createTempDirectory("certwright-leader-kill");
        peers.kubectl("apply", "-f", peers.root().resolve("deploy/crds").toString());
        peers.kubectl("wait", "--for=condition=Established", "--timeout=60s", "crd", "--all");
        peers.kubectl("create", "namespace", LEASE_NAMESPACE);
        peers.kubectl("create", "namespace", NAMESPACE);
        admin = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(peers.kubeconfig().toFile())).build();
        objects = new ApiObjects(admin);
        // The revision manager deletes superseded CertificateRequests, so duplicates are counted as they appear.
        requestWatch = admin.genericKubernetesResources("cert-manager.io/v1", "CertificateRequest")
                .inNamespace(NAMESPACE)
                .watch(new Watcher<>() {
                    @Override
                    public void eventReceived(Action action, GenericKubernetesResource request) {
                        if (action == Action.ADDED) {
                            createdRequests.put(request.getMetadata().getUid(), owner(request) + "#"
                                    + request.getMetadata().getAnnotations().get(Annotations.CERTIFICATE_REVISION));
                        }
                    }

                    @Override
                    public void onClose(WatcherException cause) {
                        System.out.println("LeaderKillIT: CertificateRequest watch closed: " + cause);
                    }
                });
    }

    @AfterAll
    void stopEverything() throws Exception {
        for (Replica replica : replicas) {
            replica.process().destroyForcibly();
            replica.process().waitFor(30, TimeUnit.SECONDS);
            System.out.println("LeaderKillIT: log of " + replica.name() + ":\n" + Files.readString(replica.log()));
        }
        if (requestWatch != null) {
            requestWatch.close();
        }
        if (admin != null) {
            admin.close();
        }
        if (peers != null) {
            peers.close();
        }
        if (work != null) {
            try (Stream<Path> paths = Files.walk(work)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    @Test
    void standbyTakesOverAfterLeaderIsKilled() throws Exception {
        Replica first = startReplica("replica-a");
        Replica second = startReplica("replica-b");
        peers.kubectl("apply", "-f", Files.writeString(work.resolve("initial.yaml"), ISSUERS_AND_CERTIFICATES)
                .toString());
        await("the first Certificates are Ready", READY_TIMEOUT,
                () -> ready("root-ca") && ready("web") && ready("api"));

        String holder = leaseHolder().orElseThrow();
        Replica leader = holder.equals(first.identity()) ? first : second;
        Replica standby = leader == first ? second : first;
        assertThat(holder).isEqualTo(leader.identity());
        assertThat(standby.identity()).isNotEqualTo(leader.identity());

        peers.kubectl("patch", "certificate", "web", "-n", NAMESPACE, "--type=merge", "-p",
                "{\"spec\":{\"dnsNames\":[\"web.demo.example\",\"www.demo.example\"]}}");
        long killed = System.nanoTime();
        leader.process().destroyForcibly();
        assertThat(leader.process().waitFor(10, TimeUnit.SECONDS)).isTrue();
        System.out.println("LeaderKillIT: SIGKILLed leader " + leader.name() + " (" + leader.identity() + ")");
        peers.kubectl("apply", "-f", Files.writeString(work.resolve("late.yaml"), CREATED_AROUND_KILL).toString());
        peers.kubectl("patch", "certificate", "api", "-n", NAMESPACE, "--type=merge", "-p",
                "{\"spec\":{\"dnsNames\":[\"api.demo.example\",\"api2.demo.example\"]}}");

        Duration limit = LEASE_DURATION.plus(RETRY_PERIOD).plus(TAKEOVER_MARGIN);
        await("standby " + standby.name() + " holds the Lease", limit.plusSeconds(30),
                () -> leaseHolder().filter(standby.identity()::equals).isPresent());
        Duration takeover = Duration.ofNanos(System.nanoTime() - killed);
        System.out.println("LeaderKillIT: standby " + standby.name() + " acquired the Lease " + takeover.toMillis()
                + " ms after the leader was killed (lease " + LEASE_DURATION.toSeconds() + " s, retry "
                + RETRY_PERIOD.toSeconds() + " s, limit " + limit.toMillis() + " ms)");
        await("standby runs its controllers", Duration.ofSeconds(30),
                () -> standby.logContains("controllers running"));
        System.out.println("LeaderKillIT: standby controllers running " + Duration.ofNanos(System.nanoTime() - killed)
                .toMillis() + " ms after the kill");

        // Readiness may report Ready from the new Secret a moment before the issuing controller records
        // the revision, so the wait covers both.
        await("every Certificate is Ready at its new spec and revision", READY_TIMEOUT,
                () -> ready("root-ca") && ready("web") && ready("api") && ready("late")
                        && revision("web") >= 2 && revision("api") >= 2 && revision("late") >= 1);

        assertThat(takeover).isLessThan(limit);
        assertThat(standby.process().isAlive()).isTrue();
        assertThat(revision("web")).isEqualTo(2);
        assertThat(revision("api")).isEqualTo(2);
        assertThat(revision("late")).isEqualTo(1);
        Map<String, Long> requestsPerRevision = createdRequests.values().stream()
                .collect(Collectors.groupingBy(revision -> revision, Collectors.counting()));
        System.out.println("LeaderKillIT: CertificateRequests created per revision " + requestsPerRevision);
        assertThat(requestsPerRevision).containsOnlyKeys("root-ca#1", "web#1", "web#2", "api#1", "api#2", "late#1");
        assertThat(requestsPerRevision).allSatisfy((revision, count) -> assertThat(count).as(revision).isEqualTo(1L));
    }

    // ---- helpers ----

    private Replica startReplica(String name) throws IOException, InterruptedException {
        Path log = work.resolve(name + ".log");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "controller",
                "--kubeconfig", peers.kubeconfig().toString(),
                "--cluster-resource-namespace", LEASE_NAMESPACE,
                "--leader-election-namespace", LEASE_NAMESPACE,
                "--leader-election-lease-duration", LEASE_DURATION.toSeconds() + "s",
                "--leader-election-renew-deadline", RENEW_DEADLINE.toSeconds() + "s",
                "--leader-election-retry-period", RETRY_PERIOD.toSeconds() + "s",
                "--metrics-listen-address", "127.0.0.1:0",
                "--internal-healthz-listen-address", "127.0.0.1:0");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        process.getOutputStream().close();
        Replica starting = new Replica(name, process, log, null);
        replicas.add(starting);
        await(name + " logs its Lease identity", Duration.ofSeconds(60),
                () -> starting.identityFromLog().isPresent() || !process.isAlive());
        assertThat(process.isAlive()).as(name + " exited early:\n" + Files.readString(log)).isTrue();
        Replica started = new Replica(name, process, log, starting.identityFromLog().orElseThrow());
        replicas.set(replicas.indexOf(starting), started);
        return started;
    }

    private Optional<String> leaseHolder() {
        Lease lease = admin.leases().inNamespace(LEASE_NAMESPACE).withName(LEASE_NAME).get();
        return Optional.ofNullable(lease).map(found -> found.getSpec().getHolderIdentity());
    }

    private boolean ready(String name) {
        return certificate(name).map(certificate -> certificate.getStatus() != null
                && certificate.getStatus().getConditions() != null
                && certificate.getStatus().getConditions().stream().anyMatch(condition ->
                        Conditions.READY.equals(condition.getType()) && "True".equals(condition.getStatus())
                                && certificate.getMetadata().getGeneration().equals(condition.getObservedGeneration())))
                .orElse(false);
    }

    private int revision(String name) {
        Certificate certificate = certificate(name).orElseThrow();
        Integer revision = certificate.getStatus() == null ? null : certificate.getStatus().getRevision();
        return revision == null ? 0 : revision;
    }

    private Optional<Certificate> certificate(String name) {
        return objects.get(ResourceKind.CERTIFICATE, NAMESPACE, name);
    }

    private static String owner(HasMetadata request) {
        return request.getMetadata().getOwnerReferences() == null ? "<none>"
                : request.getMetadata().getOwnerReferences().stream()
                        .filter(reference -> "Certificate".equals(reference.getKind()))
                        .map(reference -> reference.getName())
                        .findFirst()
                        .orElse("<none>");
    }

    private static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("timed out after " + timeout + " waiting until " + what);
    }

    /** One controller process, its combined stdout and stderr, and the Lease identity it logged. */
    private record Replica(String name, Process process, Path log, String identity) {
        Optional<String> identityFromLog() {
            Matcher matcher = IDENTITY_LINE.matcher(readLog());
            return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
        }

        boolean logContains(String text) {
            return readLog().contains(text);
        }

        private String readLog() {
            try {
                return Files.readString(log, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
