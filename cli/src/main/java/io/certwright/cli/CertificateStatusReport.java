package io.certwright.cli;

import io.certwright.api.Annotations;
import io.certwright.api.SecretKeys;
import io.certwright.api.model.Certificate;
import io.certwright.api.model.CertificateCondition;
import io.certwright.api.model.CertificateRequest;
import io.certwright.api.model.CertificateRequestCondition;
import io.certwright.api.model.ClusterIssuer;
import io.certwright.api.model.IssuerCondition;
import io.certwright.api.model.IssuerReference;
import io.certwright.api.model.IssuerStatus;
import io.certwright.core.cluster.Event;
import io.certwright.core.cluster.ResourceKind;
import io.certwright.pki.CertificateInspector;
import io.certwright.pki.Pem;
import io.certwright.pki.PkiException;
import io.fabric8.kubernetes.api.model.Secret;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Renders the {@code status certificate} report in the layout of {@code cmctl status certificate}:
 * one {@code Key: value} per line, nested blocks indented by two spaces, events as a table.
 */
final class CertificateStatusReport {
    private final StatusSource source;
    private final Clock clock;
    private final StringBuilder out = new StringBuilder();

    CertificateStatusReport(StatusSource source, Clock clock) {
        this.source = source;
        this.clock = clock;
    }

    String render(Certificate certificate) {
        String namespace = certificate.getMetadata().getNamespace();
        String name = certificate.getMetadata().getName();
        line(0, "Name: " + name);
        line(0, "Namespace: " + namespace);
        line(0, "Created at: " + certificate.getMetadata().getCreationTimestamp());
        conditions(0, certificate.getStatus() == null ? null : certificate.getStatus().getConditions());
        List<String> dnsNames = certificate.getSpec() == null ? null : certificate.getSpec().getDnsNames();
        if (dnsNames != null && !dnsNames.isEmpty()) {
            line(0, "DNS Names:");
            dnsNames.forEach(dnsName -> line(0, "- " + dnsName));
        }
        events(0, source.events(ResourceKind.CERTIFICATE, namespace, name));
        issuer(certificate);
        secret(certificate);
        if (certificate.getStatus() != null) {
            optionalLine("Not Before: ", certificate.getStatus().getNotBefore());
            optionalLine("Not After: ", certificate.getStatus().getNotAfter());
            optionalLine("Renewal Time: ", certificate.getStatus().getRenewalTime());
        }
        request(certificate);
        return out.toString();
    }

    private void conditions(int indent, List<CertificateCondition> conditions) {
        if (conditions == null || conditions.isEmpty()) {
            line(indent, "Conditions:  No Conditions set");
            return;
        }
        line(indent, "Conditions:");
        for (CertificateCondition condition : conditions) {
            line(indent + 2, condition.getType() + ": " + condition.getStatus() + ", Reason: " + condition.getReason()
                    + ", Message: " + condition.getMessage());
        }
    }

    private void issuer(Certificate certificate) {
        IssuerReference reference = certificate.getSpec() == null ? null : certificate.getSpec().getIssuerRef();
        if (reference == null) {
            return;
        }
        String kind = reference.getKind() == null || reference.getKind().isEmpty() ? "Issuer" : reference.getKind();

        IssuerStatus status;
        List<Event> events;
        if (kind.equals("ClusterIssuer")) {
            Optional<ClusterIssuer> issuer = source.get(ResourceKind.CLUSTER_ISSUER, null, reference.getName());
            if (issuer.isEmpty()) {
                line(0, "Issuer:");
                line(2, "error when finding ClusterIssuer: ClusterIssuer " + reference.getName() + " not found");
                return;
            }
            status = issuer.get().getStatus();
            events = source.events(ResourceKind.CLUSTER_ISSUER, null, reference.getName());
        } else {
            String namespace = certificate.getMetadata().getNamespace();
            Optional<io.certwright.api.model.Issuer> issuer = source.get(ResourceKind.ISSUER, namespace,
                    reference.getName());
            if (issuer.isEmpty()) {
                line(0, "Issuer:");
                line(2, "error when finding Issuer: Issuer " + namespace + "/" + reference.getName() + " not found");
                return;
            }
            status = issuer.get().getStatus();
            events = source.events(ResourceKind.ISSUER, namespace, reference.getName());
        }

        line(0, "Issuer:");
        line(2, "Name: " + reference.getName());
        line(2, "Kind: " + kind);

        List<IssuerCondition> conditions = status == null ? null : status.getConditions();
        if (conditions == null || conditions.isEmpty()) {
            line(2, "Conditions:  No Conditions set");
        } else {
            line(2, "Conditions:");
            for (IssuerCondition condition : conditions) {
                line(4, condition.getType() + ": " + condition.getStatus() + ", Reason: " + condition.getReason()
                        + ", Message: " + condition.getMessage());
            }
        }
        events(2, events);
    }

