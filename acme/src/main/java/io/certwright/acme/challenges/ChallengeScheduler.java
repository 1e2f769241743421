package io.certwright.acme.challenges;

import io.certwright.api.model.Challenge;
import io.certwright.api.model.ChallengeStatus;
import io.certwright.api.model.States;
import io.certwright.core.cluster.Cluster;
import io.certwright.core.cluster.ClusterException;
import io.certwright.core.cluster.ResourceKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides which Challenges may run, by setting {@code status.processing=true}. It never runs two
 * Challenges for the same (dnsName, type) at once, because their responses would overwrite each
 * other: an apex and its wildcard share one DNS-01 TXT record. The oldest goes first. At most
 * {@code maxConcurrent} run at once, and at most {@link #BATCH} start per pass.
 */
public final class ChallengeScheduler {
    /** Challenges started per pass, as cert-manager's scheduler starts them. */
    public static final int BATCH = 20;

    /** The default of cert-manager's --max-concurrent-challenges. */
    public static final int DEFAULT_MAX_CONCURRENT = 60;

    private static final Logger log = LoggerFactory.getLogger(ChallengeScheduler.class);

    private final Cluster cluster;
    private final int maxConcurrent;

    public ChallengeScheduler(Cluster cluster, int maxConcurrent) {
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("maxConcurrent must be at least 1, got " + maxConcurrent);
        }
        this.maxConcurrent = maxConcurrent;
    }

    /** Returns the Challenges that should start now, oldest first, without changing anything. */
    public List<Challenge> select(List<Challenge> listed) {
        List<Challenge> all = schedulable(listed);
        List<Challenge> processing = all.stream().filter(ChallengeScheduler::isProcessing).toList();
        Set<String> busy = new HashSet<>();
        processing.forEach(c -> busy.add(dedupKey(c)));

        List<Challenge> candidates = new ArrayList<>(all.stream()
                .filter(c -> !isProcessing(c) && !States.isFinal(state(c)))
                .toList());
        candidates.sort(Comparator.comparing((Challenge c) -> nullToEmpty(c.getMetadata().getCreationTimestamp()))
                .thenComparing(c -> c.getMetadata().getName()));

        int room = Math.min(BATCH, maxConcurrent - processing.size());
        List<Challenge> selected = new ArrayList<>();
        for (Challenge candidate : candidates) {
            if (selected.size() >= room) {
                break;
            }
            if (busy.add(dedupKey(candidate))) {
                selected.add(candidate);
            }
        }
        return selected;
    }

    /** Runs one pass: marks the selected Challenges as processing. */
    public void schedule() {
        for (Challenge challenge : select(cluster.list(ResourceKind.CHALLENGE, null))) {
            if (challenge.getStatus() == null) {
                challenge.setStatus(new ChallengeStatus());
            }
            challenge.getStatus().setProcessing(true);
            try {
                cluster.updateStatus(ResourceKind.CHALLENGE, challenge);
            } catch (ClusterException.Conflict | ClusterException.NotFound e) {
                log.atDebug().addKeyValue("challenge", challenge.getMetadata().getName())
                        .log("not scheduled, changed meanwhile: {}", e.getMessage());
            }
        }
    }

    /**
     * Returns the Challenges that name a DNS name and a type, skipping the others with a warning: one damaged
     * object, such as a truncated state file, must not stop the scheduling of every other Challenge.
     */
    private static List<Challenge> schedulable(List<Challenge> listed) {
        List<Challenge> schedulable = new ArrayList<>(listed.size());
        for (Challenge challenge : listed) {
            if (challenge.getSpec() == null || challenge.getSpec().getDnsName() == null
                    || challenge.getSpec().getType() == null) {
                log.atWarn().addKeyValue("challenge", challenge.getMetadata().getNamespace() + "/"
                        + challenge.getMetadata().getName())
                        .log("Challenge skipped: spec.dnsName or spec.type is missing; delete the Challenge so that"
                                + " its Order creates it again");
                continue;
            }
            schedulable.add(challenge);
        }
        return schedulable;
    }

    private static boolean isProcessing(Challenge challenge) {
        return challenge.getStatus() != null && Boolean.TRUE.equals(challenge.getStatus().getProcessing());
    }

    private static String state(Challenge challenge) {
        return challenge.getStatus() == null ? null : challenge.getStatus().getState();
    }

    private static String dedupKey(Challenge challenge) {
        return challenge.getSpec().getDnsName() + "\n" + challenge.getSpec().getType();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
