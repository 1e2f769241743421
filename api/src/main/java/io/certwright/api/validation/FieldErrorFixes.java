package io.certwright.api.validation;

import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Fixes for field errors, phrased for the person editing the manifest. Each rule matches one validation rule
 * by field and message, and the first match wins. Errors that no rule matches get no fix, because their
 * Kubernetes message already says what is wrong and a generic fix would add nothing.
 */
public final class FieldErrorFixes {
    private static final Pattern LIST_INDEX = Pattern.compile("\\[\\d+]");
    private static final String NAME_RULE = "lowercase letters, digits, '-' and '.', starting and ending with a"
            + " letter or digit";

    private record Rule(Predicate<FieldError> matches, Function<FieldError, String> fix) {
    }

    private static final List<Rule> RULES = List.of(
            rule("metadata.name", FieldError.Type.INVALID, e -> "rename the object to at most 253 characters of "
                    + NAME_RULE + ", such as my-app"),
            rule("metadata.namespace", FieldError.Type.INVALID, e -> "use a namespace of at most 63 lowercase letters,"
                    + " digits and '-', starting and ending with a letter or digit, such as my-team, or leave"
                    + " metadata.namespace out"),
            rule("spec.secretName", FieldError.Type.REQUIRED, e -> "set spec.secretName to the name of the Secret"
                    + " that will hold the private key and certificate"),
            rule("spec.secretName", FieldError.Type.INVALID, e -> "rename the Secret in spec.secretName to at most"
                    + " 253 characters of " + NAME_RULE),
            rule("spec.issuerRef.name", FieldError.Type.REQUIRED, e -> "set spec.issuerRef.name to the name of the"
                    + " Issuer or ClusterIssuer that signs this certificate"),
            rule("spec.issuerRef.kind", FieldError.Type.INVALID, e -> "set spec.issuerRef.kind to Issuer or"
                    + " ClusterIssuer, or set spec.issuerRef.group to the API group of an external issuer"),
            rule("spec.commonName", FieldError.Type.TOO_LONG, e -> "shorten spec.commonName to at most 64 bytes or"
                    + " leave it out and rely on dnsNames"),
            new Rule(e -> e.detail().startsWith("at least one of commonName"), e -> "set at least one of"
                    + " spec.commonName, spec.dnsNames, spec.uris, spec.emailAddresses, spec.ipAddresses or"
                    + " spec.otherNames"),
            rule("spec.ipAddresses[]", FieldError.Type.INVALID, e -> "write an IPv4 address such as 192.0.2.10 or an"
                    + " IPv6 address such as 2001:db8::1, without a port or prefix length"),
            rule("spec.emailAddresses[]", FieldError.Type.INVALID, e -> "write a plain address such as"
                    + " user@example.com, without a display name or angle brackets"),
            new Rule(e -> e.detail().startsWith("must be a Go duration"), e -> "write " + e.field() + " as a Go"
                    + " duration such as 2160h (90 days) or 720h30m"),
            rule("spec.duration", FieldError.Type.INVALID, e -> "set spec.duration to at least 1h, such as 2160h"),
            new Rule(e -> e.detail().contains("mutually exclusive"), e -> "set only one of spec.renewBefore and"
                    + " spec.renewBeforePercentage"),
            rule("spec.renewBefore", FieldError.Type.INVALID, e -> "set spec.renewBefore to at least 5m and less than"
                    + " spec.duration, or leave it out to renew when a third of the duration remains"),
            rule("spec.renewBeforePercentage", FieldError.Type.INVALID, e -> "set spec.renewBeforePercentage between"
                    + " 1 and 99 so that it leaves at least 5m of the duration, or leave it out"),
            rule("spec.privateKey.size", FieldError.Type.INVALID, e -> "set spec.privateKey.size between 2048 and"
                    + " 8192 for RSA keys, such as 2048, 3072 or 4096, or leave it out for 2048"),
            rule("spec.privateKey.size", FieldError.Type.NOT_SUPPORTED, e -> "set spec.privateKey.size to 256, 384"
                    + " or 521 for ECDSA keys, or leave it out for 256"),
            rule("spec.privateKey.algorithm", FieldError.Type.INVALID, e -> "set spec.privateKey.algorithm to RSA,"
                    + " ECDSA or Ed25519"),
            rule("spec.signatureAlgorithm", FieldError.Type.INVALID, e -> "choose a signature algorithm that matches"
                    + " spec.privateKey.algorithm, or leave spec.signatureAlgorithm out to derive it from the key"),
            rule("spec.revisionHistoryLimit", FieldError.Type.INVALID, e -> "set spec.revisionHistoryLimit to 1 or"
                    + " more, or leave it out for 1"),
            rule("spec.usages[]", FieldError.Type.INVALID, e -> "use key usages as cert-manager names them, such as"
                    + " digital signature, key encipherment, server auth or client auth"),
            rule("spec.otherNames[].oid", FieldError.Type.INVALID, e -> "write the OID in dotted form, such as"
                    + " 1.3.6.1.4.1.311.20.2.3"),
            rule("spec.nameConstraints.permitted.ipRanges[]", FieldError.Type.INVALID, e -> "write a CIDR range such"
                    + " as 192.0.2.0/24 or 2001:db8::/32"),
            rule("spec.nameConstraints.excluded.ipRanges[]", FieldError.Type.INVALID, e -> "write a CIDR range such"
                    + " as 192.0.2.0/24 or 2001:db8::/32"),
            new Rule(e -> e.detail().startsWith("isCA should be true"), e -> "set spec.isCA: true, or remove"
                    + " spec.nameConstraints"),
            new Rule(e -> e.detail().startsWith("either permitted or excluded"), e -> "set"
                    + " spec.nameConstraints.permitted or spec.nameConstraints.excluded"),
            new Rule(e -> e.detail().contains("passwordSecretRef and password") && e.detail().contains("cannot set both"),
                    e -> "remove either " + e.field() + ".password or " + e.field() + ".passwordSecretRef"),
            new Rule(e -> e.detail().contains("passwordSecretRef and password"), e -> "set " + e.field()
                    + ".passwordSecretRef to the name and key of a Secret holding the password, or set "
                    + e.field() + ".password"),
            new Rule(e -> e.detail().startsWith("literal password cannot be empty"), e -> "set a non-empty "
                    + e.field() + ", or use passwordSecretRef instead"),
            new Rule(e -> e.field().endsWith(".create") && e.field().contains(".keystores.")
                    && e.type() == FieldError.Type.REQUIRED, e -> "set " + e.field() + " to true to write the"
                    + " keystore, or remove the keystore"),
            new Rule(e -> e.field().startsWith("data[") && e.type() == FieldError.Type.INVALID, e -> "rename the"
                    + " key to letters, digits, '-', '_' and '.' only, because keys become file names"),
            new Rule(e -> e.type() == FieldError.Type.REQUIRED, e -> "set " + e.field()),
            new Rule(e -> e.type() == FieldError.Type.NOT_SUPPORTED && !e.detail().isEmpty(),
                    e -> "set " + e.field() + " to one of the " + e.detail()),
            new Rule(e -> e.type() == FieldError.Type.DUPLICATE, e -> "remove the repeated entry from "
                    + e.field()));

    private FieldErrorFixes() {
    }

    /** Returns the fix for an error, or an empty string when no rule-specific fix is known. */
    public static String fixFor(FieldError error) {
        for (Rule rule : RULES) {
            if (rule.matches().test(error)) {
                return rule.fix().apply(error);
            }
        }
        return "";
    }

    /** Matches a field path, where {@code []} in the pattern stands for any list index. */
    private static Rule rule(String field, FieldError.Type type, Function<FieldError, String> fix) {
        return new Rule(e -> e.type() == type && LIST_INDEX.matcher(e.field()).replaceAll("[]").equals(field), fix);
    }
}
