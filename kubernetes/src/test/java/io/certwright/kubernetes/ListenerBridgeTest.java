package io.certwright.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.certwright.core.cluster.ChangeListener;
import io.certwright.core.cluster.ResourceKind;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ListenerBridgeTest {
    private final List<String> seen = new ArrayList<>();
    private final ChangeListener recording = (kind, oldObject, newObject) ->
            seen.add(kind.kind() + " " + describe(oldObject) + " -> " + describe(newObject));

    private ListenerBridge<Secret> bridge(ChangeListener... listeners) {
        return new ListenerBridge<>(ResourceKind.SECRET, Function.identity(), List.of(listeners));
    }

    @Test
    void addIsDeliveredAsCreate() {
        bridge(recording).onAdd(secret("7"));

        assertThat(seen).containsExactly("Secret null -> 7");
    }

    @Test
    void updateWithNewResourceVersionIsDelivered() {
        bridge(recording).onUpdate(secret("7"), secret("8"));

        assertThat(seen).containsExactly("Secret 7 -> 8");
    }

    @Test
    void resyncWithSameResourceVersionIsDropped() {
        bridge(recording).onUpdate(secret("7"), secret("7"));

        assertThat(seen).isEmpty();
    }

    @Test
    void deleteIsDeliveredWithOldObject() {
        bridge(recording).onDelete(secret("9"), true);

        assertThat(seen).containsExactly("Secret 9 -> null");
    }

    @Test
    void failingListenerDoesNotStopOthers() {
        ChangeListener failing = (kind, oldObject, newObject) -> {
            throw new IllegalStateException("listener bug");
        };

        bridge(failing, recording).onAdd(secret("7"));

        assertThat(seen).containsExactly("Secret null -> 7");
    }

    @Test
    void convertedObjectIsWhatListenersSee() {
        ListenerBridge<Secret> converting = new ListenerBridge<>(ResourceKind.SECRET,
                secret -> new SecretBuilder(secret).editMetadata().withResourceVersion("copy").endMetadata().build(),
                List.of(recording));

        converting.onAdd(secret("7"));

        assertThat(seen).containsExactly("Secret null -> copy");
    }

    private static Secret secret(String resourceVersion) {
        return new SecretBuilder().withNewMetadata().withNamespace("team-a").withName("web-tls")
                .withResourceVersion(resourceVersion).endMetadata().build();
    }

    private static String describe(HasMetadata object) {
        return object == null ? "null" : object.getMetadata().getResourceVersion();
    }
}
