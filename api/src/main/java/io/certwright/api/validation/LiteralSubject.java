package io.certwright.api.validation;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Parser for {@code spec.literalSubject}: an RFC 4514 distinguished name such as
 * {@code CN=app,O=Example\, Inc.,C=US}. Attribute types are the keywords cert-manager accepts
 * ({@code C, O, OU, CN, SERIALNUMBER, L, ST, STREET, DC, UID}, matched case-sensitively as
 * cert-manager does) or dotted-decimal OIDs; any other type parses but has no OID.
 *
 * <p>RDNs are returned in the order written. Values are unescaped ({@code \,} and {@code \2C});
 * a value starting with {@code #} is kept as its hexadecimal text.
 */
public final class LiteralSubject {
    /** One {@code type=value} pair; {@code oid} is null when the type is neither a keyword nor an OID. */
    public record Attribute(String type, String oid, String value) {
    }

    /** OIDs of the attribute keywords cert-manager accepts in a literal subject. */
    public static final Map<String, String> KEYWORD_OIDS = Map.of(
            "C", "2.5.4.6",
            "O", "2.5.4.10",
            "OU", "2.5.4.11",
            "CN", "2.5.4.3",
            "SERIALNUMBER", "2.5.4.5",
            "L", "2.5.4.7",
            "ST", "2.5.4.8",
            "STREET", "2.5.4.9",
            "DC", "0.9.2342.19200300.100.1.25",
            "UID", "0.9.2342.19200300.100.1.1");

    public static final String COMMON_NAME_OID = "2.5.4.3";

    private LiteralSubject() {
    }

    /**
     * Parses a distinguished name into RDNs, each a list of attributes.
     *
     * @throws IllegalArgumentException when the text is not a distinguished name, with the reason in the message
     */
    public static List<List<Attribute>> parse(String dn) {
        List<List<Attribute>> rdns = new ArrayList<>();
        if (dn.isBlank()) {
            return rdns;
        }
        List<Attribute> rdn = new ArrayList<>();
        int i = 0;
        while (i <= dn.length()) {
            // Attribute type, up to '='.
            int equals = dn.indexOf('=', i);
            if (equals < 0) {
                throw new IllegalArgumentException("DN ended with incomplete type, value pair");
            }
            String type = dn.substring(i, equals).strip();
            if (type.isEmpty()) {
                throw new IllegalArgumentException("incomplete type, value pair");
            }
            if (!type.matches("[A-Za-z][A-Za-z0-9-]*|[0-9]+(\\.[0-9]+)*")) {
                throw new IllegalArgumentException("invalid attribute type \"" + type + "\"");
            }

            // Attribute value, up to an unescaped ',', ';' or '+'.
            ByteArrayOutputStream value = new ByteArrayOutputStream();
            int j = equals + 1;
            int lastSignificant = -1;
            boolean leading = true;
            char terminator = 0;
            while (j < dn.length()) {
                char c = dn.charAt(j);
                if (c == ',' || c == ';' || c == '+') {
                    terminator = c;
                    break;
                }
                if (c == '\\') {
                    if (j + 1 >= dn.length()) {
                        throw new IllegalArgumentException("got corrupted escaped character");
                    }
                    char next = dn.charAt(j + 1);
                    if (j + 2 < dn.length() && isHex(next) && isHex(dn.charAt(j + 2))) {
                        value.write(Integer.parseInt(dn.substring(j + 1, j + 3), 16));
                        j += 3;
                    } else {
                        byte[] escaped = String.valueOf(next).getBytes(StandardCharsets.UTF_8);
                        value.writeBytes(escaped);
                        j += 2;
                    }
                    leading = false;
                    lastSignificant = value.size();
                    continue;
                }
                if (leading && c == ' ') {
                    j++;
                    continue;
                }
                leading = false;
                value.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                if (c != ' ') {
                    lastSignificant = value.size();
                }
                j++;
            }
            byte[] bytes = value.toByteArray();
            int length = Math.max(lastSignificant, 0);
            String text = new String(bytes, 0, length, StandardCharsets.UTF_8);
            if (text.startsWith("#") && !text.substring(1).matches("([0-9A-Fa-f]{2})+")) {
                throw new IllegalArgumentException("failed to decode BER encoding of " + type + " value");
            }
            rdn.add(new Attribute(type, oidOf(type).orElse(null), text));

            if (terminator == '+') {
                i = j + 1;
                continue;
            }
            rdns.add(rdn);
            rdn = new ArrayList<>();
            if (terminator == 0) {
                break;
            }
            i = j + 1;
        }
        return rdns;
    }

    /** Returns the OID for a keyword or a dotted-decimal type, or empty when the type is unknown. */
    public static Optional<String> oidOf(String type) {
        String keyword = KEYWORD_OIDS.get(type);
        if (keyword != null) {
            return Optional.of(keyword);
        }
        return Oids.isDottedDecimal(type) ? Optional.of(type) : Optional.empty();
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
