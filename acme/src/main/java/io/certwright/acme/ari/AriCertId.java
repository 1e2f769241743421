package io.certwright.acme.ari;

import java.security.cert.X509Certificate;
import java.util.Base64;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;

/**
 * The ARI certificate identifier of RFC 9773 section 4.1: {@code base64url(AKI keyIdentifier) "."
 * base64url(serial)}, both unpadded, where serial is the content octets of the DER INTEGER serial number
 * (two's complement, so a serial whose top bit is set gets a leading zero byte). ACME servers use it in the
 * renewalInfo URL and in the newOrder {@code replaces} field.
 */
public final class AriCertId {
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private AriCertId() {
    }

    /**
     * Returns the CertID of {@code certificate}.
     *
     * @throws IllegalArgumentException when the certificate has no authority key identifier with a
     *     keyIdentifier, which RFC 9773 needs
     */
    public static String of(X509Certificate certificate) {
        byte[] keyIdentifier = authorityKeyIdentifier(certificate);
        byte[] serial = certificate.getSerialNumber().toByteArray();
        return BASE64URL.encodeToString(keyIdentifier) + "." + BASE64URL.encodeToString(serial);
    }

    private static byte[] authorityKeyIdentifier(X509Certificate certificate) {
        byte[] extension = certificate.getExtensionValue(Extension.authorityKeyIdentifier.getId());
        if (extension == null) {
            throw new IllegalArgumentException("certificate " + certificate.getSubjectX500Principal().getName()
                    + " has no authority key identifier extension, so it has no ARI CertID");
        }
        byte[] keyIdentifier;
        try {
            keyIdentifier = AuthorityKeyIdentifier.getInstance(ASN1OctetString.getInstance(extension).getOctets())
                    .getKeyIdentifierOctets();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("certificate " + certificate.getSubjectX500Principal().getName()
                    + " has an invalid authority key identifier extension: " + e.getMessage(), e);
        }
        if (keyIdentifier == null || keyIdentifier.length == 0) {
            throw new IllegalArgumentException("certificate " + certificate.getSubjectX500Principal().getName()
                    + " has an authority key identifier without a keyIdentifier, so it has no ARI CertID");
        }
        return keyIdentifier;
    }
}
