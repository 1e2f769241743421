package io.certwright.bench;

import io.certwright.core.time.AdvancingClock;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The renewal storm: the runtime's clock jumps past the renewal time of every issued leaf Certificate at
 * once, as when a fleet issued in one burst comes due together. The run lasts until every one of them is
 * Ready with a new revision.
 *
 * <p>A Certificate misses its renewal when the new revision arrives after the old certificate's
 * {@code notAfter}, on the runtime's clock. The jump lands one second after the latest renewal time, so
 * every Certificate is due at the jump and its renewal latency is counted from the jump.
 */
final class RenewalStorm {
    /** How far past the latest renewal time the clock jumps, so that rounding cannot leave one not yet due. */
    private static final Duration PAST_RENEWAL = Duration.ofSeconds(1);

    private final KubernetesClient admin;
    private final AdvancingClock clock;

    RenewalStorm(KubernetesClient admin, AdvancingClock clock) {
        this.admin = admin;
        this.clock = clock;
    }

    /** The Certificates of the storm, read before the jump. */
    record Due(Map<String, Instant> notAfter, Instant latestRenewal, long revision) {
        int size() {
            return notAfter.size();
        }
    }

    /**
     * Reads every leaf Certificate's renewal time, notAfter and revision.
     *
     * @throws IllegalStateException when a leaf is not issued yet or the leaves are at different revisions,
     *     because then a single jump does not make them all due for the same renewal
     */
    Due read() {
        Map<String, Instant> notAfter = new HashMap<>();
        Instant latestRenewal = Instant.MIN;
        Long revision = null;
        for (GenericKubernetesResource certificate : admin.genericKubernetesResources(BenchObjects.CERTIFICATES)
                .inAnyNamespace().withLabel(BenchObjects.LEAF_LABEL).list().getItems()) {
            String key = CertificateReadyWatch.keyOf(certificate);
            Instant renewal = BenchObjects.statusTime(certificate, "renewalTime");
            Instant expiry = BenchObjects.statusTime(certificate, "notAfter");
            if (renewal == null || expiry == null) {
                throw new IllegalStateException("Certificate " + key + " has no status.renewalTime or status.notAfter;"
                        + " the storm needs every leaf issued first");
            }
            long current = BenchObjects.revision(certificate);
            if (revision != null && revision != current) {
                throw new IllegalStateException("Certificate " + key + " is at revision " + current + " but others are at "
                        + revision + "; the storm needs every leaf at the same revision");
            }
            revision = current;
            notAfter.put(key, expiry);
            latestRenewal = latestRenewal.isAfter(renewal) ? latestRenewal : renewal;
        }
        if (revision == null) {
            throw new IllegalStateException("no leaf Certificate found for the renewal storm");
        }
        return new Due(notAfter, latestRenewal, revision);
    }

    /**
     * Moves the runtime's clock past {@code due.latestRenewal()} and returns the {@link System#nanoTime()} of
     * the jump, with the clock reading it jumped to.
     */
    Jump jump(Due due) {
        Instant target = due.latestRenewal().plus(PAST_RENEWAL);
        long nanos = System.nanoTime();
        clock.jumpTo(target);
        return new Jump(target, nanos);
    }

    /** The clock reading right after the jump, and the {@link System#nanoTime()} at which it happened. */
    record Jump(Instant clockReading, long nanos) {
        /** Returns what the runtime's clock read at {@code laterNanos}. */
        Instant clockAt(long laterNanos) {
            return clockReading.plusNanos(laterNanos - nanos);
        }
    }

    /** Renewal latencies from the jump, and the Certificates renewed after their old certificate expired. */
    record Outcome(List<Long> latencyNanos, long lastRenewedNanos, int missed) {
    }

    /**
     * Collects each Certificate's renewal latency from the {@link System#nanoTime()} at which it was seen
     * renewed, as {@link CertificateReadyWatch#readyNanos} returns it.
     *
     * @throws IllegalStateException when a Certificate was not seen renewed
     */
    static Outcome outcome(Due due, Jump jump, Function<String, Long> renewedNanos) {
        List<Long> latencies = new ArrayList<>(due.size());
        long last = jump.nanos();
        int missed = 0;
        for (Map.Entry<String, Instant> certificate : due.notAfter().entrySet()) {
            Long renewed = renewedNanos.apply(certificate.getKey());
            if (renewed == null) {
                throw new IllegalStateException("Certificate " + certificate.getKey() + " was not renewed");
            }
            latencies.add(Math.max(0, renewed - jump.nanos()));
            last = Math.max(last, renewed);
            if (jump.clockAt(renewed).isAfter(certificate.getValue())) {
                missed++;
            }
        }
        return new Outcome(latencies, last, missed);
    }

    static String describe(Due due, Jump jump) {
        return String.format(Locale.ROOT, "renewal storm: %d Certificates at revision %d; clock jumped to %s,"
                + " past the latest renewal time %s", due.size(), due.revision(), jump.clockReading(), due.latestRenewal());
    }
}
