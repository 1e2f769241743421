package io.certwright.cli;

import io.certwright.api.Json;
import io.certwright.api.model.Certificate;
import io.certwright.api.model.CertificateCondition;
import io.certwright.core.cluster.ResourceKind;
import io.certwright.kubernetes.KubernetesCluster;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Waits and reads shared by the ACME integration tests that run against kube-apiserver. */
final class AcmeClusterProbes {
    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);

    private AcmeClusterProbes() {
    }

    /** Returns whether the Certificate's Ready condition is True. */
    static boolean ready(Certificate certificate) {
        if (certificate.getStatus() == null || certificate.getStatus().getConditions() == null) {
            return false;
        }
        for (CertificateCondition condition : certificate.getStatus().getConditions()) {
            if ("Ready".equals(condition.getType())) {
                return "True".equals(condition.getStatus());
            }
        }
        return false;
    }

    /** Returns the only item, or empty when there are none or several. */
    static <T> Optional<T> one(List<T> items) {
        return items.size() == 1 ? Optional.of(items.get(0)) : Optional.empty();
    }

    /**
     * Polls {@code probe} until it returns a value or {@code timeout} passes.
     *
     * @throws AssertionError on timeout, with the Challenges, Orders and Certificates the observer sees and
     *     {@code extraState}
     */
    static <T> T await(String what, Duration timeout, KubernetesCluster observer, Supplier<Optional<T>> probe,
            Supplier<String> extraState) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
        throw new AssertionError("timed out after " + timeout + " waiting for " + what + "; challenges: "
                + Json.yaml().writeValueAsString(observer.list(ResourceKind.CHALLENGE, null)) + "\norders: "
                + Json.yaml().writeValueAsString(observer.list(ResourceKind.ORDER, null)) + "\ncertificates: "
                + Json.yaml().writeValueAsString(observer.list(ResourceKind.CERTIFICATE, null)) + extraState.get());
    }
}
