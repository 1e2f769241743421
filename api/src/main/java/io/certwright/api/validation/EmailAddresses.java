package io.certwright.api.validation;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Email address check modelled on Go's {@code net/mail.ParseAddress}, which cert-manager uses:
 * an RFC 5322 address, optionally with a display name, where the spec value must be the bare
 * address. Error texts follow Go's for the common cases.
 *
 * <p>NOTE: this covers dot-atom and quoted local parts, dot-atom and literal domains, and the
 * {@code Name <addr>} form; comments (CFWS) and obsolete syntax that Go also accepts are rejected here.
 */
final class EmailAddresses {
    private static final String ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~\\-\\u0080-\\uFFFF]";
    private static final Pattern DOT_ATOM = Pattern.compile(ATEXT + "+(\\." + ATEXT + "+)*");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"\\\\]|\\\\.)*\"");
    private static final Pattern DOMAIN_LITERAL = Pattern.compile("\\[[^\\[\\]\\\\]*\\]");

    private EmailAddresses() {
    }

    /** Returns the problem with the value, worded as cert-manager reports it, or empty when it is a bare address. */
    static Optional<String> problem(String value) {
        String text = value.strip();
        if (text.isEmpty()) {
            return Optional.of("invalid email address: mail: no address");
        }
        int angle = text.indexOf('<');
        if (angle >= 0) {
            if (!text.endsWith(">")) {
                return Optional.of("invalid email address: mail: unclosed angle-addr");
            }
            String address = text.substring(angle + 1, text.length() - 1).strip();
            Optional<String> error = addrSpecError(address);
            if (error.isPresent()) {
                return Optional.of("invalid email address: " + error.get());
            }
            return Optional.of(notBare());
        }
        int space = text.indexOf(' ');
        if (space >= 0 && addrSpecError(text.substring(0, space)).isEmpty()) {
            return Optional.of("invalid email address: mail: expected single address, found "
                    + FieldError.goQuote(text.substring(space).strip()));
        }
        Optional<String> error = addrSpecError(text);
        if (error.isPresent()) {
            return Optional.of("invalid email address: " + error.get());
        }
        if (!text.equals(value)) {
            return Optional.of(notBare());
        }
        return Optional.empty();
    }

    private static String notBare() {
        return "invalid email address: make sure the supplied value only contains the email address itself";
    }

    private static Optional<String> addrSpecError(String spec) {
        int at = spec.lastIndexOf('@');
        if (at < 0) {
            if (!spec.isEmpty() && !DOT_ATOM.matcher(spec).matches() && !QUOTED.matcher(spec).matches()) {
                return Optional.of("mail: invalid string");
            }
            return Optional.of("mail: missing @ in addr-spec");
        }
        String local = spec.substring(0, at);
        String domain = spec.substring(at + 1);
        if (!DOT_ATOM.matcher(local).matches() && !QUOTED.matcher(local).matches()) {
            return Optional.of("mail: invalid string");
        }
        if (domain.isEmpty()) {
            return Optional.of("mail: no domain in addr-spec");
        }
        if (!DOT_ATOM.matcher(domain).matches() && !DOMAIN_LITERAL.matcher(domain).matches()) {
            return Optional.of("mail: invalid string");
        }
        return Optional.empty();
    }
}
