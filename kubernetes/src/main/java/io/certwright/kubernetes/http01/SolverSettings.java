package io.certwright.kubernetes.http01;

import io.certwright.acme.http01.Http01Solver;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of the HTTP-01 solver Pods, from the controller's {@code --acme-http01-solver-*} flags.
 *
 * @param image image of the {@code acmesolver} container ({@code --acme-http01-solver-image})
 * @param requestCpu CPU request of the container, as a Kubernetes quantity
 * @param requestMemory memory request of the container
 * @param limitsCpu CPU limit of the container
 * @param limitsMemory memory limit of the container
 * @param runAsNonRoot whether the Pod's security context sets {@code runAsNonRoot}
 * @param extraLabels labels added to every solver Pod, Service and Ingress; the identity labels win
 * @param runtimeClassName the Pod's runtimeClassName, or empty for none
 * @param selfCheck where and how often the self-check requests the challenge URL
 */
public record SolverSettings(String image, String requestCpu, String requestMemory, String limitsCpu,
        String limitsMemory, boolean runAsNonRoot, Map<String, String> extraLabels, String runtimeClassName,
        Http01Solver.Settings selfCheck) {
    /**
     * cert-manager's acmesolver image of the release whose behaviour Certwright follows. It takes the same
     * arguments as {@code certwright acmesolver}.
     */
    public static final String DEFAULT_IMAGE = "quay.io/jetstack/cert-manager-acmesolver:v1.21.1";
    public static final String DEFAULT_REQUEST_CPU = "10m";
    public static final String DEFAULT_REQUEST_MEMORY = "64Mi";
    public static final String DEFAULT_LIMITS_CPU = "100m";
    public static final String DEFAULT_LIMITS_MEMORY = "64Mi";

    public SolverSettings {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(requestCpu, "requestCpu");
        Objects.requireNonNull(requestMemory, "requestMemory");
        Objects.requireNonNull(limitsCpu, "limitsCpu");
        Objects.requireNonNull(limitsMemory, "limitsMemory");
        extraLabels = Map.copyOf(extraLabels);
        runtimeClassName = runtimeClassName == null ? "" : runtimeClassName;
        Objects.requireNonNull(selfCheck, "selfCheck");
    }

    /** cert-manager's defaults, with the self-check on port 80 of the challenge's domain. */
    public static SolverSettings defaults() {
        return new SolverSettings(DEFAULT_IMAGE, DEFAULT_REQUEST_CPU, DEFAULT_REQUEST_MEMORY, DEFAULT_LIMITS_CPU,
                DEFAULT_LIMITS_MEMORY, true, Map.of(), "", Http01Solver.Settings.defaults());
    }

    public SolverSettings withSelfCheck(Http01Solver.Settings settings) {
        return new SolverSettings(image, requestCpu, requestMemory, limitsCpu, limitsMemory, runAsNonRoot,
                extraLabels, runtimeClassName, settings);
    }

    /** Returns these settings with the Pod fields replaced and the self-check kept. */
    public SolverSettings withPod(String podImage, String cpuRequest, String memoryRequest, String cpuLimit,
            String memoryLimit, boolean nonRoot, Map<String, String> labels, String runtimeClass) {
        return new SolverSettings(podImage, cpuRequest, memoryRequest, cpuLimit, memoryLimit, nonRoot, labels,
                runtimeClass, selfCheck);
    }
}
