package io.certwright.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.certwright.core.cluster.ClusterException;
import io.certwright.core.cluster.ObjectKey;
import io.certwright.core.cluster.ResourceKind;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ApiErrorsTest {
    static Stream<Arguments> statuses() {
        return Stream.of(
                Arguments.of("404 NotFound", 404, "NotFound", ClusterException.NotFound.class),
                Arguments.of("409 AlreadyExists", 409, "AlreadyExists", ClusterException.AlreadyExists.class),
                Arguments.of("409 Conflict", 409, "Conflict", ClusterException.Conflict.class),
                Arguments.of("422 Invalid", 422, "Invalid", ClusterException.Invalid.class),
                Arguments.of("403 Forbidden", 403, "Forbidden", ClusterException.class),
                Arguments.of("500 InternalError", 500, "InternalError", ClusterException.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statuses")
    void statusMapsToPortException(String name, int code, String reason, Class<? extends ClusterException> expected) {
        Status status = new StatusBuilder().withCode(code).withReason(reason).withMessage("certificates \"web\" " + reason)
                .build();
        KubernetesClientException error = new KubernetesClientException("request failed", code, status);

        ClusterException translated = ApiErrors.translate(error, "update", ResourceKind.CERTIFICATE,
                new ObjectKey("team-a", "web"));

        assertThat(translated).isExactlyInstanceOf(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statuses")
    void messageNamesOperationAndObject(String name, int code, String reason, Class<?> ignored) {
        Status status = new StatusBuilder().withCode(code).withReason(reason).withMessage("server says no").build();
        KubernetesClientException error = new KubernetesClientException("request failed", code, status);

        ClusterException translated = ApiErrors.translate(error, "update", ResourceKind.CERTIFICATE,
                new ObjectKey("team-a", "web"));

        assertThat(translated.getMessage()).startsWith("update Certificate team-a/web failed");
    }

    @Test
    void invalidMessageListsFieldCauses() {
        Status status = new StatusBuilder().withCode(422).withReason("Invalid").withMessage("Certificate is invalid")
                .withNewDetails().addNewCause().withField("spec.secretName").withMessage("Required value")
                .endCause().endDetails().build();
        KubernetesClientException error = new KubernetesClientException("request failed", 422, status);

        ClusterException translated = ApiErrors.translate(error, "create", ResourceKind.CERTIFICATE,
                new ObjectKey("team-a", "web"));

        assertThat(translated.getMessage()).contains("spec.secretName: Required value");
    }

    @Test
    void serverMessageIsStatusMessage() {
        Status status = new StatusBuilder().withCode(404).withReason("NotFound")
                .withMessage("certificates.cert-manager.io \"web\" not found")
                .withNewDetails().withName("web").endDetails().build();
        KubernetesClientException error = new KubernetesClientException("request failed", 404, status);

        assertThat(ApiErrors.serverMessage(error)).isEqualTo("certificates.cert-manager.io \"web\" not found");
    }

    @Test
    void serverMessageForUnservedPathMatchesClientGo() {
        KubernetesClientException error = new KubernetesClientException("request failed", 404, null);

        assertThat(ApiErrors.serverMessage(error)).isEqualTo("the server could not find the requested resource");
    }
}
