package io.certwright.api.validation;

/** Object identifier syntax as cert-manager parses it: dot-separated decimal integers. */
final class Oids {
    private Oids() {
    }

    /**
     * Returns whether every dot-separated part is a decimal integer. Like cert-manager's parser,
     * a single part is accepted and no range check is made.
     */
    static boolean isDottedDecimal(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        for (String part : text.split("\\.", -1)) {
            if (!part.matches("[+-]?[0-9]+")) {
                return false;
            }
            try {
                Long.parseLong(part.startsWith("+") ? part.substring(1) : part);
            } catch (NumberFormatException e) {
                // Go's strconv.Atoi rejects values outside the 64-bit int range.
                return false;
            }
        }
        return true;
    }
}
