package io.certwright.kubernetes;

import static io.certwright.kubernetes.CertManagerMetrics.nullToEmpty;

import io.certwright.api.model.Certificate;
import io.certwright.api.model.CertificateCondition;
import io.certwright.api.model.IssuerReference;
import io.certwright.core.cluster.Cluster;
import io.certwright.core.cluster.ResourceKind;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Writes cert-manager's five certificate families straight from the cached Certificates. With 10,000
 * Certificates they are 70,000 of a scrape's lines, so each Certificate's labels are escaped and encoded
 * once into two byte blocks that every family copies, instead of building a {@link PrometheusText.Sample}
 * per line. The output is what {@link PrometheusText#write} writes for the same samples.
 */
final class CertificateFamilies {
    private static final Family EXPIRATION = new Family("certmanager_certificate_expiration_timestamp_seconds",
            "The timestamp after which the certificate expires, expressed in Unix Epoch Time.");
    private static final Family NOT_AFTER = new Family("certmanager_certificate_not_after_timestamp_seconds",
            "The timestamp after which the certificate is invalid, expressed as a Unix Epoch Time.");
    private static final Family NOT_BEFORE = new Family("certmanager_certificate_not_before_timestamp_seconds",
            "The timestamp before which the certificate is invalid, expressed as a Unix Epoch Time.");
    private static final Family READY = new Family("certmanager_certificate_ready_status",
            "The ready status of the certificate.");
    private static final Family RENEWAL = new Family("certmanager_certificate_renewal_timestamp_seconds",
            "The number of seconds before expiration time the certificate should renew.");

    /** The {@code condition} label of each ready-status line, placed between the name and the issuer labels. */
    private static final List<byte[]> CONDITION_LABELS = CertManagerMetrics.CONDITION_STATUSES.stream()
            .map(status -> ascii(",condition=\"" + status + "\"")).toList();

    private static final byte[] VALUE_SEPARATOR = ascii("} ");
    private static final Comparator<Series> ORDER = Comparator.comparing(Series::namespace)
            .thenComparing(Series::name);

    private CertificateFamilies() {
    }

    /** Appends the five families, in name order, with one line per Certificate or three for ready status. */
    static void write(Cluster cluster, ResponseBody out) {
        List<Series> certificates = read(cluster);
        writeTimestamps(out, EXPIRATION, certificates, Series::notAfter);
        writeTimestamps(out, NOT_AFTER, certificates, Series::notAfter);
        writeTimestamps(out, NOT_BEFORE, certificates, Series::notBefore);
        writeReadyStatus(out, certificates);
        writeTimestamps(out, RENEWAL, certificates, Series::renewalTime);
    }

    /** Returns the Ready condition's status, or Unknown when the Certificate has none. */
    private static String readyStatus(Certificate certificate) {
        if (certificate.getStatus() == null || certificate.getStatus().getConditions() == null) {
            return "Unknown";
        }
        for (CertificateCondition condition : certificate.getStatus().getConditions()) {
            if ("Ready".equals(condition.getType()) && condition.getStatus() != null) {
                return condition.getStatus();
            }
        }
        return "Unknown";
    }

    /**
     * Reads every cached Certificate's series, sorted by namespace and name. The Certificates are read in
     * place, so a scrape makes no copy of each one.
     */
    private static List<Series> read(Cluster cluster) {
        List<Series> certificates = new ArrayList<>();
        // Most Certificates of a cluster share a few issuers, so each issuer's block is built once.
        Map<IssuerKey, byte[]> issuerLabels = new HashMap<>();
        cluster.forEachShared(ResourceKind.CERTIFICATE, null,
                certificate -> certificates.add(Series.of(certificate, issuerLabels)));
        certificates.sort(ORDER);
        return certificates;
    }

    private static void writeTimestamps(ResponseBody out, Family family, List<Series> certificates,
            ToLongFunction<Series> seconds) {
        PrometheusText.writeHeader(out, family.name(), family.help(), "gauge");
        for (Series certificate : certificates) {
            out.append(family.lineStart());
            out.append(certificate.nameLabels());
            out.append(certificate.issuerLabels());
            out.append(VALUE_SEPARATOR);
            PrometheusText.writeValue(out, seconds.applyAsLong(certificate));
            out.append((byte) '\n');
        }
    }

    private static void writeReadyStatus(ResponseBody out, List<Series> certificates) {
        PrometheusText.writeHeader(out, READY.name(), READY.help(), "gauge");
        for (Series certificate : certificates) {
            for (int i = 0; i < CONDITION_LABELS.size(); i++) {
                out.append(READY.lineStart());
                out.append(certificate.nameLabels());
                out.append(CONDITION_LABELS.get(i));
                out.append(certificate.issuerLabels());
                out.append(VALUE_SEPARATOR);
                boolean current = CertManagerMetrics.CONDITION_STATUSES.get(i).equals(certificate.ready());
                out.append((byte) (current ? '1' : '0'));
                out.append((byte) '\n');
            }
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** A gauge family of this class, with the bytes that start each of its lines. */
    private record Family(String name, String help, byte[] lineStart) {
        Family(String name, String help) {
            this(name, help, ascii(name + "{"));
        }
    }

    /**
     * The values and label blocks that the families report for one Certificate, with no model object kept.
     * The label blocks are UTF-8 with values escaped: {@code name="…",namespace="…"} and
     * {@code ,issuer_name="…",issuer_kind="…",issuer_group="…"}. Unset timestamps are 0 seconds.
     */
    private record Series(String namespace, String name, byte[] nameLabels, byte[] issuerLabels, String ready,
            long notAfter, long notBefore, long renewalTime) {
        /** @param issuerLabels this scrape's issuer label blocks by issuer, to which a missing one is added */
        static Series of(Certificate certificate, Map<IssuerKey, byte[]> issuerLabels) {
            String namespace = nullToEmpty(certificate.getMetadata().getNamespace());
            String name = certificate.getMetadata().getName();
            IssuerKey issuer = IssuerKey.of(certificate.getSpec() == null ? null : certificate.getSpec().getIssuerRef());
            var status = certificate.getStatus();
            return new Series(namespace, name, nameLabels(name, namespace),
                    issuerLabels.computeIfAbsent(issuer, IssuerKey::labels),
                    readyStatus(certificate),
                    seconds(status == null ? null : status.getNotAfter()),
                    seconds(status == null ? null : status.getNotBefore()),
                    seconds(status == null ? null : status.getRenewalTime()));
        }

        private static byte[] nameLabels(String name, String namespace) {
            return ("name=\"" + PrometheusText.escapeLabelValue(name)
                    + "\",namespace=\"" + PrometheusText.escapeLabelValue(namespace) + "\"")
                    .getBytes(StandardCharsets.UTF_8);
        }

        private static long seconds(Instant instant) {
            return instant == null ? 0 : instant.getEpochSecond();
        }
    }

    /** The issuer labels of a Certificate, empty strings where its issuerRef or a field of it is unset. */
    private record IssuerKey(String name, String kind, String group) {
        static IssuerKey of(IssuerReference issuer) {
            return issuer == null
                    ? new IssuerKey("", "", "")
                    : new IssuerKey(nullToEmpty(issuer.getName()), nullToEmpty(issuer.getKind()),
                            nullToEmpty(issuer.getGroup()));
        }

        /** Returns {@code ,issuer_name="…",issuer_kind="…",issuer_group="…"} with the values escaped, in UTF-8. */
        byte[] labels() {
            return (",issuer_name=\"" + PrometheusText.escapeLabelValue(name)
                    + "\",issuer_kind=\"" + PrometheusText.escapeLabelValue(kind)
                    + "\",issuer_group=\"" + PrometheusText.escapeLabelValue(group) + "\"")
                    .getBytes(StandardCharsets.UTF_8);
        }
    }
}
