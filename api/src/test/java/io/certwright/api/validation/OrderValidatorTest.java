package io.certwright.api.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.certwright.api.Json;
import io.certwright.api.model.Challenge;
import io.certwright.api.model.Order;
import org.junit.jupiter.api.Test;

class OrderValidatorTest {
    private static final String ORDER = """
            apiVersion: acme.cert-manager.io/v1
            kind: Order
            metadata: {name: web-1, namespace: demo}
            spec: {request: aGVsbG8=, issuerRef: {name: acme}, dnsNames: [web.example.com]}
            status:
              url: https://acme.example.com/order/1
              finalizeURL: https://acme.example.com/order/1/finalize
              authorizations:
                - url: https://acme.example.com/authz/1
                  identifier: web.example.com
                  wildcard: false
                  initialState: pending
                  challenges:
                    - {url: "https://acme.example.com/chall/1", type: http-01, token: abc}
            """;

    @Test
    void unchangedOrderValid() {
        assertThat(OrderValidator.validateUpdate(order(ORDER), order(ORDER)).errors()).isEmpty();
    }

    @Test
    void stateChangeValid() {
        Order updated = order(ORDER + "  state: valid\n");

        assertThat(OrderValidator.validateUpdate(order(ORDER), updated).errors()).isEmpty();
    }

    @Test
    void requestChangeForbidden() {
        Order updated = order(ORDER.replace("aGVsbG8=", "d29ybGQ="));

        assertThat(OrderValidator.validateUpdate(order(ORDER), updated).message())
                .isEqualTo("spec.request: Forbidden: field is immutable once set");
    }

    @Test
    void unsetRequestMayBeSet() {
        Order previous = order(ORDER.replace("request: aGVsbG8=, ", ""));

        assertThat(OrderValidator.validateUpdate(previous, order(ORDER)).errors()).isEmpty();
    }

    @Test
    void finalizeUrlChangeForbidden() {
        Order updated = order(ORDER.replace("order/1/finalize", "order/2/finalize"));

        assertThat(OrderValidator.validateUpdate(order(ORDER), updated).message())
                .isEqualTo("status.finalizeURL: Forbidden: field is immutable once set");
    }

    @Test
    void authorizationRemovalForbidden() {
        Order updated = order(ORDER.substring(0, ORDER.indexOf("  authorizations:")) + "  authorizations: []\n");

        assertThat(OrderValidator.validateUpdate(order(ORDER), updated).message())
                .isEqualTo("status.authorizations: Forbidden: field is immutable once set");
    }

    @Test
    void authorizationFieldChangesForbidden() {
        Order updated = order(ORDER.replace("identifier: web.example.com", "identifier: other.example.com")
                .replace("wildcard: false", "wildcard: true")
                .replace("token: abc", "token: xyz"));

        assertThat(OrderValidator.validateUpdate(order(ORDER), updated).message()).isEqualTo("["
                + "status.authorizations[0].identifier: Forbidden: field is immutable once set, "
                + "status.authorizations[0].wildcard: Forbidden: field is immutable once set, "
                + "status.authorizations[0].challenges[0].token: Forbidden: field is immutable once set]");
    }

    @Test
    void challengeSpecChangeForbidden() {
        String challenge = """
                apiVersion: acme.cert-manager.io/v1
                kind: Challenge
                metadata: {name: web-1-0, namespace: demo}
                spec: {url: "https://acme.example.com/chall/1", type: HTTP-01, token: abc, dnsName: web.example.com}
                """;
        Challenge previous = Json.yaml().readValue(challenge, Challenge.class);
        Challenge updated = Json.yaml().readValue(challenge.replace("token: abc", "token: xyz"), Challenge.class);

        assertThat(ChallengeValidator.validateUpdate(previous, previous).errors()).isEmpty();
        assertThat(ChallengeValidator.validateUpdate(previous, updated).message())
                .isEqualTo("spec: Forbidden: challenge spec is immutable after creation");
    }

    private static Order order(String yaml) {
        return Json.yaml().readValue(yaml, Order.class);
    }
}
