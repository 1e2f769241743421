package io.certwright.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.certwright.api.Annotations;
import io.certwright.api.model.Certificate;
import io.certwright.api.model.CertificateRequest;
import io.certwright.core.cluster.ObjectKey;
import io.certwright.core.cluster.ResourceKind;
import io.certwright.pki.Pem;
import io.certwright.pki.PrivateKeys;
import io.fabric8.kubernetes.api.model.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a runtime in a child JVM with SIGKILL at random moments while it issues and re-issues
 * the quickstart, then checks that the state directory is consistent after each kill.
 */
class CrashRecoveryTest {
    private static final int ROUNDS = 6;

    @TempDir
    Path work;

    @Test
    void sigkillNeverLeavesMismatchedSecretOrDuplicateRequest() throws Exception {
        Path directory = Fixtures.copyQuickstart(work.resolve("quickstart"));
        StateLayout layout = StateLayout.resolve(directory, null);
        long seed = System.nanoTime();
        Random random = new Random(seed);
        int roundsThatWorked = 0;

        for (int round = 0; round < ROUNDS; round++) {
            if (round > 0) {
                requestRenewalOfAll(layout);
            }
            Path log = work.resolve("child-" + round + ".log");
            Process child = startRuntime(directory, log);
            awaitStarted(child, log);
            long delay = 200 + random.nextInt(4000);
            Thread.sleep(delay);
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();

            assertConsistent(layout, "seed " + seed + ", round " + round + ", killed after " + delay + " ms");
            String output = Files.readString(log);
            if (output.contains("created certificate request") || output.contains("certificate issued")) {
                roundsThatWorked++;
            }
        }
        // Without issuance inside the child runs, the kills would have tested nothing.
        assertThat(roundsThatWorked).as("rounds whose runtime requested or issued a certificate before it was killed").isGreaterThanOrEqualTo(2);

        try (LocalRuntime runtime = LocalRuntime.open(LocalRuntime.Settings.of(directory))) {
            List<CertificateReadiness> readiness = runtime.runOnce();
            assertThat(readiness).as("seed " + seed).allMatch(CertificateReadiness::ready);
        }
        assertConsistent(layout, "seed " + seed + ", after recovery");
    }

    /** Waits until the child has loaded its state and started its controllers; JVM start-up takes seconds. */
    private static void awaitStarted(Process child, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.readString(log).contains(RuntimeProcess.STARTED)) {
            assertThat(child.isAlive()).as("runtime process alive; its output: " + Files.readString(log)).isTrue();
            assertThat(System.nanoTime()).as("runtime process started within 60 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static void requestRenewalOfAll(StateLayout layout) {
        StoredState stored = new StoredState(layout);
        RenewalRequests requests = new RenewalRequests(layout);
        for (Certificate certificate : stored.list(ResourceKind.CERTIFICATE, null)) {
            requests.submit(ObjectKey.of(certificate));
        }
    }

    private static Process startRuntime(Path directory, Path log) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                RuntimeProcess.class.getName(), directory.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    private static void assertConsistent(StateLayout layout, String context) throws Exception {
        StoredState stored = new StoredState(layout);
        for (Secret secret : new SecretFiles(layout).readAllAndCleanUp()) {
            String key = secret.getData().get("tls.key");
            String certificate = secret.getData().get("tls.crt");
            if (key == null || certificate == null || certificate.isEmpty()) {
                continue;
            }
            PrivateKey privateKey = PrivateKeys.parsePem(Base64.getDecoder().decode(key));
            List<X509Certificate> chain = Pem.parseCertificates(Base64.getDecoder().decode(certificate));
            assertThat(PrivateKeys.publicKeysEqual(PrivateKeys.publicKeyOf(privateKey), chain.get(0).getPublicKey()))
                    .as(context + ": key of Secret " + secret.getMetadata().getName() + " matches its certificate")
                    .isTrue();
        }
        for (Certificate certificate : stored.list(ResourceKind.CERTIFICATE, null)) {
            Set<String> revisions = new HashSet<>();
            for (CertificateRequest request : stored.requestsOwnedBy(certificate)) {
                String revision = request.getMetadata().getAnnotations().get(Annotations.CERTIFICATE_REVISION);
                assertThat(revisions.add(revision))
                        .as(context + ": one CertificateRequest for revision " + revision + " of "
                                + certificate.getMetadata().getName())
                        .isTrue();
            }
        }
    }
}
