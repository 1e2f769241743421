package io.certwright.api;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Parses one YAML document into a Jackson tree the way Kubernetes reads YAML (sigs.k8s.io/yaml): aliases
 * are replaced by the values they refer to, {@code <<} merge keys are applied, and duplicate keys are rejected.
 * The tree remembers where each field path starts in the text, so later errors can name a line.
 *
 * <p>Aliases are limited, because a few lines of nested aliases can expand to billions of values.
 */
final class YamlTrees {
    /** Maximum number of aliases to mappings or lists in one document. */
    static final int MAX_ALIASES_FOR_COLLECTIONS = 50;
    /** Maximum number of values that aliases may add to one document when they are expanded. */
    static final int MAX_ALIAS_EXPANDED_VALUES = 10_000;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String MERGE_KEY = "<<";

    /**
     * A parsed document. Positions map field paths ({@code spec.dnsNames[0]}) to the 0-based line and column
     * where the field's key, or the list item, starts within the document text.
     */
    record Tree(JsonNode root, Map<String, Mark> positions) {
        /** Returns the position of a field path, or of its nearest enclosing path that has one. */
        Optional<Mark> positionOf(String path) {
            String current = path;
            while (!current.isEmpty()) {
                Mark mark = positions.get(current);
                if (mark != null) {
                    return Optional.of(mark);
                }
                current = parentOf(current);
            }
            return Optional.empty();
        }

        private static String parentOf(String path) {
            int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
            return cut < 0 ? "" : path.substring(0, cut);
        }
    }

    /** A document that is not valid YAML, or that Kubernetes would not accept as YAML. */
    static final class InvalidYamlException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Mark mark;

        InvalidYamlException(String message, Mark mark) {
            super(message);
            this.mark = mark;
        }

