package io.certwright.core.issuers;

import io.certwright.core.cluster.Cluster;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;

/** The backend of each issuer type. Immutable and thread-safe. */
public final class IssuerBackends {
    private final Map<IssuerType, IssuerBackend> backends;

    private IssuerBackends(Map<IssuerType, IssuerBackend> backends) {
        this.backends = Map.copyOf(backends);
    }

    /** SelfSigned and CA backends, and {@link UnsupportedBackend} for the other types. */
    public static IssuerBackends defaults(Cluster cluster, Clock clock) {
        Map<IssuerType, IssuerBackend> backends = new EnumMap<>(IssuerType.class);
        for (IssuerType type : IssuerType.values()) {
            UnsupportedBackend unsupported = UnsupportedBackend.forType(type);
            if (unsupported != null) {
                backends.put(type, unsupported);
            }
        }
        backends.put(IssuerType.SELF_SIGNED, new SelfSignedBackend(cluster, clock));
        backends.put(IssuerType.CA, new CaBackend(cluster, clock));
        return new IssuerBackends(backends);
    }

    /** Returns a copy in which {@code backend} serves {@code type}, e.g. an ACME backend from another module. */
    public IssuerBackends with(IssuerType type, IssuerBackend backend) {
        Map<IssuerType, IssuerBackend> copy = new EnumMap<>(IssuerType.class);
        copy.putAll(backends);
        copy.put(type, backend);
        return new IssuerBackends(copy);
    }

    /** Returns the backend of {@code type}; every type has one. */
    public IssuerBackend get(IssuerType type) {
        return backends.get(type);
    }
}
