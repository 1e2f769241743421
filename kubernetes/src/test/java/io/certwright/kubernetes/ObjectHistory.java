package io.certwright.kubernetes;

import io.certwright.api.Conditions;
import io.certwright.api.model.Certificate;
import io.certwright.api.model.CertificateCondition;
import io.certwright.core.cluster.ChangeListener;
import io.certwright.core.cluster.ResourceKind;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What an informer saw happen, in order: CertificateRequest creations and deletions, and each time a
 * Certificate entered {@code Issuing=True}. Entries carry the namespace, so cases in different namespaces
 * share one history.
 */
final class ObjectHistory implements ChangeListener {
    private final List<Entry> requestChanges = new CopyOnWriteArrayList<>();
    private final List<Entry> issuingStarts = new CopyOnWriteArrayList<>();

    /** A recorded change: {@code text} is {@code +name} or {@code -name}, or {@code reason: message}. */
    private record Entry(String namespace, String object, String text) {
    }

    @Override
    public void onChange(ResourceKind<?> kind, HasMetadata oldObject, HasMetadata newObject) {
        if (kind == ResourceKind.CERTIFICATE && newObject != null) {
            recordIssuingStart((Certificate) oldObject, (Certificate) newObject);
        }
        if (kind != ResourceKind.CERTIFICATE_REQUEST) {
            return;
        }
        if (oldObject == null && newObject != null) {
            requestChanges.add(new Entry(newObject.getMetadata().getNamespace(), newObject.getMetadata().getName(),
                    "+" + newObject.getMetadata().getName()));
        } else if (newObject == null && oldObject != null) {
            requestChanges.add(new Entry(oldObject.getMetadata().getNamespace(), oldObject.getMetadata().getName(),
                    "-" + oldObject.getMetadata().getName()));
        }
    }

    /**
     * Returns the creations ({@code +name}) and deletions ({@code -name}) of the requests of one Certificate,
     * recognised by their {@code <certificate>-<revision>} names.
     */
    List<String> requestChanges(String namespace, String certificate) {
        return requestChanges.stream()
                .filter(entry -> entry.namespace().equals(namespace))
                .filter(entry -> ownedBy(entry.object(), certificate))
                .map(Entry::text)
                .toList();
    }

    /** Returns the names of the requests of one Certificate in the order they were created. */
    List<String> createdRequests(String namespace, String certificate) {
        return requestChanges(namespace, certificate).stream()
                .filter(change -> change.startsWith("+"))
                .map(change -> change.substring(1))
                .toList();
    }

    /** Returns each {@code Issuing=True} condition one Certificate entered, as {@code reason: message}. */
    List<String> issuingStarts(String namespace, String certificate) {
        return issuingStarts.stream()
                .filter(entry -> entry.namespace().equals(namespace) && entry.object().equals(certificate))
                .map(Entry::text)
                .toList();
    }

    private static boolean ownedBy(String requestName, String certificate) {
        String suffix = requestName.startsWith(certificate + "-") ? requestName.substring(certificate.length() + 1) : "";
        return !suffix.isEmpty() && suffix.chars().allMatch(Character::isDigit);
    }

    private void recordIssuingStart(Certificate before, Certificate after) {
        Optional<CertificateCondition> now = issuing(after);
        if (now.isEmpty() || !Conditions.TRUE.equals(now.get().getStatus())) {
            return;
        }
        Optional<CertificateCondition> earlier = before == null ? Optional.empty() : issuing(before);
        boolean started = earlier.isEmpty() || !Conditions.TRUE.equals(earlier.get().getStatus())
                || !earlier.get().getReason().equals(now.get().getReason());
        if (started) {
            issuingStarts.add(new Entry(after.getMetadata().getNamespace(), after.getMetadata().getName(),
                    now.get().getReason() + ": " + now.get().getMessage()));
        }
    }

    static Optional<CertificateCondition> condition(Certificate certificate, String type) {
        if (certificate.getStatus() == null || certificate.getStatus().getConditions() == null) {
            return Optional.empty();
        }
        return certificate.getStatus().getConditions().stream()
                .filter(condition -> type.equals(condition.getType()))
                .findFirst();
    }

    private static Optional<CertificateCondition> issuing(Certificate certificate) {
        return condition(certificate, Conditions.ISSUING);
    }
}
