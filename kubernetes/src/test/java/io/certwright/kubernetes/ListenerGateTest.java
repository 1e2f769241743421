package io.certwright.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.certwright.core.cluster.InMemoryCluster;
import io.certwright.core.cluster.ObjectKey;
import io.certwright.core.cluster.ResourceKind;
import io.certwright.core.controller.ControllerDefinition;
import io.certwright.core.controller.ControllerManager;
import io.certwright.core.controller.RateLimit;
import io.certwright.core.controller.Result;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class ListenerGateTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);
    private final InMemoryCluster cluster = new InMemoryCluster(clock);
    private final ListenerGate gate = new ListenerGate(cluster);
    private final ControllerManager manager = new ControllerManager(gate.view(), clock);
    private final Map<String, Integer> reconciles = new ConcurrentHashMap<>();

    @Test
    void disabledControllerGetsNoKeys() {
        register("enabled");
        register("disabled");
        gate.attach(manager.controllerNames(), List.of("enabled"));

        cluster.create(ResourceKind.CERTIFICATE, TestObjects.certificate("demo", "web"));
        manager.runUntilIdle();

        assertThat(reconciles).containsOnlyKeys("enabled");
    }

    @Test
    void replayQueuesEveryCachedObjectAgain() {
        register("enabled");
        gate.attach(manager.controllerNames(), List.of("enabled"));
        cluster.create(ResourceKind.CERTIFICATE, TestObjects.certificate("demo", "web"));
        manager.runUntilIdle();

        gate.replayAll();
        manager.runUntilIdle();

        assertThat(reconciles).containsEntry("enabled", 2);
    }

    @Test
    void viewForwardsReadsToCluster() {
        cluster.create(ResourceKind.CERTIFICATE, TestObjects.certificate("demo", "web"));

        assertThat(gate.view().get(ResourceKind.CERTIFICATE, "demo", "web")).isPresent();
    }

    @Test
    void listenerCountMismatchIsRejected() {
        register("enabled");

        assertThatThrownBy(() -> gate.attach(List.of("enabled", "other"), List.of("enabled")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("1 change listeners for 2 controllers");
    }

    private void register(String name) {
        manager.register(new ControllerDefinition(name, key -> {
            reconciles.merge(name, 1, Integer::sum);
            return Result.done();
        }, RateLimit.CERTIFICATES, (kind, object) -> kind == ResourceKind.CERTIFICATE
                ? List.of(ObjectKey.of(object)) : List.of()));
    }
}
