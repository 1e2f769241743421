package io.certwright.acme.naming;

import io.certwright.api.model.ChallengeSpec;
import io.certwright.api.model.OrderSpec;
import io.certwright.api.model.ACMEChallengeSolver;
import io.certwright.api.model.CertificateDNSNameSelector;
import io.certwright.api.model.IssuerReference;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;

/**
 * Names of Orders and Challenges, computed as cert-manager computes them so that both find the same
 * object for the same input: the parent's name shortened to 52 characters, a dash, and the decimal
 * FNV-1 32-bit hash of the Go JSON encoding of the spec.
 *
 * <p>NOTE: the JSON is written field by field in the order of cert-manager's Go structs. Free-form
 * solver configuration ({@code http01}, {@code dns01}) is written in the order its keys were read
 * from the manifest, whereas Go writes struct fields in declaration order; a solver whose manifest
 * lists keys in another order than the Go struct gets a different Challenge name than cert-manager
 * would give it. The name is still stable within Certwright.
 */
public final class ObjectNames {
    /** The length parent names are shortened to, leaving room for the dash and a 10-digit hash within 63. */
    static final int SHORTENED_LENGTH = 52;

    private ObjectNames() {
    }

    /**
     * Returns the Order name for a CertificateRequest. The request bytes are left out of the hash;
     * a request name of 52 characters or more is hashed together with the spec, because its
     * shortened form no longer distinguishes requests.
     */
    public static String orderName(String requestName, OrderSpec spec) {
        String specJson = orderSpecJson(spec);
        String hashed = requestName.length() >= SHORTENED_LENGTH
                ? new GoJson().begin().field("certificateRequestName", requestName).name("spec").raw(specJson).end()
                        .toString()
                : specJson;
        return dnsSafeShorten(requestName, SHORTENED_LENGTH) + "-" + Integer.toUnsignedString(fnv1(hashed));
    }

    /** Returns the Challenge name for an Order; {@code spec.key} is expected to be empty still. */
    public static String challengeName(String orderName, ChallengeSpec spec) {
        return dnsSafeShorten(orderName, SHORTENED_LENGTH) + "-" + Integer.toUnsignedString(fnv1(challengeSpecJson(spec)));
    }

    /** Go JSON of an OrderSpec without its request, as {@code json.Marshal} writes it. */
    static String orderSpecJson(OrderSpec spec) {
        GoJson json = new GoJson().begin()
                .fieldNull("request")
                .name("issuerRef").raw(issuerRefJson(spec.getIssuerRef()))
                .fieldOmitEmpty("commonName", spec.getCommonName())
                .fieldStringsOmitEmpty("dnsNames", spec.getDnsNames())
                .fieldStringsOmitEmpty("ipAddresses", spec.getIpAddresses());
        if (spec.getDuration() != null && !spec.getDuration().isEmpty()) {
            json.field("duration", spec.getDuration());
        }
        return json.fieldOmitEmpty("profile", spec.getProfile())
                .fieldOmitEmpty("replaces", spec.getReplaces())
                .end().toString();
    }

    static String challengeSpecJson(ChallengeSpec spec) {
        return new GoJson().begin()
                .field("url", nullToEmpty(spec.getUrl()))
                .field("authorizationURL", nullToEmpty(spec.getAuthorizationURL()))
                .field("dnsName", nullToEmpty(spec.getDnsName()))
                .fieldBoolOmitEmpty("wildcard", spec.getWildcard())
                .field("type", nullToEmpty(spec.getType()))
                .field("token", nullToEmpty(spec.getToken()))
                .field("key", nullToEmpty(spec.getKey()))
                .name("solver").raw(solverJson(spec.getSolver()))
                .name("issuerRef").raw(issuerRefJson(spec.getIssuerRef()))
                .end().toString();
    }

    private static String issuerRefJson(IssuerReference reference) {
        IssuerReference ref = reference == null ? new IssuerReference() : reference;
        return new GoJson().begin()
                .field("name", nullToEmpty(ref.getName()))
                .fieldOmitEmpty("kind", ref.getKind())
                .fieldOmitEmpty("group", ref.getGroup())
                .end().toString();
    }

    private static String solverJson(ACMEChallengeSolver solver) {
        GoJson json = new GoJson().begin();
        if (solver == null) {
            return json.end().toString();
        }
        CertificateDNSNameSelector selector = solver.getSelector();
        if (selector != null) {
            GoJson selectorJson = new GoJson().begin();
            if (selector.getMatchLabels() != null && !selector.getMatchLabels().isEmpty()) {
                // Go writes map keys sorted.
                selectorJson.name("matchLabels").value(new java.util.TreeMap<>(selector.getMatchLabels()));
            }
            selectorJson.fieldStringsOmitEmpty("dnsNames", selector.getDnsNames())
                    .fieldStringsOmitEmpty("dnsZones", selector.getDnsZones());
            json.name("selector").raw(selectorJson.end().toString());
        }
        if (solver.getHttp01() != null) {
            json.name("http01").value(new LinkedHashMap<>(solver.getHttp01()));
        }
        if (solver.getDns01() != null) {
            json.name("dns01").value(new LinkedHashMap<>(solver.getDns01()));
        }
        json.fieldOmitEmpty("waitInsteadOfSelfCheck", solver.getWaitInsteadOfSelfCheck());
        return json.end().toString();
    }

    /**
     * Cuts {@code name} to at most {@code max} characters and then back to its last letter or digit,
     * so that the result never ends in a dash or dot. Names shorter than {@code max} are returned as
     * they are.
     */
    static String dnsSafeShorten(String name, int max) {
        if (name.length() < max) {
            return name;
        }
        String cut = name.substring(0, max);
        int end = cut.length();
        while (end > 0 && !isAsciiLetterOrDigit(cut.charAt(end - 1))) {
            end--;
        }
        return cut.substring(0, end);
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** FNV-1 (multiply, then XOR) 32-bit hash of the UTF-8 bytes, as Go's {@code hash/fnv.New32}. */
    static int fnv1(String text) {
        int hash = 0x811c9dc5;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash *= 0x01000193;
            hash ^= b & 0xff;
        }
        return hash;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
