package io.certwright.core.requests;

import static org.assertj.core.api.Assertions.assertThat;

import io.certwright.api.model.CertificateRequest;
import io.certwright.core.ControllerOptions;
import io.certwright.core.cluster.Cluster;
import io.certwright.core.cluster.ForwardingCluster;
import io.certwright.core.cluster.InMemoryCluster;
import io.certwright.core.cluster.ObjectKey;
import io.certwright.core.cluster.ResourceKind;
import io.certwright.core.controller.Result;
import io.certwright.core.issuers.CaFixtures;
import io.certwright.core.issuers.IssuerBackends;
import io.certwright.core.issuers.IssuerType;
import io.certwright.core.time.MutableClock;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A CertificateRequest deleted while a controller reconciles it, as when its Certificate's manifest is removed. */
class RequestDeletedDuringReconcileTest {
    private static final ObjectKey KEY = new ObjectKey("demo", "web-1");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final InMemoryCluster store = new InMemoryCluster(clock);
    private final DeletingBeforeStatusWrite cluster = new DeletingBeforeStatusWrite(store);

    @Test
    void approverFinishesWhenRequestVanishes() {
        store.create(ResourceKind.CERTIFICATE_REQUEST, request());
        RequestApprover approver = new RequestApprover(cluster, clock, cluster.events("test"));

        Result result = approver.reconcile(KEY);

        assertThat(result).isEqualTo(Result.done());
        assertThat(cluster.deleted).isTrue();
    }

    @Test
    void issuerControllerFinishesWhenRequestVanishes() throws Exception {
        CertificateRequest request = store.create(ResourceKind.CERTIFICATE_REQUEST, request());
        RequestConditions.set(request, RequestConditions.APPROVED, RequestConditions.TRUE, RequestApprover.REASON,
                RequestApprover.MESSAGE, clock.instant());
        store.updateStatus(ResourceKind.CERTIFICATE_REQUEST, request);
        RequestIssuerSync sync = new RequestIssuerSync(IssuerType.CA,
                IssuerBackends.defaults(store, clock).get(IssuerType.CA), cluster, ControllerOptions.defaults(), clock,
                cluster.events("test"));

        Result result = sync.reconcile(KEY);

        assertThat(result).isEqualTo(Result.done());
        assertThat(cluster.deleted).isTrue();
    }

    private static CertificateRequest request() {
        return CaFixtures.request(KEY.namespace(), KEY.name(), "missing", "Issuer",
                CaFixtures.leafCsr("web.demo.example", CaFixtures.newKey()));
    }

    /** Deletes the object right before the first status write, as a concurrent deletion would. */
    private static final class DeletingBeforeStatusWrite extends ForwardingCluster {
        boolean deleted;

        DeletingBeforeStatusWrite(Cluster delegate) {
            super(delegate);
        }

        @Override
        public <T extends HasMetadata> T updateStatus(ResourceKind<T> kind, T object) {
            if (!deleted) {
                deleted = true;
                delegate().delete(kind, object.getMetadata().getNamespace(), object.getMetadata().getName());
            }
            return super.updateStatus(kind, object);
        }
    }
}
