package io.certwright.api.validation;

import io.certwright.api.model.ACMEChallengeSolver;
import io.certwright.api.model.SecretKeySelector;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Field rules for one ACME challenge solver. The model keeps {@code http01} and {@code dns01} as
 * JSON maps, so the checks read them by their JSON keys; field paths use cert-manager's names,
 * which for some provider fields are the Go field names (for example {@code akamai.accessToken}).
 */
final class AcmeSolverValidator {
    private static final List<String> TSIG_ALGORITHMS = List.of("HMACMD5", "HMACSHA1", "HMACSHA256", "HMACSHA512");
    private static final List<String> AZURE_ENVIRONMENTS = List.of("AzurePublicCloud", "AzureChinaCloud",
            "AzureGermanCloud", "AzureUSGovernmentCloud");
    private static final String MORE_THAN_ONE_PROVIDER = "may not specify more than one provider type";

    private AcmeSolverValidator() {
    }

    static List<FieldError> validate(ACMEChallengeSolver solver, String path) {
        List<FieldError> errors = new ArrayList<>();
        int types = 0;
        if (solver.getHttp01() != null) {
            types++;
            validateHttp01(solver.getHttp01(), path + ".http01", errors);
        }
        if (solver.getDns01() != null) {
            if (types > 0) {
                errors.add(FieldError.forbidden(path, "may not specify more than one solver type in a single solver"));
            } else {
                types++;
                validateDns01(solver.getDns01(), path + ".dns01", errors);
            }
        }
        if (types == 0) {
            errors.add(FieldError.required(path, "no solver type configured"));
        }
        Duration wait = IssuerValidator.parseDuration(solver.getWaitInsteadOfSelfCheck(),
                path + ".waitInsteadOfSelfCheck", errors);
        if (wait != null && wait.isNegative()) {
            errors.add(FieldError.invalid(path + ".waitInsteadOfSelfCheck", wait, "waitInsteadOfSelfCheck must not be negative"));
        }
        return errors;
    }

    private static void validateHttp01(Map<String, Object> http01, String path, List<FieldError> errors) {
        int defined = 0;
        Map<String, Object> ingress = map(http01.get("ingress"));
        Map<String, Object> gateway = map(http01.get("gatewayHTTPRoute"));
        if (ingress != null) {
            defined++;
            validateIngress(ingress, path + ".ingress", errors);
        }
        if (gateway != null) {
            defined++;
            // cert-manager reports gatewayHTTPRoute problems under "gateway".
            validateGateway(gateway, path + ".gateway", errors);
        }
        if (defined == 0) {
            errors.add(FieldError.required(path, "no HTTP01 solver type configured"));
        }
        if (defined > 1) {
            errors.add(FieldError.required(path, "only 1 HTTP01 solver type may be configured"));
        }
    }

    private static void validateIngress(Map<String, Object> ingress, String path, List<FieldError> errors) {
        int specified = 0;
        if (ingress.get("class") != null) {
            specified++;
        }
        if (ingress.get("ingressClassName") != null) {
            specified++;
        }
        if (!string(ingress, "name").isEmpty()) {
            specified++;
        }
        if (specified > 1) {
            errors.add(FieldError.forbidden(path, "only one of 'ingressClassName', 'name' or 'class' should be specified"));
        }
        if (ingress.get("ingressClassName") != null) {
            String className = string(ingress, "ingressClassName");
            List<String> problems = KubernetesNames.dns1123SubdomainProblems(className);
            if (!problems.isEmpty()) {
                errors.add(FieldError.invalid(path + ".ingressClassName", className,
                        "must be a valid IngressClass name: " + String.join(", ", problems)));
            }
        }
        validateServiceType(ingress, path, errors);
    }

    private static void validateGateway(Map<String, Object> gateway, String path, List<FieldError> errors) {
        validateServiceType(gateway, path, errors);
        Object parentRefs = gateway.get("parentRefs");
        if (!(parentRefs instanceof List<?> refs)) {
            return;
        }
        for (int i = 0; i < refs.size(); i++) {
            Map<String, Object> ref = map(refs.get(i));
            if (ref == null) {
                continue;
            }
            boolean hasKind = ref.get("kind") != null;
            boolean hasName = !string(ref, "name").isEmpty();
            if (hasKind && !hasName) {
                errors.add(FieldError.required(path + ".parentRefs[" + i + "].name", "name is required when kind is specified"));
                return;
            }
            if (hasName && !hasKind) {
                errors.add(FieldError.required(path + ".parentRefs[" + i + "].kind", "kind is required when name is specified"));
                return;
            }
        }
    }

