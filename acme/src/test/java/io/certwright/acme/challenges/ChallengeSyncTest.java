package io.certwright.acme.challenges;

import static org.assertj.core.api.Assertions.assertThat;

import io.certwright.acme.account.AccountRegistry;
import io.certwright.acme.client.AcmeAuthorization;
import io.certwright.acme.client.AcmeClientException;
import io.certwright.acme.testing.AcmeFixtures;
import io.certwright.acme.testing.FakeAcmeClient;
import io.certwright.acme.testing.KindStore;
import io.certwright.api.Json;
import io.certwright.api.model.Challenge;
import io.certwright.api.model.ChallengeStatus;
import io.certwright.api.model.ClusterIssuer;
import io.certwright.api.model.States;
import io.certwright.core.cluster.Event;
import io.certwright.core.cluster.InMemoryCluster;
import io.certwright.core.cluster.ObjectKey;
import io.certwright.core.cluster.ResourceKind;
import io.certwright.core.controller.Result;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChallengeSyncTest {
    private static final String AUTHZ_URL = "https://acme.test/authz/1";
    private static final String CHALLENGE_URL = AUTHZ_URL + "/http";

    private final Clock clock = Clock.fixed(AcmeFixtures.NOW, ZoneOffset.UTC);
    private final InMemoryCluster cluster = new InMemoryCluster(clock);
    private final KindStore<Challenge> challenges = new KindStore<>(cluster, ResourceKind.CHALLENGE);
    private final AccountRegistry accounts = new AccountRegistry();
    private final FakeAcmeClient client = new FakeAcmeClient();
    private final RecordingSolver solver = new RecordingSolver();
    private final ChallengeSync sync = new ChallengeSync(cluster, accounts, solver, clock,
            cluster.events("test"));

    ChallengeSyncTest() {
        ClusterIssuer issuer = cluster.create(ResourceKind.CLUSTER_ISSUER,
                AcmeFixtures.clusterIssuer("acme-test", "[{http01: {ingress: {}}}]"));
        accounts.put(issuer.getMetadata().getUid(), client);
        client.authorizations.put(AUTHZ_URL, new AcmeAuthorization(AUTHZ_URL, "pending", "www.example.com", false,
                List.of(new AcmeAuthorization.Challenge(CHALLENGE_URL, "http-01", "tok", "pending", null))));
    }

    private Challenge givenProcessingChallenge() {
        Challenge challenge = challenges.create(Json.yaml().readValue("""
                apiVersion: acme.cert-manager.io/v1
                kind: Challenge
                metadata: {name: web-1-123-456, namespace: demo}
                spec:
                  url: %s
                  authorizationURL: %s
                  dnsName: www.example.com
                  type: HTTP-01
                  token: tok
                  key: tok.thumbprint
                  solver: {http01: {ingress: {}}}
                  issuerRef: {name: acme-test, kind: ClusterIssuer}
                """.formatted(CHALLENGE_URL, AUTHZ_URL), Challenge.class));
        challenge.setStatus(new ChallengeStatus().withProcessing(true));
        return challenges.updateStatus(challenge);
    }

    private Challenge stored() {
        return challenges.get("demo", "web-1-123-456").orElseThrow();
    }

    @Test
    void acceptedChallengeBecomesValid() throws Exception {
        givenProcessingChallenge();
        client.authorizationsAfterAccept.put(AUTHZ_URL, new AcmeAuthorization(AUTHZ_URL, "valid", "www.example.com",
                false, List.of(new AcmeAuthorization.Challenge(CHALLENGE_URL, "http-01", "tok", "valid", null))));

        sync.reconcile(new ObjectKey("demo", "web-1-123-456"));

        Challenge challenge = stored();
        assertThat(challenge.getStatus().getState()).isEqualTo(States.VALID);
        assertThat(challenge.getStatus().getReason()).isEqualTo("Successfully authorized domain");
        assertThat(challenge.getStatus().getPresented()).isTrue();
        assertThat(challenge.getStatus().getPresentedAt()).isEqualTo(AcmeFixtures.NOW);
        assertThat(challenge.getMetadata().getFinalizers()).containsExactly(ChallengeSync.FINALIZER);
        assertThat(client.accepted).containsExactly(CHALLENGE_URL);
        assertThat(events()).extracting(Event::reason).containsExactly("Presented", "DomainVerified");
    }

    @Test
    void finalChallengeIsCleanedUpAndStopsProcessing() throws Exception {
        givenProcessingChallenge();
        client.authorizationsAfterAccept.put(AUTHZ_URL, new AcmeAuthorization(AUTHZ_URL, "valid", "www.example.com",
                false, List.of(new AcmeAuthorization.Challenge(CHALLENGE_URL, "http-01", "tok", "valid", null))));
        sync.reconcile(new ObjectKey("demo", "web-1-123-456"));

        sync.reconcile(new ObjectKey("demo", "web-1-123-456"));

        Challenge challenge = stored();
        assertThat(challenge.getStatus().getProcessing()).isFalse();
        assertThat(challenge.getStatus().getPresented()).isFalse();
        assertThat(challenge.getMetadata().getFinalizers()).isNullOrEmpty();
        assertThat(solver.cleanedUp).containsExactly("www.example.com/tok");
    }

    @Test
    void malformedAcceptMarksChallengeExpired() throws Exception {
        givenProcessingChallenge();
        client.acceptFailures.put(CHALLENGE_URL, new AcmeClientException(
                "accepting challenge failed: Authorization expired", true, AcmeClientException.MALFORMED));

        sync.reconcile(new ObjectKey("demo", "web-1-123-456"));
        sync.reconcile(new ObjectKey("demo", "web-1-123-456"));

        Challenge challenge = stored();
        assertThat(challenge.getStatus().getState()).isEqualTo(States.EXPIRED);
        assertThat(challenge.getStatus().getProcessing()).isFalse();
    }

    @Test
    void invalidAuthorizationFailsChallenge() throws Exception {
        givenProcessingChallenge();
        client.authorizationsAfterAccept.put(AUTHZ_URL, new AcmeAuthorization(AUTHZ_URL, "invalid", "www.example.com",
                false, List.of(new AcmeAuthorization.Challenge(CHALLENGE_URL, "http-01", "tok", "invalid",
                        "connection refused"))));

        sync.reconcile(new ObjectKey("demo", "web-1-123-456"));

        Challenge challenge = stored();
        assertThat(challenge.getStatus().getState()).isEqualTo(States.INVALID);
        assertThat(challenge.getStatus().getReason()).isEqualTo("Error accepting authorization: connection refused");
        assertThat(events()).extracting(Event::reason).containsExactly("Presented", "Failed");
    }

    @Test
    void failedSelfCheckWaitsWithoutAccepting() throws Exception {
        givenProcessingChallenge();
        solver.checkFailure = "wrong status code '404', expected '200'";

        Result result = sync.reconcile(new ObjectKey("demo", "web-1-123-456"));

        assertThat(result.requeueAfter()).isEqualTo(Duration.ofSeconds(10));
        assertThat(stored().getStatus().getReason())
                .isEqualTo("Waiting for HTTP-01 challenge propagation: wrong status code '404', expected '200'");
        assertThat(client.accepted).isEmpty();
    }

    @Test
    void challengeNotProcessingIsLeftAlone() throws Exception {
        Challenge challenge = givenProcessingChallenge();
        challenge.getStatus().setProcessing(false);
        challenges.updateStatus(challenge);

        sync.reconcile(new ObjectKey("demo", "web-1-123-456"));

        assertThat(solver.presented).isEmpty();
        assertThat(stored().getStatus().getState()).isNull();
    }

    private List<Event> events() {
        return cluster.allEvents().stream().filter(e -> Challenge.KIND.equals(e.kind())).toList();
    }

    private static final class RecordingSolver implements Solver {
        final List<String> presented = new ArrayList<>();
        final List<String> cleanedUp = new ArrayList<>();
        String checkFailure;

        @Override
        public void present(Challenge challenge) {
            presented.add(challenge.getSpec().getDnsName() + "/" + challenge.getSpec().getToken());
        }

        @Override
        public void check(Challenge challenge) throws Exception {
            if (checkFailure != null) {
                throw new Exception(checkFailure);
            }
        }

        @Override
        public void cleanUp(Challenge challenge) {
            cleanedUp.add(challenge.getSpec().getDnsName() + "/" + challenge.getSpec().getToken());
        }
    }
}
