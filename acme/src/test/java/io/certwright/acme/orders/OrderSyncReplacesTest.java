package io.certwright.acme.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.certwright.acme.account.AccountRegistry;
import io.certwright.acme.client.AcmeAuthorization;
import io.certwright.acme.client.AcmeClient;
import io.certwright.acme.client.AcmeClientException;
import io.certwright.acme.client.AcmeIdentifier;
import io.certwright.acme.client.AcmeOrder;
import io.certwright.acme.client.AcmeUnsupportedException;
import io.certwright.acme.testing.AcmeFixtures;
import io.certwright.acme.testing.KindStore;
import io.certwright.api.Json;
import io.certwright.api.model.ClusterIssuer;
import io.certwright.api.model.Order;
import io.certwright.api.model.States;
import io.certwright.core.cluster.InMemoryCluster;
import io.certwright.core.cluster.ObjectKey;
import io.certwright.core.cluster.ResourceKind;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** newOrder with RFC 9773 {@code replaces}: when it is sent, and the retry without it when the server rejects it. */
class OrderSyncReplacesTest {
    private static final String ORDER_URL = "https://acme.test/order/1";
    private static final String CERT_ID = "aYhba4dGQEHhs3uEe6CuLN4ByNQ.AIdlQyE";
    private static final String MALFORMED = "urn:ietf:params:acme:error:malformed";

    private final Clock clock = Clock.fixed(AcmeFixtures.NOW, ZoneOffset.UTC);
    private final InMemoryCluster cluster = new InMemoryCluster(clock);
    private final KindStore<Order> orders = new KindStore<>(cluster, ResourceKind.ORDER);
    private final AccountRegistry accounts = new AccountRegistry();
    private final RecordingClient client = new RecordingClient();

    @Test
    void gateOnSendsReplaces() throws Exception {
        givenIssuer(null);

        Order order = reconciled(true, givenOrder(CERT_ID));

        assertThat(client.sentReplaces).containsExactly(CERT_ID);
        assertThat(order.getStatus().getUrl()).isEqualTo(ORDER_URL);
    }

    @Test
    void gateOffOmitsReplaces() throws Exception {
        givenIssuer(null);

        reconciled(false, givenOrder(CERT_ID));

        assertThat(client.sentReplaces).containsExactly((String) null);
    }

    @Test
    void sourceNoneOmitsReplaces() throws Exception {
        givenIssuer("None");

        reconciled(true, givenOrder(CERT_ID));

        assertThat(client.sentReplaces).containsExactly((String) null);
    }

    static Stream<Arguments> rejections() {
        return Stream.of(
                Arguments.of("alreadyReplaced", new AcmeClientException("creating the order failed: certificate with"
                        + " serial 87654321 already has a replacement order", true,
                        "urn:ietf:params:acme:error:alreadyReplaced")),
                Arguments.of("malformed replaces", new AcmeClientException("creating the order failed: parsing ARI"
                        + " CertID failed: invalid replaces", true, MALFORMED)),
                Arguments.of("server without ARI", new AcmeUnsupportedException("creating the order failed: Server"
                        + " does not support renewal-information", null)));
    }

    @ParameterizedTest(name = "{0} is retried without replaces")
    @MethodSource("rejections")
    void rejectedReplacesIsRetriedWithout(String description, AcmeClientException rejection) throws Exception {
        givenIssuer(null);
        client.failures.add(rejection);

        Order order = reconciled(true, givenOrder(CERT_ID));

        assertThat(client.sentReplaces).containsExactly(CERT_ID, null);
        assertThat(order.getStatus().getUrl()).isEqualTo(ORDER_URL);
        assertThat(order.getStatus().getState()).isEqualTo(States.PENDING);
    }

    @Test
    void otherMalformedProblemIsNotRetried() throws Exception {
        givenIssuer(null);
        client.failures.add(new AcmeClientException("creating the order failed: invalid identifier", true, MALFORMED));

        Order order = reconciled(true, givenOrder(CERT_ID));

        assertThat(client.sentReplaces).containsExactly(CERT_ID);
        assertThat(order.getStatus().getState()).isEqualTo(States.ERRORED);
        assertThat(order.getStatus().getReason()).isEqualTo("Failed to create Order: creating the order failed:"
                + " invalid identifier");
    }

