package io.certwright.kubernetes.http01;

import io.certwright.api.model.Challenge;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import java.util.Map;

/** Builds the Service in front of one challenge's solver Pod. */
final class SolverServices {
    private SolverServices() {
    }

    static Service build(Challenge challenge, SolverSettings settings, IngressSolverConfig config,
            OwnerReference owner) {
        return new ServiceBuilder()
                .withNewMetadata()
                        .withGenerateName(SolverPods.GENERATE_NAME)
                        .withNamespace(challenge.getMetadata().getNamespace())
                        .withLabels(SolverLabels.withIdentity(challenge, settings.extraLabels()))
                        // Istio's mutual TLS would reject the ACME server's plain HTTP request.
                        .withAnnotations(Map.of("auth.istio.io/" + SolverPods.SOLVER_PORT, "NONE"))
                        .withOwnerReferences(owner)
                .endMetadata()
                .withNewSpec()
                        .withType(config.serviceType())
                        .addNewPort()
                                .withName("http")
                                .withProtocol("TCP")
                                .withPort(SolverPods.SOLVER_PORT)
                                .withTargetPort(new IntOrString(SolverPods.SOLVER_PORT))
                        .endPort()
                        .withSelector(SolverLabels.identity(challenge))
                .endSpec()
                .build();
    }
}