    private static void validateServiceType(Map<String, Object> solver, String path, List<FieldError> errors) {
        String serviceType = string(solver, "serviceType");
        if (!serviceType.isEmpty() && !serviceType.equals("ClusterIP") && !serviceType.equals("NodePort")) {
            errors.add(FieldError.invalid(path + ".serviceType", serviceType, "must be empty, \"ClusterIP\" or \"NodePort\""));
        }
    }

    private static void validateDns01(Map<String, Object> dns01, String path, List<FieldError> errors) {
        String cnameStrategy = string(dns01, "cnameStrategy");
        if (!cnameStrategy.isEmpty() && !cnameStrategy.equals("None") && !cnameStrategy.equals("Follow")) {
            errors.add(FieldError.invalid(path + ".cnameStrategy", cnameStrategy, "must be one of \"None\" or \"Follow\""));
        }
        if (dns01.get("nameservers") instanceof List<?> nameservers) {
            for (int i = 0; i < nameservers.size(); i++) {
                String nameserver = nameservers.get(i) == null ? "" : nameservers.get(i).toString();
                String itemPath = path + ".nameservers[" + i + "]";
                dns01NameserverProblem(nameserver).ifPresent(problem -> errors.add(
                        FieldError.invalid(itemPath, nameserver, problem)));
            }
        }

        int providers = 0;
        Map<String, Object> akamai = map(dns01.get("akamai"));
        if (akamai != null) {
            // cert-manager counts akamai and acmeDNS without the "more than one provider" check.
            providers++;
            errors.addAll(secretKeySelector(akamai, "accessTokenSecretRef", path + ".akamai.accessToken"));
            errors.addAll(secretKeySelector(akamai, "clientSecretSecretRef", path + ".akamai.clientSecret"));
            errors.addAll(secretKeySelector(akamai, "clientTokenSecretRef", path + ".akamai.clientToken"));
            if (string(akamai, "serviceConsumerDomain").isEmpty()) {
                errors.add(FieldError.required(path + ".akamai.serviceConsumerDomain", ""));
            }
        }
        Map<String, Object> azure = map(dns01.get("azureDNS"));
        if (azure != null) {
            if (providers++ > 0) {
                errors.add(FieldError.forbidden(path + ".azureDNS", MORE_THAN_ONE_PROVIDER));
            } else {
                validateAzure(azure, path + ".azureDNS", errors);
            }
        }
        Map<String, Object> cloudDns = map(dns01.get("cloudDNS"));
        if (cloudDns != null) {
            if (providers++ > 0) {
                errors.add(FieldError.forbidden(path + ".cloudDNS", MORE_THAN_ONE_PROVIDER));
            } else {
                if (cloudDns.get("serviceAccountSecretRef") != null) {
                    errors.addAll(secretKeySelector(cloudDns, "serviceAccountSecretRef", path + ".cloudDNS.serviceAccountSecretRef"));
                }
                if (string(cloudDns, "project").isEmpty()) {
                    errors.add(FieldError.required(path + ".cloudDNS.project", ""));
                }
            }
        }
        Map<String, Object> cloudflare = map(dns01.get("cloudflare"));
        if (cloudflare != null) {
            if (providers++ > 0) {
                errors.add(FieldError.forbidden(path + ".cloudflare", MORE_THAN_ONE_PROVIDER));
            } else {
                validateCloudflare(cloudflare, path + ".cloudflare", errors);
            }
        }
        Map<String, Object> route53 = map(dns01.get("route53"));
        if (route53 != null) {
            if (providers++ > 0) {
                errors.add(FieldError.forbidden(path + ".route53", MORE_THAN_ONE_PROVIDER));
            } else {
                if (!string(route53, "accessKeyID").isEmpty() && route53.get("accessKeyIDSecretRef") != null) {
                    errors.add(FieldError.required(path + ".route53",
                            "accessKeyID and accessKeyIDSecretRef cannot both be specified"));
                }
                if (route53.get("accessKeyIDSecretRef") != null) {
                    errors.addAll(secretKeySelector(route53, "accessKeyIDSecretRef", path + ".route53.accessKeyIDSecretRef"));
                }
            }
        }
        Map<String, Object> acmeDns = map(dns01.get("acmeDNS"));
        if (acmeDns != null) {
            providers++;
            errors.addAll(secretKeySelector(acmeDns, "accountSecretRef", path + ".acmeDNS.accountSecretRef"));
            if (string(acmeDns, "host").isEmpty()) {
                errors.add(FieldError.required(path + ".acmeDNS.host", ""));
            }
        }
        Map<String, Object> digitalOcean = map(dns01.get("digitalocean"));
        if (digitalOcean != null) {
            if (providers++ > 0) {
                errors.add(FieldError.forbidden(path + ".digitalocean", MORE_THAN_ONE_PROVIDER));
            } else {
                errors.addAll(secretKeySelector(digitalOcean, "tokenSecretRef", path + ".digitalocean.tokenSecretRef"));
            }
        }
        Map<String, Object> rfc2136 = map(dns01.get("rfc2136"));
        if (rfc2136 != null) {
            if (providers++ > 0) {
                errors.add(FieldError.forbidden(path + ".rfc2136", MORE_THAN_ONE_PROVIDER));
            } else {
                validateRfc2136(rfc2136, path + ".rfc2136", errors);
            }
        }
        Map<String, Object> webhook = map(dns01.get("webhook"));
        if (webhook != null) {
            if (providers++ > 0) {
                errors.add(FieldError.forbidden(path + ".webhook", MORE_THAN_ONE_PROVIDER));
            } else if (string(webhook, "solverName").isEmpty()) {
                errors.add(FieldError.required(path + ".webhook.solverName", "solver name must be specified"));
            }
        }
        if (providers == 0) {
            errors.add(FieldError.required(path, "no DNS01 provider configured"));
        }
    }

