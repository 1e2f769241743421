package io.certwright.acme.challenges;

import static org.assertj.core.api.Assertions.assertThat;

import io.certwright.acme.testing.AcmeFixtures;
import io.certwright.acme.testing.KindStore;
import io.certwright.api.model.Challenge;
import io.certwright.api.model.ChallengeSpec;
import io.certwright.api.model.ChallengeStatus;
import io.certwright.api.model.States;
import io.certwright.core.cluster.InMemoryCluster;
import io.certwright.core.cluster.ResourceKind;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChallengeSchedulerTest {
    private final InMemoryCluster cluster = new InMemoryCluster(Clock.fixed(AcmeFixtures.NOW, ZoneOffset.UTC));
    private final KindStore<Challenge> store = new KindStore<>(cluster, ResourceKind.CHALLENGE);

    @Test
    void apexAndWildcardNeverRunTogether() {
        List<Challenge> all = List.of(
                challenge("apex", "2026-01-01T00:00:01Z", "example.com", false, null),
                challenge("wildcard", "2026-01-01T00:00:02Z", "example.com", true, null));

        assertThat(new ChallengeScheduler(cluster, 60).select(all)).extracting(c -> c.getMetadata().getName())
                .containsExactly("apex");
    }

    @Test
    void secondStartsAfterFirstIsFinal() {
        Challenge apex = challenge("apex", "2026-01-01T00:00:01Z", "example.com", false, null);
        apex.setStatus(new ChallengeStatus().withProcessing(false).withState(States.VALID));
        List<Challenge> all = List.of(apex, challenge("wildcard", "2026-01-01T00:00:02Z", "example.com", true, null));

        assertThat(new ChallengeScheduler(cluster, 60).select(all)).extracting(c -> c.getMetadata().getName())
                .containsExactly("wildcard");
    }

    @Test
    void nameAlreadyProcessingIsSkipped() {
        Challenge running = challenge("running", "2026-01-01T00:00:05Z", "example.com", false, null);
        running.setStatus(new ChallengeStatus().withProcessing(true));
        List<Challenge> all = List.of(running, challenge("older", "2026-01-01T00:00:01Z", "example.com", true, null));

        assertThat(new ChallengeScheduler(cluster, 60).select(all)).isEmpty();
    }

    @Test
    void maxConcurrentLimitsNewStarts() {
        List<Challenge> all = new ArrayList<>();
        Challenge running = challenge("running", "2026-01-01T00:00:00Z", "a.example.com", false, null);
        running.setStatus(new ChallengeStatus().withProcessing(true));
        all.add(running);
        for (int i = 0; i < 5; i++) {
            all.add(challenge("c" + i, "2026-01-01T00:00:0" + (i + 1) + "Z", "n" + i + ".example.com", false, null));
        }

        assertThat(new ChallengeScheduler(cluster, 3).select(all)).extracting(c -> c.getMetadata().getName())
                .containsExactly("c0", "c1");
    }

    @Test
    void batchIsTwentyPerPass() {
        List<Challenge> all = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            all.add(challenge(String.format("c%02d", i), "2026-01-01T00:00:00Z", "n" + i + ".example.com", false, null));
        }

        assertThat(new ChallengeScheduler(cluster, 60).select(all)).hasSize(ChallengeScheduler.BATCH);
    }

    @Test
    void schedulePassMarksProcessing() {
        store.create(challenge("apex", "2026-01-01T00:00:01Z", "example.com", false, null));
        store.create(challenge("wildcard", "2026-01-01T00:00:01Z", "example.com", true, null));

        new ChallengeScheduler(cluster, 60).schedule();

        assertThat(store.list("demo")).filteredOn(c -> c.getStatus() != null && c.getStatus().getProcessing())
                .hasSize(1);
    }

    @Test
    void challengeWithoutSpecDoesNotBlockOthers() {
        Challenge damaged = challenge("damaged", "2026-01-01T00:00:00Z", "example.com", false, null);
        damaged.setSpec(null);
        Challenge healthy = challenge("healthy", "2026-01-01T00:00:01Z", "other.example.com", false, null);

        List<Challenge> selected = new ChallengeScheduler(cluster, 60).select(List.of(damaged, healthy));

        assertThat(selected).extracting(c -> c.getMetadata().getName()).containsExactly("healthy");
    }

    private static Challenge challenge(String name, String created, String dnsName, boolean wildcard, String state) {
        Challenge challenge = new Challenge();
        ObjectMeta metadata = new ObjectMeta();
        metadata.setName(name);
        metadata.setNamespace("demo");
        metadata.setCreationTimestamp(created);
        challenge.setMetadata(metadata);
        challenge.setSpec(new ChallengeSpec().withDnsName(dnsName).withWildcard(wildcard).withType("DNS-01"));
        if (state != null) {
            challenge.setStatus(new ChallengeStatus().withState(state));
        }
        return challenge;
    }
}
