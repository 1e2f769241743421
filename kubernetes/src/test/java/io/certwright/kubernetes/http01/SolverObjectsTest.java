package io.certwright.kubernetes.http01;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.certwright.api.Json;
import io.certwright.api.model.Challenge;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SolverObjectsTest {
    private static final OwnerReference OWNER = new OwnerReferenceBuilder().withApiVersion("acme.cert-manager.io/v1")
            .withKind("Challenge").withName("web-1").withUid("uid-1").withController(true).build();

    private static Challenge challenge(String http01Yaml) {
        return Json.yaml().readValue("""
                apiVersion: acme.cert-manager.io/v1
                kind: Challenge
                metadata: {name: web-1, namespace: demo, uid: uid-1}
                spec:
                  dnsName: web.example.com
                  type: HTTP-01
                  token: tok
                  key: tok.thumb
                  solver:
                    http01:
                %s
                """.formatted(http01Yaml.indent(6).stripTrailing()), Challenge.class);
    }

    @Test
    void identityLabelsAreAdler32OfDomainAndToken() {
        Map<String, String> labels = SolverLabels.identity(challenge("ingress: {}"));

        // Adler-32 of "Wikipedia" is 0x11E60398, the example of the algorithm's specification page.
        assertThat(SolverLabels.checksum("Wikipedia")).isEqualTo(Long.toString(0x11E60398L));
        assertThat(labels).containsEntry(SolverLabels.DOMAIN, SolverLabels.checksum("web.example.com"))
                .containsEntry(SolverLabels.TOKEN, SolverLabels.checksum("tok"))
                .containsEntry(SolverLabels.SOLVER, "true");
    }

    @Test
    void podCarriesDefaultsAndSolverArguments() {
        Challenge challenge = challenge("ingress: {}");

        Pod pod = SolverPods.build(challenge, SolverSettings.defaults(), IngressSolverConfig.of(challenge), OWNER);

        assertThat(pod.getMetadata().getGenerateName()).isEqualTo("cm-acme-http-solver-");
        assertThat(pod.getMetadata().getNamespace()).isEqualTo("demo");
        assertThat(pod.getMetadata().getOwnerReferences()).containsExactly(OWNER);
        assertThat(pod.getSpec().getNodeSelector()).containsExactly(Map.entry("kubernetes.io/os", "linux"));
        assertThat(pod.getSpec().getRuntimeClassName()).isNull();
        var container = pod.getSpec().getContainers().get(0);
        assertThat(container.getImage()).isEqualTo(SolverSettings.DEFAULT_IMAGE);
        assertThat(container.getArgs()).containsExactly("--listen-port=8089", "--domain=web.example.com",
                "--token=tok", "--key=tok.thumb");
        assertThat(container.getResources().getRequests()).containsEntry("cpu", new Quantity("10m"))
                .containsEntry("memory", new Quantity("64Mi"));
        assertThat(container.getResources().getLimits()).containsEntry("cpu", new Quantity("100m"))
                .containsEntry("memory", new Quantity("64Mi"));
    }

    @Test
    void podTemplateMergesWithoutReplacingIdentityLabels() {
        Challenge challenge = challenge("""
                ingress:
                  podTemplate:
                    metadata:
                      labels: {acme.cert-manager.io/http01-solver: "false", tier: solver}
                      annotations: {example.com/a: b}
                    spec:
                      nodeSelector: {zone: a}
                      tolerations: [{key: dedicated, operator: Exists}]
                      priorityClassName: low
                      serviceAccountName: solver
                      imagePullSecrets: [{name: pull}]
                      securityContext: {runAsUser: 1000}
                      resources: {limits: {memory: 128Mi}}
                """);

        Pod pod = SolverPods.build(challenge, SolverSettings.defaults(), IngressSolverConfig.of(challenge), OWNER);

        assertThat(pod.getMetadata().getLabels()).containsEntry("tier", "solver")
                .containsEntry(SolverLabels.SOLVER, "true");
        assertThat(pod.getMetadata().getAnnotations()).containsEntry("example.com/a", "b")
                .containsEntry("sidecar.istio.io/inject", "false");
        assertThat(pod.getSpec().getNodeSelector()).containsEntry("kubernetes.io/os", "linux").containsEntry("zone", "a");
        assertThat(pod.getSpec().getTolerations()).hasSize(1);
        assertThat(pod.getSpec().getPriorityClassName()).isEqualTo("low");
        assertThat(pod.getSpec().getServiceAccountName()).isEqualTo("solver");
        assertThat(pod.getSpec().getImagePullSecrets()).hasSize(1);
        assertThat(pod.getSpec().getSecurityContext().getRunAsUser()).isEqualTo(1000L);
        assertThat(pod.getSpec().getSecurityContext().getRunAsNonRoot()).isNull();
        assertThat(pod.getSpec().getContainers().get(0).getResources().getLimits())
                .containsExactly(Map.entry("memory", new Quantity("128Mi")));
    }

    @Test
    void serviceTypeComesFromSolver() {
        Challenge challenge = challenge("ingress: {serviceType: ClusterIP}");

        Service service = SolverServices.build(challenge, SolverSettings.defaults(), IngressSolverConfig.of(challenge),
                OWNER);

        assertThat(service.getSpec().getType()).isEqualTo("ClusterIP");
        assertThat(service.getSpec().getSelector()).isEqualTo(SolverLabels.identity(challenge));
        assertThat(service.getMetadata().getAnnotations()).containsEntry("auth.istio.io/8089", "NONE");
    }

    @Test
    void invalidServiceTypeIsRejected() {
        Challenge challenge = challenge("ingress: {serviceType: LoadBalancer}");

        assertThatThrownBy(() -> IngressSolverConfig.of(challenge))
                .hasMessageContaining("serviceType 'LoadBalancer'").hasMessageContaining("demo/web-1");
    }

    @Test
    void gatewayRouteSolverIsRejectedAsUnsupported() {
        Challenge challenge = challenge("gatewayHTTPRoute: {parentRefs: [{name: gw}]}");

        assertThatThrownBy(() -> IngressSolverConfig.of(challenge)).hasMessageContaining("gatewayHTTPRoute");
    }

    @Test
    void ingressClassBecomesAnnotation() {
        Challenge challenge = challenge("ingress: {class: nginx}");

        Ingress ingress = SolverIngresses.build(challenge, SolverSettings.defaults(), IngressSolverConfig.of(challenge),
                "svc", OWNER);

        assertThat(ingress.getMetadata().getAnnotations()).containsEntry("kubernetes.io/ingress.class", "nginx")
                .containsEntry(SolverIngresses.WHITELIST_ANNOTATION, SolverIngresses.WHITELIST_ALL);
        assertThat(ingress.getSpec().getIngressClassName()).isNull();
        var path = ingress.getSpec().getRules().get(0).getHttp().getPaths().get(0);
        assertThat(ingress.getSpec().getRules().get(0).getHost()).isEqualTo("web.example.com");
        assertThat(path.getPath()).isEqualTo("/.well-known/acme-challenge/tok");
        assertThat(path.getPathType()).isEqualTo("Exact");
        assertThat(path.getBackend().getService().getName()).isEqualTo("svc");
    }

    @Test
    void templateSourceRangeReplacesDefaultWhitelist() {
        Challenge challenge = challenge("""
                ingress:
                  ingressTemplate:
                    metadata:
                      annotations: {haproxy.org/whitelist-source-range: 10.0.0.0/8}
                      labels: {team: web}
                """);

        Ingress ingress = SolverIngresses.build(challenge, SolverSettings.defaults(), IngressSolverConfig.of(challenge),
                "svc", OWNER);

        assertThat(ingress.getMetadata().getAnnotations()).doesNotContainKey(SolverIngresses.WHITELIST_ANNOTATION)
                .containsEntry("haproxy.org/whitelist-source-range", "10.0.0.0/8");
        assertThat(ingress.getMetadata().getLabels()).containsEntry("team", "web")
                .containsAllEntriesOf(SolverLabels.identity(challenge));
    }

    @Test
    void ipIdentifierGetsRuleWithoutHost() {
        Challenge challenge = challenge("ingress: {}");
        challenge.getSpec().setDnsName("192.0.2.10");

        assertThat(SolverIngresses.rule(challenge, "svc").getHost()).isNull();
        assertThat(SolverIngresses.isIpAddress("2001:db8::1")).isTrue();
        assertThat(SolverIngresses.isIpAddress("1.2.3.example.com")).isFalse();
    }

    @Test
    void namedIngressGainsAndLosesChallengePath() {
        Challenge challenge = challenge("ingress: {name: web}");
        Ingress ingress = new IngressBuilder().withNewMetadata().withName("web").withNamespace("demo").endMetadata()
                .withNewSpec().addNewRule().withHost("web.example.com").withNewHttp().addNewPath().withPath("/")
                .withPathType("Prefix").withNewBackend().withNewService().withName("app").withNewPort().withNumber(80)
                .endPort().endService().endBackend().endPath().endHttp().endRule().endSpec().build();

        assertThat(SolverIngresses.addPath(ingress, challenge, "svc")).isTrue();
        assertThat(SolverIngresses.addPath(ingress, challenge, "svc")).isFalse();
        assertThat(ingress.getSpec().getRules()).hasSize(2);

        assertThat(SolverIngresses.removePath(ingress, challenge)).isTrue();
        assertThat(ingress.getSpec().getRules()).hasSize(1);
        assertThat(ingress.getSpec().getRules().get(0).getHttp().getPaths().get(0).getPath()).isEqualTo("/");
        assertThat(SolverIngresses.removePath(ingress, challenge)).isFalse();
    }
}
