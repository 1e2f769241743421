package io.certwright.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.certwright.acme.client.AcmeRequestMetrics;
import io.certwright.api.model.Certificate;
import io.certwright.api.model.Challenge;
import io.certwright.api.model.ChallengeSpec;
import io.certwright.api.model.ChallengeStatus;
import io.certwright.api.model.ClusterIssuer;
import io.certwright.api.model.IssuerCondition;
import io.certwright.api.model.IssuerSpec;
import io.certwright.api.model.IssuerStatus;
import io.certwright.api.model.SelfSignedIssuer;
import io.certwright.core.cluster.InMemoryCluster;
import io.certwright.core.cluster.ResourceKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CertManagerMetricsTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final InMemoryCluster cluster = new InMemoryCluster(clock);
    private String text;

    @BeforeEach
    void scrape() {
        Certificate ready = cluster.create(ResourceKind.CERTIFICATE, TestObjects.certificate("demo", "web"));
        ready.setStatus(TestObjects.certificateWithStatus("demo", "web").getStatus());
        cluster.updateStatus(ResourceKind.CERTIFICATE, ready);
        cluster.create(ResourceKind.CERTIFICATE, TestObjects.certificate("demo", "pending"));
        ClusterIssuer issuer = new ClusterIssuer();
        issuer.getMetadata().setName("root");
        issuer.setSpec(new IssuerSpec().withSelfSigned(new SelfSignedIssuer()));
        ClusterIssuer created = cluster.create(ResourceKind.CLUSTER_ISSUER, issuer);
        created.setStatus(new IssuerStatus().withConditions(List.of(new IssuerCondition().withType("Ready")
                .withStatus("False").withReason("ErrInitIssuer").withMessage("not yet"))));
        cluster.updateStatus(ResourceKind.CLUSTER_ISSUER, created);
        Challenge challenge = cluster.create(ResourceKind.CHALLENGE, challenge("demo", "web-1-2-3",
                new ChallengeSpec().withDnsName("web.example.com").withType("HTTP-01")));
        challenge.setStatus(new ChallengeStatus().withState("pending").withProcessing(true)
                .withReason("Waiting for HTTP-01 challenge propagation"));
        cluster.updateStatus(ResourceKind.CHALLENGE, challenge);
        cluster.create(ResourceKind.CHALLENGE, challenge("demo", "new-1-2-3",
                new ChallengeSpec().withDnsName("new.example.com").withType("DNS-01")));

        AcmeRequestRecorder acmeRequests = new AcmeRequestRecorder(clock);
        acmeRequests.record(new AcmeRequestMetrics.Request("https", "acme.example.com", "get_order", "POST", 200,
                Duration.ofMillis(500)));
        CertManagerMetrics metrics = new CertManagerMetrics(cluster, clock, () -> List.of("issuers"),
                name -> Map.of("issuers", 7L).get(name), name -> 2L, acmeRequests);
        text = metrics.scrape().body().toString();
    }

    @Test
    void readyCertificateHasOneTrueSeries() {
        String labels = "name=\"web\",namespace=\"demo\",condition=\"%s\",issuer_name=\"ca-issuer\",issuer_kind=\"\","
                + "issuer_group=\"\"";
        assertThat(text).contains("certmanager_certificate_ready_status{" + labels.formatted("True") + "} 1\n");
        assertThat(text).contains("certmanager_certificate_ready_status{" + labels.formatted("False") + "} 0\n");
        assertThat(text).contains("certmanager_certificate_ready_status{" + labels.formatted("Unknown") + "} 0\n");
    }

    @Test
    void certificateWithoutConditionIsUnknown() {
        assertThat(text).contains("certmanager_certificate_ready_status{name=\"pending\",namespace=\"demo\","
                + "condition=\"Unknown\",issuer_name=\"ca-issuer\",issuer_kind=\"\",issuer_group=\"\"} 1\n");
    }

    @Test
    void notAfterIsUnixSecondsAndZeroWhenUnset() {
        long notAfter = TestObjects.NOT_AFTER.getEpochSecond();
        String labels = "issuer_name=\"ca-issuer\",issuer_kind=\"\",issuer_group=\"\"";
        assertThat(text).contains("certmanager_certificate_not_after_timestamp_seconds{name=\"web\",namespace=\"demo\","
                + labels + "} " + notAfter + "\n");
        assertThat(text).contains("certmanager_certificate_expiration_timestamp_seconds{name=\"web\","
                + "namespace=\"demo\"," + labels + "} " + notAfter + "\n");
        assertThat(text).contains("certmanager_certificate_not_after_timestamp_seconds{name=\"pending\","
                + "namespace=\"demo\"," + labels + "} 0\n");
    }

    @Test
    void clusterIssuerSeriesHaveNoNamespace() {
        assertThat(text).contains("certmanager_clusterissuer_ready_status{name=\"root\",condition=\"False\"} 1\n");
        assertThat(text).contains("certmanager_clusterissuer_ready_status{name=\"root\",condition=\"True\"} 0\n");
    }

    @Test
    void clockIsCounterAndGauge() {
        assertThat(text).contains("# TYPE certmanager_clock_time_seconds counter\n"
                + "certmanager_clock_time_seconds " + NOW.getEpochSecond() + "\n");
        assertThat(text).contains("# TYPE certmanager_clock_time_seconds_gauge gauge\n"
                + "certmanager_clock_time_seconds_gauge " + NOW.getEpochSecond() + "\n");
    }

    @Test
    void challengeHasOneSeriesPerState() {
        String labels = "domain=\"web.example.com\",reason=\"Waiting for HTTP-01 challenge propagation\","
                + "processing=\"true\",name=\"web-1-2-3\",namespace=\"demo\",type=\"HTTP-01\"";
        for (String state : CertManagerMetrics.CHALLENGE_STATES) {
            String value = state.equals("pending") ? "1" : "0";
            assertThat(text).contains("certmanager_certificate_challenge_status{status=\"" + state + "\","
                    + labels + "} " + value + "\n");
        }
        assertThat(text.lines().filter(line -> line.contains("name=\"web-1-2-3\""))).hasSize(8);
    }

    @Test
    void challengeWithoutStatusIsEmptyState() {
        String labels = "domain=\"new.example.com\",reason=\"\",processing=\"false\",name=\"new-1-2-3\","
                + "namespace=\"demo\",type=\"DNS-01\"";
        assertThat(text).contains("certmanager_certificate_challenge_status{status=\"\"," + labels + "} 1\n");
        assertThat(text).contains("certmanager_certificate_challenge_status{status=\"pending\"," + labels + "} 0\n");
    }

    @Test
    void acmeRequestsAreCountedAndTimed() {
        String labels = "scheme=\"https\",host=\"acme.example.com\",action=\"get_order\",method=\"POST\","
                + "status=\"200\"";
        assertThat(text).contains("# TYPE certmanager_http_acme_client_request_count counter\n"
                + "certmanager_http_acme_client_request_count{" + labels + "} 1\n");
        assertThat(text).contains("# TYPE certmanager_http_acme_client_request_duration_seconds summary\n");
        assertThat(text).contains("certmanager_http_acme_client_request_duration_seconds{" + labels
                + ",quantile=\"0.99\"} 0.5\n");
        assertThat(text).contains("certmanager_http_acme_client_request_duration_seconds_sum{" + labels + "} 0.5\n");
        assertThat(text).contains("certmanager_http_acme_client_request_duration_seconds_count{" + labels + "} 1\n");
    }

    @Test
    void syncCountersComeFromManager() {
        assertThat(text).contains("certmanager_controller_sync_call_count{controller=\"issuers\"} 7\n");
        assertThat(text).contains("certmanager_controller_sync_error_count{controller=\"issuers\"} 2\n");
    }

    private static Challenge challenge(String namespace, String name, ChallengeSpec spec) {
        Challenge challenge = new Challenge();
        challenge.getMetadata().setNamespace(namespace);
        challenge.getMetadata().setName(name);
        challenge.setSpec(spec);
        return challenge;
    }
}
