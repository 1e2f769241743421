package io.certwright.core.certificates.policies;

import io.certwright.api.GoDuration;
import io.certwright.api.model.CertificateRequest;
import io.certwright.api.model.CertificateRequestSpec;
import io.certwright.api.model.CertificateSpec;
import io.certwright.api.model.OtherName;
import io.certwright.api.model.X509Subject;
import io.certwright.pki.CsrSpec;
import io.certwright.pki.Csrs;
import io.certwright.pki.KeyAlgorithm;
import io.certwright.pki.ParsedCsr;
import io.certwright.pki.PkiException;
import io.certwright.pki.PrivateKeys;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Compares a CertificateRequest with a Certificate spec and names the spec fields it no longer
 * satisfies, in the order cert-manager reports them. These names appear in condition messages such
 * as "Fields on existing CertificateRequest resource not up to date: [spec.dnsNames]".
 *
 * <p>Rules: SANs and subject lists compare as unordered lists; IP addresses compare as parsed
 * addresses; other names only when the spec sets {@code otherNames}; {@code literalSubject}
 * compares the DER subject byte for byte; usages compare as written, without applying the default
 * usages; {@code duration} only when both the request and the spec set one; the issuer reference by
 * name and by kind and group with their defaults.
 */
public final class RequestMatcher {

    /** DNS name added to the throw-away request that encodes a literal subject, which may lack a common name. */
    private static final String LITERAL_SUBJECT_PLACEHOLDER_DNS_NAME = "literal-subject.invalid";

    private RequestMatcher() {}

    /**
     * Returns the field paths of {@code spec} that {@code request} does not match, for example
     * {@code ["spec.dnsNames", "spec.duration"]}; empty when the request is up to date.
     *
     * @throws PkiException when the request's CSR cannot be decoded, its otherNames cannot be read,
     *     or the spec's {@code literalSubject} cannot be parsed
     */
    public static List<String> requestMatchesSpec(CertificateRequest request, CertificateSpec spec) throws PkiException {
        CertificateRequestSpec requestSpec = request.getSpec() == null ? new CertificateRequestSpec() : request.getSpec();
        ParsedCsr csr = Csrs.parseUnverified(requestSpec.getRequest() == null ? new byte[0] : requestSpec.getRequest());
        X509Subject subject = spec.getSubject() == null ? new X509Subject() : spec.getSubject();

        List<String> violations = new ArrayList<>();
        if (!UnorderedLists.equalAddresses(csr.ipAddresses(), spec.getIpAddresses())) {
            violations.add("spec.ipAddresses");
        }
        if (!UnorderedLists.equal(csr.uris(), spec.getUris())) {
            violations.add("spec.uris");
        }
        if (!UnorderedLists.equal(csr.emailAddresses(), spec.getEmailAddresses())) {
            violations.add("spec.emailAddresses");
        }
        if (!UnorderedLists.equal(csr.dnsNames(), spec.getDnsNames())) {
            violations.add("spec.dnsNames");
        }
        if (spec.getOtherNames() != null && !otherNamesMatch(csr, spec.getOtherNames())) {
            violations.add("spec.otherNames");
        }

        if (isEmpty(spec.getLiteralSubject())) {
            addSubjectViolations(csr, spec, subject, violations);
        } else if (!Arrays.equals(csr.subjectDer(), literalSubjectDer(spec.getLiteralSubject()))) {
            violations.add("spec.literalSubject");
        }

        if (isTrue(requestSpec.getIsCA()) != isTrue(spec.getIsCA())) {
            violations.add("spec.isCA");
        }
        if (!UnorderedLists.equal(requestSpec.getUsages(), spec.getUsages())) {
            violations.add("spec.usages");
        }
        if (requestSpec.getDuration() != null && spec.getDuration() != null
                && !sameDuration(requestSpec.getDuration(), spec.getDuration())) {
            violations.add("spec.duration");
        }
        if (!IssuerRefs.equal(requestSpec.getIssuerRef(), spec.getIssuerRef())) {
            violations.add("spec.issuerRef");
        }
        return violations;
    }

