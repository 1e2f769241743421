package io.certwright.acme.dns01;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Creates the {@link DnsProvider} that a solver's {@code dns01} block names. A new provider is one class
 * with a {@link Factory} and one {@link #with} entry; a provider key without a factory fails with a
 * message that names it as not supported yet. Immutable and thread-safe.
 */
public final class DnsProviders {
    private final Map<String, Factory> factories;

    /** Builds a provider from its settings block, reading credentials through {@code secrets}. */
    @FunctionalInterface
    public interface Factory {
        DnsProvider create(Map<String, Object> settings, SecretReader secrets) throws Dns01Exception;
    }

    private DnsProviders(Map<String, Factory> factories) {
        this.factories = Map.copyOf(factories);
    }

    /** Returns the providers Certwright implements: {@code rfc2136}. */
    public static DnsProviders defaults() {
        return new DnsProviders(Map.of()).with("rfc2136", Rfc2136Provider::fromConfig);
    }

    /** Returns a copy that creates providers for {@code key} with {@code factory}, replacing any earlier entry. */
    public DnsProviders with(String key, Factory factory) {
        Map<String, Factory> copy = new LinkedHashMap<>(factories);
        copy.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(factory, "factory"));
        return new DnsProviders(copy);
    }

    /**
     * Creates the provider {@code config} names.
     *
     * @throws Dns01Exception when that provider is not supported yet, or its settings are invalid
     */
    public DnsProvider create(Dns01Config config, SecretReader secrets) throws Dns01Exception {
        Factory factory = factories.get(config.providerName());
        if (factory == null) {
            throw new Dns01Exception("DNS-01 provider \"" + config.providerName() + "\" is not supported yet by"
                    + " Certwright; supported: " + String.join(", ", factories.keySet().stream().sorted().toList())
                    + ". Use one of those, or an http01 solver");
        }
        return factory.create(config.provider(), secrets);
    }
}
