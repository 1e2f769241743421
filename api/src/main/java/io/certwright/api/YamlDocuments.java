package io.certwright.api;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a YAML stream into documents at {@code ---} lines, the way kubectl does, so that one
 * broken document cannot hide the ones after it.
 */
final class YamlDocuments {
    /** One document's text, its 1-based number in the file and the file line it starts on. */
    record Document(int number, int firstLine, String text) {
    }

    private YamlDocuments() {
    }

    /**
     * Splits the text. A separator is a line starting with {@code ---} followed by nothing, spaces
     * or a comment, or by content that then begins the next document. Lines before the first
     * separator form document 1 only when they hold more than comments; a line {@code ...} ends a
     * document.
     */
    static List<Document> split(String text) {
        String source = text.startsWith("\uFEFF") ? text.substring(1) : text;
        String[] lines = source.split("\r?\n", -1);
        List<Document> documents = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int firstLine = 1;
        boolean sawSeparator = false;
        int number = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (isSeparator(line)) {
                if (sawSeparator || !isBlank(current.toString())) {
                    documents.add(new Document(++number, firstLine, current.toString()));
                }
                sawSeparator = true;
                current.setLength(0);
                firstLine = i + 1;
                // Keep content after "---" on the same line, with its column, as the first line of the next document.
                current.append("   ").append(line.substring(3)).append('\n');
                continue;
            }
            if (line.equals("...")) {
                current.append('\n');
                continue;
            }
            current.append(line).append('\n');
        }
        if (sawSeparator || !isBlank(current.toString())) {
            documents.add(new Document(++number, firstLine, current.toString()));
        }
        return documents;
    }

    /** Returns whether the text holds only blank lines, comments and directives. */
    static boolean isBlank(String text) {
        for (String line : text.split("\n")) {
            String stripped = line.strip();
            if (!stripped.isEmpty() && !stripped.startsWith("#") && !stripped.startsWith("%")) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSeparator(String line) {
        if (!line.startsWith("---")) {
            return false;
        }
        return line.length() == 3 || line.charAt(3) == ' ' || line.charAt(3) == '\t';
    }
}
