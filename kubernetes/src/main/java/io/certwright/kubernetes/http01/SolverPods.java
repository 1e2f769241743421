package io.certwright.kubernetes.http01;

import io.certwright.api.model.Challenge;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.Toleration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the Pod that runs the acmesolver for one HTTP-01 challenge. */
final class SolverPods {
    /** Port the acmesolver listens on inside the Pod, and the Service's port. */
    static final int SOLVER_PORT = 8089;
    static final String GENERATE_NAME = "cm-acme-http-solver-";
    static final String CONTAINER_NAME = "acmesolver";

    private SolverPods() {
    }

    static Pod build(Challenge challenge, SolverSettings settings, IngressSolverConfig config,
            OwnerReference owner) {
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put("sidecar.istio.io/inject", "false");
        annotations.put("cluster-autoscaler.kubernetes.io/safe-to-evict", "true");
        Map<String, String> nodeSelector = new LinkedHashMap<>();
        nodeSelector.put("kubernetes.io/os", "linux");

        Container container = new ContainerBuilder()
                .withName(CONTAINER_NAME)
                .withImage(settings.image())
                .withImagePullPolicy("IfNotPresent")
                .withArgs(arguments(challenge))
                .addNewPort().withName("http").withContainerPort(SOLVER_PORT).endPort()
                .withResources(new ResourceRequirementsBuilder()
                        .addToRequests("cpu", new Quantity(settings.requestCpu()))
                        .addToRequests("memory", new Quantity(settings.requestMemory()))
                        .addToLimits("cpu", new Quantity(settings.limitsCpu()))
                        .addToLimits("memory", new Quantity(settings.limitsMemory()))
                        .build())
                .withNewSecurityContext()
                        .withReadOnlyRootFilesystem(true)
                        .withAllowPrivilegeEscalation(false)
                        .withNewCapabilities().withDrop("ALL").endCapabilities()
                .endSecurityContext()
                .build();

        Pod pod = new PodBuilder()
                .withNewMetadata()
                        .withGenerateName(GENERATE_NAME)
                        .withNamespace(challenge.getMetadata().getNamespace())
                        .withLabels(SolverLabels.withIdentity(challenge, settings.extraLabels()))
                        .withAnnotations(annotations)
                        .withOwnerReferences(owner)
                .endMetadata()
                .withNewSpec()
                        .withNodeSelector(nodeSelector)
                        .withRestartPolicy("OnFailure")
                        .withAutomountServiceAccountToken(false)
                        .withEnableServiceLinks(false)
                        .withSecurityContext(new PodSecurityContextBuilder()
                                .withRunAsNonRoot(settings.runAsNonRoot())
                                .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
                                .build())
                        .withContainers(container)
                .endSpec()
                .build();
        if (!settings.runtimeClassName().isEmpty()) {
            pod.getSpec().setRuntimeClassName(settings.runtimeClassName());
        }
        if (config.podTemplate() != null) {
            mergeTemplate(pod, config.podTemplate(), challenge);
        }
        return pod;
    }

    /** Returns the acmesolver arguments: listen port, domain, token and key authorization. */
    static List<String> arguments(Challenge challenge) {
        return List.of("--listen-port=" + SOLVER_PORT, "--domain=" + challenge.getSpec().getDnsName(),
                "--token=" + challenge.getSpec().getToken(), "--key=" + challenge.getSpec().getKey());
    }

    /**
     * Applies a solver's podTemplate: labels and annotations are added (the identity labels stay), nodeSelector
     * entries are merged over the default, tolerations and imagePullSecrets are appended, and affinity,
     * priorityClassName, serviceAccountName, securityContext and the container's resources are replaced when set.
     */
    private static void mergeTemplate(Pod pod, PodTemplateSpec template, Challenge challenge) {
        if (template.getMetadata() != null) {
            Map<String, String> labels = new LinkedHashMap<>(pod.getMetadata().getLabels());
            if (template.getMetadata().getLabels() != null) {
                labels.putAll(template.getMetadata().getLabels());
            }
            labels.putAll(SolverLabels.identity(challenge));
            pod.getMetadata().setLabels(labels);
            if (template.getMetadata().getAnnotations() != null) {
                pod.getMetadata().getAnnotations().putAll(template.getMetadata().getAnnotations());
            }
        }

        PodSpec from = template.getSpec();
        if (from == null) {
            return;
        }
        PodSpec to = pod.getSpec();
        if (from.getNodeSelector() != null) {
            to.getNodeSelector().putAll(from.getNodeSelector());
        }

        if (from.getTolerations() != null && !from.getTolerations().isEmpty()) {
            List<Toleration> tolerations = new ArrayList<>(to.getTolerations());
            tolerations.addAll(from.getTolerations());
            to.setTolerations(tolerations);
        }
        if (from.getAffinity() != null) {
            to.setAffinity(from.getAffinity());
        }
        if (from.getPriorityClassName() != null && !from.getPriorityClassName().isEmpty()) {
            to.setPriorityClassName(from.getPriorityClassName());
        }
        if (from.getServiceAccountName() != null && !from.getServiceAccountName().isEmpty()) {
            to.setServiceAccountName(from.getServiceAccountName());
        }

        if (from.getImagePullSecrets() != null && !from.getImagePullSecrets().isEmpty()) {
            List<LocalObjectReference> secrets = new ArrayList<>(to.getImagePullSecrets());
            secrets.addAll(from.getImagePullSecrets());
            to.setImagePullSecrets(secrets);
        }
        if (from.getSecurityContext() != null) {
            to.setSecurityContext(from.getSecurityContext());
        }
        if (from.getResources() != null) {
            to.getContainers().get(0).setResources(from.getResources());
        }
    }
}