        /** Returns where the problem is, 0-based within the document, when known. */
        Optional<Mark> mark() {
            return Optional.ofNullable(mark);
        }
    }

    private YamlTrees() {
    }

    /**
     * Parses a single document.
     *
     * @param maxCodePoints the largest document accepted
     * @return the tree, whose root is null when the document contains no value
     * @throws InvalidYamlException with a message that starts with "invalid YAML"
     */
    static Tree parse(String text, int maxCodePoints) {
        LoadSettings settings = LoadSettings.builder()
                .setSchema(new CoreSchema())
                .setAllowDuplicateKeys(false)
                .setMaxAliasesForCollections(MAX_ALIASES_FOR_COLLECTIONS)
                .setCodePointLimit(maxCodePoints)
                .build();
        Optional<Node> node;
        try {
            node = new Compose(settings).composeString(text);
        } catch (MarkedYamlEngineException e) {
            throw new InvalidYamlException(describe(e), e.getProblemMark().or(e::getContextMark).orElse(null));
        } catch (YamlEngineException e) {
            throw new InvalidYamlException(describe(e), null);
        }
        if (node.isEmpty()) {
            return new Tree(null, Map.of());
        }
        TreeBuilder builder = new TreeBuilder();
        JsonNode root = builder.build(node.get(), "");
        return new Tree(root, Collections.unmodifiableMap(builder.positions));
    }

    private static String describe(MarkedYamlEngineException e) {
        String problem = e.getProblem() == null ? "" : e.getProblem();
        if (problem.contains("\\t") || problem.contains("TAB") || problem.contains("\t")) {
            return "invalid YAML: a tab character is used for indentation; YAML forbids tabs for indentation, "
                    + "so indent with spaces";
        }
        if (problem.startsWith("found undefined alias ")) {
            String name = problem.substring("found undefined alias ".length()).strip();
            return "invalid YAML: alias *" + name + " is used, but no anchor &" + name + " comes before it in this"
                    + " document; define the anchor first, or quote the value if it is not an alias";
        }
        String context = e.getContext() == null || e.getContext().isEmpty() ? "" : e.getContext() + ": ";
        return "invalid YAML: " + context + problem;
    }

    private static String describe(YamlEngineException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.contains("aliases for non-scalar nodes")) {
            return "invalid YAML: the document uses more than " + MAX_ALIASES_FOR_COLLECTIONS
                    + " aliases to mappings or lists, the limit that protects against alias bombs; write the"
                    + " repeated values out or split the document";
        }
        if (message.contains("exceeds the limit")) {
            return "invalid YAML: the document is too large: " + message;
        }
        return "invalid YAML: " + message;
    }

    /** Converts a composed node graph to a tree, expanding aliases within the limit. */
    private static final class TreeBuilder {
        private final Map<String, Mark> positions = new HashMap<>();
        private final Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        private final Set<Node> ancestors = Collections.newSetFromMap(new IdentityHashMap<>());
        private int expandedValues;

        JsonNode build(Node node, String path) {
            // A node met a second time is the target of an alias: every value under it is a copy.
            if (!seen.add(node) && ++expandedValues > MAX_ALIAS_EXPANDED_VALUES) {
                throw new InvalidYamlException("invalid YAML: the document's aliases expand to more than "
                        + MAX_ALIAS_EXPANDED_VALUES + " values, the limit that protects against alias bombs; write"
                        + " the repeated values out", node.getStartMark().orElse(null));
            }
            if (node instanceof ScalarNode scalar) {
                return scalar(scalar);
            }
            if (!ancestors.add(node)) {
                throw new InvalidYamlException("invalid YAML: an alias refers to a mapping or list that contains"
                        + " it; Kubernetes cannot represent recursive values", node.getStartMark().orElse(null));
            }
            try {
                if (node instanceof SequenceNode sequence) {
                    return sequence(sequence, path);
                }
                return mapping((MappingNode) node, path);
            } finally {
                ancestors.remove(node);
            }
        }

        private ArrayNode sequence(SequenceNode sequence, String path) {
            ArrayNode array = NODES.arrayNode();
            List<Node> items = sequence.getValue();
            for (int i = 0; i < items.size(); i++) {
                String itemPath = path + "[" + i + "]";
                items.get(i).getStartMark().ifPresent(mark -> positions.putIfAbsent(itemPath, mark));
                array.add(build(items.get(i), itemPath));
            }
            return array;
        }

        private ObjectNode mapping(MappingNode mapping, String path) {
            ObjectNode object = NODES.objectNode();
            Map<String, Mark> keyMarks = new LinkedHashMap<>();
            List<Node> merges = new ArrayList<>();
            for (NodeTuple tuple : mapping.getValue()) {
                String key = keyOf(tuple.getKeyNode());
                Mark keyMark = tuple.getKeyNode().getStartMark().orElse(null);
                if (key.equals(MERGE_KEY) && isPlain(tuple.getKeyNode())) {
                    merges.add(tuple.getValueNode());
                    continue;
                }
                Mark first = keyMarks.putIfAbsent(key, keyMark);
                if (first != null) {
                    throw new InvalidYamlException("invalid YAML: mapping key \"" + key + "\""
                            + " is given twice, at line " + (first.getLine() + 1) + " and line "
                            + (keyMark == null ? "?" : String.valueOf(keyMark.getLine() + 1)) + "; keep one", keyMark);
                }
                String childPath = path.isEmpty() ? key : path + "." + key;
                if (keyMark != null) {
                    positions.putIfAbsent(childPath, keyMark);
                }
                object.set(key, build(tuple.getValueNode(), childPath));
            }
            for (Node merge : merges) {
                merge(object, merge, path);
            }
            return object;
        }

        /** Applies a merge key: keys of the merged mappings fill in what the mapping does not set itself. */
        private void merge(ObjectNode target, Node merge, String path) {
            List<Node> sources = merge instanceof SequenceNode sequence ? sequence.getValue() : List.of(merge);
            for (Node source : sources) {
                JsonNode value = build(source, path);
                if (!(value instanceof ObjectNode mapping)) {
                    throw new InvalidYamlException("invalid YAML: the value of a << merge key must be a mapping or a"
                            + " list of mappings", source.getStartMark().orElse(null));
                }
                for (Map.Entry<String, JsonNode> entry : mapping.properties()) {
                    if (!target.has(entry.getKey())) {
                        target.set(entry.getKey(), entry.getValue());
                    }
                }
            }
        }

        private static String keyOf(Node key) {
            if (key instanceof ScalarNode scalar) {
                return scalar.getValue();
            }
            throw new InvalidYamlException("invalid YAML: a mapping key is a mapping or list; Kubernetes accepts only"
                    + " strings as keys", key.getStartMark().orElse(null));
        }

        private static boolean isPlain(Node key) {
            return key instanceof ScalarNode scalar && scalar.isPlain();
        }

        private static JsonNode scalar(ScalarNode scalar) {
            Tag tag = scalar.getTag();
            String text = scalar.getValue();
            if (!scalar.isPlain() && !tag.equals(Tag.INT) && !tag.equals(Tag.FLOAT) && !tag.equals(Tag.BOOL)
                    && !tag.equals(Tag.NULL)) {
                return NODES.stringNode(text);
            }
            if (tag.equals(Tag.NULL)) {
                return NODES.nullNode();
            }
            if (tag.equals(Tag.BOOL)) {
                return NODES.booleanNode(text.toLowerCase(Locale.ROOT).equals("true"));
            }
            // An explicit tag such as !!int can mark text that is not a number.
            try {
                if (tag.equals(Tag.INT)) {
                    return integer(text);
                }
                if (tag.equals(Tag.FLOAT)) {
                    return floating(text);
                }
            } catch (NumberFormatException e) {
                throw new InvalidYamlException("invalid YAML: \"" + text + "\" is tagged " + tag.getValue()
                        + " but is not a number of that type", scalar.getStartMark().orElse(null));
            }
            return NODES.stringNode(text);
        }

        private static JsonNode integer(String text) {
            String digits = text.replace("_", "");
            boolean negative = digits.startsWith("-");
            String unsigned = digits.startsWith("-") || digits.startsWith("+") ? digits.substring(1) : digits;
            BigInteger value;
            if (unsigned.startsWith("0x")) {
                value = new BigInteger(unsigned.substring(2), 16);
            } else if (unsigned.startsWith("0o")) {
                value = new BigInteger(unsigned.substring(2), 8);
            } else {
                value = new BigInteger(unsigned);
            }
            return NODES.numberNode(negative ? value.negate() : value);
        }

        /**
         * Converts a float. Kubernetes turns YAML into JSON through Go's float64, which prints a whole float
         * such as {@code 2048.0} as {@code 2048}, so whole floats become integers here too.
         */
        private static JsonNode floating(String text) {
            String lower = text.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".inf")) {
                return NODES.numberNode(lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
            }
            if (lower.equals(".nan")) {
                return NODES.numberNode(Double.NaN);
            }
            BigDecimal value = new BigDecimal(text.replace("_", ""));
            BigDecimal stripped = value.stripTrailingZeros();
            if (stripped.scale() <= 0 && stripped.precision() - stripped.scale() <= 19) {
                return NODES.numberNode(stripped.toBigIntegerExact());
            }
            return NODES.numberNode(value);
        }
    }
}
