package io.certwright.pki;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * Subject attributes and subject alternative names of a certificate, in the forms that Secret
 * annotations and spec comparisons use. Lists are immutable and in certificate order; IP addresses
 * are in canonical text form, so compare them with {@link IpAddresses#sameAddresses}.
 */
public final class CertificateFacts {

    private CertificateFacts() {}

    public static List<String> dnsNames(X509Certificate certificate) {
        return altNames(certificate).dnsNames();
    }

    /** IP address SANs in canonical text form, for example {@code 2001:db8::1}. */
    public static List<String> ipAddresses(X509Certificate certificate) {
        return altNames(certificate).ipAddresses();
    }

    public static List<String> uris(X509Certificate certificate) {
        return altNames(certificate).uris();
    }

    public static List<String> emailAddresses(X509Certificate certificate) {
        return altNames(certificate).emailAddresses();
    }

    public static List<OtherName> otherNames(X509Certificate certificate) {
        return altNames(certificate).otherNames();
    }

    /** The first common name of the subject, or "" when there is none. */
    public static String commonName(X509Certificate certificate) {
        return Subjects.first(subject(certificate), BCStyle.CN);
    }

    public static List<String> organizations(X509Certificate certificate) {
        return Subjects.values(subject(certificate), BCStyle.O);
    }

    public static List<String> organizationalUnits(X509Certificate certificate) {
        return Subjects.values(subject(certificate), BCStyle.OU);
    }

    public static List<String> countries(X509Certificate certificate) {
        return Subjects.values(subject(certificate), BCStyle.C);
    }

    public static List<String> provinces(X509Certificate certificate) {
        return Subjects.values(subject(certificate), BCStyle.ST);
    }

    public static List<String> localities(X509Certificate certificate) {
        return Subjects.values(subject(certificate), BCStyle.L);
    }

    public static List<String> postalCodes(X509Certificate certificate) {
        return Subjects.values(subject(certificate), BCStyle.POSTAL_CODE);
    }

    public static List<String> streetAddresses(X509Certificate certificate) {
        return Subjects.values(subject(certificate), BCStyle.STREET);
    }

    /** The subject serialNumber attribute (not the certificate serial number), or "" when there is none. */
    public static String serialNumberAttribute(X509Certificate certificate) {
        return Subjects.first(subject(certificate), BCStyle.SERIALNUMBER);
    }

    /** The subject as an RFC 4514 string (last RDN first). */
    public static String subjectRfc4514(X509Certificate certificate) {
        return Subjects.toRfc4514(subject(certificate));
    }

    /** The cert-manager usage names of the KeyUsage and ExtendedKeyUsage extensions, KeyUsage first. */
    public static List<String> usageNames(X509Certificate certificate) {
        X509CertificateHolder holder = holder(certificate);
        return List.copyOf(Usages.decode(
                org.bouncycastle.asn1.x509.KeyUsage.fromExtensions(holder.getExtensions()),
                org.bouncycastle.asn1.x509.ExtendedKeyUsage.fromExtensions(holder.getExtensions())));
    }

    static X500Name subject(X509Certificate certificate) {
        return X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
    }

    static X500Name issuer(X509Certificate certificate) {
        return X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded());
    }

    private static AltNames.Values altNames(X509Certificate certificate) {
        return AltNames.decode(GeneralNames.fromExtensions(holder(certificate).getExtensions(), Extension.subjectAlternativeName));
    }

    private static X509CertificateHolder holder(X509Certificate certificate) {
        try {
            byte[] encoded = certificate.getEncoded();
            return Providers.<X509CertificateHolder, java.io.IOException>allowingEmptyIssuer(
                    () -> new X509CertificateHolder(encoded));
        } catch (CertificateEncodingException | java.io.IOException e) {
            throw new IllegalArgumentException("re-encoding a parsed certificate failed", e);
        }
    }
}
