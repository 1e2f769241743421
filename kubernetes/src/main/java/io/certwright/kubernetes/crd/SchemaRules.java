package io.certwright.kubernetes.crd;

import io.certwright.api.model.ACMEAuthorization;
import io.certwright.api.model.ACMEChallenge;
import io.certwright.api.model.CertificateAdditionalOutputFormat;
import io.certwright.api.model.CertificateCondition;
import io.certwright.api.model.CertificatePrivateKey;
import io.certwright.api.model.CertificateRenewalWindow;
import io.certwright.api.model.CertificateRequestCondition;
import io.certwright.api.model.CertificateRequestSpec;
import io.certwright.api.model.CertificateRequestStatus;
import io.certwright.api.model.CertificateSpec;
import io.certwright.api.model.CertificateStatus;
import io.certwright.api.model.ChallengeSpec;
import io.certwright.api.model.ChallengeStatus;
import io.certwright.api.model.IssuerCondition;
import io.certwright.api.model.IssuerReference;
import io.certwright.api.model.IssuerStatus;
import io.certwright.api.model.JKSKeystore;
import io.certwright.api.model.LocalObjectReference;
import io.certwright.api.model.OrderSpec;
import io.certwright.api.model.OrderStatus;
import io.certwright.api.model.PKCS12Keystore;
import io.certwright.api.model.SecretKeySelector;
import io.certwright.api.model.States;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Validation that cert-manager's CRD schemas enforce and Java types cannot express: required
 * properties, enums, patterns, minimum lengths and list-map keys. Rules name a model class and a JSON
 * property, so a type shared by several kinds carries its rules everywhere it appears. The webhook's
 * checks are not repeated here.
 */
final class SchemaRules {
    private static final List<String> CONDITION_STATUSES = List.of("True", "False", "Unknown");
    /** States of an ACME Order, Authorization or Challenge, as cert-manager names them. */
    private static final List<String> ACME_STATES = List.of(States.VALID, States.READY, States.PENDING,
            States.PROCESSING, States.INVALID, States.EXPIRED, States.ERRORED);
    private static final List<String> KEY_USAGES = List.of(
            "signing", "digital signature", "content commitment", "key encipherment", "key agreement",
            "data encipherment", "cert sign", "crl sign", "encipher only", "decipher only", "any", "server auth",
            "client auth", "code signing", "email protection", "s/mime", "ipsec end system", "ipsec tunnel",
            "ipsec user", "timestamping", "ocsp signing", "microsoft sgc", "netscape sgc");

    /** Properties that must be present, by model class. */
    private static final Map<Class<?>, List<String>> REQUIRED = Map.ofEntries(
            Map.entry(CertificateSpec.class, List.of("issuerRef", "secretName")),
            Map.entry(CertificateRequestSpec.class, List.of("issuerRef", "request")),
            Map.entry(IssuerReference.class, List.of("name")),
            Map.entry(SecretKeySelector.class, List.of("name")),
            Map.entry(LocalObjectReference.class, List.of("name")),
            Map.entry(JKSKeystore.class, List.of("create")),
            Map.entry(PKCS12Keystore.class, List.of("create")),
            Map.entry(CertificateAdditionalOutputFormat.class, List.of("type")),
            Map.entry(CertificateRenewalWindow.class, List.of("cron", "windowDuration")),
            Map.entry(CertificateCondition.class, List.of("status", "type")),
            Map.entry(CertificateRequestCondition.class, List.of("status", "type")),
            Map.entry(IssuerCondition.class, List.of("status", "type")),
            Map.entry(OrderSpec.class, List.of("issuerRef", "request")),
            Map.entry(ACMEAuthorization.class, List.of("url")),
            Map.entry(ACMEChallenge.class, List.of("token", "type", "url")),
            Map.entry(ChallengeSpec.class, List.of("authorizationURL", "dnsName", "issuerRef", "key", "solver",
                    "token", "type", "url")));

    /** Extra schema keywords of one property, by model class and JSON property name. */
    private static final Map<Class<?>, Map<String, Map<String, Object>>> PROPERTY_RULES = Map.ofEntries(
            Map.entry(CertificatePrivateKey.class, Map.of(
                    "rotationPolicy", enumOf("Never", "Always"),
                    "encoding", enumOf("PKCS1", "PKCS8"),
                    "algorithm", enumOf("RSA", "ECDSA", "Ed25519"))),
            Map.entry(PKCS12Keystore.class, Map.of(
                    "profile", enumOf("LegacyRC2", "LegacyDES", "Modern2023", "Modern2026"))),
            Map.entry(CertificateAdditionalOutputFormat.class, Map.of(
                    "type", enumOf("DER", "CombinedPEM"))),
            Map.entry(CertificateSpec.class, Map.of(
                    "signatureAlgorithm", enumOf("SHA256WithRSA", "SHA384WithRSA", "SHA512WithRSA",
                            "ECDSAWithSHA256", "ECDSAWithSHA384", "ECDSAWithSHA512", "PureEd25519"),
                    "usages", itemsEnum(KEY_USAGES))),
            Map.entry(CertificateRequestSpec.class, Map.of(
                    "usages", itemsEnum(KEY_USAGES))),
            Map.entry(CertificateRenewalWindow.class, Map.of(
                    "timezone", Map.of("minLength", 1),
                    "cron", Map.of("minLength", 1),
                    "windowDuration", Map.of("pattern", "^([0-9]+(\\.[0-9]+)?(s|m|h))+$"))),
            Map.entry(CertificateCondition.class, Map.of("status", enumOf(CONDITION_STATUSES))),
            Map.entry(CertificateRequestCondition.class, Map.of("status", enumOf(CONDITION_STATUSES))),
            Map.entry(IssuerCondition.class, Map.of("status", enumOf(CONDITION_STATUSES))),
            Map.entry(CertificateStatus.class, Map.of("conditions", listMapKeyedBy("type"))),
            Map.entry(CertificateRequestStatus.class, Map.of("conditions", listMapKeyedBy("type"))),
            Map.entry(IssuerStatus.class, Map.of("conditions", listMapKeyedBy("type"))),
            Map.entry(OrderStatus.class, Map.of("state", enumOf(ACME_STATES))),
            Map.entry(ACMEAuthorization.class, Map.of("initialState", enumOf(ACME_STATES))),
            Map.entry(ChallengeSpec.class, Map.of("type", enumOf("HTTP-01", "DNS-01"))),
            Map.entry(ChallengeStatus.class, Map.of("state", enumOf(ACME_STATES))));

    private SchemaRules() {
    }

    static List<String> required(Class<?> type) {
        return REQUIRED.getOrDefault(type, List.of());
    }

    static Map<String, Object> propertyRules(Class<?> owner, String property) {
        return PROPERTY_RULES.getOrDefault(owner, Map.of()).getOrDefault(property, Map.of());
    }

    private static Map<String, Object> enumOf(String... values) {
        return enumOf(List.of(values));
    }

    private static Map<String, Object> enumOf(List<String> values) {
        return Map.of("enum", values);
    }

    /** Marks an array property's items with an enum, under the key the generator merges into items. */
    private static Map<String, Object> itemsEnum(List<String> values) {
        return Map.of(SchemaGenerator.ITEMS_RULES, enumOf(values));
    }

    private static Map<String, Object> listMapKeyedBy(String key) {
        Map<String, Object> rules = new LinkedHashMap<>();
        rules.put("x-kubernetes-list-map-keys", List.of(key));
        rules.put("x-kubernetes-list-type", "map");
        return rules;
    }
}
