package io.certwright.core.certificates.secrets;

import io.certwright.api.Annotations;
import io.certwright.pki.CertificateFacts;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The annotations that describe an issued certificate on its Secret. Common name, DNS names, IP
 * addresses and URIs are always written, even when empty; subject attributes and email addresses
 * only when present. Lists are encoded with {@link GoCsv}.
 */
public final class CertificateAnnotations {

    private CertificateAnnotations() {}

    /** Returns the annotations for {@code certificate}, or an empty map when it is null. */
    public static Map<String, String> forCertificate(X509Certificate certificate) {
        Map<String, String> annotations = new TreeMap<>();
        if (certificate == null) {
            return annotations;
        }

        annotations.put(Annotations.COMMON_NAME, CertificateFacts.commonName(certificate));
        putIfNotEmpty(annotations, Annotations.SUBJECT_SERIAL_NUMBER, CertificateFacts.serialNumberAttribute(certificate));

        putCsvIfNotEmpty(annotations, Annotations.SUBJECT_ORGANIZATIONS, CertificateFacts.organizations(certificate));
        putCsvIfNotEmpty(annotations, Annotations.SUBJECT_ORGANIZATIONAL_UNITS, CertificateFacts.organizationalUnits(certificate));
        putCsvIfNotEmpty(annotations, Annotations.SUBJECT_COUNTRIES, CertificateFacts.countries(certificate));
        putCsvIfNotEmpty(annotations, Annotations.SUBJECT_PROVINCES, CertificateFacts.provinces(certificate));
        putCsvIfNotEmpty(annotations, Annotations.SUBJECT_LOCALITIES, CertificateFacts.localities(certificate));
        putCsvIfNotEmpty(annotations, Annotations.SUBJECT_POSTAL_CODES, CertificateFacts.postalCodes(certificate));
        putCsvIfNotEmpty(annotations, Annotations.SUBJECT_STREET_ADDRESSES, CertificateFacts.streetAddresses(certificate));

        putCsvIfNotEmpty(annotations, Annotations.EMAIL_SANS, CertificateFacts.emailAddresses(certificate));
        annotations.put(Annotations.ALT_NAMES, GoCsv.encode(CertificateFacts.dnsNames(certificate)));
        annotations.put(Annotations.IP_SANS, GoCsv.encode(CertificateFacts.ipAddresses(certificate)));
        annotations.put(Annotations.URI_SANS, GoCsv.encode(CertificateFacts.uris(certificate)));
        return annotations;
    }

    private static void putIfNotEmpty(Map<String, String> annotations, String key, String value) {
        if (value != null && !value.isEmpty()) {
            annotations.put(key, value);
        }
    }

    private static void putCsvIfNotEmpty(Map<String, String> annotations, String key, List<String> values) {
        if (!values.isEmpty()) {
            annotations.put(key, GoCsv.encode(values));
        }
    }
}
