package io.certwright.core.certificates.policies;

import io.certwright.api.model.CertificateSpec;
import io.certwright.pki.CertificateFacts;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Loosely compares an issued certificate with a Certificate spec. It is the fallback when the
 * CertificateRequest that produced the certificate is gone (deleted, or the Certificate was
 * recreated over an existing Secret), so only the names are compared: some issuers move a DNS name
 * into the common name or the reverse, which is why the common name and the DNS names are compared
 * as one set.
 */
public final class SecretCertificateMatcher {

    private SecretCertificateMatcher() {}

    /**
     * Returns the field paths that differ: {@code spec.commonName}, {@code spec.dnsNames},
     * {@code spec.ipAddresses}, {@code spec.uris} and {@code spec.emailAddresses}, in that order.
     */
    public static List<String> violations(X509Certificate certificate, CertificateSpec spec) {
        List<String> violations = new ArrayList<>();

        String specCommonName = spec.getCommonName() == null ? "" : spec.getCommonName();
        List<String> specDnsNames = spec.getDnsNames() == null ? List.of() : spec.getDnsNames();
        String certificateCommonName = CertificateFacts.commonName(certificate);
        List<String> certificateDnsNames = CertificateFacts.dnsNames(certificate);

        Set<String> expectedNames = namesWithCommonName(specDnsNames, specCommonName);
        Set<String> actualNames = namesWithCommonName(certificateDnsNames, certificateCommonName);
        if (!actualNames.equals(expectedNames)) {
            boolean commonNameDiffers = (!specCommonName.isEmpty() && !actualNames.contains(specCommonName))
                    || (!certificateCommonName.isEmpty() && !expectedNames.contains(certificateCommonName));
            if (commonNameDiffers) {
                violations.add("spec.commonName");
            }
            if (!actualNames.containsAll(specDnsNames) || !expectedNames.containsAll(certificateDnsNames)) {
                violations.add("spec.dnsNames");
            }
        }

        if (!UnorderedLists.equalAddresses(CertificateFacts.ipAddresses(certificate), spec.getIpAddresses())) {
            violations.add("spec.ipAddresses");
        }
        if (!UnorderedLists.equal(CertificateFacts.uris(certificate), spec.getUris())) {
            violations.add("spec.uris");
        }
        if (!UnorderedLists.equal(CertificateFacts.emailAddresses(certificate), spec.getEmailAddresses())) {
            violations.add("spec.emailAddresses");
        }
        return violations;
    }

    private static Set<String> namesWithCommonName(List<String> dnsNames, String commonName) {
        Set<String> names = new HashSet<>(dnsNames);
        if (!commonName.isEmpty()) {
            names.add(commonName);
        }
        return names;
    }
}
