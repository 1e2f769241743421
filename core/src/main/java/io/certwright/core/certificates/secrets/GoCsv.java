package io.certwright.core.certificates.secrets;

import java.util.List;

/**
 * Encodes one CSV record exactly as Go's {@code encoding/csv} writer does, without the trailing
 * newline. cert-manager stores lists in Secret annotations this way, and tools that read those
 * annotations split them with a CSV reader.
 *
 * <p>A field is quoted when it contains a comma, a double quote, CR or LF, when it starts with a
 * Unicode space character, or when it is exactly {@code \.} (a terminator for PostgreSQL imports).
 * The empty field is not quoted. Inside quotes, a double quote is doubled.
 */
public final class GoCsv {

    private GoCsv() {}

    /** Returns the fields as one CSV line. */
    public static String encode(List<String> fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            String field = fields.get(i) == null ? "" : fields.get(i);
            if (needsQuotes(field)) {
                line.append('"').append(field.replace("\"", "\"\"")).append('"');
            } else {
                line.append(field);
            }
        }
        return line.toString();
    }

    private static boolean needsQuotes(String field) {
        if (field.isEmpty()) {
            return false;
        }
        if (field.equals("\\.")) {
            return true;
        }
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                return true;
            }
        }
        return isGoSpace(field.codePointAt(0));
    }

    /** Returns true for the code points Go's {@code unicode.IsSpace} accepts. */
    private static boolean isGoSpace(int codePoint) {
        switch (codePoint) {
            case '\t':
            case '\n':
            case 0x0B:
            case '\f':
            case '\r':
            case ' ':
            case 0x85:
            case 0xA0:
                return true;
            default:
                return codePoint > 0xFF && Character.isSpaceChar(codePoint);
        }
    }
}