    @Test
    void transientFailureIsNotRetriedWithoutReplaces() {
        givenIssuer(null);
        client.failures.add(new AcmeClientException("creating the order failed: connection reset", false, null));
        Order order = givenOrder(CERT_ID);
        OrderSync sync = new OrderSync(cluster, accounts, clock, cluster.events("test"), true);

        assertThatExceptionOfType(OrderSync.RetryException.class)
                .isThrownBy(() -> sync.reconcile(ObjectKey.of(order)));
        assertThat(client.sentReplaces).containsExactly(CERT_ID);
    }

    private void givenIssuer(String renewalInformationSource) {
        ClusterIssuer issuer = AcmeFixtures.clusterIssuer("acme-test", "[{http01: {ingress: {}}}]");
        issuer.getSpec().getAcme().setRenewalInformationSource(renewalInformationSource);
        issuer = cluster.create(ResourceKind.CLUSTER_ISSUER, issuer);
        accounts.put(issuer.getMetadata().getUid(), client);
    }

    private Order givenOrder(String replaces) {
        return orders.create(Json.yaml().readValue("""
                apiVersion: acme.cert-manager.io/v1
                kind: Order
                metadata: {name: web-1-123, namespace: demo}
                spec:
                  issuerRef: {name: acme-test, kind: ClusterIssuer}
                  dnsNames: [www.example.com]
                  replaces: %s
                """.formatted(replaces), Order.class));
    }

    private Order reconciled(boolean acmeUseAri, Order order) throws Exception {
        new OrderSync(cluster, accounts, clock, cluster.events("test"), acmeUseAri).reconcile(ObjectKey.of(order));
        return orders.get("demo", order.getMetadata().getName()).orElseThrow();
    }

    /** Records the replaces of each newOrder and fails with the queued failures first. */
    private static final class RecordingClient implements AcmeClient {
        final List<String> sentReplaces = new ArrayList<>();
        final Deque<AcmeClientException> failures = new ArrayDeque<>();

        @Override
        public AcmeOrder newOrder(List<AcmeIdentifier> identifiers, Instant notAfter, String profile)
                throws AcmeClientException {
            return newOrder(identifiers, notAfter, profile, null);
        }

        @Override
        public AcmeOrder newOrder(List<AcmeIdentifier> identifiers, Instant notAfter, String profile,
                String replaces) throws AcmeClientException {
            sentReplaces.add(replaces);
            if (!failures.isEmpty()) {
                throw failures.removeFirst();
            }
            return new AcmeOrder(ORDER_URL, "pending", ORDER_URL + "/finalize", List.of(), null);
        }

        @Override
        public String accountUri() {
            return "https://acme.test/account/1";
        }

        @Override
        public AcmeOrder getOrder(String orderUrl) {
            throw new AssertionError("unexpected getOrder " + orderUrl);
        }

        @Override
        public AcmeAuthorization getAuthorization(String authorizationUrl) {
            throw new AssertionError("unexpected getAuthorization " + authorizationUrl);
        }

        @Override
        public void acceptChallenge(String challengeUrl) {
            throw new AssertionError("unexpected acceptChallenge " + challengeUrl);
        }

        @Override
        public AcmeAuthorization waitForAuthorization(String authorizationUrl, Duration timeout) {
            throw new AssertionError("unexpected waitForAuthorization " + authorizationUrl);
        }

        @Override
        public AcmeOrder finalizeOrder(String orderUrl, byte[] csrDer) {
            throw new AssertionError("unexpected finalizeOrder " + orderUrl);
        }

        @Override
        public List<List<X509Certificate>> certificateChains(String orderUrl) {
            throw new AssertionError("unexpected certificateChains " + orderUrl);
        }

        @Override
        public String http01KeyAuthorization(String token) {
            throw new AssertionError("unexpected http01KeyAuthorization " + token);
        }
    }
}
