package io.certwright.pki;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;

/**
 * A human-readable report on a certificate Secret, in the layout of {@code cmctl inspect secret}.
 *
 * <p>The report is computed offline: trust is checked against the JDK's default trust store
 * (normally {@code $JAVA_HOME/lib/security/cacerts}) without revocation checks, CRLs are not
 * downloaded and OCSP responders are not contacted.
 */
public final class CertificateInspector {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC).withLocale(java.util.Locale.ROOT);

    private CertificateInspector() {}

    /**
     * Describes the leaf {@code chain[0]}.
     *
     * @param chain the {@code tls.crt} chain, leaf first; must not be empty
     * @param cas the {@code ca.crt} certificates; may be empty
     * @param now the time that validity is checked against
     */
    public static String describe(List<X509Certificate> chain, List<X509Certificate> cas, Instant now) {
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("the chain must contain at least the leaf certificate");
        }
        X509Certificate leaf = chain.get(0);
        List<String> crls = crlDistributionPoints(leaf);
        List<String> ocsp = accessLocations(leaf, AccessDescription.id_ad_ocsp);
        StringBuilder out = new StringBuilder();

        out.append("Valid for:\n");
        line(out, "DNS Names", list(CertificateFacts.dnsNames(leaf)));
        line(out, "URIs", list(CertificateFacts.uris(leaf)));
        line(out, "IP Addresses", list(CertificateFacts.ipAddresses(leaf)));
        line(out, "Email Addresses", list(CertificateFacts.emailAddresses(leaf)));
        line(out, "Usages", list(usageNames(leaf)));

        out.append("\nValidity period:\n");
        line(out, "Not Before", TIME.format(leaf.getNotBefore().toInstant()));
        line(out, "Not After", TIME.format(leaf.getNotAfter().toInstant()));

        out.append("\nIssued By:\n");
        describeName(out, CertificateFacts.issuer(leaf));
        out.append("\nIssued For:\n");
        describeName(out, CertificateFacts.subject(leaf));

        out.append("\nCertificate:\n");
        line(out, "Signing Algorithm", signatureAlgorithmName(leaf));
        line(out, "Public Key Algorithm", publicKeyAlgorithmName(leaf));
        line(out, "Serial Number", leaf.getSerialNumber().toString());
        line(out, "Fingerprints", sha256Fingerprint(leaf));
        line(out, "Is a CA certificate", String.valueOf(leaf.getBasicConstraints() >= 0));
        line(out, "CRL", list(crls));
        line(out, "OCSP", list(ocsp));

        out.append("\nDebugging:\n");
        line(out, "Trusted by this computer", trustedByJdk(chain, cas, now) ? "yes" : "no");
        line(out, "Validity at " + TIME.format(now), validity(leaf, now));
        line(out, "CRL Status", crls.isEmpty() ? "No CRL endpoints set" : "not checked offline (" + crls.size() + " endpoints set)");
        line(out, "OCSP Status", ocsp.isEmpty() ? "No OCSP servers set" : "not checked offline");
        return out.toString();
    }

    /** Returns the cert-manager usage names of the certificate, as {@link CertificateFacts#usageNames}. */
    public static List<String> usageNames(X509Certificate certificate) {
        return CertificateFacts.usageNames(certificate);
    }

    /** The usage names joined by ", ", or "" when the certificate has no usage extension. */
    public static String usagesOf(X509Certificate certificate) {
        return String.join(", ", usageNames(certificate));
    }

    private static void describeName(StringBuilder out, X500Name name) {
        line(out, "Common Name", list(Subjects.values(name, BCStyle.CN)));
        line(out, "Organization", list(Subjects.values(name, BCStyle.O)));
        line(out, "OrganizationalUnit", list(Subjects.values(name, BCStyle.OU)));
        line(out, "Country", list(Subjects.values(name, BCStyle.C)));
    }

    private static void line(StringBuilder out, String label, String value) {
        out.append("\t").append(label).append(":\t").append(value).append('\n');
    }

    private static String list(List<String> values) {
        return values.isEmpty() ? "<none>" : String.join(", ", values);
    }

    private static String validity(X509Certificate certificate, Instant now) {
        if (now.isBefore(certificate.getNotBefore().toInstant())) {
            return "not yet valid";
        }
        if (now.isAfter(certificate.getNotAfter().toInstant())) {
            return "expired";
        }
        return "valid";
    }

    private static String sha256Fingerprint(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return "SHA-256 " + HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("computing a SHA-256 fingerprint failed", e);
        }
    }

    /**
     * Returns true when the chain, completed with {@code cas}, validates at {@code now} against the
     * JDK's default trust anchors, with revocation checking off.
     */
    static boolean trustedByJdk(List<X509Certificate> chain, List<X509Certificate> cas, Instant now) {
        try {
            Set<TrustAnchor> anchors = defaultTrustAnchors();
            if (anchors.isEmpty()) {
                return false;
            }
            List<X509Certificate> path = new ArrayList<>(Chains.bundle(chain.get(0), chain.subList(1, chain.size()), cas).chain());
            PKIXParameters parameters = new PKIXParameters(anchors);
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(now));
            CertPathValidator.getInstance("PKIX").validate(CertificateFactory.getInstance("X.509").generateCertPath(path), parameters);
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static Set<TrustAnchor> defaultTrustAnchors() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        Set<TrustAnchor> anchors = new HashSet<>();
        for (javax.net.ssl.TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager) {
                for (X509Certificate issuer : ((X509TrustManager) manager).getAcceptedIssuers()) {
                    anchors.add(new TrustAnchor(issuer, null));
                }
            }
        }
        return anchors;
    }

    static List<String> crlDistributionPoints(X509Certificate certificate) {
        List<String> urls = new ArrayList<>();
        byte[] value = certificate.getExtensionValue(Extension.cRLDistributionPoints.getId());
        if (value == null) {
            return urls;
        }
        CRLDistPoint points = CRLDistPoint.getInstance(ASN1OctetString.getInstance(value).getOctets());
        for (DistributionPoint point : points.getDistributionPoints()) {
            DistributionPointName name = point.getDistributionPoint();
            if (name != null && name.getType() == DistributionPointName.FULL_NAME) {
                urls.addAll(uriStrings(GeneralNames.getInstance(name.getName())));
            }
        }
        return urls;
    }

    static List<String> accessLocations(X509Certificate certificate, org.bouncycastle.asn1.ASN1ObjectIdentifier method) {
        List<String> urls = new ArrayList<>();
        byte[] value = certificate.getExtensionValue(Extension.authorityInfoAccess.getId());
        if (value == null) {
            return urls;
        }
        AuthorityInformationAccess access = AuthorityInformationAccess.getInstance(ASN1OctetString.getInstance(value).getOctets());
        for (AccessDescription description : access.getAccessDescriptions()) {
            if (description.getAccessMethod().equals(method)
                    && description.getAccessLocation().getTagNo() == GeneralName.uniformResourceIdentifier) {
                urls.add(description.getAccessLocation().getName().toString());
            }
        }
        return urls;
    }

    private static List<String> uriStrings(GeneralNames names) {
        List<String> urls = new ArrayList<>();
        for (GeneralName name : names.getNames()) {
            if (name.getTagNo() == GeneralName.uniformResourceIdentifier) {
                urls.add(name.getName().toString());
            }
        }
        return urls;
    }

    /** Names of signature algorithm OIDs as Go's crypto/x509 prints them, which cmctl shows. */
    private static final java.util.Map<String, String> SIGNATURE_ALGORITHM_NAMES = java.util.Map.of(
            "1.2.840.113549.1.1.11", "SHA256-RSA",
            "1.2.840.113549.1.1.12", "SHA384-RSA",
            "1.2.840.113549.1.1.13", "SHA512-RSA",
            "1.2.840.10045.4.3.2", "ECDSA-SHA256",
            "1.2.840.10045.4.3.3", "ECDSA-SHA384",
            "1.2.840.10045.4.3.4", "ECDSA-SHA512",
            "1.3.101.112", "Ed25519");

    /**
     * Returns the public key algorithm name as Go's crypto/x509 prints it: {@code RSA}, {@code ECDSA} or
     * {@code Ed25519}.
     */
    public static String publicKeyAlgorithmName(X509Certificate certificate) {
        return switch (PrivateKeys.algorithmOf(certificate.getPublicKey())) {
            case RSA -> "RSA";
            case ECDSA -> "ECDSA";
            case ED25519 -> "Ed25519";
        };
    }

    /** Returns the signature algorithm name as Go's crypto/x509 prints it, e.g. {@code ECDSA-SHA256}. */
    public static String signatureAlgorithmName(X509Certificate certificate) {
        return SIGNATURE_ALGORITHM_NAMES.getOrDefault(certificate.getSigAlgOID(), certificate.getSigAlgName());
    }
}
