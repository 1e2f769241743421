package io.certwright.kubernetes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The value of each {@link FeatureGate} after {@code --feature-gates}, parsed as Kubernetes component-base
 * parses it: comma-separated {@code Name=bool} pairs with case-sensitive names, Go boolean syntax, and
 * {@code AllAlpha} / {@code AllBeta} setting every alpha or beta gate that is not named explicitly.
 *
 * <p>Certwright implements most gates in their default state only. {@link #parse} therefore rejects a value that
 * would change such a gate from its default, so that no flag is accepted and then ignored. Gates that are
 * {@link FeatureGate#switchable()}, such as {@code ACMEUseARI}, accept both values. GA gates are locked to
 * their default in cert-manager as well; {@code ValidateCAA} was removed from cert-manager and is accepted
 * with any value, with no effect.
 */
public final class FeatureGates {
    public static final String ALL_ALPHA = "AllAlpha";
    public static final String ALL_BETA = "AllBeta";

    private static final Set<String> TRUE_VALUES = Set.of("1", "t", "T", "TRUE", "true", "True");
    private static final Set<String> FALSE_VALUES = Set.of("0", "f", "F", "FALSE", "false", "False");

    private final Map<FeatureGate, Boolean> values;

    private FeatureGates(Map<FeatureGate, Boolean> values) {
        this.values = values;
    }

    /** Returns every gate at its default. */
    public static FeatureGates defaults() {
        Map<FeatureGate, Boolean> values = new EnumMap<>(FeatureGate.class);
        for (FeatureGate gate : FeatureGate.values()) {
            values.put(gate, gate.defaultValue());
        }
        return new FeatureGates(values);
    }

    /**
     * Parses a {@code --feature-gates} value such as {@code ServerSideApply=false,AllBeta=true}; blank means
     * all defaults. A gate named twice takes its last value.
     *
     * @throws IllegalArgumentException when a pair has no {@code =} or no Go boolean value, when a gate name
     *     is unknown (the message lists the known names), or when a gate would leave its default state
     */
    public static FeatureGates parse(String flagValue) {
        Map<String, Boolean> requested = parsePairs(flagValue);
        Map<FeatureGate, Boolean> explicit = new EnumMap<>(FeatureGate.class);
        for (Map.Entry<String, Boolean> entry : requested.entrySet()) {
            if (entry.getKey().equals(ALL_ALPHA) || entry.getKey().equals(ALL_BETA)) {
                continue;
            }
            FeatureGate gate = byName(entry.getKey()).orElseThrow(() -> new IllegalArgumentException(
                    "--feature-gates: unknown feature gate " + entry.getKey() + "; known gates: " + knownNames()));
            explicit.put(gate, entry.getValue());
        }

        Map<FeatureGate, Boolean> values = new EnumMap<>(FeatureGate.class);
        Map<FeatureGate, String> setBy = new EnumMap<>(FeatureGate.class);
        for (FeatureGate gate : FeatureGate.values()) {
            String group = gate.stage() == FeatureGate.Stage.ALPHA ? ALL_ALPHA
                    : gate.stage() == FeatureGate.Stage.BETA ? ALL_BETA : null;
            if (explicit.containsKey(gate)) {
                values.put(gate, explicit.get(gate));
                setBy.put(gate, gate.gateName() + "=" + explicit.get(gate));
            } else if (group != null && requested.containsKey(group)) {
                values.put(gate, requested.get(group));
                setBy.put(gate, group + "=" + requested.get(group));
            } else {
                values.put(gate, gate.defaultValue());
            }
        }
        rejectUnsupported(values, setBy);
        return new FeatureGates(values);
    }

    /** Returns whether {@code gate} is enabled. */
    public boolean enabled(FeatureGate gate) {
        return values.get(gate);
    }

    /** Returns the gates whose value differs from cert-manager's default: switchable gates and ValidateCAA. */
    public List<FeatureGate> changedFromDefault() {
        return values.entrySet().stream()
                .filter(entry -> entry.getValue() != entry.getKey().defaultValue())
                .map(Map.Entry::getKey)
                .toList();
    }

    /** Returns every gate as {@code Name=bool}, comma-separated, in the order of {@link FeatureGate}. */
    @Override
    public String toString() {
        return values.entrySet().stream()
                .map(entry -> entry.getKey().gateName() + "=" + entry.getValue())
                .collect(Collectors.joining(","));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FeatureGates gates && gates.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    private static Map<String, Boolean> parsePairs(String flagValue) {
        Map<String, Boolean> pairs = new LinkedHashMap<>();
        if (flagValue == null) {
            return pairs;
        }
        for (String pair : flagValue.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int equals = pair.indexOf('=');
            if (equals < 0) {
                throw new IllegalArgumentException("--feature-gates: missing value for " + pair.trim()
                        + "; write " + pair.trim() + "=true or " + pair.trim() + "=false");
            }
            String name = pair.substring(0, equals).trim();
            String value = pair.substring(equals + 1).trim();
            pairs.put(name, parseBoolean(name, value));
        }
        return pairs;
    }

    private static boolean parseBoolean(String name, String value) {
        if (TRUE_VALUES.contains(value)) {
            return true;
        }
        if (FALSE_VALUES.contains(value)) {
            return false;
        }
        throw new IllegalArgumentException("--feature-gates: invalid value " + name + "=" + value
                + "; use true or false");
    }

    private static void rejectUnsupported(Map<FeatureGate, Boolean> values, Map<FeatureGate, String> setBy) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<FeatureGate, Boolean> entry : values.entrySet()) {
            FeatureGate gate = entry.getKey();
            boolean value = entry.getValue();
            if (value == gate.defaultValue() || gate.switchable() || gate.stage() == FeatureGate.Stage.REMOVED) {
                continue;
            }
            String source = setBy.get(gate);
            String cause = source.startsWith(gate.gateName() + "=") ? "" : " (set by " + source + ")";
            if (gate.stage() == FeatureGate.Stage.GA) {
                problems.add(gate.gateName() + "=" + value + cause + " is not allowed: the gate is GA and locked to its"
                        + " default " + gate.gateName() + "=" + gate.defaultValue());
            } else {
                problems.add(gate.gateName() + "=" + value + cause + " is not supported yet: Certwright implements "
                        + gate.gateName() + " only in its default state " + gate.gateName() + "="
                        + gate.defaultValue());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("--feature-gates: " + String.join("; ", problems)
                    + ". Remove these settings or set the gates to their defaults.");
        }
    }

    private static Optional<FeatureGate> byName(String name) {
        return Arrays.stream(FeatureGate.values()).filter(gate -> gate.gateName().equals(name)).findFirst();
    }

    private static String knownNames() {
        List<String> names = new ArrayList<>(List.of(ALL_ALPHA, ALL_BETA));
        Arrays.stream(FeatureGate.values()).map(FeatureGate::gateName).forEach(names::add);
        return String.join(", ", names);
    }
}
