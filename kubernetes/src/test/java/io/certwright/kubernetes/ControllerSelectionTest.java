package io.certwright.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ControllerSelectionTest {
    private static final List<String> REGISTERED =
            List.of("certificates-trigger", "certificates-issuing", "issuers", "clusterissuers");

    @Test
    void starSelectsEveryRegisteredController() {
        assertThat(ControllerSelection.resolve(List.of("*"), REGISTERED)).isEqualTo(REGISTERED);
    }

    @Test
    void emptyListMeansStar() {
        assertThat(ControllerSelection.resolve(List.of(), REGISTERED)).isEqualTo(REGISTERED);
    }

    @Test
    void onlyDisablingEntriesImplyStar() {
        assertThat(ControllerSelection.resolve(List.of("-issuers"), REGISTERED))
                .containsExactly("certificates-trigger", "certificates-issuing", "clusterissuers");
    }

    @Test
    void namedEntriesSelectOnlyThoseControllers() {
        assertThat(ControllerSelection.resolve(List.of("issuers", "certificates-trigger"), REGISTERED))
                .containsExactly("certificates-trigger", "issuers");
    }

    @Test
    void disablingWinsOverStar() {
        assertThat(ControllerSelection.resolve(List.of("*", "-clusterissuers", "-certificates-issuing"), REGISTERED))
                .containsExactly("certificates-trigger", "issuers");
    }

    @Test
    void unknownNameIsRejectedWithValidNames() {
        assertThatThrownBy(() -> ControllerSelection.resolve(List.of("*", "certificates-trigerr"), REGISTERED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("certificates-trigerr")
                .hasMessageContaining("Valid names: *, certificates-trigger, certificates-issuing");
    }

    @Test
    void unknownDisabledNameIsRejected() {
        assertThatThrownBy(() -> ControllerSelection.resolve(List.of("-foo"), REGISTERED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-foo");
    }

    @Test
    void disablingUnimplementedUpstreamControllerIsAccepted() {
        assertThat(ControllerSelection.resolve(List.of("*", "-ingress-shim", "-gateway-shim"), REGISTERED))
                .isEqualTo(REGISTERED);
    }

    @Test
    void enablingUnimplementedUpstreamControllerIsRejected() {
        assertThatThrownBy(() -> ControllerSelection.resolve(List.of("*", "ingress-shim"), REGISTERED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ingress-shim")
                .hasMessageContaining("does not implement");
    }

    @Test
    void acmeControllersCanBeDisabledByName() {
        List<String> registered = List.of("issuers", "orders", "challenges", "certificaterequests-issuer-acme");

        assertThat(ControllerSelection.resolve(List.of("*", "-orders", "-challenges"), registered))
                .containsExactly("issuers", "certificaterequests-issuer-acme");
    }
}
