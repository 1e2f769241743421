package io.certwright.webhook;

import io.certwright.api.Defaults;
import io.certwright.api.Json;
import io.certwright.api.model.Certificate;
import io.certwright.api.model.CertificateRequest;
import io.certwright.api.model.Challenge;
import io.certwright.api.model.ClusterIssuer;
import io.certwright.api.model.IssuerReference;
import io.certwright.api.model.Issuer;
import io.certwright.api.model.Order;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The old and new object of an admission request, decoded into the cert-manager model. As
 * cert-manager's webhook does before validating, an empty issuerRef kind becomes {@code Issuer}
 * and an empty group {@code cert-manager.io}, so that spelling out the defaults is no change.
 *
 * @param previous the object before an UPDATE, or null on CREATE
 * @param current the object the client sent
 */
record AdmissionObjects(Object previous, Object current) {
    static final String CERT_MANAGER_GROUP = "cert-manager.io";
    static final String ACME_GROUP = "acme.cert-manager.io";

    private static final Map<String, Class<?>> CERT_MANAGER_TYPES = Map.of(
            "certificates", Certificate.class,
            "certificaterequests", CertificateRequest.class,
            "issuers", Issuer.class,
            "clusterissuers", ClusterIssuer.class);
    private static final Map<String, Class<?>> ACME_TYPES = Map.of(
            "orders", Order.class,
            "challenges", Challenge.class);

    /**
     * Decodes the objects of a request for a cert-manager resource.
     *
     * @return empty when the resource is not one of the six cert-manager kinds, so no plugin applies
     * @throws IllegalArgumentException naming the object when its JSON does not fit the model
     */
    static Optional<AdmissionObjects> decode(AdmissionRequest request) {
        Class<?> type = typeOf(request.resource());
        if (type == null) {
            return Optional.empty();
        }
        if (request.object() == null) {
            if (request.operation() == Operation.CREATE || request.operation() == Operation.UPDATE) {
                throw new IllegalArgumentException("request.object is missing; a " + request.operation()
                        + " review must carry the object being written");
            }
            return Optional.empty();
        }
        Object current = decode(request.object(), type, "object");
        Object previous = request.oldObject() == null ? null : decode(request.oldObject(), type, "oldObject");
        return Optional.of(new AdmissionObjects(previous, current));
    }

    static Class<?> typeOf(GroupVersionResource resource) {
        if (CERT_MANAGER_GROUP.equals(resource.group())) {
            return CERT_MANAGER_TYPES.get(resource.resource());
        }
        if (ACME_GROUP.equals(resource.group())) {
            return ACME_TYPES.get(resource.resource());
        }
        return null;
    }

    private static Object decode(JsonNode node, Class<?> type, String field) {
        Object value;
        try {
            value = Json.json().treeToValue(node, type);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("request." + field + " is not a valid " + type.getSimpleName() + ": "
                    + e.getOriginalMessage(), e);
        }
        if (value instanceof Certificate certificate && certificate.getSpec() != null) {
            defaultIssuerReference(certificate.getSpec().getIssuerRef());
        }
        if (value instanceof CertificateRequest request && request.getSpec() != null) {
            defaultIssuerReference(request.getSpec().getIssuerRef());
        }
        return value;
    }

    private static void defaultIssuerReference(IssuerReference reference) {
        if (reference == null) {
            return;
        }
        if (reference.getKind() == null || reference.getKind().isEmpty()) {
            reference.setKind(Defaults.ISSUER_KIND);
        }
        if (reference.getGroup() == null || reference.getGroup().isEmpty()) {
            reference.setGroup(Defaults.GROUP);
        }
    }

    <T> T current(Class<T> type) {
        return type.cast(current);
    }

    <T> T previous(Class<T> type) {
        return previous == null ? null : type.cast(previous);
    }
}