    private static void validateAzure(Map<String, Object> azure, String path, List<FieldError> errors) {
        Map<String, Object> managedIdentity = map(azure.get("managedIdentity"));
        boolean servicePrincipal = !string(azure, "clientID").isEmpty() || !string(azure, "tenantID").isEmpty()
                || azure.get("clientSecretSecretRef") != null;
        if (servicePrincipal) {
            if (string(azure, "clientID").isEmpty()) {
                errors.add(FieldError.required(path + ".clientID", ""));
            }
            if (azure.get("clientSecretSecretRef") == null) {
                errors.add(FieldError.required(path + ".clientSecretSecretRef", ""));
            } else {
                errors.addAll(secretKeySelector(azure, "clientSecretSecretRef", path + ".clientSecretSecretRef"));
            }
            if (string(azure, "tenantID").isEmpty()) {
                errors.add(FieldError.required(path + ".tenantID", ""));
            }
            if (managedIdentity != null) {
                errors.add(FieldError.forbidden(path + ".managedIdentity",
                        "managed identity cannot be used at the same time as clientID, clientSecretSecretRef or tenantID"));
            }
        } else if (managedIdentity != null) {
            boolean clientId = !string(managedIdentity, "clientID").isEmpty();
            boolean resourceId = !string(managedIdentity, "resourceID").isEmpty();
            boolean tenantId = !string(managedIdentity, "tenantID").isEmpty();
            if (clientId && resourceId) {
                errors.add(FieldError.forbidden(path + ".managedIdentity",
                        "managedIdentityClientID and managedIdentityResourceID cannot both be specified"));
            }
            if (tenantId && resourceId) {
                errors.add(FieldError.forbidden(path + ".managedIdentity",
                        "managedIdentityTenantID and managedIdentityResourceID cannot both be specified"));
            }
            if (tenantId && !clientId) {
                errors.add(FieldError.required(path + ".managedIdentity",
                        "managedIdentityClientID is required when using managedIdentityTenantID"));
            }
        }
        if (string(azure, "subscriptionID").isEmpty()) {
            errors.add(FieldError.required(path + ".subscriptionID", ""));
        }
        if (string(azure, "resourceGroupName").isEmpty()) {
            errors.add(FieldError.required(path + ".resourceGroupName", ""));
        }
        String environment = string(azure, "environment");
        if (!environment.isEmpty() && !AZURE_ENVIRONMENTS.contains(environment)) {
            errors.add(FieldError.invalid(path + ".environment", environment,
                    "must be either empty or one of AzurePublicCloud, AzureChinaCloud, AzureGermanCloud, or AzureUSGovernmentCloud"));
        }
    }

    private static void validateCloudflare(Map<String, Object> cloudflare, String path, List<FieldError> errors) {
        boolean apiKey = cloudflare.get("apiKeySecretRef") != null;
        boolean apiToken = cloudflare.get("apiTokenSecretRef") != null;
        if (apiKey) {
            errors.addAll(secretKeySelector(cloudflare, "apiKeySecretRef", path + ".apiKeySecretRef"));
        }
        if (apiToken) {
            errors.addAll(secretKeySelector(cloudflare, "apiTokenSecretRef", path + ".apiTokenSecretRef"));
        }
        if (apiKey && apiToken) {
            errors.add(FieldError.forbidden(path, "apiKeySecretRef and apiTokenSecretRef cannot both be specified"));
        }
        if (!apiKey && !apiToken) {
            errors.add(FieldError.required(path, "apiKeySecretRef or apiTokenSecretRef is required"));
        }
        if (string(cloudflare, "email").isEmpty() && apiKey) {
            errors.add(FieldError.required(path + ".email", ""));
        }
    }

