package io.certwright.webhook;

import static io.certwright.webhook.Reviews.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.certwright.api.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AdmissionReviewsTest {

    @Test
    void requestFieldsParsed() throws Exception {
        AdmissionRequest request = Reviews.parse(Reviews.review("UPDATE", "cert-manager.io", "certificaterequests",
                "status", "demo", "{metadata: {name: web}}", "{metadata: {name: web}}", ALICE));

        assertThat(request.uid()).isEqualTo("0df28fbd-5f5f-11e8-9e1c-123456789abc");
        assertThat(request.operation()).isEqualTo(Operation.UPDATE);
        assertThat(request.resource()).isEqualTo(new GroupVersionResource("cert-manager.io", "v1",
                "certificaterequests"));
        assertThat(request.requestSubResource()).isEqualTo("status");
        assertThat(request.namespace()).isEqualTo("demo");
        assertThat(request.userInfo()).isEqualTo(ALICE);
        assertThat(request.oldObject()).isNotNull();
    }

    @Test
    void bodyThatIsNotJsonRejected() {
        assertThatThrownBy(() -> AdmissionReviews.parse("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(AdmissionReviews.InvalidReviewException.class)
                .hasMessageStartingWith("the request body is not JSON");
    }

    @Test
    void unsupportedApiVersionRejected() {
        byte[] body = "{\"apiVersion\":\"admission.k8s.io/v2\",\"kind\":\"AdmissionReview\",\"request\":{\"uid\":\"u1\"}}"
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> AdmissionReviews.parse(body))
                .isInstanceOf(AdmissionReviews.InvalidReviewException.class)
                .hasMessageContaining("unsupported AdmissionReview apiVersion \"admission.k8s.io/v2\"")
                .extracting(e -> ((AdmissionReviews.InvalidReviewException) e).uid()).isEqualTo("u1");
    }

    @Test
    void missingUidRejected() {
        byte[] body = "{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\",\"request\":{}}"
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> AdmissionReviews.parse(body))
                .hasMessage("the AdmissionReview request has no uid");
    }

    @Test
    void unknownOperationRejected() {
        byte[] body = ("{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\",\"request\":{\"uid\":\"u1\","
                + "\"operation\":\"PATCH\",\"resource\":{\"group\":\"cert-manager.io\",\"version\":\"v1\","
                + "\"resource\":\"certificates\"}}}").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> AdmissionReviews.parse(body))
                .hasMessageContaining("unknown operation \"PATCH\"");
    }

    @Test
    void deniedResponseCarriesStatus() {
        AdmissionResponse denied = AdmissionResponse.deny("u1", "spec: Forbidden: nope", List.of("careful"));

        JsonNode review = Json.json().readTree(AdmissionReviews.write("admission.k8s.io/v1", denied));

        assertThat(review.get("apiVersion").asString()).isEqualTo("admission.k8s.io/v1");
        assertThat(review.get("kind").asString()).isEqualTo("AdmissionReview");
        JsonNode response = review.get("response");
        assertThat(response.get("uid").asString()).isEqualTo("u1");
        assertThat(response.get("allowed").asBoolean()).isFalse();
        assertThat(response.get("status").get("code").asInt()).isEqualTo(403);
        assertThat(response.get("status").get("reason").asString()).isEqualTo("Forbidden");
        assertThat(response.get("status").get("message").asString()).isEqualTo("spec: Forbidden: nope");
        assertThat(response.get("warnings").get(0).asString()).isEqualTo("careful");
        assertThat(response.has("patch")).isFalse();
    }

    @Test
    void allowedResponseHasNoStatus() {
        JsonNode response = Reviews.written(AdmissionResponse.allow("u1", List.of()));

        assertThat(response.get("allowed").asBoolean()).isTrue();
        assertThat(response.has("status")).isFalse();
        assertThat(response.has("warnings")).isFalse();
    }
}
