package io.certwright.kubernetes.http01;

import io.certwright.api.Json;
import io.certwright.api.model.Challenge;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import java.util.Map;

/**
 * The {@code http01.ingress} settings of a Challenge's solver, read from the untyped solver map.
 *
 * @param serviceType the solver Service's type: {@code NodePort} unless the solver sets {@code ClusterIP}
 * @param ingressClass the {@code class} field, written as the {@code kubernetes.io/ingress.class} annotation, or null
 * @param ingressClassName the {@code ingressClassName} field, or null
 * @param name the {@code name} field: an existing Ingress to add the challenge path to, or null
 * @param podTemplate the {@code podTemplate}, or null
 * @param ingressMetadata the {@code ingressTemplate.metadata}, or null
 */
record IngressSolverConfig(String serviceType, String ingressClass, String ingressClassName, String name,
        PodTemplateSpec podTemplate, ObjectMeta ingressMetadata) {
    static final String DEFAULT_SERVICE_TYPE = "NodePort";

    /**
     * Reads the ingress settings of a Challenge.
     *
     * @throws IllegalArgumentException naming the field when the solver has no {@code http01.ingress}
     */
    static IngressSolverConfig of(Challenge challenge) {
        Map<String, Object> http01 = challenge.getSpec().getSolver() == null ? null
                : challenge.getSpec().getSolver().getHttp01();
        String where = "Challenge " + challenge.getMetadata().getNamespace() + "/" + challenge.getMetadata().getName();
        if (http01 == null) {
            throw new IllegalArgumentException(where + " has no spec.solver.http01; the Order picked a solver"
                    + " without HTTP-01 settings");
        }
        if (!(http01.get("ingress") instanceof Map<?, ?> ingress)) {
            if (http01.containsKey("gatewayHTTPRoute")) {
                throw new IllegalArgumentException(where + " uses spec.solver.http01.gatewayHTTPRoute, which the"
                        + " Kubernetes runtime of Certwright does not support yet; use http01.ingress");
            }
            throw new IllegalArgumentException(where + " has no spec.solver.http01.ingress; set http01.ingress");
        }
        String serviceType = text(ingress.get("serviceType"));
        if (serviceType == null || serviceType.isEmpty()) {
            serviceType = DEFAULT_SERVICE_TYPE;
        } else if (!serviceType.equals("NodePort") && !serviceType.equals("ClusterIP")) {
            throw new IllegalArgumentException(where + ": invalid spec.solver.http01.ingress.serviceType '"
                    + serviceType + "'; use NodePort, ClusterIP or leave it empty");
        }
        PodTemplateSpec podTemplate = ingress.get("podTemplate") == null ? null
                : Json.json().convertValue(ingress.get("podTemplate"), PodTemplateSpec.class);
        ObjectMeta ingressMetadata = null;
        if (ingress.get("ingressTemplate") instanceof Map<?, ?> template && template.get("metadata") != null) {
            ingressMetadata = Json.json().convertValue(template.get("metadata"), ObjectMeta.class);
        }
        return new IngressSolverConfig(serviceType, emptyToNull(text(ingress.get("class"))),
                emptyToNull(text(ingress.get("ingressClassName"))), emptyToNull(text(ingress.get("name"))),
                podTemplate, ingressMetadata);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