    private static void validateRfc2136(Map<String, Object> rfc2136, String path, List<FieldError> errors) {
        String nameserver = string(rfc2136, "nameserver");
        if (nameserver.isEmpty()) {
            errors.add(FieldError.required(path + ".nameserver", ""));
        } else if (rfc2136NameserverProblem(nameserver).isPresent()) {
            errors.add(FieldError.invalid(path + ".nameserver", nameserver, "nameserver must be set in the form host:port "
                    + "where host is an IPv4 address, an enclosed IPv6 address or a hostname and port is an optional port number."));
        }
        String algorithm = string(rfc2136, "tsigAlgorithm");
        if (!algorithm.isEmpty() && !TSIG_ALGORITHMS.contains(algorithm.toUpperCase(Locale.ROOT))) {
            errors.add(FieldError.notSupported(path + ".tsigAlgorithm", "", TSIG_ALGORITHMS));
        }
        String keyName = string(rfc2136, "tsigKeyName");
        List<FieldError> secretErrors = secretKeySelector(rfc2136, "tsigSecretSecretRef", path + ".tsigSecretSecretRef");
        if (!keyName.isEmpty()) {
            errors.addAll(secretErrors);
        }
        if (secretErrors.isEmpty() && keyName.isEmpty()) {
            errors.add(FieldError.required(path + ".tsigKeyName", ""));
        }
    }

    /**
     * Checks an RFC 2136 nameserver: {@code host[:port]}, IPv6 hosts in brackets, port defaulting to 53.
     *
     * @return the problem, or empty when the nameserver is usable
     */
    static Optional<String> rfc2136NameserverProblem(String nameserver) {
        String trimmed = nameserver.strip();
        if (trimmed.isEmpty()) {
            return Optional.of("RFC2136 nameserver missing");
        }
        String host;
        try {
            host = GoHostPort.split(trimmed)[0];
        } catch (IllegalArgumentException e) {
            if (!e.getMessage().contains("missing port")) {
                return Optional.of("RFC2136 nameserver is invalid: " + e.getMessage());
            }
            host = trimmed.replaceAll("^\\[+|]+$", "");
        }
        if (host.isEmpty()) {
            return Optional.of("RFC2136 nameserver has no host defined, " + trimmed);
        }
        return Optional.empty();
    }

    /** Checks a DNS-01 self-check nameserver: {@code host:port} or an {@code https://} DNS-over-HTTPS URL. */
    static Optional<String> dns01NameserverProblem(String nameserver) {
        if (nameserver.startsWith("https://")) {
            try {
                URI uri = new URI(nameserver);
                if (uri.getHost() == null || uri.getHost().isEmpty()) {
                    return Optional.of("must be in the format https://<DoH RFC 8484 server address>");
                }
                return Optional.empty();
            } catch (URISyntaxException e) {
                return Optional.of("must be in the format https://<DoH RFC 8484 server address>");
            }
        }
        try {
            GoHostPort.split(nameserver);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of("must be in the format <ip address>:<port>");
        }
    }

    /** Checks that a SecretKeySelector has a name and a key. */
    static List<FieldError> secretKeySelector(SecretKeySelector selector, String path) {
        SecretKeySelector s = IssuerValidator.orEmpty(selector);
        List<FieldError> errors = new ArrayList<>();
        if (IssuerValidator.isEmpty(s.getName())) {
            errors.add(FieldError.required(path + ".name", "secret name is required"));
        }
        if (IssuerValidator.isEmpty(s.getKey())) {
            errors.add(FieldError.required(path + ".key", "secret key is required"));
        }
        return errors;
    }

    private static List<FieldError> secretKeySelector(Map<String, Object> parent, String key, String path) {
        Map<String, Object> selector = map(parent.get(key));
        SecretKeySelector s = new SecretKeySelector();
        if (selector != null) {
            s.setName(string(selector, "name"));
            s.setKey(string(selector, "key"));
        }
        return secretKeySelector(s, path);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
    }

    private static String string(Map<String, Object> map, String key) {
        Object value = map.get(key);
        return value == null ? "" : value.toString();
    }
}
