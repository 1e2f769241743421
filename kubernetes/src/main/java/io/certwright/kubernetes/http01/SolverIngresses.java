package io.certwright.kubernetes.http01;

import io.certwright.api.model.Challenge;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPathBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRuleBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Builds the Ingress that routes {@code /.well-known/acme-challenge/<token>} to the solver Service, or edits an
 * existing Ingress when the solver names one.
 */
final class SolverIngresses {
    static final String CHALLENGE_PATH_PREFIX = "/.well-known/acme-challenge/";
    static final String INGRESS_CLASS_ANNOTATION = "kubernetes.io/ingress.class";
    static final String WHITELIST_ANNOTATION = "nginx.ingress.kubernetes.io/whitelist-source-range";
    /** Allows every client, because ingress-nginx may otherwise restrict the path to the cluster's own ranges. */
    static final String WHITELIST_ALL = "0.0.0.0/0,::/0";
    /** Path type of the challenge rule; cert-manager's ACMEHTTP01IngressPathTypeExact gate is on by default. */
    static final String PATH_TYPE = "Exact";

    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])"
            + "(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");

    private SolverIngresses() {
    }

    /** Returns a new Ingress for the challenge, with the solver's class and ingressTemplate applied. */
    static Ingress build(Challenge challenge, SolverSettings settings, IngressSolverConfig config,
            String serviceName, OwnerReference owner) {
        Map<String, String> labels = new LinkedHashMap<>(settings.extraLabels());
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put(WHITELIST_ANNOTATION, WHITELIST_ALL);
        if (config.ingressClass() != null) {
            annotations.put(INGRESS_CLASS_ANNOTATION, config.ingressClass());
        }
        if (config.ingressMetadata() != null) {
            Map<String, String> templateAnnotations = config.ingressMetadata().getAnnotations();
            if (templateAnnotations != null) {
                // A template that sets its own source range, for any controller, replaces the permissive default.
                if (templateAnnotations.keySet().stream().anyMatch(key -> key.endsWith("/whitelist-source-range"))) {
                    annotations.remove(WHITELIST_ANNOTATION);
                }
                annotations.putAll(templateAnnotations);
            }
            if (config.ingressMetadata().getLabels() != null) {
                labels.putAll(config.ingressMetadata().getLabels());
            }
        }
        labels.putAll(SolverLabels.identity(challenge));

        Ingress ingress = new IngressBuilder()
                .withNewMetadata()
                        .withGenerateName(SolverPods.GENERATE_NAME)
                        .withNamespace(challenge.getMetadata().getNamespace())
                        .withLabels(labels)
                        .withAnnotations(annotations)
                        .withOwnerReferences(owner)
                .endMetadata()
                .withNewSpec()
                        .withRules(rule(challenge, serviceName))
                .endSpec()
                .build();
        if (config.ingressClassName() != null) {
            ingress.getSpec().setIngressClassName(config.ingressClassName());
        }
        return ingress;
    }

    /** Returns the rule for the challenge's host, or for any host when the identifier is an IP address. */
    static IngressRule rule(Challenge challenge, String serviceName) {
        String dnsName = challenge.getSpec().getDnsName();
        IngressRuleBuilder rule = new IngressRuleBuilder();
        if (!isIpAddress(dnsName)) {
            rule.withHost(dnsName);
        }
        return rule.withNewHttp().withPaths(path(challenge, serviceName)).endHttp().build();
    }

    static HTTPIngressPath path(Challenge challenge, String serviceName) {
        return new HTTPIngressPathBuilder()
                .withPath(challengePath(challenge))
                .withPathType(PATH_TYPE)
                .withNewBackend()
                        .withNewService()
                                .withName(serviceName)
                                .withNewPort().withNumber(SolverPods.SOLVER_PORT).endPort()
                        .endService()
                .endBackend()
                .build();
    }

    static String challengePath(Challenge challenge) {
        return CHALLENGE_PATH_PREFIX + challenge.getSpec().getToken();
    }

    /**
     * Adds the challenge's path, routed to {@code serviceName}, to an existing Ingress. Returns false when the
     * Ingress already routes that path to that Service.
     */
    static boolean addPath(Ingress ingress, Challenge challenge, String serviceName) {
        IngressRule wanted = rule(challenge, serviceName);
        List<IngressRule> rules = ingress.getSpec().getRules() == null ? new ArrayList<>()
                : new ArrayList<>(ingress.getSpec().getRules());
        for (IngressRule existing : rules) {
            if (sameHost(existing, wanted) && existing.getHttp() != null && existing.getHttp().getPaths() != null) {
                for (HTTPIngressPath path : existing.getHttp().getPaths()) {
                    if (path.equals(wanted.getHttp().getPaths().get(0))) {
                        return false;
                    }
                }
            }
        }
        removePath(rules, challenge);
        rules.add(wanted);
        ingress.getSpec().setRules(rules);
        return true;
    }

    /** Removes the challenge's path from an existing Ingress. Returns false when it had none. */
    static boolean removePath(Ingress ingress, Challenge challenge) {
        if (ingress.getSpec() == null || ingress.getSpec().getRules() == null) {
            return false;
        }
        List<IngressRule> rules = new ArrayList<>(ingress.getSpec().getRules());
        boolean removed = removePath(rules, challenge);
        ingress.getSpec().setRules(rules);
        return removed;
    }

    private static boolean removePath(List<IngressRule> rules, Challenge challenge) {
        String path = challengePath(challenge);
        boolean removed = false;
        for (int i = rules.size() - 1; i >= 0; i--) {
            IngressRule rule = rules.get(i);
            if (rule.getHttp() == null || rule.getHttp().getPaths() == null) {
                continue;
            }
            List<HTTPIngressPath> paths = new ArrayList<>(rule.getHttp().getPaths());
            if (paths.removeIf(candidate -> path.equals(candidate.getPath()))) {
                removed = true;
                if (paths.isEmpty()) {
                    rules.remove(i);
                } else {
                    rule.getHttp().setPaths(paths);
                }
            }
        }
        return removed;
    }

    private static boolean sameHost(IngressRule a, IngressRule b) {
        String hostA = a.getHost() == null ? "" : a.getHost();
        String hostB = b.getHost() == null ? "" : b.getHost();
        return hostA.equals(hostB);
    }

    /** Returns whether an identifier is an IP address: IPv6 contains a colon, IPv4 is four decimal octets. */
    static boolean isIpAddress(String value) {
        return value.contains(":") || IPV4.matcher(value).matches();
    }
}
