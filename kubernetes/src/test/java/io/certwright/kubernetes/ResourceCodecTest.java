package io.certwright.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.certwright.api.model.Certificate;
import io.certwright.api.model.CertificateRequest;
import io.certwright.api.Json;
import io.certwright.api.model.Challenge;
import io.certwright.api.model.ClusterIssuer;
import io.certwright.api.model.Order;
import io.certwright.core.cluster.ResourceKind;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResourceCodecTest {
    @Test
    void certificateRoundTripKeepsEveryField() {
        Certificate certificate = TestObjects.certificateWithStatus("team-a", "web");

        GenericKubernetesResource generic = ResourceCodec.toGeneric(ResourceKind.CERTIFICATE, certificate);
        Certificate back = ResourceCodec.fromGeneric(ResourceKind.CERTIFICATE, generic);

        assertThat(back).isEqualTo(certificate);
    }

    @Test
    void genericCarriesGroupVersionAndKind() {
        ClusterIssuer issuer = new ClusterIssuer();
        issuer.getMetadata().setName("root");
        issuer.setApiVersion(null);

        GenericKubernetesResource generic = ResourceCodec.toGeneric(ResourceKind.CLUSTER_ISSUER, issuer);

        assertThat(generic.getApiVersion()).isEqualTo("cert-manager.io/v1");
        assertThat(generic.getKind()).isEqualTo("ClusterIssuer");
    }

    @Test
    void timesTravelAsRfc3339Strings() {
        GenericKubernetesResource generic = ResourceCodec.toGeneric(ResourceKind.CERTIFICATE,
                TestObjects.certificateWithStatus("team-a", "web"));

        Map<String, Object> status = generic.get("status");

        assertThat(status.get("notAfter")).isEqualTo("2027-03-04T05:06:07Z");
    }

    @Test
    void byteFieldsTravelAsBase64() {
        CertificateRequest request = TestObjects.certificateRequest("team-a", "web-1");

        GenericKubernetesResource generic = ResourceCodec.toGeneric(ResourceKind.CERTIFICATE_REQUEST, request);
        String encoded = generic.get("spec", "request");

        assertThat(new String(Base64.getDecoder().decode(encoded), StandardCharsets.US_ASCII))
                .isEqualTo("-----BEGIN CERTIFICATE REQUEST-----\n");
    }

    @Test
    void unsetFieldsAreLeftOut() {
        GenericKubernetesResource generic = ResourceCodec.toGeneric(ResourceKind.CERTIFICATE,
                TestObjects.certificate("team-a", "web"));

        Map<String, Object> spec = generic.get("spec");

        assertThat(spec).doesNotContainKeys("duration", "privateKey", "isCA");
        assertThat(generic.getAdditionalProperties()).doesNotContainKey("status");
    }

    @Test
    void conversionSharesNothingWithItsInput() {
        Certificate certificate = TestObjects.certificate("team-a", "web");
        GenericKubernetesResource generic = ResourceCodec.toGeneric(ResourceKind.CERTIFICATE, certificate);

        Certificate first = ResourceCodec.fromGeneric(ResourceKind.CERTIFICATE, generic);
        first.getSpec().setSecretName("changed");
        Certificate second = ResourceCodec.fromGeneric(ResourceKind.CERTIFICATE, generic);

        assertThat(second.getSpec().getSecretName()).isEqualTo("web-tls");
    }

    @Test
    void orderRoundTripKeepsCertificateBytesAndState() {
        Order order = Json.yaml().readValue("""
                apiVersion: acme.cert-manager.io/v1
                kind: Order
                metadata: {name: web-1-123, namespace: team-a}
                spec:
                  request: LS0tLS1CRUdJTg==
                  issuerRef: {name: pebble, kind: ClusterIssuer}
                  dnsNames: [web.example.com]
                status:
                  state: valid
                  url: https://acme.example/order/1
                  certificate: LS0tLS1CRUdJTg==
                  authorizations:
                  - url: https://acme.example/authz/1
                    identifier: web.example.com
                    initialState: pending
                    challenges: [{url: https://acme.example/chall/1, token: abc, type: http-01}]
                """, Order.class);

        GenericKubernetesResource generic = ResourceCodec.toGeneric(ResourceKind.ORDER, order);
        Order back = ResourceCodec.fromGeneric(ResourceKind.ORDER, generic);

        assertThat(generic.getApiVersion()).isEqualTo("acme.cert-manager.io/v1");
        assertThat(generic.getKind()).isEqualTo("Order");
        assertThat((String) generic.get("status", "certificate")).isEqualTo("LS0tLS1CRUdJTg==");
        assertThat(back).isEqualTo(order);
    }

    @Test
    void challengeRoundTripKeepsSolverMap() {
        Challenge challenge = Json.yaml().readValue("""
                apiVersion: acme.cert-manager.io/v1
                kind: Challenge
                metadata: {name: web-1-123-456, namespace: team-a}
                spec:
                  url: https://acme.example/chall/1
                  authorizationURL: https://acme.example/authz/1
                  dnsName: web.example.com
                  type: HTTP-01
                  token: abc
                  key: abc.thumb
                  solver:
                    http01:
                      ingress:
                        ingressClassName: nginx
                        podTemplate: {spec: {nodeSelector: {zone: a}}}
                  issuerRef: {name: pebble, kind: ClusterIssuer}
                status: {processing: true, presented: false, state: pending}
                """, Challenge.class);

        GenericKubernetesResource generic = ResourceCodec.toGeneric(ResourceKind.CHALLENGE, challenge);
        Challenge back = ResourceCodec.fromGeneric(ResourceKind.CHALLENGE, generic);

        assertThat(generic.getApiVersion()).isEqualTo("acme.cert-manager.io/v1");
        assertThat(back).isEqualTo(challenge);
    }
}
