package io.certwright.pki;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Strict PEM decoder. Text outside BEGIN/END lines is ignored, as Go's {@code encoding/pem} does,
 * but a BEGIN line without its END line is reported as truncated instead of being dropped.
 */
final class PemBlocks {

    /** One decoded PEM block. {@code encrypted} is set when a {@code Proc-Type: 4,ENCRYPTED} header is present. */
    record Block(String type, byte[] der, boolean encrypted) {}

    private static final String BEGIN = "-----BEGIN ";
    private static final String END = "-----END ";
    private static final String DASHES = "-----";

    private PemBlocks() {}

    /**
     * Decodes every PEM block in {@code input}.
     *
     * @param what a noun for the blocks used in error messages, for example "certificate"
     * @throws PkiException if a block is truncated, malformed or has a body that is not valid base64;
     *     the message names the 1-based index of the block
     */
    static List<Block> decode(byte[] input, String what) throws PkiException {
        String text = new String(input, StandardCharsets.ISO_8859_1);
        List<Block> blocks = new ArrayList<>();
        int position = 0;
        while (true) {
            int begin = text.indexOf(BEGIN, position);
            if (begin < 0) {
                return blocks;
            }
            int index = blocks.size() + 1;
            int typeEnd = text.indexOf(DASHES, begin + BEGIN.length());
            int lineEnd = lineEnd(text, begin);
            if (typeEnd < 0 || typeEnd > lineEnd) {
                throw new PkiException(what + " " + index + " has a malformed BEGIN line");
            }
            String type = text.substring(begin + BEGIN.length(), typeEnd);
            String endLine = END + type + DASHES;
            int end = text.indexOf(endLine, typeEnd);
            int nextBegin = text.indexOf(BEGIN, typeEnd);
            if (end < 0 || (nextBegin >= 0 && nextBegin < end)) {
                throw new PkiException(what + " " + index + " is truncated: no \"" + endLine + "\" line");
            }
            blocks.add(decodeBody(text.substring(typeEnd + DASHES.length(), end), type, what, index));
            position = end + endLine.length();
        }
    }

    private static int lineEnd(String text, int from) {
        int newline = text.indexOf('\n', from);
        return newline < 0 ? text.length() : newline;
    }

    private static Block decodeBody(String body, String type, String what, int index) throws PkiException {
        StringBuilder base64 = new StringBuilder();
        boolean encrypted = false;
        for (String line : body.split("\r?\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            int colon = trimmed.indexOf(':');
            if (colon > 0) {
                // RFC 1421 header such as "Proc-Type: 4,ENCRYPTED" or "DEK-Info: ...".
                if (trimmed.startsWith("Proc-Type:") && trimmed.contains("ENCRYPTED")) {
                    encrypted = true;
                }
                continue;
            }
            base64.append(trimmed);
        }
        if (base64.length() == 0) {
            throw new PkiException(what + " " + index + " (" + type + ") has an empty body");
        }
        try {
            return new Block(type, Base64.getDecoder().decode(base64.toString()), encrypted);
        } catch (IllegalArgumentException e) {
            throw new PkiException(what + " " + index + " (" + type + ") is not valid base64: " + e.getMessage());
        }
    }

    /** Encodes {@code der} as one PEM block with 64-character lines and a trailing newline. */
    static String encode(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return BEGIN + type + DASHES + "\n" + body + "\n" + END + type + DASHES + "\n";
    }
}