    private void secret(Certificate certificate) {
        String namespace = certificate.getMetadata().getNamespace();
        String secretName = certificate.getSpec() == null ? null : certificate.getSpec().getSecretName();
        if (secretName == null) {
            return;
        }
        Optional<Secret> secret = source.get(ResourceKind.SECRET, namespace, secretName);
        line(0, "Secret:");
        line(2, "Name: " + secretName);
        if (secret.isEmpty()) {
            line(2, "error when finding Secret \"" + secretName + "\": not found");
            return;
        }
        String pem = secret.get().getData() == null ? null : secret.get().getData().get(SecretKeys.TLS_CERT);
        if (pem == null) {
            line(2, "error: Secret has no " + SecretKeys.TLS_CERT);
            return;
        }
        try {
            List<X509Certificate> chain = Pem.parseCertificates(Base64.getDecoder().decode(pem));
            X509Certificate leaf = chain.get(0);
            line(2, "Issuer Country: " + String.join(", ", issuerPart(leaf, "C")));
            line(2, "Issuer Organisation: " + String.join(", ", issuerPart(leaf, "O")));
            line(2, "Issuer Common Name: " + String.join(", ", issuerPart(leaf, "CN")));
            line(2, "Key Usage: " + String.join(", ", CertificateExtensions.keyUsages(leaf)));
            line(2, "Extended Key Usages: " + String.join(", ", CertificateExtensions.extendedKeyUsages(leaf)));
            line(2, "Public Key Algorithm: " + CertificateExtensions.publicKeyAlgorithm(leaf));
            line(2, "Signature Algorithm: " + CertificateInspector.signatureAlgorithmName(leaf));
            line(2, "Subject Key ID: " + CertificateExtensions.subjectKeyId(leaf));
            line(2, "Authority Key ID: " + CertificateExtensions.authorityKeyId(leaf));
            line(2, "Serial Number: " + HexFormat.of().formatHex(leaf.getSerialNumber().toByteArray()));
            line(2, "Is a CA certificate: " + (leaf.getBasicConstraints() >= 0));
            line(2, "Valid: " + leaf.getNotBefore().toInstant() + " to " + leaf.getNotAfter().toInstant());
        } catch (PkiException | CertificateParsingException | RuntimeException e) {
            line(2, "error when parsing " + SecretKeys.TLS_CERT + ": " + e.getMessage());
        }
        events(2, source.events(ResourceKind.SECRET, namespace, secretName));
    }

    private static List<String> issuerPart(X509Certificate certificate, String attribute) {
        try {
            javax.naming.ldap.LdapName name = new javax.naming.ldap.LdapName(
                    certificate.getIssuerX500Principal().getName(javax.security.auth.x500.X500Principal.RFC2253));
            return name.getRdns().stream().filter(rdn -> rdn.getType().equalsIgnoreCase(attribute))
                    .map(rdn -> String.valueOf(rdn.getValue())).toList();
        } catch (javax.naming.InvalidNameException e) {
            return List.of();
        }
    }

    private void request(Certificate certificate) {
        List<CertificateRequest> owned = source.requestsOwnedBy(certificate);
        Integer revision = certificate.getStatus() == null ? null : certificate.getStatus().getRevision();
        String next = Integer.toString(revision == null ? 1 : revision + 1);
        String current = revision == null ? null : revision.toString();
        Optional<CertificateRequest> chosen = owned.stream().filter(request -> next.equals(revisionOf(request)))
                .findFirst();
        if (chosen.isEmpty()) {
            chosen = owned.stream().filter(request -> current != null && current.equals(revisionOf(request)))
                    .findFirst();
        }
        if (chosen.isEmpty()) {
            line(0, "No CertificateRequest found for this Certificate");
            return;
        }

        CertificateRequest request = chosen.get();
        line(0, "CertificateRequest:");
        line(2, "Name: " + request.getMetadata().getName());
        line(2, "Namespace: " + request.getMetadata().getNamespace());

        List<CertificateRequestCondition> conditions = request.getStatus() == null ? null
                : request.getStatus().getConditions();
        if (conditions == null || conditions.isEmpty()) {
            line(2, "Conditions:  No Conditions set");
        } else {
            line(2, "Conditions:");
            for (CertificateRequestCondition condition : conditions) {
                line(4, condition.getType() + ": " + condition.getStatus() + ", Reason: " + condition.getReason()
                        + ", Message: " + condition.getMessage());
            }
        }
        events(2, source.events(ResourceKind.CERTIFICATE_REQUEST, request.getMetadata().getNamespace(),
                request.getMetadata().getName()));
    }

    private static String revisionOf(CertificateRequest request) {
        return request.getMetadata().getAnnotations() == null ? null
                : request.getMetadata().getAnnotations().get(Annotations.CERTIFICATE_REVISION);
    }

    private void events(int indent, List<Event> events) {
        if (events.isEmpty()) {
            line(indent, "Events:  <none>");
            return;
        }
        line(indent, "Events:");
        String format = "%-8s  %-24s  %-6s  %-40s  %s";
        line(indent + 2, String.format(format, "Type", "Reason", "Age", "From", "Message"));
        line(indent + 2, String.format(format, "----", "------", "----", "----", "-------"));
        for (Event event : events) {
            line(indent + 2, String.format(format, event.type(), event.reason(), age(event.lastTimestamp()),
                    event.source(), event.message()).stripTrailing());
        }
    }

    private String age(Instant time) {
        if (time == null) {
            return "";
        }
        Duration age = Duration.between(time, clock.instant());
        if (age.isNegative() || age.toSeconds() < 60) {
            return Math.max(0, age.toSeconds()) + "s";
        }
        if (age.toMinutes() < 60) {
            return age.toMinutes() + "m";
        }
        if (age.toHours() < 48) {
            return age.toHours() + "h";
        }
        return age.toDays() + "d";
    }

    private void optionalLine(String label, Instant value) {
        if (value != null) {
            line(0, label + value);
        }
    }

    private void line(int indent, String text) {
        out.append(" ".repeat(indent)).append(text).append('\n');
    }
}
