package io.certwright.core.requests;

import static io.certwright.core.issuers.CaFixtures.keyPem;
import static io.certwright.core.issuers.CaFixtures.pem;
import static io.certwright.core.issuers.CaFixtures.secret;
import static org.assertj.core.api.Assertions.assertThat;

import io.certwright.api.model.CertificateRequest;
import io.certwright.core.cluster.ResourceKind;
import io.certwright.core.issuers.CaFixtures;
import io.certwright.core.issuers.IssuerBackend;
import io.certwright.core.issuers.IssuerBackends;
import io.certwright.core.issuers.IssuerContext;
import io.certwright.core.issuers.IssuerControllers;
import io.certwright.core.issuers.IssuerSetupResult;
import io.certwright.core.issuers.IssuerType;
import io.certwright.core.issuers.SignResult;
import io.certwright.core.testing.Fixtures;
import io.certwright.core.testing.Harness;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecodeErrorTest {
    private static final String NS = "demo";

    /** A CA backend that is always ready and returns bytes that are not a certificate. */
    private static final IssuerBackend GARBAGE = new IssuerBackend() {
        @Override
        public IssuerSetupResult setup(IssuerContext context) {
            return IssuerSetupResult.ready("KeyPairVerified", "Signing CA verified");
        }

        @Override
        public SignResult sign(CertificateRequest request, IssuerContext context) {
            return new SignResult.Signed("not a certificate".getBytes(StandardCharsets.US_ASCII), null, List.of());
        }
    };

    @Test
    void undecodableCertificateFailsWithCaHint() {
        Harness harness = Harness.create((manager, cluster, options, clock) -> {
            IssuerBackends backends = IssuerBackends.defaults(cluster, clock).with(IssuerType.CA, GARBAGE);
            IssuerControllers.register(manager, cluster, options, clock, backends);
            RequestControllers.register(manager, cluster, options, clock, backends);
        });
        CaFixtures.KeyedCertificate root = CaFixtures.root("Root", Harness.START);
        harness.apply(secret(NS, "ca", pem(root.certificate()), keyPem(root.keyPair()), null));
        harness.apply(Fixtures.issuer("ca", Fixtures.inNamespace(NS), Fixtures.withCa("ca")));
        harness.apply(CaFixtures.request(NS, "leaf-1", "ca", "Issuer",
                CaFixtures.leafCsr("leaf.example.com", CaFixtures.newKey())));
        harness.settle();

        CertificateRequest request = harness.cluster().get(ResourceKind.CERTIFICATE_REQUEST, NS, "leaf-1").orElseThrow();
        assertThat(RequestConditions.readyReason(request)).isEqualTo("Failed");
        assertThat(RequestConditions.find(request, "Ready").orElseThrow().getMessage())
                .startsWith("Failed to decode returned certificate: with CA issuers, ensure the Certificate's"
                        + " secretName is different from the CA issuer's secretName");
        assertThat(harness.eventReasons(request)).contains("DecodeError");
    }
}
