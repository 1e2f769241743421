package io.certwright.api.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.certwright.api.Manifests;
import io.certwright.api.model.Issuer;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IssuerValidatorTest {

    private static List<String> errors(String spec) {
        Issuer issuer = Manifests.read("apiVersion: cert-manager.io/v1\nkind: Issuer\nmetadata: {name: i}\nspec:\n"
                + spec.stripTrailing().indent(2), Issuer.class);
        return IssuerValidator.validate(issuer).errors().stream().map(FieldError::toString).toList();
    }

    private static Arguments rejected(String name, String spec, String... expected) {
        return Arguments.of(name, spec, List.of(expected));
    }

    static Stream<Arguments> rejectedSpecs() {
        return Stream.of(
                rejected("no issuer type", "{}", "spec: Required value: at least one issuer must be configured"),
                rejected("two issuer types", "selfSigned: {}\nca: {secretName: ca}",
                        "spec.selfSigned: Forbidden: may not specify more than one issuer type"),
                rejected("CA without secretName", "ca: {}", "spec.ca.secretName: Required value"),
                rejected("CA with empty OCSP server", "ca: {secretName: ca, ocspServers: [\"\"]}",
                        "spec.ca.ocspServer[0]: Invalid value: \"\": must be a valid URL, e.g., http://ocsp.int-x3.letsencrypt.org"),
                rejected("CA with empty issuing URL", "ca: {secretName: ca, issuingCertificateURLs: [\"http://a\", \"\"]}",
                        "spec.ca.issuingCertificateURLs[1]: Invalid value: \"\": must be a valid URL"),
                rejected("Vault without server, path and auth", "vault: {}",
                        "spec.vault.server: Required value",
                        "spec.vault.path: Required value",
                        "spec.vault.auth: Required value: please supply one of: appRole, kubernetes, tokenSecretRef, "
                                + "clientCertificate, aws"),
                rejected("Vault path with dot-dot", "vault: {server: https://v, path: pki/../sys, auth: {tokenSecretRef: {name: t}}}",
                        "spec.vault.path: Invalid value: \"pki/../sys\": must not contain '..' path segments"),
                rejected("Vault client cert without key", """
                        vault:
                          server: https://v
                          path: pki/sign/r
                          clientCertSecretRef: {name: c}
                          auth: {tokenSecretRef: {name: t}}
                        """, "spec.vault.clientKeySecretRef: Invalid value: \"<snip>\": clientKeySecretRef must be provided "
                        + "when defining the clientCertSecretRef"),
                rejected("Vault caBundle without certificates", """
                        vault:
                          server: https://v
                          path: pki/sign/r
                          caBundle: bm90IGEgY2VydA==
                          auth: {tokenSecretRef: {name: t}}
                        """, "spec.vault.caBundle: Invalid value: \"<snip>\": cert bundle didn't contain any valid certificates"),
                rejected("Vault appRole without role and secret", """
                        vault:
                          server: https://v
                          path: pki/sign/r
                          auth: {appRole: {path: approle}}
                        """, "spec.vault.auth.appRole.roleId: Required value",
                        "spec.vault.auth.appRole.secretRef.name: Required value"),
                rejected("Vault kubernetes with both sources", """
                        vault:
                          server: https://v
                          path: pki/sign/r
                          auth: {kubernetes: {role: r, secretRef: {name: s}, serviceAccountRef: {name: sa}}}
                        """, "spec.vault.auth.kubernetes: Forbidden: please supply one of: secretRef, serviceAccountRef"),
                rejected("Vault AWS IRSA without role ARN", """
                        vault:
                          server: https://v
                          path: pki/sign/r
                          auth: {aws: {role: r, mountPath: /v1/auth/../x, serviceAccountRef: {name: sa}}}
                        """, "spec.vault.auth.aws.mountPath: Invalid value: \"/v1/auth/../x\": must not contain '..' path segments",
                        "spec.vault.auth.aws.iamRoleArn: Required value: iamRoleArn is required when using serviceAccountRef for IRSA"),
                rejected("Venafi without zone and connection", "venafi: {}",
                        "spec.venafi.zone: Required value",
                        "spec.venafi: Required value: please supply one of: tpp, cloud, ngts"),
                rejected("Venafi NGTS without tsgID", "venafi: {zone: z, ngts: {credentialsRef: {name: c}}}",
                        "spec.venafi.ngts.tsgID: Required value"),
                rejected("ACME without server and key", "acme: {}",
                        "spec.acme.privateKeySecretRef.name: Required value: private key secret name is a required field",
                        "spec.acme.server: Required value: acme server URL is a required field"),
                rejected("ACME caBundle with skipTLSVerify", """
                        acme:
                          server: https://acme
                          privateKeySecretRef: {name: k}
                          caBundle: bm90IGEgY2VydA==
                          skipTLSVerify: true
                        """, "spec.acme.caBundle: Invalid value: \"\": caBundle and skipTLSVerify are mutually exclusive and cannot both be set",
                        "spec.acme.skipTLSVerify: Invalid value: true: caBundle and skipTLSVerify are mutually exclusive and cannot both be set",
                        "spec.acme.caBundle: Invalid value: \"\": cert bundle didn't contain any valid certificates"),
                rejected("ACME EAB without keyID and key", """
                        acme:
                          server: https://acme
                          privateKeySecretRef: {name: k}
                          externalAccountBinding: {keySecretRef: {name: eab}}
                        """, "spec.acme.externalAccountBinding.keyID: Required value: the keyID field is required when using externalAccountBinding",
                        "spec.acme.externalAccountBinding.keySecretRef.key: Required value: secret key is required"),
                rejected("ACME solver without type", acme("- selector: {dnsNames: [a.example.com]}"),
                        "spec.acme.solvers[0]: Required value: no solver type configured"),
                rejected("ACME solver with both types", acme("- http01: {ingress: {}}\n  dns01: {webhook: {solverName: s}}"),
                        "spec.acme.solvers[0]: Forbidden: may not specify more than one solver type in a single solver"),
                rejected("HTTP-01 without ingress or gateway", acme("- http01: {}"),
                        "spec.acme.solvers[0].http01: Required value: no HTTP01 solver type configured"),
                rejected("HTTP-01 ingress with class and name", acme("- http01: {ingress: {class: nginx, name: web}}"),
                        "spec.acme.solvers[0].http01.ingress: Forbidden: only one of 'ingressClassName', 'name' or 'class' should be specified"),
                rejected("HTTP-01 LoadBalancer service", acme("- http01: {ingress: {serviceType: LoadBalancer}}"),
                        "spec.acme.solvers[0].http01.ingress.serviceType: Invalid value: \"LoadBalancer\": must be empty, \"ClusterIP\" or \"NodePort\""),
                rejected("HTTP-01 gateway parentRef without kind", acme("- http01: {gatewayHTTPRoute: {parentRefs: [{name: gw}]}}"),
                        "spec.acme.solvers[0].http01.gateway.parentRefs[0].kind: Required value: kind is required when name is specified"),
                rejected("negative waitInsteadOfSelfCheck", acme("- http01: {ingress: {}}\n  waitInsteadOfSelfCheck: -5s"),
                        "spec.acme.solvers[0].waitInsteadOfSelfCheck: Invalid value: -5s: waitInsteadOfSelfCheck must not be negative"),
                rejected("DNS-01 without provider", acme("- dns01: {}"),
                        "spec.acme.solvers[0].dns01: Required value: no DNS01 provider configured"),
                rejected("DNS-01 two providers", acme("- dns01: {cloudDNS: {project: p}, cloudflare: {apiTokenSecretRef: {name: a, key: b}}}"),
                        "spec.acme.solvers[0].dns01.cloudflare: Forbidden: may not specify more than one provider type"),
                rejected("DNS-01 bad cnameStrategy", acme("- dns01: {cnameStrategy: Chase, webhook: {solverName: s}}"),
                        "spec.acme.solvers[0].dns01.cnameStrategy: Invalid value: \"Chase\": must be one of \"None\" or \"Follow\""),
                rejected("DNS-01 bad self-check nameserver", acme("- dns01: {nameservers: [\"8.8.8.8\"], webhook: {solverName: s}}"),
                        "spec.acme.solvers[0].dns01.nameservers[0]: Invalid value: \"8.8.8.8\": must be in the format <ip address>:<port>"),
                rejected("cloudflare key and token", acme("- dns01: {cloudflare: {apiKeySecretRef: {name: a, key: b}, apiTokenSecretRef: {name: c, key: d}}}"),
                        "spec.acme.solvers[0].dns01.cloudflare: Forbidden: apiKeySecretRef and apiTokenSecretRef cannot both be specified",
                        "spec.acme.solvers[0].dns01.cloudflare.email: Required value"),
                rejected("akamai missing fields", acme("- dns01: {akamai: {}}"),
                        "spec.acme.solvers[0].dns01.akamai.accessToken.name: Required value: secret name is required",
                        "spec.acme.solvers[0].dns01.akamai.accessToken.key: Required value: secret key is required",
                        "spec.acme.solvers[0].dns01.akamai.clientSecret.name: Required value: secret name is required",
                        "spec.acme.solvers[0].dns01.akamai.clientSecret.key: Required value: secret key is required",
                        "spec.acme.solvers[0].dns01.akamai.clientToken.name: Required value: secret name is required",
                        "spec.acme.solvers[0].dns01.akamai.clientToken.key: Required value: secret key is required",
                        "spec.acme.solvers[0].dns01.akamai.serviceConsumerDomain: Required value"),
                rejected("azure service principal and managed identity", acme(
                                "- dns01: {azureDNS: {clientID: c, tenantID: t, clientSecretSecretRef: {name: s, key: k}, "
                                        + "managedIdentity: {clientID: m}, subscriptionID: s, resourceGroupName: r, environment: Moon}}"),
                        "spec.acme.solvers[0].dns01.azureDNS.managedIdentity: Forbidden: managed identity cannot be used at "
                                + "the same time as clientID, clientSecretSecretRef or tenantID",
                        "spec.acme.solvers[0].dns01.azureDNS.environment: Invalid value: \"Moon\": must be either empty or "
                                + "one of AzurePublicCloud, AzureChinaCloud, AzureGermanCloud, or AzureUSGovernmentCloud"),
                rejected("route53 access key twice", acme("- dns01: {route53: {accessKeyID: a, accessKeyIDSecretRef: {name: s, key: k}}}"),
                        "spec.acme.solvers[0].dns01.route53: Required value: accessKeyID and accessKeyIDSecretRef cannot both be specified"),
                rejected("rfc2136 without nameserver", acme("- dns01: {rfc2136: {}}"),
                        "spec.acme.solvers[0].dns01.rfc2136.nameserver: Required value"),
                rejected("rfc2136 unbracketed IPv6 nameserver", acme("- dns01: {rfc2136: {nameserver: \"2001:db8::1:53\"}}"),
                        "spec.acme.solvers[0].dns01.rfc2136.nameserver: Invalid value: \"2001:db8::1:53\": nameserver must be "
                                + "set in the form host:port where host is an IPv4 address, an enclosed IPv6 address or a "
                                + "hostname and port is an optional port number."),
                rejected("rfc2136 unknown TSIG algorithm", acme("- dns01: {rfc2136: {nameserver: ns.example.com, tsigAlgorithm: HMACSHA3}}"),
                        "spec.acme.solvers[0].dns01.rfc2136.tsigAlgorithm: Unsupported value: \"\": supported values: "
                                + "\"HMACMD5\", \"HMACSHA1\", \"HMACSHA256\", \"HMACSHA512\""),
                rejected("rfc2136 key name without secret", acme("- dns01: {rfc2136: {nameserver: \"[2001:db8::1]:53\", tsigKeyName: k}}"),
                        "spec.acme.solvers[0].dns01.rfc2136.tsigSecretSecretRef.name: Required value: secret name is required",
                        "spec.acme.solvers[0].dns01.rfc2136.tsigSecretSecretRef.key: Required value: secret key is required"),
                rejected("rfc2136 secret without key name", acme("- dns01: {rfc2136: {nameserver: \"127.0.0.1\", tsigSecretSecretRef: {name: s, key: k}}}"),
                        "spec.acme.solvers[0].dns01.rfc2136.tsigKeyName: Required value"),
                rejected("webhook without solverName", acme("- dns01: {webhook: {groupName: acme.example.com}}"),
                        "spec.acme.solvers[0].dns01.webhook.solverName: Required value: solver name must be specified"));
    }

    private static String acme(String solvers) {
        return "acme:\n  server: https://acme.example.com/directory\n  privateKeySecretRef: {name: k}\n  solvers:\n"
                + solvers.indent(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejectedSpecs")
    void rejectsWithExactErrors(String name, String spec, List<String> expected) {
        assertThat(errors(spec)).containsExactlyElementsOf(expected);
    }

    static Stream<Arguments> acceptedSpecs() {
        return Stream.of(
                Arguments.of("selfSigned", "selfSigned: {}"),
                Arguments.of("CA", "ca: {secretName: ca-key-pair, ocspServers: [\"http://ocsp.example.com\"]}"),
                Arguments.of("Vault token", "vault: {server: https://v, path: pki/sign/r, auth: {tokenSecretRef: {name: t, key: k}}}"),
                Arguments.of("Venafi cloud", "venafi: {zone: z, cloud: {apiTokenSecretRef: {name: t, key: k}}}"),
                Arguments.of("ACME with no solvers", "acme: {server: https://acme, privateKeySecretRef: {name: k}}"),
                Arguments.of("ACME rfc2136 with port default", acme("- dns01: {rfc2136: {nameserver: \"ns.example.com\", "
                        + "tsigKeyName: k, tsigAlgorithm: hmacsha256, tsigSecretSecretRef: {name: s, key: k}}}")),
                Arguments.of("ACME DoH self-check", acme("- dns01: {nameservers: [\"https://dns.example.com/dns-query\", "
                        + "\"127.0.0.1:53\"], webhook: {solverName: s}}")),
                Arguments.of("ACME akamai with acmeDNS is not checked for two providers", acme("- dns01: {akamai: "
                        + "{serviceConsumerDomain: d, accessTokenSecretRef: {name: a, key: a}, clientSecretSecretRef: "
                        + "{name: a, key: a}, clientTokenSecretRef: {name: a, key: a}}, acmeDNS: {host: h, "
                        + "accountSecretRef: {name: a, key: a}}}")),
                Arguments.of("ACME gateway solver", acme("- http01: {gatewayHTTPRoute: {parentRefs: [{name: gw, kind: Gateway}]}}")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedSpecs")
    void accepts(String name, String spec) {
        assertThat(errors(spec)).isEmpty();
    }

    @Test
    void eabKeyAlgorithmGivesDeprecationWarning() {
        Issuer issuer = Manifests.read("""
                apiVersion: cert-manager.io/v1
                kind: Issuer
                metadata: {name: i}
                spec:
                  acme:
                    server: https://acme
                    privateKeySecretRef: {name: k}
                    externalAccountBinding: {keyID: kid, keySecretRef: {name: e, key: k}, keyAlgorithm: HS512}
                """, Issuer.class);

        ValidationResult result = IssuerValidator.validate(issuer);

        assertThat(result.isValid()).isTrue();
        assertThat(result.warnings()).containsExactly("ACME issuer spec field 'externalAccount.keyAlgorithm' is "
                + "deprecated. The value of this field will be ignored.");
    }
}