    private static void addSubjectViolations(ParsedCsr csr, CertificateSpec spec, X509Subject subject, List<String> violations) {
        if (!csr.commonName().equals(orEmpty(spec.getCommonName()))) {
            violations.add("spec.commonName");
        }
        if (!csr.serialNumber().equals(orEmpty(subject.getSerialNumber()))) {
            violations.add("spec.subject.serialNumber");
        }
        if (!UnorderedLists.equal(csr.organizations(), subject.getOrganizations())) {
            violations.add("spec.subject.organizations");
        }
        if (!UnorderedLists.equal(csr.countries(), subject.getCountries())) {
            violations.add("spec.subject.countries");
        }
        if (!UnorderedLists.equal(csr.localities(), subject.getLocalities())) {
            violations.add("spec.subject.localities");
        }
        if (!UnorderedLists.equal(csr.organizationalUnits(), subject.getOrganizationalUnits())) {
            violations.add("spec.subject.organizationalUnits");
        }
        // "postCodes" (not "postalCodes") is the path cert-manager reports.
        if (!UnorderedLists.equal(csr.postalCodes(), subject.getPostalCodes())) {
            violations.add("spec.subject.postCodes");
        }
        if (!UnorderedLists.equal(csr.provinces(), subject.getProvinces())) {
            violations.add("spec.subject.provinces");
        }
        if (!UnorderedLists.equal(csr.streetAddresses(), subject.getStreetAddresses())) {
            violations.add("spec.subject.streetAddresses");
        }
    }

    /**
     * Compares the CSR's otherName SANs with the spec's. A CSR without a SubjectAltName extension
     * never matches, even an empty {@code otherNames} list, as upstream.
     */
    private static boolean otherNamesMatch(ParsedCsr csr, List<OtherName> specOtherNames) {
        if (csr.subjectAltNameExtension().isEmpty()) {
            return false;
        }
        List<String> requested = new ArrayList<>();
        for (io.certwright.pki.OtherName name : csr.otherNames()) {
            requested.add(name.oid() + "\u0000" + name.utf8Value());
        }
        List<String> expected = new ArrayList<>();
        for (OtherName name : specOtherNames) {
            expected.add(orEmpty(name.getOid()) + "\u0000" + orEmpty(name.getUtf8Value()));
        }
        return UnorderedLists.equal(requested, expected);
    }

    /**
     * Returns the DER subject that a CSR built from {@code literalSubject} carries, so that the
     * comparison uses exactly the encoding the request manager produces.
     *
     * <p>NOTE: this signs a throw-away CSR because pki exposes no public encoder for a literal
     * subject; a direct encoder there would avoid the signature.
     */
    private static byte[] literalSubjectDer(String literalSubject) throws PkiException {
        CsrSpec csrSpec = CsrSpec.builder()
                .literalSubject(literalSubject)
                .dnsNames(LITERAL_SUBJECT_PLACEHOLDER_DNS_NAME)
                .build();
        String pem = Csrs.buildPem(csrSpec, PlaceholderKey.KEY_PAIR);
        return Csrs.parseUnverified(pem.getBytes(java.nio.charset.StandardCharsets.US_ASCII)).subjectDer();
    }

    private static boolean sameDuration(String left, String right) {
        try {
            return GoDuration.parse(left).equals(GoDuration.parse(right));
        } catch (IllegalArgumentException e) {
            return Objects.equals(left, right);
        }
    }

    private static boolean isTrue(Boolean value) {
        return Boolean.TRUE.equals(value);
    }

    private static boolean isEmpty(String value) {
        return value == null || value.isEmpty();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    /** A key pair generated once, used only to sign throw-away requests that encode a subject. */
    private static final class PlaceholderKey {
        static final KeyPair KEY_PAIR = PrivateKeys.generate(KeyAlgorithm.ED25519, 0);
    }
}
