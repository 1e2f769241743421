package io.certwright.acme.requests;

import static org.assertj.core.api.Assertions.assertThat;

import io.certwright.acme.testing.AcmeFixtures;
import io.certwright.acme.testing.KindStore;
import io.certwright.api.model.CertificateRequest;
import io.certwright.api.model.Order;
import io.certwright.api.model.OrderStatus;
import io.certwright.api.model.States;
import io.certwright.core.cluster.InMemoryCluster;
import io.certwright.core.cluster.ResourceKind;
import io.certwright.core.issuers.IssuerContext;
import io.certwright.core.issuers.SignResult;
import io.certwright.pki.CertificateSigner;
import io.certwright.pki.Csrs;
import io.certwright.pki.Pem;
import io.certwright.pki.SigningOptions;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderRequestFlowTest {
    private static final KeyPair KEY = AcmeFixtures.rsaKey();

    private final InMemoryCluster cluster = new InMemoryCluster(Clock.fixed(AcmeFixtures.NOW, ZoneOffset.UTC));
    private final KindStore<Order> orders = new KindStore<>(cluster, ResourceKind.ORDER);
    private final OrderRequestFlow flow = new OrderRequestFlow(cluster);
    private final IssuerContext context =
            new IssuerContext(AcmeFixtures.clusterIssuer("acme-test", "[{http01: {ingress: {}}}]"), "cert-manager");

    @Test
    void missingOrderIsCreatedOwnedByRequest() throws Exception {
        CertificateRequest request = AcmeFixtures.request("web-1", "acme-test", KEY, null, "www.example.com");

        SignResult result = flow.sign(request, context);

        assertThat(result).isInstanceOf(SignResult.Pending.class);
        assertThat(((SignResult.Pending) result).reason()).isEqualTo(OrderRequestFlow.REASON_ORDER_CREATED);
        Order order = orders.list("demo").get(0);
        assertThat(order.getMetadata().getName()).startsWith("web-1-");
        assertThat(order.getMetadata().getOwnerReferences().get(0).getUid()).isEqualTo("web-1-uid");
        assertThat(order.getSpec().getDnsNames()).containsExactly("www.example.com");
        assertThat(((SignResult.Pending) result).message())
                .isEqualTo("Created Order resource demo/" + order.getMetadata().getName());
    }

    @Test
    void sameRequestFindsSameOrder() throws Exception {
        CertificateRequest request = AcmeFixtures.request("web-1", "acme-test", KEY, null, "www.example.com");
        flow.sign(request, context);

        SignResult second = flow.sign(request, context);

        assertThat(((SignResult.Pending) second).reason()).isEqualTo(OrderRequestFlow.REASON_ORDER_PENDING);
        assertThat(orders.list("demo")).hasSize(1);
    }

    @Test
    void commonNameOutsideSansIsInvalidOrder() throws Exception {
        CertificateRequest request = AcmeFixtures.request("web-1", "acme-test", KEY, "other.example.com",
                "www.example.com");

        SignResult result = flow.sign(request, context);

        assertThat(((SignResult.Failed) result).reason()).isEqualTo(OrderRequestFlow.REASON_INVALID_ORDER);
        assertThat(orders.list("demo")).isEmpty();
    }

    @Test
    void failedOrderFailsRequest() throws Exception {
        CertificateRequest request = AcmeFixtures.request("web-1", "acme-test", KEY, null, "www.example.com");
        flow.sign(request, context);
        Order order = orders.list("demo").get(0);
        order.setStatus(new OrderStatus().withState(States.INVALID).withReason("authorization expired"));
        orders.updateStatus(order);

        SignResult result = flow.sign(request, context);

        SignResult.Failed failed = (SignResult.Failed) result;
        assertThat(failed.reason()).isEqualTo(OrderRequestFlow.REASON_ORDER_FAILED);
        assertThat(failed.message()).isEqualTo("Failed to wait for order resource \"" + order.getMetadata().getName()
                + "\" to become ready: order is in \"invalid\" state: authorization expired");
    }

    @Test
    void validOrderReturnsServerChainWithoutCa() throws Exception {
        CertificateRequest request = AcmeFixtures.request("web-1", "acme-test", KEY, null, "www.example.com");
        flow.sign(request, context);
        byte[] chain = chainFor(KEY, request);
        Order order = orders.list("demo").get(0);
        order.setStatus(new OrderStatus().withState(States.VALID).withCertificate(chain));
        orders.updateStatus(order);

        SignResult result = flow.sign(request, context);

        SignResult.Signed signed = (SignResult.Signed) result;
        assertThat(signed.certificate()).isEqualTo(chain);
        assertThat(signed.ca()).isNull();
    }

    @Test
    void certificateForOtherKeyDeletesOrder() throws Exception {
        CertificateRequest request = AcmeFixtures.request("web-1", "acme-test", KEY, null, "www.example.com");
        flow.sign(request, context);
        KeyPair other = AcmeFixtures.rsaKey();
        CertificateRequest otherRequest = AcmeFixtures.request("web-1", "acme-test", other, null, "www.example.com");
        Order order = orders.list("demo").get(0);
        order.setStatus(new OrderStatus().withState(States.VALID).withCertificate(chainFor(other, otherRequest)));
        orders.updateStatus(order);

        SignResult result = flow.sign(request, context);

        assertThat(result).isInstanceOf(SignResult.Pending.class);
        assertThat(orders.list("demo")).isEmpty();
    }

    /** Mints a leaf for the request's CSR, followed by a second certificate that plays the intermediate. */
    private static byte[] chainFor(KeyPair key, CertificateRequest request) throws Exception {
        X509Certificate leaf = CertificateSigner.sign(Csrs.parse(request.getSpec().getRequest()),
                SigningOptions.builder().notBefore(AcmeFixtures.NOW).build(), null, key.getPrivate());
        KeyPair caKey = AcmeFixtures.rsaKey();
        CertificateRequest caRequest = AcmeFixtures.request("ca", "acme-test", caKey, "Fake Intermediate");
        X509Certificate intermediate = CertificateSigner.sign(Csrs.parse(caRequest.getSpec().getRequest()),
                SigningOptions.builder().notBefore(AcmeFixtures.NOW).build(), null, caKey.getPrivate());
        return Pem.encodeCertificates(List.of(leaf, intermediate)).getBytes(StandardCharsets.US_ASCII);
    }
}
