package io.certwright.core.certificates.requestmanager;

import io.certwright.api.Defaults;
import io.certwright.api.model.Certificate;
import io.certwright.api.model.CertificateSpec;
import io.certwright.api.model.X509Subject;
import io.certwright.pki.CsrSpec;
import io.certwright.pki.NameConstraintItem;
import io.certwright.pki.NameConstraints;
import io.certwright.pki.OtherName;
import java.util.List;

/**
 * Derives the contents of a certificate signing request from a Certificate spec: subject or literal
 * subject, SANs, usages, isCA, name constraints and signature algorithm. The request manager signs it
 * with the next private key; the issuing controller uses it for temporary certificates.
 */
public final class CsrTemplates {
    private CsrTemplates() {
    }

    public static CsrSpec fromCertificate(Certificate certificate) {
        CertificateSpec spec = certificate.getSpec();
        CsrSpec.Builder builder = CsrSpec.builder()
                .commonName(emptyToNull(spec.getCommonName()))
                .literalSubject(emptyToNull(spec.getLiteralSubject()))
                .dnsNames(spec.getDnsNames())
                .ipAddresses(spec.getIpAddresses())
                .uris(spec.getUris())
                .emailAddresses(spec.getEmailAddresses())
                .otherNames(otherNames(spec.getOtherNames()))
                .usages(spec.getUsages())
                .isCA(Boolean.TRUE.equals(spec.getIsCA()))
                .encodeUsagesInRequest(Defaults.encodeUsagesInRequest(spec))
                .nameConstraints(nameConstraints(spec.getNameConstraints()))
                .signatureAlgorithm(emptyToNull(spec.getSignatureAlgorithm()));

        X509Subject subject = spec.getSubject();
        if (subject != null) {
            builder.organizations(subject.getOrganizations())
                    .countries(subject.getCountries())
                    .organizationalUnits(subject.getOrganizationalUnits())
                    .localities(subject.getLocalities())
                    .provinces(subject.getProvinces())
                    .streetAddresses(subject.getStreetAddresses())
                    .postalCodes(subject.getPostalCodes())
                    .serialNumber(emptyToNull(subject.getSerialNumber()));
        }
        return builder.build();
    }

    private static List<OtherName> otherNames(List<io.certwright.api.model.OtherName> otherNames) {
        if (otherNames == null) {
            return List.of();
        }
        return otherNames.stream().map(name -> new OtherName(name.getOid(), name.getUtf8Value())).toList();
    }

    private static NameConstraints nameConstraints(io.certwright.api.model.NameConstraints constraints) {
        if (constraints == null) {
            return null;
        }
        return new NameConstraints(Boolean.TRUE.equals(constraints.getCritical()),
                item(constraints.getPermitted()), item(constraints.getExcluded()));
    }

    private static NameConstraintItem item(io.certwright.api.model.NameConstraintItem item) {
        if (item == null) {
            return null;
        }
        return new NameConstraintItem(item.getDnsDomains(), item.getIpRanges(), item.getEmailAddresses(),
                item.getUriDomains());
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
