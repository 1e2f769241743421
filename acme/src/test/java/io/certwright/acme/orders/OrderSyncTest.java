package io.certwright.acme.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.certwright.acme.account.AccountRegistry;
import io.certwright.acme.client.AcmeAuthorization;
import io.certwright.acme.client.AcmeClientException;
import io.certwright.acme.client.AcmeIdentifier;
import io.certwright.acme.client.AcmeOrder;
import io.certwright.acme.testing.AcmeFixtures;
import io.certwright.acme.testing.FakeAcmeClient;
import io.certwright.acme.testing.KindStore;
import io.certwright.api.Json;
import io.certwright.api.model.Challenge;
import io.certwright.api.model.ClusterIssuer;
import io.certwright.api.model.Order;
import io.certwright.api.model.States;
import io.certwright.core.cluster.Event;
import io.certwright.core.cluster.InMemoryCluster;
import io.certwright.core.cluster.ObjectKey;
import io.certwright.core.cluster.ResourceKind;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderSyncTest {
    private static final String ORDER_URL = "https://acme.test/order/1";
    private static final String AUTHZ_URL = "https://acme.test/authz/1";

    private final Clock clock = Clock.fixed(AcmeFixtures.NOW, ZoneOffset.UTC);
    private final InMemoryCluster cluster = new InMemoryCluster(clock);
    private final KindStore<Order> orders = new KindStore<>(cluster, ResourceKind.ORDER);
    private final KindStore<Challenge> challenges = new KindStore<>(cluster, ResourceKind.CHALLENGE);
    private final AccountRegistry accounts = new AccountRegistry();
    private final FakeAcmeClient client = new FakeAcmeClient();
    private final OrderSync sync = new OrderSync(cluster, accounts, clock, cluster.events("test"));

    private void givenIssuer(String solvers) {
        ClusterIssuer issuer = cluster.create(ResourceKind.CLUSTER_ISSUER, AcmeFixtures.clusterIssuer("acme-test", solvers));
        accounts.put(issuer.getMetadata().getUid(), client);
    }

    private Order givenOrder(String... dnsNames) {
        return orders.create(Json.yaml().readValue("""
                apiVersion: acme.cert-manager.io/v1
                kind: Order
                metadata: {name: web-1-123, namespace: demo}
                spec:
                  issuerRef: {name: acme-test, kind: ClusterIssuer}
                  dnsNames: %s
                """.formatted(Json.json().writeValueAsString(List.of(dnsNames))), Order.class));
    }

    private Order reconciled(Order order) throws Exception {
        sync.reconcile(ObjectKey.of(order));
        return orders.get("demo", order.getMetadata().getName()).orElseThrow();
    }

    @Test
    void newOrderStoresUrlsAndState() throws Exception {
        givenIssuer("[{http01: {ingress: {}}}]");
        client.newOrderResult = new AcmeOrder(ORDER_URL, "pending", ORDER_URL + "/finalize", List.of(AUTHZ_URL), null);

        Order order = reconciled(givenOrder("www.example.com"));

        assertThat(order.getStatus().getUrl()).isEqualTo(ORDER_URL);
        assertThat(order.getStatus().getFinalizeURL()).isEqualTo(ORDER_URL + "/finalize");
        assertThat(order.getStatus().getAuthorizations()).extracting("url").containsExactly(AUTHZ_URL);
        assertThat(order.getStatus().getState()).isEqualTo(States.PENDING);
        assertThat(client.lastIdentifiers).containsExactly(AcmeIdentifier.dns("www.example.com"));
    }

    @Test
    void rejectedNewOrderIsErrored() throws Exception {
        givenIssuer("[{http01: {ingress: {}}}]");
        client.newOrderFailure = new AcmeClientException("creating the order failed: rejectedIdentifier", true,
                "urn:ietf:params:acme:error:rejectedIdentifier");

        Order order = reconciled(givenOrder("www.example.com"));

        assertThat(order.getStatus().getState()).isEqualTo(States.ERRORED);
        assertThat(order.getStatus().getReason()).startsWith("Failed to create Order: ");
        assertThat(order.getStatus().getFailureTime()).isEqualTo(AcmeFixtures.NOW);
    }

    @Test
    void pendingAuthorizationGetsHttp01Challenge() throws Exception {
        givenIssuer("[{http01: {ingress: {}}}]");
        client.newOrderResult = new AcmeOrder(ORDER_URL, "pending", ORDER_URL + "/finalize", List.of(AUTHZ_URL), null);
        client.authorizations.put(AUTHZ_URL, new AcmeAuthorization(AUTHZ_URL, "pending", "www.example.com", false,
                List.of(new AcmeAuthorization.Challenge(AUTHZ_URL + "/http", "http-01", "tok", "pending", null),
                        new AcmeAuthorization.Challenge(AUTHZ_URL + "/dns", "dns-01", "tok", "pending", null))));
        Order order = reconciled(givenOrder("www.example.com"));

        reconciled(order);

        List<Challenge> created = challenges.list("demo");
        assertThat(created).hasSize(1);
        assertThat(created.get(0).getSpec().getType()).isEqualTo("HTTP-01");
        assertThat(created.get(0).getSpec().getUrl()).isEqualTo(AUTHZ_URL + "/http");
        assertThat(created.get(0).getSpec().getKey()).isEqualTo("tok.thumbprint");
        assertThat(created.get(0).getMetadata().getOwnerReferences().get(0).getName()).isEqualTo("web-1-123");
        assertThat(events()).extracting(Event::reason).containsExactly(OrderSync.EVENT_CREATED);
    }

    @Test
    void wildcardWithHttp01OnlyWaits() throws Exception {
        givenIssuer("[{http01: {ingress: {ingressClassName: nginx}}}]");
        client.newOrderResult = new AcmeOrder(ORDER_URL, "pending", ORDER_URL + "/finalize", List.of(AUTHZ_URL), null);
        client.authorizations.put(AUTHZ_URL, new AcmeAuthorization(AUTHZ_URL, "pending", "example.com", true,
                List.of(new AcmeAuthorization.Challenge(AUTHZ_URL + "/dns", "dns-01", "tok", "pending", null))));
        Order order = reconciled(givenOrder("*.example.com"));

        order = reconciled(order);

        assertThat(challenges.list("demo")).isEmpty();
        assertThat(order.getStatus().getState()).isEqualTo(States.PENDING);
        assertThat(events()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo("Warning");
            assertThat(event.reason()).isEqualTo(OrderSync.EVENT_SOLVER);
            assertThat(event.message()).isEqualTo("Failed to determine a valid solver configuration for the set of"
                    + " domains on the Order: no configured challenge solvers can be used for this challenge");
        });
    }

    @Test
    void failedChallengeCopiesOrderState() throws Exception {
        givenIssuer("[{http01: {ingress: {}}}]");
        client.newOrderResult = new AcmeOrder(ORDER_URL, "pending", ORDER_URL + "/finalize", List.of(AUTHZ_URL), null);
        client.authorizations.put(AUTHZ_URL, new AcmeAuthorization(AUTHZ_URL, "pending", "www.example.com", false,
                List.of(new AcmeAuthorization.Challenge(AUTHZ_URL + "/http", "http-01", "tok", "pending", null))));
        Order order = reconciled(reconciled(givenOrder("www.example.com")));
        Challenge challenge = challenges.list("demo").get(0);
        challenge.setStatus(new io.certwright.api.model.ChallengeStatus().withState(States.EXPIRED));
        challenges.updateStatus(challenge);
        client.orders.put(ORDER_URL, new AcmeOrder(ORDER_URL, "invalid", ORDER_URL + "/finalize", List.of(AUTHZ_URL),
                "authorization expired"));

        order = reconciled(order);

        assertThat(order.getStatus().getState()).isEqualTo(States.INVALID);
        assertThat(order.getStatus().getReason()).isEqualTo("authorization expired");
        assertThat(order.getStatus().getFailureTime()).isNotNull();
    }

    @Test
    void missingClientIsRetried() {
        cluster.create(ResourceKind.CLUSTER_ISSUER, AcmeFixtures.clusterIssuer("acme-test", "[]"));
        Order order = givenOrder("www.example.com");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> sync.reconcile(ObjectKey.of(order)))
                .isInstanceOf(OrderSync.RetryException.class)
                .hasMessageContaining("not found: the issuer has not been set up yet");
    }

    private List<Event> events() {
        return cluster.allEvents().stream().filter(e -> Order.KIND.equals(e.kind())).toList();
    }
}
