package io.certwright.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.certwright.api.model.Certificate;
import io.certwright.api.model.ClusterIssuer;
import io.certwright.api.model.IssuerCondition;
import io.certwright.api.model.IssuerSpec;
import io.certwright.api.model.IssuerStatus;
import io.certwright.api.model.SelfSignedIssuer;
import io.certwright.core.cluster.InMemoryCluster;
import io.certwright.core.cluster.ResourceKind;
import java.time.Clock;
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

        CertManagerMetrics metrics = new CertManagerMetrics(cluster, clock, () -> List.of("issuers"),
                name -> Map.of("issuers", 7L).get(name), name -> 2L);
        text = metrics.scrape().body();
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
    void syncCountersComeFromManager() {
        assertThat(text).contains("certmanager_controller_sync_call_count{controller=\"issuers\"} 7\n");
        assertThat(text).contains("certmanager_controller_sync_error_count{controller=\"issuers\"} 2\n");
    }
}
