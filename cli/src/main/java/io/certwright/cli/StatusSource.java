package io.certwright.cli;

import io.certwright.api.model.Certificate;
import io.certwright.api.model.CertificateRequest;
import io.certwright.core.cluster.Event;
import io.certwright.core.cluster.ResourceKind;
import io.certwright.local.StoredState;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Optional;

/** The reads that {@link CertificateStatusReport} makes, from a state directory or from an API server. */
interface StatusSource {
    /** Returns the object, or empty when it does not exist. Cluster-scoped kinds take a null namespace. */
    <T extends HasMetadata> Optional<T> get(ResourceKind<T> kind, String namespace, String name);

    /** Lists the CertificateRequests whose owner references name the Certificate's uid. */
    List<CertificateRequest> requestsOwnedBy(Certificate certificate);

    /** Lists the events about one object, oldest first. */
    List<Event> events(ResourceKind<?> kind, String namespace, String name);

    /** Returns a source that reads the state directory of {@code certwright local}. */
    static StatusSource of(StoredState stored) {
        return new StatusSource() {
            @Override
            public <T extends HasMetadata> Optional<T> get(ResourceKind<T> kind, String namespace, String name) {
                return stored.get(kind, namespace, name);
            }

            @Override
            public List<CertificateRequest> requestsOwnedBy(Certificate certificate) {
                return stored.requestsOwnedBy(certificate);
            }

            @Override
            public List<Event> events(ResourceKind<?> kind, String namespace, String name) {
                return stored.events(kind.kind(), namespace, name);
            }
        };
    }
}
